import Foundation

/// The repository root, found from this file's path (tests run from any folder).
let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("repository root not found above \(#filePath)")
}()

/// A fresh temporary folder, removed by the caller with `cleanup()`.
struct TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bellwether-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func cleanup() { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}

/// Every file under a folder, relative paths, sorted.
func listFiles(_ root: URL) -> [String] {
    let base = root.standardizedFileURL.path
    var out: [String] = []
    let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    while let u = e?.nextObject() as? URL {
        if (try? u.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            var p = u.standardizedFileURL.path
            if p.hasPrefix(base + "/") { p.removeFirst(base.count + 1) }
            out.append(p)
        }
    }
    return out.sorted()
}

func read(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

/// The values of `href="…"` and `src="…"` attributes in an HTML page.
func linkTargets(in html: String) -> [String] {
    var out: [String] = []
    for attr in ["href=\"", "src=\""] {
        var rest = html[...]
        while let r = rest.range(of: attr) {
            rest = rest[r.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            out.append(String(rest[..<end]))
            rest = rest[end...]
        }
    }
    return out
}

/// Internal links of every HTML page under `site` that do not resolve to a file.
func brokenInternalLinks(site: URL) -> [String] {
    var broken: [String] = []
    for page in listFiles(site) where page.hasSuffix(".html") {
        let html = read(site.appendingPathComponent(page))
        let dir = site.appendingPathComponent(page).deletingLastPathComponent()
        for target in linkTargets(in: html) {
            if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
            if target.hasPrefix("#") { continue }
            let path = String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                .replacingOccurrences(of: "&amp;", with: "&")
            let decoded = path.removingPercentEncoding ?? path
            let resolved = dir.appendingPathComponent(decoded).standardizedFileURL
            if !FileManager.default.fileExists(atPath: resolved.path) { broken.append("\(page): \(target)") }
        }
    }
    return broken
}
