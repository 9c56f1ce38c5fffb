import Foundation

/// Maps a request path to a file of a built site, for `bellwether serve`: the same answers a
/// plain static web server gives, so a preview behaves like the real thing.
///
/// `/` and any folder answer with its `index.html`; a folder asked for without its trailing
/// slash is redirected to it (so the page's relative links resolve the way they will in
/// production). A path that would leave the site (`..`, a symbolic link pointing out) is not
/// found, and so is a hidden file (the build's own `.name.tmp-…` files, for one).
public struct StaticFiles: Sendable {
    public enum Answer: Equatable, Sendable {
        case file(path: String, contentType: String)
        case redirect(location: String)
        case notFound
    }

    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    /// `path` is the decoded request path (`/tickers/AAPL/`), without query.
    public func answer(for path: String) -> Answer {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // `.`, `..` and hidden names (the build's `.x.tmp-…` files) never name a page.
        for part in parts where part.hasPrefix(".") || part.contains("\0") {
            return .notFound
        }
        let fm = FileManager.default
        let base = root.resolvingSymlinksInPath().path
        var url = root
        for part in parts { url.appendPathComponent(part) }
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else { return .notFound }
        if isDir.boolValue {
            if !path.hasSuffix("/") { return .redirect(location: path + "/") }
            url.appendPathComponent("index.html")
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { return .notFound }
        }
        let resolved = url.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(base + "/") else { return .notFound }
        return .file(path: resolved, contentType: Self.contentType(forPath: resolved))
    }

    /// The media type a file is served with. Feeds get their own types so browsers and feed
    /// readers recognise them; text is UTF-8, which is what every build writes.
    public static func contentType(forPath path: String) -> String {
        let name = (path as NSString).lastPathComponent.lowercased()
        if name == "feed.xml" { return "application/atom+xml; charset=utf-8" }
        if name == "feed.json" { return "application/feed+json; charset=utf-8" }
        switch (name as NSString).pathExtension {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        default: return "application/octet-stream"
        }
    }
}

/// What the files under some folders look like (path, size, modification time), to notice an
/// added, removed or edited article or template by polling: no file-system event API needed,
/// and a rebuild takes a second anyway.
public struct SourceSnapshot: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        let path: String
        let size: Int
        let modified: Double
    }
    let entries: [Entry]

    public init(folders: [URL]) {
        var out: [Entry] = []
        let fm = FileManager.default
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        for folder in folders {
            guard let e = fm.enumerator(at: folder, includingPropertiesForKeys: keys) else { continue }
            while let url = e.nextObject() as? URL {
                guard let v = try? url.resourceValues(forKeys: Set(keys)), v.isRegularFile == true else { continue }
                out.append(Entry(path: url.path, size: v.fileSize ?? 0,
                                 modified: v.contentModificationDate?.timeIntervalSince1970 ?? 0))
            }
        }
        entries = out.sorted { $0.path < $1.path }
    }

    public var fileCount: Int { entries.count }
}
