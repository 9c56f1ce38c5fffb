import Foundation
import Articles
import Analysis
import Briefing
import Mustache

/// Turns the briefing model into the values templates see.
///
/// Article text goes in as plain strings: the engine escapes it for each output format, so a
/// template only ever gets markup we built (badges, links) when it asks with `{{{ }}}`.
/// Every value a template might want is computed here (formatted scores, relative links,
/// `has_…` flags), so templates stay logic-less.
struct PageContext {
    let options: SiteOptions
    let version: String
    /// Set by a site build so listing planners can key their jobs; nil elsewhere (a job
    /// without a key is made again every time).
    var keys: ListingKeys? = nil
    /// The ticker histories of the model being planned, when a site build made them once for
    /// all its planners (the day, home, ticker and sitemap pages all read them).
    var tickerHistories: TickerHistories? = nil

    /// `tickerHistories`, or the model's histories made now.
    func histories(_ model: SiteModel) -> TickerHistories { tickerHistories ?? TickerHistories(model) }

    /// Site-wide values plus the relative prefix that leads from the page back to the site root.
    func site(root: String, pageTitle: String) -> [String: MustacheValue] {
        [
            "root": .string(root),
            "page_title": .string(pageTitle),
            "site": .object([
                "title": .string(options.title),
                "version": .string(version),
                // Foundation on Linux names UTC "GMT"; the pages say UTC everywhere else.
                "timezone": .string(options.timeZone.identifier == "GMT" ? "UTC" : options.timeZone.identifier),
                "palette": .string(options.palette.rawValue),
            ]),
        ]
    }

    /// `Mon, 23 Nov`: for navigation links, short enough for a phone.
    static func shortDate(_ day: Day) -> String {
        let weekday = Formatting.longDate(day).prefix(3)
        return "\(weekday), \(Sparkline.shortDate(day))"
    }

    func badge(_ s: Sentiment) -> MustacheValue {
        .object([
            "label": .string(s.label.rawValue),
            "slug": .string(s.label.slug),
            "score": .string(Formatting.score(s.score)),
            "icon": .string(Self.icon(s.label)),
        ])
    }

    static func icon(_ label: SentimentLabel) -> String {
        switch label {
        case .positive: return "▲"
        case .mildlyPositive: return "△"
        case .neutral: return "◆"
        case .mildlyNegative: return "▽"
        case .negative: return "▼"
        }
    }

    /// An http(s) or mailto link we are willing to emit, else nil.
    static func safeURL(_ url: String?) -> String? { SafeLink.url(url) }

    func list<T>(_ items: [T], _ f: (T) -> [String: MustacheValue]) -> MustacheValue {
        .array(items.enumerated().map { i, item in
            var o = f(item)
            o["first"] = .bool(i == 0)
            o["last"] = .bool(i == items.count - 1)
            return .object(o)
        })
    }

    func timeFields(_ brief: Brief) -> [String: MustacheValue] {
        guard let date = brief.published else { return [:] }
        return ["time": .string(Formatting.time(date, in: options.timeZone)),
                "iso": .string(Formatting.iso(date, in: options.timeZone))]
    }

    /// The card of one article on a day page or the index.
    func card(_ brief: Brief) -> [String: MustacheValue] {
        let a = brief.analysis
        var o: [String: MustacheValue] = [
            "title": .string(brief.title),
            "href": .string(brief.sitePath),
            "sentiment": badge(a.sentiment),
            "key_points": list(a.keyPoints) { k in
                var p: [String: MustacheValue] = ["text": .string(k.text), "sentiment": badge(k.sentiment)]
                if let tag = k.tag { p["tag"] = .string(tag.rawValue) }
                return p
            },
            "has_key_points": .bool(!a.keyPoints.isEmpty),
            "tickers": list(a.tickers) { t in
                ["symbol": .string(t.symbol), "sentiment": badge(t.sentiment),
                 "relevance": .string(Formatting.share(t.relevance)),
                 "href": .string(TickerFolder.page(t.symbol))]
            },
            "has_tickers": .bool(!a.tickers.isEmpty),
        ]
        if let source = brief.source, !source.isEmpty { o["source"] = .string(source) }
        if let author = brief.author, !author.isEmpty { o["author"] = .string(author) }
        for (k, v) in timeFields(brief) { o[k] = v }
        return o
    }

    func dayLink(_ day: Day) -> [String: MustacheValue] {
        ["date": .string(day.description), "date_long": .string(Formatting.longDate(day)),
         "date_short": .string(Self.shortDate(day)),
         "href": .string("\(day.pathComponent)/index.html"), "href_md": .string("\(day.pathComponent)/index.md")]
    }

    /// The mood: average badge, and per label (positive first) its count and its share of the
    /// day as a CSS width, for the stacked bar beside the counts.
    func mood(_ mood: Mood) -> MustacheValue {
        let labels = SentimentLabel.allCases.reversed().filter { mood.count($0) > 0 }
        return .object([
            "average": badge(mood.average),
            "total": .int(mood.total),
            "one": .bool(mood.total == 1),
            "distribution": list(Array(labels)) { l in
                let share = mood.total == 0 ? 0 : Double(mood.count(l)) / Double(mood.total)
                return ["label": .string(l.rawValue), "slug": .string(l.slug), "count": .int(mood.count(l)),
                        "width": .string(Self.percent(share))]
            },
        ])
    }

    /// `42.9%`: one decimal, for inline widths.
    static func percent(_ share: Double) -> String {
        let tenths = Int((min(1, max(0, share)) * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// How many articles lead a day as its top stories when the day has more than that.
    static let topStories = 3

    /// A day's own content: mood, movers, and its articles most relevant first, split into the
    /// top stories and the rest when the day has more than a handful.
    func dayBody(_ day: DayBriefing, histories: TickerHistories) -> [String: MustacheValue] {
        var o = dayLink(day.day)
        o["mood"] = mood(day.mood)
        o["briefs"] = .array(day.briefs.map { .object(card($0)) })
        var groups: [MustacheValue] = []
        let split = day.briefs.count > Self.topStories + 1
        let top = split ? Array(day.briefs.prefix(Self.topStories)) : day.briefs
        groups.append(.object(["title": .string(split ? "Top stories" : "Articles"), "id": .string("top"),
                               "briefs": .array(top.map { .object(card($0)) })]))
        if split {
            groups.append(.object(["title": .string("Also today"), "id": .string("more"),
                                   "briefs": .array(day.briefs.dropFirst(Self.topStories).map { .object(card($0)) })]))
        }
        o["groups"] = .array(groups)
        let movers = Movers.on(day, histories: histories)
        o["movers"] = list(movers) { moverValue($0) }
        o["has_movers"] = .bool(!movers.isEmpty)
        o["count"] = .int(day.briefs.count)
        o["one"] = .bool(day.briefs.count == 1)
        o["api_href"] = .string("api/\(day.day.description).json")
        return o
    }

    func moverValue(_ m: Mover) -> [String: MustacheValue] {
        let up = m.change > 0
        return [
            "symbol": .string(m.symbol),
            "href": .string(TickerFolder.page(m.symbol)),
            "href_md": .string(TickerFolder.markdownPage(m.symbol)),
            "sentiment": badge(m.today.sentiment),
            "previous": badge(m.previous.sentiment),
            "previous_date": .string(Sparkline.shortDate(m.previous.day)),
            "previous_iso": .string(m.previous.day.description),
            "change": .string(Formatting.score(m.change)),
            "direction": .string(up ? "up" : "down"),
            "icon": .string(up ? "▲" : "▼"),
            "articles": .int(m.today.articles),
        ]
    }

    func dayPage(_ model: SiteModel, at index: Int, histories: TickerHistories) -> MustacheValue {
        let day = model.days[index]
        var o = site(root: "../../../", pageTitle: "Briefing for \(Formatting.longDate(day.day))")
        for (k, v) in dayBody(day, histories: histories) { o[k] = v }
        // Days are newest first: the previous day is the next element.
        if index + 1 < model.days.count { o["previous"] = .object(dayLink(model.days[index + 1].day)) }
        if index > 0 { o["next"] = .object(dayLink(model.days[index - 1].day)) }
        return .object(o)
    }

    func archive(_ days: [DayBriefing]) -> MustacheValue {
        .array(days.map { d in
            var o = dayLink(d.day)
            o["count"] = .int(d.briefs.count)
            o["one"] = .bool(d.briefs.count == 1)
            o["mood"] = mood(d.mood)
            return .object(o)
        })
    }

    /// Days the home page lists under the latest briefing; the archive page has them all.
    static let recentDays = 10

    func indexPage(_ model: SiteModel, histories: TickerHistories) -> MustacheValue {
        var o = site(root: "", pageTitle: "Latest briefing")
        o["nav_latest"] = .bool(true)
        if let latest = model.latestDay {
            o["latest"] = .object(dayBody(latest, histories: histories))
        }
        o["days"] = archive(Array(model.days.dropFirst().prefix(Self.recentDays)))
        o["has_days"] = .bool(model.days.count > 1)
        o["more_days"] = .bool(model.days.count > Self.recentDays + 1)
        o["tickers_count"] = .int(model.tickers.count)
        return .object(o)
    }

    /// The archive, days grouped by month, newest first.
    func archivePage(_ model: SiteModel) -> MustacheValue {
        var o = site(root: "", pageTitle: "Archive")
        o["nav_archive"] = .bool(true)
        o["days_one"] = .bool(model.days.count == 1)
        var months: [MustacheValue] = []
        var i = 0
        while i < model.days.count {
            let first = model.days[i].day
            var j = i
            while j < model.days.count, model.days[j].day.year == first.year, model.days[j].day.month == first.month { j += 1 }
            let id = "m\(first.description.prefix(7))"
            months.append(.object(["title": .string("\(Formatting.months[first.month - 1]) \(first.year)"),
                                   "id": .string(id), "days": archive(Array(model.days[i..<j]))]))
            i = j
        }
        o["months"] = .array(months)
        o["days_count"] = .int(model.days.count)
        o["articles_count"] = .int(model.days.reduce(0) { $0 + $1.briefs.count })
        return .object(o)
    }

    /// The article page: the card's values plus everything the brief knows, and the body as HTML
    /// we rendered ourselves (cmark in safe mode, or escaped paragraphs).
    func articlePage(_ brief: Brief, bodyHTML: String, root: String = "../../../") -> MustacheValue {
        var o = site(root: root, pageTitle: brief.title)
        for (k, v) in card(brief) { o[k] = v }
        let a = brief.analysis
        o["date"] = .string(brief.day.description)
        o["date_long"] = .string(Formatting.longDate(brief.day))
        o["day_href"] = .string("\(brief.day.pathComponent)/index.html")
        o["key_figures"] = list(a.keyFigures) { ["figure": .string($0.figure), "context": .string($0.context)] }
        o["has_key_figures"] = .bool(!a.keyFigures.isEmpty)
        o["evidence"] = list(a.evidence) { e in
            ["phrase": .string(e.phrase), "contribution": .string(Formatting.score(e.contribution)),
             "direction": .string(e.contribution >= 0 ? "up" : "down")]
        }
        o["has_evidence"] = .bool(!a.evidence.isEmpty)
        if let url = Self.safeURL(brief.url) {
            o["url"] = .string(url)
            o["url_md"] = .string(url)
        }
        if let v = brief.vendorSentiment, v.score != nil || v.label != nil {
            var vo: [String: MustacheValue] = [:]
            if let s = v.score { vo["score"] = .string(Formatting.score(s)) }
            if let l = v.label { vo["label"] = .string(l) }
            o["vendor"] = .object(vo)
        }
        o["body_html"] = .string(bodyHTML)
        return .object(o)
    }
}
