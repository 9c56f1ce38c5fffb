import Briefing
import Mustache

/// Search without a server: `search/index.html` (the form, and links to browse by ticker or day
/// for readers without JavaScript) and `search/search-index.js`, the index written at build time.
///
/// The index is a script that assigns one global rather than a JSON file to `fetch`, because
/// browsers refuse `fetch` over `file://` and the site must work opened from disk. It is compact:
/// one array per article (no repeated keys), newest first, holding only what the search looks at
/// (title, tickers, key points) and what a result shows (link, day, label, score). The search
/// itself is `assets/search.js`.
struct SearchPages: PagePlanner {
    /// Field order of each document in the index; `assets/search.js` reads them by position.
    static let fields = ["title", "href", "day", "label", "score", "tickers", "points"]

    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage] {
        // Newest first: days are newest first already and `newestFirst` orders by day before
        // anything else, so each day's briefs are ordered on their own (by index: moving
        // briefs around costs more than ordering them).
        var docs: [JSONValue] = []
        docs.reserveCapacity(model.days.reduce(0) { $0 + $1.briefs.count })
        for day in model.days {
            let order = day.briefs.indices.sorted { Brief.newestFirst(day.briefs[$0], day.briefs[$1]) }
            for i in order { docs.append(Self.document(day.briefs[i])) }
        }
        let index = JSONValue.object(["version": .number(1), "fields": .array(Self.fields.map(JSONValue.string)),
                                      "docs": .array(docs)])
        let script = "/* Search index written by Bellwether at build time; read by assets/search.js. */\n"
            + "window.BELLWETHER_SEARCH = " + index.serialized() + ";\n"
        return [PlannedPage("search/index.html", template: "search.html", context.searchPage(model)),
                PlannedPage("search/search-index.js", text: script)]
    }

    /// One article in the index, its fields in the order of `fields`.
    static func document(_ b: Brief) -> JSONValue {
        .array([
            .string(b.title),
            .string(b.sitePath + ".html"),
            .string(b.day.description),
            .string(b.sentiment.label.slug),
            .string(Formatting.score(b.sentiment.score)),
            .string(b.analysis.tickers.map(\.symbol).joined(separator: " ")),
            .string(b.analysis.keyPoints.map(\.text).joined(separator: "\n")),
        ])
    }
}

extension PageContext {
    func searchPage(_ model: SiteModel) -> MustacheValue {
        var o = site(root: "../", pageTitle: "Search")
        o["nav_search"] = .bool(true)
        o["tickers"] = list(model.tickerSymbols) { ["symbol": .string($0), "href": .string(TickerFolder.page($0))] }
        o["has_tickers"] = .bool(!model.tickers.isEmpty)
        o["articles_count"] = .int(model.days.reduce(0) { $0 + $1.briefs.count })
        o["days_count"] = .int(model.days.count)
        o["latest"] = model.latestDay.map { .object(dayLink($0.day)) } ?? .null
        return .object(o)
    }
}
