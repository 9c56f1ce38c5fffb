import Foundation
import Testing
import Articles
import Analysis
@testable import Site

/// Records keep their articles encoded; what a build decodes from them must be what was put in.
struct EncodedArticlesTests {
    static func cached(_ n: Int) -> CachedArticle {
        let article = Article(path: "feed.jsonl", index: n + 1, line: n + 2, format: .json, title: "Story \(n) — “quoted”",
                              published: Date(timeIntervalSince1970: Double(1_700_000_000 + n)), publishedOffset: 3600,
                              day: Day("2026-11-24")!, source: "Wire", url: n == 1 ? nil : "https://example.com/\(n)?utm_source=x",
                              author: "A. Writer", tags: ["a", "b"], tickers: ["ACME"], body: "Body \(n) text.", bodyFormat: .plain,
                              vendorSentiment: VendorSentiment(score: 0.2, label: "pos", tickers: ["ACME": 0.5]),
                              extra: ["k": "v"])
        let analysis = ArticleAnalysis(sentiment: Sentiment(score: -0.1), evidence: [Evidence(phrase: "miss", contribution: -0.2)],
                                       keyPoints: [KeyPoint(text: "Sales fell \(n)%.", sentiment: Sentiment(score: -0.3), sentenceIndex: 1)],
                                       keyFigures: [KeyFigure(figure: "\(n)%", context: "Sales fell")],
                                       tickers: [TickerSentiment(symbol: "ACME", relevance: 1, sentiment: Sentiment(score: -0.3))])
        return CachedArticle(article: article, analysis: analysis)
    }

    @Test func everyArticleDecodesAsItWasEncoded() throws {
        let articles = (0..<5).map(Self.cached)
        let encoded = EncodedArticles(articles)
        #expect(encoded.count == 5)
        #expect(try encoded.decoded() == articles)
        for i in articles.indices {
            #expect(try encoded.article(i) == articles[i])
            let head = try encoded.head(i)
            #expect(head.path == "feed.jsonl" && head.index == i + 1 && head.line == i + 2)
            #expect(head.baseSlug == articles[i].baseSlug && head.day == articles[i].article.day)
            #expect(head.deduplicationKey == articles[i].deduplicationKey)
        }
        #expect(try encoded.heads() == (0..<5).map { try encoded.head($0) })
        #expect(EncodedArticles([]).isEmpty)
    }

    @Test func bytesReadBackMustHoldTheCountedArticles() throws {
        let encoded = EncodedArticles((0..<3).map(Self.cached))
        #expect(try EncodedArticles(count: 3, bytes: encoded.bytes) == encoded)
        #expect(throws: (any Error).self) { try EncodedArticles(count: 4, bytes: encoded.bytes) }
        #expect(throws: (any Error).self) { try EncodedArticles(count: 2, bytes: encoded.bytes) }
        #expect(throws: (any Error).self) { try EncodedArticles(count: 3, bytes: encoded.bytes.dropLast()) }
    }
}
