import ArgumentParser
import Foundation
import Site

/// `bellwether-serve FOLDER`: serves a built site folder on 127.0.0.1 until stopped.
///
/// `bellwether serve` builds, watches and rebuilds; it starts this binary (found beside its own)
/// for the HTTP side. The split keeps FlyingFox, and the FoundationNetworking and libcurl it
/// brings, out of `bellwether`, which then links as one static executable that starts in about
/// a millisecond. It can also be run on its own to preview a folder built earlier.
///
/// Once the socket listens it prints one line, `http://127.0.0.1:PORT/`, on standard output:
/// the address for a reader, and how `bellwether serve` learns the port `--port 0` picked.
@main
struct ServeFolder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bellwether-serve",
        abstract: "Serve a built site folder on 127.0.0.1 (the HTTP server behind `bellwether serve`).",
        discussion: """
        Prints http://127.0.0.1:PORT/ on standard output once listening, then serves every GET \
        and HEAD from the folder, read afresh at each request, until interrupted. \
        `bellwether serve` builds the site and rebuilds it on changes; use it to preview articles.
        """
    )

    @Argument(help: "Built site folder.")
    var folder: String

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 8000

    @Flag(help: "Stop when standard input reaches its end (how `bellwether serve` ties this server to its own life).")
    var untilStdinCloses = false

    func run() throws {
        // A process inherits its parent's blocked signals: started by a supervisor or test
        // runner that blocks them, the server would ignore Ctrl-C and `kill`. Unblock them
        // first, before any thread starts (threads inherit this mask too).
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopSignals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)

        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            FileHandle.standardError.write(Data("bellwether: site folder '\(folder)' does not exist\n".utf8))
            throw ExitCode(1)
        }
        let listening = PreviewServer.start(port: port, files: StaticFiles(root: URL(fileURLWithPath: folder)))
        guard case .success(let actualPort) = listening else {
            if case .failure(let error) = listening {
                FileHandle.standardError.write(Data("bellwether: cannot listen on 127.0.0.1:\(port): \(error)\n".utf8))
            }
            throw ExitCode(1)
        }
        // Unbuffered, so whoever reads the address sees it at once.
        FileHandle.standardOutput.write(Data("http://127.0.0.1:\(actualPort)/\n".utf8))
        // The server runs on the concurrency pool; this thread only waits for the end.
        if untilStdinCloses { waitForEndOfStdin() } else { while true { pause() } }
    }

    /// Returns when standard input ends. `bellwether serve` keeps the write end of this
    /// server's stdin open and never writes, so the end comes exactly when that process is
    /// gone, however it ended (even `kill -9`), and the server goes with it.
    func waitForEndOfStdin() {
        var buffer = [UInt8](repeating: 0, count: 512)
        while true {
            let n = read(0, &buffer, buffer.count)
            if n == 0 || (n < 0 && errno != EINTR) { return }
        }
    }
}
