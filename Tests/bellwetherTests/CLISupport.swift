import Foundation

/// The `bellwether` binary built beside this test bundle.
let bellwetherBinary: URL = {
    let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [bundleDir.appendingPathComponent("bellwether"),
                      bundleDir.deletingLastPathComponent().appendingPathComponent("bellwether")] {
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    // `swift test` from the package root: .build/debug/bellwether.
    return repositoryRoot.appendingPathComponent(".build/debug/bellwether")
}()

let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("repository root not found")
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the binary to completion. Output is read on background threads before waiting, so a
/// full pipe never deadlocks.
@discardableResult
func run(_ arguments: [String], stdin: String? = nil, cwd: URL? = nil) throws -> RunResult {
    let p = Process()
    p.executableURL = bellwetherBinary
    p.arguments = arguments
    if let cwd { p.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe(), input = Pipe()
    p.standardOutput = out; p.standardError = err; p.standardInput = input
    try p.run()
    let outData = Collected(), errData = Collected()
    let group = DispatchGroup()
    for (pipe, sink) in [(out, outData), (err, errData)] {
        group.enter()
        DispatchQueue.global().async { sink.data = pipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    }
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    p.waitUntilExit()
    group.wait()
    return RunResult(status: p.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
                     stderr: String(decoding: errData.data, as: UTF8.self))
}

final class Collected: @unchecked Sendable { var data = Data() }

struct TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bellwether-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// Every file under a folder with its bytes.
func snapshot(_ root: URL) -> [String: Data] {
    var out: [String: Data] = [:]
    let base = root.standardizedFileURL.path
    let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    while let u = e?.nextObject() as? URL {
        guard (try? u.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        var p = u.standardizedFileURL.path
        if p.hasPrefix(base + "/") { p.removeFirst(base.count + 1) }
        out[p] = FileManager.default.contents(atPath: u.path)
    }
    return out
}

/// `count` synthetic Markdown articles over a few days, with a varying word so runs differ.
func writeCorpus(_ folder: URL, count: Int, variant: String) throws {
    for i in 0..<count {
        let day = String(format: "2026-11-%02d", 10 + i % 5)
        let dir = folder.appendingPathComponent(day)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = """
        ---
        title: "Company \(i) reports quarter \(variant)"
        date: \(day)
        source: Test Wire
        url: https://news.example.com/\(i)
        tickers: [T\(i % 7)]
        ---
        Company \(i) said revenue rose \(i % 30)% to $\(i).2 billion in the quarter, beating estimates. \
        Margins widened as costs fell, the company said in a statement (\(variant)). \
        Analysts expect further growth next year, although currency swings remain a risk. \
        The shares rose 4% in early trading. Net profit climbed to $\(i % 9).1 billion.

        The board also approved a buyback of $\(i % 5 + 1) billion and raised the dividend.
        """
        try Data(text.utf8).write(to: dir.appendingPathComponent("article-\(i).md"))
    }
}
