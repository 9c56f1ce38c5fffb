import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The HTTP server of `bellwether serve`: the `bellwether-serve` binary beside this one, run as
/// a child process.
///
/// Why a second binary: the server (FlyingFox) brings FoundationNetworking and libcurl, which
/// would make every `bellwether` process load ~50 shared libraries at start, where the static
/// build starts in about a millisecond. Only `serve` pays for the server, once.
///
/// The child's stdin is a pipe whose write end only this process holds and never writes to: when
/// this process ends, however it ends, the child reads the end of input and stops, so a
/// preview never outlives its `bellwether serve`.
struct PreviewServerProcess {
    /// The name of the server binary, looked for in this executable's folder.
    static let binaryName = "bellwether-serve"

    let pid: pid_t
    let port: UInt16
    /// Kept open for the child's life; closing it (or exiting) stops the child.
    private let lifeline: Int32
    /// The read end of the child's stdout, kept open so a stray write there cannot kill it.
    private let output: Int32

    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case cannotStart(String, Int32)
        /// The child said why on standard error (inherited), then exited.
        case didNotListen

        var description: String {
            switch self {
            case .missing(let path):
                return "serve needs \(PreviewServerProcess.binaryName) beside bellwether, and \(path) is not there; "
                    + "build it with `make release` or `swift build -c release --product \(PreviewServerProcess.binaryName)` "
                    + "and keep the two binaries in one folder"
            case .cannotStart(let path, let code):
                return "cannot start \(path): \(String(cString: strerror(code)))"
            case .didNotListen:
                return "the HTTP server did not start"
            }
        }
    }

    /// `bellwether-serve` in the folder of the running executable, symbolic links resolved, so
    /// a `bellwether` linked into /usr/local/bin still finds the server it was built with.
    static func binaryPath() -> String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 {
            let exe = buffer.prefix(n).map { UInt8(bitPattern: $0) }
            folder = URL(fileURLWithPath: String(decoding: exe, as: UTF8.self)).deletingLastPathComponent()
        }
        #endif
        return folder.appendingPathComponent(binaryName).path
    }

    /// The server binary's path, or why serve cannot run: checked before the first build, so a
    /// missing server is said at once.
    static func locate() throws -> String {
        let path = binaryPath()
        guard access(path, X_OK) == 0 else { throw Failure.missing(path) }
        return path
    }

    /// Starts the server binary at `path` on `folder` and returns once it listens, with the
    /// port it got.
    static func start(_ path: String, folder: String, port: UInt16) throws -> PreviewServerProcess {
        // Close-on-exec everywhere; the spawn's dup2 gives the child only its own ends, as 0 and 1.
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1]
        guard makePipe(&stdinPipe), makePipe(&stdoutPipe) else { throw Failure.cannotStart(path, errno) }
        defer { close(stdinPipe[0]); close(stdoutPipe[1]) }

        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)

        keepInheritedDescriptorsFromChildren()
        let arguments = [binaryName, folder, "--port", String(port), "--until-stdin-closes"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, nil, &argv, environ)
        guard code == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0])
            throw Failure.cannotStart(path, code)
        }
        // The child's first line is its address; an end of output before it means it failed.
        close(stdoutPipe[1]); stdoutPipe[1] = -1
        let line = readLine(stdoutPipe[0])
        guard let r = line.range(of: #"^http://127\.0\.0\.1:\d+/$"#, options: .regularExpression),
              let actual = UInt16(line[r].dropFirst("http://127.0.0.1:".count).dropLast()) else {
            close(stdinPipe[1]); close(stdoutPipe[0])
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            throw Failure.didNotListen
        }
        return PreviewServerProcess(pid: pid, port: actual, lifeline: stdinPipe[1], output: stdoutPipe[0])
    }

    /// Whether the server is still running (it can only end on its own by crashing or being
    /// killed; it is then reaped here).
    func isRunning() -> Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    /// Marks every descriptor from 3 up close-on-exec, so the server gets only its stdin,
    /// stdout and stderr. What this process inherited (a supervisor's pipe, the descriptor a
    /// test runner watches to see it end) must not be held open by a child: whoever started
    /// `bellwether serve` would otherwise not see it end while the server lives on.
    private static func keepInheritedDescriptorsFromChildren() {
        #if os(Linux)
        guard let dir = opendir("/proc/self/fd") else { return }
        defer { closedir(dir) }
        let own = dirfd(dir)
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if let fd = Int32(name), fd > 2, fd != own { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        #else
        for fd in 3..<getdtablesize() { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #endif
    }

    /// A pipe whose ends no other program this process starts inherits. (`pipe2` with
    /// O_CLOEXEC is not visible through Glibc; nothing else spawns while serve starts.)
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Bytes up to the first newline (not included) or the end of input.
    private static func readLine(_ fd: Int32) -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 || byte == 0x0A { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
