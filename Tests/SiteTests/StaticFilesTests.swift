import Foundation
import Testing
@testable import Site

/// What `bellwether serve` answers for a path, without a server.
@Suite struct StaticFilesTests {
    func site() throws -> TemporaryFolder {
        let tmp = try TemporaryFolder()
        try tmp.write("site/index.html", "<p>home</p>")
        try tmp.write("site/tickers/index.html", "<p>tickers</p>")
        try tmp.write("site/tickers/BRK.B/feed.xml", "<feed/>")
        try tmp.write("site/feed.json", "{}")
        try tmp.write("site/api/2026-11-24.json", "[]")
        try tmp.write("site/assets/search.js", "")
        try tmp.write("site/.index.html.tmp-1-2", "half")
        try tmp.write("secret.txt", "outside")
        return tmp
    }

    @Test func foldersServeTheirIndexAndNeedTheirSlash() throws {
        let tmp = try site()
        defer { tmp.cleanup() }
        let files = StaticFiles(root: tmp.url.appendingPathComponent("site"))
        guard case .file(let home, let type) = files.answer(for: "/") else { Issue.record("no home"); return }
        #expect(home.hasSuffix("/site/index.html"))
        #expect(type == "text/html; charset=utf-8")
        // Without the slash the page's relative links would resolve one folder too high.
        #expect(files.answer(for: "/tickers") == .redirect(location: "/tickers/"))
        guard case .file(let tickers, _) = files.answer(for: "/tickers/") else { Issue.record("no tickers"); return }
        #expect(tickers.hasSuffix("/site/tickers/index.html"))
        #expect(files.answer(for: "/nothing.html") == .notFound)
    }

    @Test func nothingOutsideTheSiteOrHiddenIsServed() throws {
        let tmp = try site()
        defer { tmp.cleanup() }
        let files = StaticFiles(root: tmp.url.appendingPathComponent("site"))
        #expect(files.answer(for: "/../secret.txt") == .notFound)
        #expect(files.answer(for: "/tickers/../../secret.txt") == .notFound)
        #expect(files.answer(for: "/.index.html.tmp-1-2") == .notFound)
        #expect(files.answer(for: "/./index.html") == .notFound)
    }

    @Test func contentTypesFollowWhatTheFileIs() throws {
        let tmp = try site()
        defer { tmp.cleanup() }
        let files = StaticFiles(root: tmp.url.appendingPathComponent("site"))
        func type(_ path: String) -> String? {
            if case .file(_, let t) = files.answer(for: path) { return t }
            return nil
        }
        #expect(type("/tickers/BRK.B/feed.xml") == "application/atom+xml; charset=utf-8")
        #expect(type("/feed.json") == "application/feed+json; charset=utf-8")
        #expect(type("/api/2026-11-24.json") == "application/json; charset=utf-8")
        #expect(type("/assets/search.js") == "text/javascript; charset=utf-8")
        #expect(StaticFiles.contentType(forPath: "a/style.css") == "text/css; charset=utf-8")
        #expect(StaticFiles.contentType(forPath: "sitemap.xml") == "application/xml; charset=utf-8")
        #expect(StaticFiles.contentType(forPath: "index.md") == "text/markdown; charset=utf-8")
        #expect(StaticFiles.contentType(forPath: "logo.svg") == "image/svg+xml")
    }

    @Test func snapshotNoticesAddedEditedAndRemovedFiles() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanup() }
        let a = try tmp.write("articles/2026-11-24/a.md", "one")
        let before = SourceSnapshot(folders: [tmp.url.appendingPathComponent("articles")])
        #expect(before.fileCount == 1)
        #expect(SourceSnapshot(folders: [tmp.url.appendingPathComponent("articles")]) == before)
        try Data("one, longer".utf8).write(to: a)
        let edited = SourceSnapshot(folders: [tmp.url.appendingPathComponent("articles")])
        #expect(edited != before)
        let b = try tmp.write("articles/2026-11-25/b.md", "two")
        let added = SourceSnapshot(folders: [tmp.url.appendingPathComponent("articles")])
        #expect(added != edited && added.fileCount == 2)
        try FileManager.default.removeItem(at: b)
        #expect(SourceSnapshot(folders: [tmp.url.appendingPathComponent("articles")]) == edited)
    }
}
