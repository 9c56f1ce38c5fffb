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

    /// Site-wide values plus the relative prefix that leads from the page back to the site root.
    func site(root: String, pageTitle: String) -> [String: MustacheValue] {
        [
            "root": .string(root),
            "page_title": .string(pageTitle),
            "site": .object([
                "title": .string(options.title),
                "version": .string(version),
                "timezone": .string(options.timeZone.identifier),
                "palette": .string(options.palette.rawValue),
            ]),
        ]
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
    static func safeURL(_ url: String?) -> String? {
        guard let url = url?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return nil }
        // Characters that could end a Markdown link destination or an attribute are percent-encoded.
        var out = ""
        for u in url.unicodeScalars {
            switch u {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "\"": out += "%22"
            case "'": out += "%27"
            case "\\": out += "%5C"
            case "`": out += "%60"
            default:
                if u.value < 0x20 || u.value == 0x7f { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

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
                 "relevance": .string(Formatting.share(t.relevance))]
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
         "href": .string("\(day.pathComponent)/index.html"), "href_md": .string("\(day.pathComponent)/index.md")]
    }

    func mood(_ mood: Mood) -> MustacheValue {
        let labels = SentimentLabel.allCases.reversed().filter { mood.count($0) > 0 }
        return .object([
            "average": badge(mood.average),
            "total": .int(mood.total),
            "one": .bool(mood.total == 1),
            "distribution": list(Array(labels)) { l in
                ["label": .string(l.rawValue), "slug": .string(l.slug), "count": .int(mood.count(l))]
            },
        ])
    }

    func dayBody(_ day: DayBriefing) -> [String: MustacheValue] {
        var o = dayLink(day.day)
        o["mood"] = mood(day.mood)
        o["briefs"] = .array(day.briefs.map { .object(card($0)) })
        o["count"] = .int(day.briefs.count)
        o["one"] = .bool(day.briefs.count == 1)
        return o
    }

    func dayPage(_ model: SiteModel, at index: Int) -> MustacheValue {
        let day = model.days[index]
        var o = site(root: "../../../", pageTitle: "Briefing for \(Formatting.longDate(day.day))")
        for (k, v) in dayBody(day) { o[k] = v }
        // Days are newest first: the previous day is the next element.
        if index + 1 < model.days.count { o["previous"] = .object(dayLink(model.days[index + 1].day)) }
        if index > 0 { o["next"] = .object(dayLink(model.days[index - 1].day)) }
        return .object(o)
    }

    func archive(_ model: SiteModel) -> MustacheValue {
        .array(model.days.map { d in
            var o = dayLink(d.day)
            o["count"] = .int(d.briefs.count)
            o["one"] = .bool(d.briefs.count == 1)
            o["mood"] = mood(d.mood)
            return .object(o)
        })
    }

    func indexPage(_ model: SiteModel) -> MustacheValue {
        var o = site(root: "", pageTitle: "Latest briefing")
        if let latest = model.latestDay { o["latest"] = .object(dayBody(latest)) }
        o["days"] = archive(model)
        return .object(o)
    }

    func archivePage(_ model: SiteModel) -> MustacheValue {
        var o = site(root: "", pageTitle: "Archive")
        o["days"] = archive(model)
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
