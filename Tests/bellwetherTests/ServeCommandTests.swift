import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `bellwether serve` as a reader uses it: the real binary started on a free port, pages fetched
/// over HTTP, an article added while it runs. The HTTP side is the `bellwether-serve` binary
/// that `serve` starts from its own folder; these tests go through `bellwether serve` only.
@Suite(.serialized) struct ServeCommandTests {
    @Test func servesTheSiteWithContentTypesAndRebuildsWhenAnArticleArrives() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let tmp = folder.url
        let articles = tmp.appendingPathComponent("articles")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/articles"), to: articles)

        let server = try ServerProcess(arguments: ["serve", articles.path, "--out", tmp.appendingPathComponent("site").path,
                                                   "--port", "0", "--interval", "0.2"])
        defer { server.stop() }
        let base = try await server.address(timeout: 120)
        #expect(base.hasPrefix("http://127.0.0.1:"))

        let home = try await fetch(base)
        #expect(home.status == 200)
        #expect(home.type == "text/html; charset=utf-8")
        #expect(home.body.contains("Latest briefing"))
        for (path, type) in [("assets/style.css", "text/css; charset=utf-8"),
                             ("assets/search.js", "text/javascript; charset=utf-8"),
                             ("search/search-index.js", "text/javascript; charset=utf-8"),
                             ("feed.xml", "application/atom+xml; charset=utf-8"),
                             ("feed.json", "application/feed+json; charset=utf-8"),
                             ("api/index.json", "application/json; charset=utf-8"),
                             ("index.md", "text/markdown; charset=utf-8"),
                             ("tickers/NVDA/", "text/html; charset=utf-8")] {
            let r = try await fetch(base + path)
            #expect(r.status == 200, "\(path)")
            #expect(r.type == type, "\(path): \(r.type)")
        }
        // A folder without its slash is redirected, so its relative links resolve.
        let tickers = try await fetch(base + "tickers")
        #expect(tickers.status == 200 && tickers.url.hasSuffix("/tickers/"))
        #expect(try await fetch(base + "no-such-page.html").status == 404)
        #expect(try await fetch(base + "tickers/%2e%2e/%2e%2e/%2e%2e/etc/passwd").status == 404)

        // A new article shows up without restarting.
        let day = articles.appendingPathComponent("2026-11-27")
        try FileManager.default.createDirectory(at: day, withIntermediateDirectories: true)
        try Data("""
        ---
        title: Zephyr Freight lifts guidance after record quarter
        tickers: [ZPHR]
        ---
        Zephyr Freight (NASDAQ: ZPHR) raised its full-year outlook after record volumes.
        """.utf8).write(to: day.appendingPathComponent("zephyr.md"))
        var seen = false
        for _ in 0..<150 where !seen {
            try await Task.sleep(nanoseconds: 200_000_000)
            seen = try await fetch(base).body.contains("Zephyr Freight")
        }
        #expect(seen, "the new article never appeared; server said:\n\(server.output)")
        #expect(try await fetch(base + "tickers/ZPHR/").status == 200)
        #expect(server.output.contains("rebuilt: 35 articles"))
        // It stops when asked to, even when started by a process that blocks signals, and the
        // HTTP server goes with it: nothing answers on the port any more.
        #expect(server.stop(), "the server ignored SIGTERM")
        var closed = false
        for _ in 0..<50 where !closed {
            closed = (try? await fetch(base)) == nil
            if !closed { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        #expect(closed, "\(base) still answers after bellwether serve stopped")
    }

    @Test func aPortInUseIsReportedAtOnceWithExitStatusOne() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        let articles = folder.url.appendingPathComponent("articles")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/articles"), to: articles)
        let first = try ServerProcess(arguments: ["serve", articles.path, "--out", folder.url.appendingPathComponent("one").path,
                                                  "--port", "0"])
        defer { first.stop() }
        let base = try await first.address(timeout: 120)
        let port = String(base.dropFirst("http://127.0.0.1:".count).dropLast())

        let started = Date()
        let second = try run(["serve", articles.path, "--out", folder.url.appendingPathComponent("two").path, "--port", port])
        #expect(second.status == 1)
        #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(port)"), "\(second.stderr)")
        #expect(Date().timeIntervalSince(started) < 8, "a busy port should fail at once, not at a timeout")
        #expect(try await fetch(base).status == 200, "the first server must keep serving")
    }

    @Test func withoutTheServerBinaryBesideItServeSaysWhatIsMissingBeforeBuilding() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        // A copy of bellwether alone in a folder, as if installed without bellwether-serve.
        let bin = folder.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let lonely = bin.appendingPathComponent("bellwether")
        if link(bellwetherBinary.path, lonely.path) != 0 { try FileManager.default.copyItem(at: bellwetherBinary, to: lonely) }
        let out = folder.url.appendingPathComponent("site")

        let p = Process()
        p.executableURL = lonely
        p.arguments = ["serve", repositoryRoot.appendingPathComponent("examples/articles").path, "--out", out.path, "--port", "0"]
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        #expect(message.contains("bellwether-serve"), "\(message)")
        #expect(message.contains(bin.appendingPathComponent("bellwether-serve").path), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing should be built when it cannot be served")
    }

    struct Response { let status: Int; let type: String; let body: String; let url: String }

    func fetch(_ url: String) async throws -> Response {
        var request = URLRequest(url: URL(string: url)!)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return Response(status: http.statusCode, type: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                        body: String(decoding: data, as: UTF8.self), url: http.url?.absoluteString ?? "")
    }
}

/// The built `bellwether` binary, running with its output collected.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var collected = ""

    var output: String { lock.lock(); defer { lock.unlock() }; return collected }

    init(arguments: [String]) throws {
        process.executableURL = try Self.binary()
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock(); self.collected += String(decoding: data, as: UTF8.self); self.lock.unlock()
        }
        try process.run()
    }

    /// The `http://127.0.0.1:PORT/` the server announced.
    func address(timeout: Double) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let r = output.range(of: #"http://127\.0\.0\.1:\d+/"#, options: .regularExpression) {
                return String(output[r])
            }
            if !process.isRunning { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw ServeTestError("server did not start; output:\n\(output)")
    }

    /// Sends SIGTERM as a supervisor would; returns whether the server stopped on it within
    /// five seconds (else it is killed, so a test never hangs on it).
    @discardableResult
    func stop() -> Bool {
        guard process.isRunning else { return true }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        return true
    }

    /// The binary `CLISupport.swift` finds beside the test bundle.
    static func binary() throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: bellwetherBinary.path) else {
            throw ServeTestError("bellwether binary not found at \(bellwetherBinary.path); run `swift build` first")
        }
        return bellwetherBinary
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
