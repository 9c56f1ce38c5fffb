import Foundation
import Testing
import Articles
import Analysis
import Briefing
@testable import Site

/// The pages a reader of the example site meets beyond the day and article pages: tickers,
/// movers, feeds' neighbours (api, sitemap), search. Built once with a base URL.
@Suite(.serialized) struct SitePagesTests {
    static let built: (TemporaryFolder, URL, BuildReport) = {
        var options = SiteOptions()
        options.baseURL = "https://briefings.example.com/"
        return try! buildSite(ExampleSiteTests.examples, options)
    }()
    var site: URL { Self.built.1 }
    var files: [String] { listFiles(site) }

    func page(_ path: String) -> String { read(site.appendingPathComponent(path)) }

    /// `<time datetime="…">` values in page order.
    func datetimes(_ html: some StringProtocol) -> [String] {
        html.components(separatedBy: "datetime=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func everyTickerHasItsPagesAndFeedsAndTheIndexListsThemAll() {
        let tickers = Set(files.compactMap { f -> String? in
            let parts = f.split(separator: "/")
            return parts.count == 3 && parts[0] == "tickers" ? String(parts[1]) : nil
        })
        #expect(tickers.count >= 15)
        let index = page("tickers/index.html")
        for t in tickers {
            for f in ["index.html", "index.md", "feed.xml", "feed.json"] {
                #expect(files.contains("tickers/\(t)/\(f)"), "tickers/\(t)/\(f) missing")
            }
            #expect(index.contains("href=\"../tickers/\(t)/index.html\""))
        }
        // Each row says its latest label and trend in words.
        #expect(index.contains("class=\"trend trend-"))
        #expect(index.contains("first seen") || index.contains("steady") || index.contains(" up ") || index.contains("down"))
    }

    @Test func tickerPageListsEveryMentionNewestFirstWithItsOwnScore() throws {
        let nvda = page("tickers/NVDA/index.html")
        let mentions = try #require(nvda.components(separatedBy: "id=\"articles-title\"").last)
        let days = datetimes(mentions).filter { $0.count == 10 }
        #expect(days.count == 5)
        #expect(days == days.sorted(by: >))
        #expect(nvda.components(separatedBy: "NVDA here").count - 1 == 5)
        // Its feeds are announced to browsers and feed readers.
        #expect(nvda.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"NVDA"))
    }

    @Test func sparklineIsInlineSVGOnAFixedScaleWithMarkedPoints() throws {
        let aapl = page("tickers/AAPL/index.html")
        let start = try #require(aapl.range(of: "<svg class=\"sparkline\""))
        let end = try #require(aapl.range(of: "</svg>", range: start.upperBound..<aapl.endIndex))
        let svg = String(aapl[start.lowerBound..<end.upperBound])
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=\"spark-title\">") && svg.contains("<desc id=\"spark-desc\">"))
        for axis in [">+1<", ">0<", ">−1<"] { #expect(svg.contains(axis)) }
        #expect(svg.contains("spark-latest"))
        #expect(svg.contains("latest"))
        #expect(svg.contains("high") && svg.contains("low"))
        #expect(!aapl.contains("<script"))
    }

    @Test func sparklineScaleIsFixedFromMinusOneToOne() {
        #expect(Sparkline.y(1) == Sparkline.top)
        #expect(Sparkline.y(-1) == Sparkline.height - Sparkline.bottom)
        #expect(Sparkline.y(0) == (Sparkline.y(1) + Sparkline.y(-1)) / 2)
        // Out-of-range values stay on the chart.
        #expect(Sparkline.y(3) == Sparkline.y(1))
    }

    @Test func aOneDayTickerIsOneLabelledPoint() throws {
        let history = TickerHistory(symbol: "ONE", mentions: [mention("ONE", day: "2026-11-24", score: 0.42)])
        let svg = Sparkline.chart(history, id: "s")
        #expect(!svg.contains("<polyline"))
        #expect(svg.contains(">latest +0.42</text>"))
        #expect(!svg.contains("high") && !svg.contains("low"))
        #expect(svg.contains("24 Nov"))
    }

    @Test func highLowAndLatestAreLabelledOnce() throws {
        let history = TickerHistory(symbol: "X", mentions: [
            mention("X", day: "2026-11-20", score: 0.5), mention("X", day: "2026-11-22", score: -0.6),
            mention("X", day: "2026-11-24", score: 0.1)])
        let svg = Sparkline.chart(history, id: "s")
        #expect(svg.contains(">high +0.50</text>") && svg.contains(">low −0.60</text>") && svg.contains(">latest +0.10</text>"))
        // When the latest point is also the lowest, one label says both.
        let falling = TickerHistory(symbol: "Y", mentions: [
            mention("Y", day: "2026-11-20", score: 0.5), mention("Y", day: "2026-11-24", score: -0.2)])
        #expect(Sparkline.chart(falling, id: "s").contains(">latest, low −0.20</text>"))
    }

    @Test func dayPageHasMoodMoversGroupsAndNeighbours() throws {
        let day = page("2026/11/25/index.html")
        #expect(day.contains("Mood of the day"))
        #expect(day.contains("class=\"mood-bar\""))
        #expect(day.contains("id=\"movers-title\""))
        #expect(day.contains("class=\"change change-"))
        // Seven articles: the three most relevant lead, the rest follow.
        #expect(day.contains(">Top stories<") && day.contains(">Also today<"))
        #expect(day.contains("rel=\"prev\" href=\"../../../2026/11/24/index.html\""))
        #expect(day.contains("rel=\"next\" href=\"../../../2026/11/26/index.html\""))
        #expect(day.contains("href=\"../../../api/2026-11-25.json\""))
        // Ticker chips lead to ticker pages.
        #expect(day.contains("class=\"chip chip-"))
        #expect(day.contains("href=\"../../../tickers/"))
    }

    @Test func firstAndLastDaysLinkOnlyOneWay() {
        let first = page("2026/11/20/index.html"), last = page("2026/11/26/index.html")
        #expect(!first.contains("rel=\"prev\"") && first.contains("rel=\"next\""))
        #expect(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""))
        // Nothing earlier to move from on the first day.
        #expect(!first.contains("id=\"movers-title\""))
    }

    @Test func apiDayIsTheBriefJSONOfEachArticle() throws {
        let data = try Data(contentsOf: site.appendingPathComponent("api/2026-11-26.json"))
        let day = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(day.count == 4)
        // The same bytes `bellwether brief --format json` prints for that article.
        let file = ExampleSiteTests.examples.appendingPathComponent("2026-11-26/jd-margin-warning.txt")
        let printer = BriefPrinter(options: SiteOptions(), library: try TemplateLibrary(), version: "test")
        let printed = try printer.brief(data: try Data(contentsOf: file), path: "2026-11-26/jd-margin-warning.txt", format: .json).output
        let single = try #require(try JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [String: Any])
        let match = try #require(day.first { $0["slug"] as? String == single["slug"] as? String })
        #expect(NSDictionary(dictionary: match).isEqual(to: single))
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("api/index.json"))) as? [String: Any]
        let days = try #require(index?["days"] as? [[String: Any]])
        #expect(days.count == 7)
        for d in days { #expect(files.contains("api/" + (d["href"] as! String))) }
    }

    @Test func sitemapListsEveryPageWithAbsoluteURLs() throws {
        let xml = page("sitemap.xml")
        let locs = xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        let htmlPages = files.filter { $0.hasSuffix(".html") && !$0.hasPrefix("search/") }
        #expect(Set(locs) == Set(htmlPages.map { "https://briefings.example.com/" + $0 }))
    }

    @Test func sitemapNeedsABaseURL() throws {
        let (tmp, site, report) = try buildSite(ExampleSiteTests.examples, SiteOptions())
        defer { tmp.cleanup() }
        #expect(!listFiles(site).contains("sitemap.xml"))
        #expect(report.notes.contains { $0.contains("sitemap.xml") })
    }

    @Test func searchIndexCoversEveryArticleNewestFirst() throws {
        let js = page("search/search-index.js")
        let prefix = "window.BELLWETHER_SEARCH = "
        let start = try #require(js.range(of: prefix))
        let json = js[start.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines).dropLast()
        let index = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let fields = try #require(index["fields"] as? [String])
        #expect(fields == SearchPages.fields)
        let docs = try #require(index["docs"] as? [[String]])
        let articles = files.filter { $0.range(of: #"^\d{4}/\d{2}/\d{2}/[^/]+\.html$"#, options: .regularExpression) != nil && !$0.hasSuffix("index.html") }
        #expect(docs.count == articles.count)
        #expect(Set(docs.map { $0[1] }) == Set(articles))
        let days = docs.map { $0[2] }
        #expect(days == days.sorted(by: >))
        #expect(docs.contains { $0[5].split(separator: " ").contains("NVDA") })
        // The search page works without a server (no fetch) and without JavaScript (links).
        let search = page("search/index.html")
        #expect(search.contains("<script src=\"search-index.js\" defer></script>"))
        #expect(search.contains("href=\"../tickers/index.html\"") && search.contains("href=\"../archive.html\""))
        #expect(!read(site.appendingPathComponent("assets/search.js")).contains("fetch("))
        #expect(!read(site.appendingPathComponent("assets/search.js")).contains("innerHTML"))
    }

    @Test func everyInternalLinkResolvesOnEveryNewPage() {
        #expect(brokenInternalLinks(site: site) == [])
    }
}

/// A mention of `symbol` (relevance 1) in an article of `day` scoring `score`.
func mention(_ symbol: String, day: String, score: Double) -> TickerMention {
    let article = Article(path: "\(day)/\(symbol).md", format: .markdown, title: symbol, day: Day(day)!,
                          body: "Text.", bodyFormat: .plain)
    let ticker = TickerSentiment(symbol: symbol, relevance: 1, sentiment: Sentiment(score: score))
    let analysis = ArticleAnalysis(sentiment: Sentiment(score: score), evidence: [], keyPoints: [], keyFigures: [], tickers: [ticker])
    let brief = Brief(article: article, slug: "\(symbol.lowercased())-\(day)", analysis: analysis)
    return SiteModel(briefs: [brief]).tickers[symbol]![0]
}

@Suite struct TickerFolderTests {
    @Test func plainSymbolsKeepTheirName() {
        #expect(TickerFolder.name("AAPL") == "AAPL")
        #expect(TickerFolder.name("BRK.B") == "BRK.B")
        #expect(TickerFolder.name("9618.HK") == "9618.HK")
        #expect(TickerFolder.name("RDS-A") == "RDS-A")
    }

    @Test func anythingElseIsEncodedAndNeverClimbsOrHides() {
        #expect(TickerFolder.name("..") == "_2E.")
        #expect(TickerFolder.name(".X") == "_2EX")
        #expect(TickerFolder.name("A/B") == "A_2FB")
        #expect(TickerFolder.name("<B>") == "_3CB_3E")
        #expect(TickerFolder.name("") == "_")
        // `_` is encoded too, so two symbols never share a folder.
        #expect(TickerFolder.name("A_2FB") != TickerFolder.name("A/B"))
        #expect(TickerFolder.name("A_2FB") == "A_5F2FB")
    }

    @Test func symbolsWithPunctuationGetWorkingPages() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanup() }
        try tmp.write("articles/2026-11-24/odd.md", """
        ---
        title: Odd symbols
        tickers: ["CRYPTO:BTC", "A_B", "BRK.B"]
        ---
        Shares rose after strong results.
        """)
        let (out, site, _) = try buildSite(tmp.url.appendingPathComponent("articles"), SiteOptions())
        defer { out.cleanup() }
        let files = listFiles(site)
        for folder in ["CRYPTO_3ABTC", "A_5FB", "BRK.B"] {
            #expect(files.contains("tickers/\(folder)/index.html"), "\(folder)")
            #expect(files.contains("tickers/\(folder)/feed.xml"), "\(folder)")
        }
        #expect(brokenInternalLinks(site: site) == [])
        let index = read(site.appendingPathComponent("tickers/index.html"))
        #expect(index.contains(">CRYPTO:BTC</a>"))
    }
}
