import Testing
import Foundation
@testable import Articles

@Suite("Cleaning")
struct CleaningTests {
    @Test func footerWithTickerScoresIsParsed() throws {
        let txt = """
        Chip stocks rallied on Tuesday.
        Nvidia led the gains.
        AI-powered research, real-time alerts, and portfolio analytics for institutional investors.
        Request a Demo
        Overall Sentiment
        Somewhat-Bullish
        Sentiment Score
        0.31
        Ticker Sentiment
        NVDA
        0.45
        AMD: -0.05
        """
        let a = try #require(parse(txt, path: "2026-11-24/chips.txt").articles.first)
        #expect(a.text == "Chip stocks rallied on Tuesday.\nNvidia led the gains.")
        #expect(a.title == "Chip stocks rallied on Tuesday")
        #expect(a.vendorSentiment == VendorSentiment(score: 0.31, label: "somewhat-bullish", tickers: ["NVDA": 0.45, "AMD": -0.05]))
    }

    @Test func footerIsRemovedFromMarkdownBodyToo() throws {
        let md = "---\ntitle: T\ndate: 2026-11-24\n---\nStory text.\n\nRequest a DemoOverall Sentiment\nneutral\nSentiment Score\n0.00\n"
        let a = try #require(parse(md, path: "a.md").articles.first)
        #expect(a.body == "Story text.")
        #expect(a.text == "Story text.")
        #expect(a.vendorSentiment == VendorSentiment(score: 0, label: "neutral"))
    }

    @Test func proseMentioningSentimentIsKept() throws {
        let txt = "Analysts watch the sentiment score closely.\nOverall sentiment among traders was positive, they said.\nRequest a demo of the new terminal was popular.\n"
        let a = try #require(parse(txt, path: "2026-11-24/a.txt").articles.first)
        #expect(a.text == "Analysts watch the sentiment score closely.\nOverall sentiment among traders was positive, they said.\nRequest a demo of the new terminal was popular.")
        #expect(a.vendorSentiment == nil)
    }

    @Test func marketingLinesAnywhereAreDropped() throws {
        let txt = "Stocks rose.\nAdvertisement\nBonds fell.\nShare this article\n"
        let a = try #require(parse(txt, path: "2026-11-24/a.txt").articles.first)
        #expect(a.text == "Stocks rose.\nBonds fell.")
    }

    @Test func footerFromTheJSONBodyWhenTheFeedHasNoScore() throws {
        let json = "{\"title\": \"T\", \"date\": \"2026-11-24\", \"body\": \"Story.\\nSentiment Score\\n-0.40\"}"
        let a = try #require(parse(json, path: "a.json").articles.first)
        #expect(a.text == "Story.")
        #expect(a.vendorSentiment?.score == -0.40)
    }

    @Test func normalizedTextIgnoresCaseAccentsNotAndPunctuation() {
        #expect(String(decoding: Deduplicator.normalizeText("Société  GÉNÉRALE—up 5%! Ωmega"), as: UTF8.self) == "société générale up 5 ωmega")
        #expect(Deduplicator.normalizeText("  ...  ").isEmpty)
    }
}
