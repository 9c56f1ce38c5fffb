import Testing
import Foundation
@testable import Articles

@Suite("Formats")
struct FormatTests {
    @Test func markdownFrontMatterFields() throws {
        let md = """
        ---
        title: "Apex Holdings: record quarter"
        datetime: 2026-11-24T14:30:00+01:00
        source: 'Market Wire'
        url: https://marketwire.example.com/apex
        tickers: [apxh, "MSFT"]
        author: Jane Doe
        tags:
          - earnings
          - tech
        region: EMEA
        desk: 'Equities'
        ---

        # Apex beats

        Shares of **Apex** rose 5% after [the filing](https://x.example.com/f).
        """
        let r = parse(md, path: "inbox/apex.md")
        #expect(r.diagnostics.isEmpty)
        let a = try #require(r.articles.first)
        #expect(a.title == "Apex Holdings: record quarter")
        #expect(a.format == .markdown && a.bodyFormat == .markdown)
        #expect(a.source == "Market Wire")
        #expect(a.url == "https://marketwire.example.com/apex")
        #expect(a.tickers == ["APXH", "MSFT"])
        #expect(a.author == "Jane Doe")
        #expect(a.tags == ["earnings", "tech"])
        #expect(a.extra == ["region": "EMEA", "desk": "Equities"])
        #expect(a.published == utc(2026, 11, 24, 13, 30))
        #expect(a.publishedOffset == 3600)
        #expect(a.day == Day("2026-11-24"))
        // Body keeps the Markdown; text is plain, headings on their own line.
        #expect(a.body.hasPrefix("# Apex beats"))
        #expect(a.text == "Apex beats\nShares of Apex rose 5% after the filing.")
    }

    @Test func markdownTitleFromLeadingHeadingIsNotRepeatedInBody() throws {
        let r = parse("# Oil slides on supply glut\n\nBrent fell 3% on Monday.\n", path: "2026-11-24/oil.md")
        let a = try #require(r.articles.first)
        #expect(a.title == "Oil slides on supply glut")
        #expect(a.body == "Brent fell 3% on Monday.")
        #expect(a.text == "Brent fell 3% on Monday.")
    }

    @Test func markdownToPlainTextDropsSyntax() {
        let md = """
        ## Outlook

        The *company* __raised__ its ~~old~~ guidance; see ![chart](c.png) and [release][1].
        A second line of the same paragraph with `code` and <b>tags</b> &amp; an escaped \\*star\\*.

        ```
        let x = 1
        ```

        - First point
        - Second point
        1. Numbered

        > Quoted remark

        | Metric | Value |
        |---|---|
        | Revenue | $5bn |

        ---
        Setext heading
        ==============
        [1]: https://example.com/release
        Visit <https://example.com/x> for snake_case_names and 5 * 3.
        """
        let lines = MarkdownText.convert(Array(md.utf8)).lines
        #expect(lines == [
            "Outlook",
            "The company raised its old guidance; see and release. A second line of the same paragraph with code and tags & an escaped *star*.",
            "First point", "Second point", "Numbered",
            "Quoted remark",
            "Metric Value", "Revenue $5bn",
            "Setext heading",
            "Visit https://example.com/x for snake_case_names and 5 * 3.",
        ])
    }

    @Test func seedPlainTextTitleFromFirstSentenceAndFooterRemoved() throws {
        let r = parse(seedArticle, path: "2026-11-24/article.txt")
        #expect(r.diagnostics.isEmpty)
        let a = try #require(r.articles.first)
        #expect(a.format == .text && a.bodyFormat == .plain)
        // The first line is a long paragraph, so the title is its first sentence, shortened.
        #expect(a.title == "Zhang Yaqin, former Baidu president and head of Tsinghua's Institute of AI Industry Research, said…")
        #expect(a.title.unicodeScalars.count <= 101)
        #expect(a.day == Day("2026-11-24"))
        #expect(a.published == nil)
        let paragraphs = a.text.split(separator: "\n")
        #expect(paragraphs.count == 2)
        #expect(paragraphs[0].hasPrefix("Zhang Yaqin, former Baidu president"))
        #expect(paragraphs[1].hasSuffix("than the market currently assumes."))
        for junk in ["AI-powered research", "Request a Demo", "Overall Sentiment", "Sentiment Score", "Ticker Sentiment", "0.20"] {
            #expect(!a.text.contains(junk), "\(junk) left in text")
            #expect(!a.body.contains(junk), "\(junk) left in body")
        }
        #expect(a.vendorSentiment == VendorSentiment(score: 0.20, label: "mildly positive"))
        #expect(a.body == paragraphs.joined(separator: "\n\n"))
    }

    @Test func plainTextHeadlineFirstLine() throws {
        let txt = "Fed holds rates steady as inflation cools\n\nThe Federal Reserve left rates unchanged\non Wednesday.\n\nOfficials signalled patience.\n"
        let a = try #require(parse(txt, path: "2026-11-24/fed.txt").articles.first)
        #expect(a.title == "Fed holds rates steady as inflation cools")
        // Blank lines separate paragraphs: the hard-wrapped lines inside one are joined.
        #expect(a.text == "The Federal Reserve left rates unchanged on Wednesday.\nOfficials signalled patience.")
        // Without blank lines each line is a paragraph, unless it was cut mid-sentence.
        let lines = "Stocks fell on Monday as yields rose and\ninvestors sold tech.\nOil was flat.\n"
        let b = try #require(parse(lines, path: "2026-11-24/stocks.txt").articles.first)
        #expect(b.text == "Stocks fell on Monday as yields rose and investors sold tech.\nOil was flat.")
    }

    @Test func plainTextShortFirstSentenceIsTheTitle() throws {
        let txt = "Gold rose 2% on Friday. Traders cited a weaker dollar and lower yields across the curve today.\n"
        let a = try #require(parse(txt, path: "2026-11-24/gold.txt").articles.first)
        #expect(a.title == "Gold rose 2% on Friday")
        #expect(a.text == "Gold rose 2% on Friday. Traders cited a weaker dollar and lower yields across the curve today.")
    }

    @Test func jsonSingleObject() throws {
        let json = """
        {"title": "Chipmaker lifts outlook", "date": "2026-11-24", "source": "Wire", "url": "https://w.example.com/1",
         "tickers": ["nvda"], "body": "Demand stayed firm.\\nMargins widened.", "desk": "tech", "rank": 3}
        """
        let r = parse(json, path: "one.json")
        #expect(r.diagnostics.isEmpty)
        let a = try #require(r.articles.first)
        #expect(a.index == nil && a.format == .json && a.bodyFormat == .plain)
        #expect(a.title == "Chipmaker lifts outlook")
        #expect(a.tickers == ["NVDA"])
        #expect(a.text == "Demand stayed firm.\nMargins widened.")
        #expect(a.body == "Demand stayed firm.\n\nMargins widened.")
        #expect(a.extra == ["desk": "tech", "rank": "3"])
    }

    @Test func jsonArrayKeepsElementLines() throws {
        let json = """
        [
          {"title": "First", "date": "2026-11-24", "body": "One."},
          {"title": "Second", "date": "2026-11-25",
           "body": "Two."}
        ]
        """
        let r = parse(json, path: "many.json")
        #expect(r.articles.map(\.title) == ["First", "Second"])
        #expect(r.articles.map(\.index) == [1, 2])
        #expect(r.articles.map(\.line) == [2, 3])
        #expect(r.articles.map(\.day) == [Day("2026-11-24")!, Day("2026-11-25")!])
    }

    @Test func alphaVantageFeed() throws {
        let json = """
        {"items": "2", "feed": [
          {"title": "Apple supplier ramps output", "url": "https://news.example.com/a",
           "time_published": "20261124T143000", "authors": ["A. Writer", "B. Writer"],
           "summary": "Output rose sharply.", "source": "Benzinga",
           "topics": [{"topic": "Technology", "relevance_score": "1.0"}],
           "overall_sentiment_score": "0.215", "overall_sentiment_label": "Somewhat-Bullish",
           "ticker_sentiment": [
             {"ticker": "AAPL", "relevance_score": "0.61", "ticker_sentiment_score": "0.30", "ticker_sentiment_label": "Somewhat-Bullish"},
             {"ticker": "TSM", "relevance_score": "0.2", "ticker_sentiment_score": "-0.05"}
           ]},
          {"title": "Late trade", "url": "https://news.example.com/b", "time_published": "20261124T233000Z", "summary": "After hours."}
        ]}
        """
        let ny = LoadOptions(timeZone: TimeZone(identifier: "America/New_York")!)
        let r = parse(json, path: "feed.json", options: ny)
        #expect(r.diagnostics.isEmpty)
        #expect(r.articles.count == 2)
        let a = r.articles[0]
        #expect(a.index == 1 && a.line == 2)
        #expect(a.tickers == ["AAPL", "TSM"])
        #expect(a.author == "A. Writer, B. Writer")
        #expect(a.tags == ["Technology"])
        #expect(a.vendorSentiment?.score == 0.215)
        #expect(a.vendorSentiment?.label == "Somewhat-Bullish")
        #expect(a.vendorSentiment?.tickers == ["AAPL": 0.30, "TSM": -0.05])
        #expect(a.vendorSentiment?.relevance == ["AAPL": 0.61, "TSM": 0.2])
        // Without Z the time is read in the configured zone (New York: UTC-5 in November).
        #expect(a.published == utc(2026, 11, 24, 19, 30))
        #expect(a.publishedOffset == nil)
        // With Z it is UTC; 23:30Z is still the 24th in New York.
        let b = r.articles[1]
        #expect(b.published == utc(2026, 11, 24, 23, 30))
        #expect(b.publishedOffset == 0)
        #expect(b.day == Day("2026-11-24"))
    }

    @Test func htmlPage() throws {
        let html = """
        <!DOCTYPE html>
        <html><head>
        <title>Banks rally on rate hopes | Daily Ledger</title>
        <meta property="og:site_name" content="Daily Ledger">
        <meta property="article:published_time" content="2026-11-24T09:15:00-05:00">
        <link rel="canonical" href="https://dailyledger.example.com/banks">
        <style>p { color: red }</style>
        <script>var s = "<p>not text</p>";</script>
        </head><body>
        <header><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav></header>
        <article>
          <h1>Banks rally on rate&nbsp;hopes</h1>
          <p>Bank shares rose <b>4%</b> &mdash; the best day since March.
          <p>Analysts at <a href="https://x.example.com">Crestline</a> said margins would hold &amp; improve.</p>
          <aside><p>Related: other stories</p></aside>
          <!-- <p>commented out</p> -->
          <ul><li>JPM up 3%<li>BAC up 5%</ul>
        </article>
        <footer><p>© 2026 Daily Ledger. All rights reserved.</p></footer>
        </body></html>
        """
        let r = parse(html, path: "banks.html")
        #expect(r.diagnostics.isEmpty)
        let a = try #require(r.articles.first)
        #expect(a.format == .html && a.bodyFormat == .plain)
        #expect(a.title == "Banks rally on rate hopes")
        #expect(a.source == "Daily Ledger")
        #expect(a.url == "https://dailyledger.example.com/banks")
        #expect(a.published == utc(2026, 11, 24, 14, 15))
        #expect(a.publishedOffset == -5 * 3600)
        #expect(a.text == """
        Bank shares rose 4% — the best day since March.
        Analysts at Crestline said margins would hold & improve.
        JPM up 3%
        BAC up 5%
        """)
    }

    @Test func htmlWithoutArticleElementUsesBodyParagraphsAndTitleTag() throws {
        let html = "<html><head><title>Copper hits record - Metals Desk</title></head><body><div class=menu>Menu</div><p>Copper hit a record.</p><p>Supply is tight.</p></body></html>"
        let a = try #require(parse(html, path: "2026-11-24/copper.htm").articles.first)
        #expect(a.title == "Copper hits record")
        #expect(a.text == "Copper hit a record.\nSupply is tight.")
    }

    @Test func formatDetectedByContentWithoutExtension() {
        #expect(ArticleParser.detectFormat(path: "-", bytes: Array("  [{\"a\":1}]".utf8)) == .json)
        #expect(ArticleParser.detectFormat(path: "x", bytes: Array("<!DOCTYPE html><p>x".utf8)) == .html)
        #expect(ArticleParser.detectFormat(path: "x", bytes: Array("---\ntitle: a\n---\nbody".utf8)) == .markdown)
        #expect(ArticleParser.detectFormat(path: "x", bytes: Array("Plain words.".utf8)) == .text)
        #expect(ArticleParser.detectFormat(path: "a.TXT", bytes: Array("{".utf8)) == .text)
    }

    @Test func textFileMayCarryFrontMatter() throws {
        let a = try #require(parse("---\ntitle: Tagged text\ndate: 2026-11-24\n---\nJust words.\n", path: "t.txt").articles.first)
        #expect(a.title == "Tagged text" && a.bodyFormat == .plain && a.text == "Just words.")
    }
}
