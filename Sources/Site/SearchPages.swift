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

    /// One document of the index, its values in `fields` order.
    static func doc(_ b: Brief) -> JSONValue {
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

    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage] {
        let briefs = model.days.flatMap { $0.briefs }.sorted(by: Brief.newestFirst)
        // `{"docs":[…],"fields":[…],"version":1}` as `JSONValue.serialized()` writes an object
        // (keys sorted, compact), written straight into the script one document at a time: at
        // 50,000 articles a tree of every document and a second copy of the text cost ~70 MB.
        var script = "/* Search index written by Bellwether at build time; read by assets/search.js. */\n"
            + "window.BELLWETHER_SEARCH = {\"docs\":"
        // Measured first, so the script is allocated once at its final size: grown by doubling,
        // it held a 16 MB and a 32 MB buffer at once at 50,000 articles.
        var scratch = ""
        var docsSize = 2 + briefs.count
        for b in briefs {
            scratch.removeAll(keepingCapacity: true)
            Self.doc(b).serialize(into: &scratch)
            docsSize += scratch.utf8.count
        }
        script.reserveCapacity(script.utf8.count + docsSize + 1024)
        JSONValue.writeArray(briefs, into: &script, element: Self.doc)
        script += ",\"fields\":"
        JSONValue.array(Self.fields.map(JSONValue.string)).serialize(into: &script)
        script += ",\"version\":"
        JSONValue.number(1).serialize(into: &script)
        script += "};\n"
        return [PlannedPage("search/index.html", template: "search.html", context.searchPage(model)),
                PlannedPage("search/search-index.js", text: script)]
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
