import Foundation

/// Writes the files of one build into a staging folder beside the output, then publishes the
/// staging folder in place of the output with renames only, so readers never see a half site.
///
/// First cut: staging + swap by two renames. (The nightly-build issue replaces this with
/// persistent trees and compare-and-skip.)
final class OutputWriter: @unchecked Sendable {
    let output: URL
    let staging: URL
    private let lock = NSLock()
    private var madeDirectories: Set<String> = []
    private(set) var filesWritten = 0

    init(output: URL) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).staging-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Thread-safe: pages are written from several threads.
    func write(_ path: String, _ bytes: some Collection<UInt8>) throws {
        let url = staging.appendingPathComponent(path)
        let dir = url.deletingLastPathComponent().path
        lock.lock()
        let known = madeDirectories.contains(dir)
        if !known { madeDirectories.insert(dir) }
        filesWritten += 1
        lock.unlock()
        if !known { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try Data(bytes).write(to: url)
    }

    func write(_ path: String, text: String) throws { try write(path, Array(text.utf8)) }

    func publish() throws {
        let fm = FileManager.default
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        if fm.fileExists(atPath: output.path) {
            try fm.moveItem(at: output, to: old)
        }
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            if fm.fileExists(atPath: old.path) { try? fm.moveItem(at: old, to: output) }
            throw error
        }
        try? fm.removeItem(at: old)
    }

    func discard() { try? FileManager.default.removeItem(at: staging) }
}
