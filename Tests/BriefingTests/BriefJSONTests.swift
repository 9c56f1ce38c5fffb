import Foundation
import Testing
import Articles
import Analysis
@testable import Briefing

@Suite struct BriefJSONTests {
    func sampleBrief(published: Date? = Date(timeIntervalSince1970: 1_795_530_600), offset: Int? = -18000) -> Brief {
        let article = Article(path: "2026-11-24/a.md", format: .markdown, title: "Acme \"beats\" <estimates>",
                              published: published, publishedOffset: offset, day: Day("2026-11-24")!,
                              source: "Wire", url: "https://example.com/a", body: "x", bodyFormat: .markdown,
                              vendorSentiment: VendorSentiment(score: 0.2, label: "mildly positive"))
        let analysis = ArticleAnalysis(
            sentiment: Sentiment(score: 0.41234), evidence: [Evidence(phrase: "beat estimates", contribution: 0.3)],
            keyPoints: [KeyPoint(text: "Profit rose 12%.", sentiment: Sentiment(score: 0.5), tag: .result, sentenceIndex: 0)],
            keyFigures: [KeyFigure(figure: "12%", context: "profit growth")],
            tickers: [TickerSentiment(symbol: "ACME", relevance: 0.9, sentiment: Sentiment(score: 0.3))])
        return Brief(article: article, slug: "acme-beats-estimates", analysis: analysis)
    }

    @Test func hasTheDocumentedShape() throws {
        let text = BriefJSON.encode(sampleBrief())
        let o = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(o["title"] as? String == "Acme \"beats\" <estimates>")
        #expect(o["date"] as? String == "2026-11-24T09:30:00-05:00")
        #expect(o["source"] as? String == "Wire")
        #expect(o["url"] as? String == "https://example.com/a")
        let s = try #require(o["sentiment"] as? [String: Any])
        #expect(s["score"] as? Double == 0.412)
        #expect(s["label"] as? String == "positive")
        let t = try #require((o["tickers"] as? [[String: Any]])?.first)
        #expect(t["symbol"] as? String == "ACME")
        #expect(t["relevance"] as? Double == 0.9)
        #expect(t["label"] as? String == "mildly positive")
        let k = try #require((o["key_points"] as? [[String: Any]])?.first)
        #expect(k["text"] as? String == "Profit rose 12%.")
        #expect(k["label"] as? String == "positive")
        #expect(k["tag"] as? String == "result")
        #expect((o["vendor_sentiment"] as? [String: Any])?["score"] as? Double == 0.2)
    }

    @Test func isDeterministicWithSortedKeys() {
        let a = BriefJSON.encode(sampleBrief()), b = BriefJSON.encode(sampleBrief())
        #expect(a == b)
        #expect(a.hasPrefix("{\"date\":"))
    }

    @Test func dayOnlyArticlesPrintTheDay() throws {
        let text = BriefJSON.encode(sampleBrief(published: nil, offset: nil))
        #expect(text.contains("\"date\":\"2026-11-24\""))
    }

    @Test func stringsAreEscapedAsJSON() {
        var out = ""
        JSONValue.writeString("a\"b\\c\nd\u{1}\u{2028}", into: &out)
        #expect(out == #""a\"b\\c\nd\u0001\u2028""#)
    }

    @Test func numbersAreRoundedWithoutNegativeZero() {
        #expect(JSONValue.format(0.12345) == "0.123")
        #expect(JSONValue.format(-0.0001) == "0")
        #expect(JSONValue.format(2) == "2")
        #expect(JSONValue.format(.nan) == "0")
    }

    @Test func isoDatesKeepTheirOffset() {
        let d = Date(timeIntervalSince1970: 1_795_530_600) // 2026-11-24T14:30:00Z
        #expect(BriefDates.iso8601(d, offset: 0) == "2026-11-24T14:30:00Z")
        #expect(BriefDates.iso8601(d, offset: 8 * 3600) == "2026-11-24T22:30:00+08:00")
        #expect(BriefDates.iso8601(d, offset: -(5 * 3600 + 1800)) == "2026-11-24T09:00:00-05:30")
        #expect(BriefDates.iso8601(Date(timeIntervalSince1970: 0), offset: 0) == "1970-01-01T00:00:00Z")
        #expect(BriefDates.iso8601(Date(timeIntervalSince1970: 951_782_400), offset: 0) == "2000-02-29T00:00:00Z")
    }
}
