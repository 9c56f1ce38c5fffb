import Foundation
import Testing
import Articles
import Analysis
@testable import Site

/// The analysis cache is written in pieces; what a later build reads back must be what was saved.
struct BuildCacheFileTests {
    static func record(_ n: Int) -> FileRecord {
        let article = Article(path: "day/\(n).md", format: .markdown, title: "Story \(n) — “quoted”",
                              day: Day("2026-11-24")!, url: "https://example.com/\(n)", tags: ["a", "b"],
                              body: "body", bodyFormat: .markdown)
        let analysis = ArticleAnalysis(sentiment: Sentiment(score: 0.25), evidence: [Evidence(phrase: "beat", contribution: 0.4)],
                                       keyPoints: [KeyPoint(text: "Sales rose \(n)%.", sentiment: Sentiment(score: 0.3), sentenceIndex: 0)],
                                       keyFigures: [], tickers: [TickerSentiment(symbol: "ACME", relevance: 1, sentiment: Sentiment(score: 0.3))])
        return FileRecord(path: article.path, stamp: FileStamp(size: n, modifiedNanos: Int64(n), inode: UInt64(n)),
                          contentHash: UInt64(n), articles: [CachedArticle(article: article, analysis: analysis)],
                          diagnostics: [Diagnostic(path: article.path, line: 2, severity: .warning, message: "note \(n)")])
    }

    @Test func savedInPiecesLoadsBackWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bw-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var cache = BuildCache(key: 42)
        for n in 0..<500 { let r = Self.record(n); cache.files[r.path] = r }
        // Pieces of any size give the same bytes as one piece.
        var pieces: [UInt8] = []
        var count = 0
        cache.encode(chunk: 64) { pieces += $0; count += 1 }
        #expect(count > 1)
        #expect(pieces == cache.encoded())

        let url = dir.appendingPathComponent("analysis.bin")
        try cache.save(url)
        #expect(BuildCache.load(url, key: 42).files == cache.files)
        #expect(BuildCache.load(url, key: 43).files.isEmpty)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["analysis.bin"])
    }

    @Test func truncatedCacheIsIgnored() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bw-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var cache = BuildCache(key: 7)
        let r = Self.record(1); cache.files[r.path] = r
        let url = dir.appendingPathComponent("analysis.bin")
        try cache.save(url)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count - 3).write(to: url)
        #expect(BuildCache.load(url, key: 7).files.isEmpty)
    }
}
