import Foundation
import Articles
import Analysis
import Briefing
import Mustache

/// The values behind the Atom (`feed.xml`) and JSON Feed (`feed.json`) templates, for the whole
/// site and for one ticker.
///
/// Links and ids are absolute when the site has a base URL (`--base-url`). Without one, links
/// are relative to the feed file (valid in both formats: Atom resolves them against the feed's
/// own address) and ids are `tag:` URIs built from the article's path, which stay the same from
/// build to build. No wall-clock time: a feed's `updated` is its newest entry's date, and an
/// article known only by its day is dated at midnight of that day in the site's time zone, with
/// the zone's offset.
struct FeedBuilder {
    let context: PageContext
    /// Entries per feed, newest first: what a feed reader needs, not the whole archive. A ticker
    /// feed keeps fewer: there are hundreds of them, and each is polled on its own.
    static let siteLimit = 50, tickerLimit = 20
    /// Tag URI prefix used without a base URL (`.invalid` is reserved: no one else mints these).
    static let tagPrefix = "tag:bellwether.invalid,2026:"

    var options: SiteOptions { context.options }

    /// One feed entry: a brief, and the ticker it is listed under for a ticker feed.
    struct Item {
        let brief: Brief
        let ticker: TickerSentiment?
    }

    /// `feedPath` is the feed's site-relative path (`feed.xml`, `tickers/X/feed.xml`); links
    /// without a base URL are made relative to its folder.
    func value(title: String, subtitle: String, feedPath: String, jsonPath: String, homePath: String,
               idPath: String, items: [Item], limit: Int) -> MustacheValue {
        // Indices are sorted, not items: moving a brief is a dozen reference counts, and the
        // site feed sorts every article of the site to keep 50. The order is total (ties in
        // time fall to `newestFirst`), so it is the same whatever the sort.
        let instants = items.map { Self.instant($0.brief, options.timeZone) }
        let order = items.indices.sorted { a, b in
            if instants[a] != instants[b] { return instants[a] > instants[b] }
            return Brief.newestFirst(items[a].brief, items[b].brief)
        }
        let sorted = order.prefix(limit).map { items[$0] }
        let depth = feedPath.split(separator: "/").count - 1
        let prefix = String(repeating: "../", count: depth)
        func link(_ sitePath: String) -> String { (options.baseURL ?? prefix) + sitePath }

        var o = context.site(root: prefix, pageTitle: title)
        o["title"] = .string(title)
        o["subtitle"] = .string(subtitle)
        o["id"] = .string(options.baseURL.map { $0 + feedPath } ?? Self.tagPrefix + idPath)
        o["home_href"] = .string(link(homePath))
        if let base = options.baseURL {
            o["self_href"] = .string(base + feedPath)
            o["json_self_href"] = .string(base + jsonPath)
            o["home_url"] = .string(base + homePath)
        }
        o["updated"] = .string(sorted.first.map { Self.iso($0.brief, options.timeZone) } ?? "1970-01-01T00:00:00Z")
        o["entries"] = context.list(Array(sorted)) { item in
            let b = item.brief
            let page = b.sitePath + ".html"
            var e: [String: MustacheValue] = [
                "id": .string(options.baseURL.map { $0 + page } ?? Self.tagPrefix + page),
                "title": .string(b.title),
                "href": .string(link(page)),
                "date": .string(Self.iso(b, options.timeZone)),
                "summary": .string(summary(item)),
                "content_html": .string(contentHTML(item, link: link)),
                "tags": context.list(b.analysis.tickers) { ["name": .string($0.symbol)] },
                "has_tags": .bool(!b.analysis.tickers.isEmpty),
            ]
            if let source = b.source, !source.isEmpty { e["source"] = .string(source) }
            return e
        }
        return .object(o)
    }

    /// The moment an entry is dated at: its published time, or the start of its day in the
    /// site's zone.
    static func instant(_ b: Brief, _ zone: TimeZone) -> Double {
        if let d = b.published { return d.timeIntervalSince1970 }
        return dayStart(b.day, zone)
    }

    static func dayStart(_ day: Day, _ zone: TimeZone) -> Double {
        let utc = Double(Formatting.daysSinceEpoch(day) * 86400)
        return utc - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: utc)))
    }

    /// RFC 3339 with an offset: the article's own when it had a time, else the site zone's.
    static func iso(_ b: Brief, _ zone: TimeZone) -> String {
        if b.published != nil { return BriefDates.iso(b) }
        let start = dayStart(b.day, zone)
        let date = Date(timeIntervalSince1970: start)
        return BriefDates.iso8601(date, offset: zone.secondsFromGMT(for: date))
    }

    /// Plain-text summary: the verdict, then the key points.
    func summary(_ item: Item) -> String {
        let s = item.brief.sentiment
        var text = "Sentiment \(s.label.rawValue) \(Formatting.score(s.score))."
        if let t = item.ticker {
            text += " \(t.symbol): \(t.sentiment.label.rawValue) \(Formatting.score(t.sentiment.score))."
        }
        for k in item.brief.analysis.keyPoints { text += " " + k.text }
        return text
    }

    /// The brief as a small HTML fragment we build ourselves (article text escaped), shared by
    /// both feed formats: Atom carries it as escaped `type="html"` content, JSON Feed as
    /// `content_html`.
    func contentHTML(_ item: Item, link: (String) -> String) -> String {
        let b = item.brief
        let s = b.sentiment
        var meta = ["Sentiment <strong>\(s.label.rawValue) \(Formatting.score(s.score))</strong>"]
        if let source = b.source, !source.isEmpty { meta.append(HTMLText.escape(source)) }
        if let d = b.published { meta.append(Formatting.time(d, in: options.timeZone)) }
        var h = "<p>" + meta.joined(separator: " · ") + "</p>"
        if let t = item.ticker {
            h += "<p>\(HTMLText.escape(t.symbol)) in this article: <strong>\(t.sentiment.label.rawValue) \(Formatting.score(t.sentiment.score))</strong>"
            h += " (relevance \(Formatting.share(t.relevance)))</p>"
        }
        if !b.analysis.keyPoints.isEmpty {
            h += "<ul>" + b.analysis.keyPoints.map { "<li>" + HTMLText.escape($0.text) + "</li>" }.joined() + "</ul>"
        }
        if !b.analysis.tickers.isEmpty {
            h += "<p>Tickers: " + b.analysis.tickers.map {
                "\(HTMLText.escape($0.symbol)) \($0.sentiment.label.rawValue) \(Formatting.score($0.sentiment.score))"
            }.joined(separator: ", ") + "</p>"
        }
        h += "<p><a href=\"\(HTMLText.escape(link(b.sitePath + ".html")))\">Read the brief</a>"
        if let url = PageContext.safeURL(b.url) {
            h += " · <a href=\"\(HTMLText.escape(url))\">original article</a>"
        }
        h += "</p>"
        return h
    }
}

/// `feed.xml` and `feed.json` for the whole site.
struct SiteFeedPages: PagePlanner {
    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage] {
        // The newest `siteLimit` briefs of the site, found by position so the other thousands
        // are never copied into items; `value` orders them again, by the same total order.
        let zone = context.options.timeZone
        var refs: [(day: Int, index: Int, instant: Double)] = []
        refs.reserveCapacity(model.days.reduce(0) { $0 + $1.briefs.count })
        for d in model.days.indices {
            let start = FeedBuilder.dayStart(model.days[d].day, zone)
            for i in model.days[d].briefs.indices {
                refs.append((d, i, model.days[d].briefs[i].published?.timeIntervalSince1970 ?? start))
            }
        }
        refs.sort { a, b in
            if a.instant != b.instant { return a.instant > b.instant }
            return Brief.newestFirst(model.days[a.day].briefs[a.index], model.days[b.day].briefs[b.index])
        }
        let items = refs.prefix(FeedBuilder.siteLimit).map { FeedBuilder.Item(brief: model.days[$0.day].briefs[$0.index], ticker: nil) }
        let value = FeedBuilder(context: context).value(
            title: context.options.title, subtitle: "Daily briefings: sentiment, key points and tickers",
            feedPath: "feed.xml", jsonPath: "feed.json", homePath: "index.html", idPath: "feed", items: items,
            limit: FeedBuilder.siteLimit)
        return [PlannedPage("feed.xml", template: "feed.xml", value),
                PlannedPage("feed.json", template: "feed.json", value)]
    }
}
