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
        [PlannedPage("search/index.html", template: "search.html", context.searchPage(model)),
         PlannedPage("search/search-index.js", bytes: Self.script(model))]
    }

    static let scriptPrefix = "/* Search index written by Bellwether at build time; read by assets/search.js. */\n"
        + "window.BELLWETHER_SEARCH = "

    /// The index script: `scriptPrefix`, then the object `JSONValue` would serialize (keys
    /// sorted: docs, fields, version), then `;`. Written straight to text, each day's documents
    /// on its own core: at 50,000 articles it is 28 MB, and a tree of `JSONValue`s for it cost
    /// over a second of every build that changed an article.
    static func script(_ model: SiteModel) -> [UInt8] {
        // Newest first: days are newest first already and `newestFirst` orders by day before
        // anything else, so each day's briefs are ordered on their own (by index: moving
        // briefs around costs more than ordering them).
        // A batch of days at a time, so the days' texts and the script are not both whole in
        // memory at once (28 MB each at 50,000 articles).
        var out = [UInt8]()
        out += scriptPrefix.utf8
        out += #"{"docs":["#.utf8
        var first = true
        let batch = 64
        for start in stride(from: 0, to: model.days.count, by: batch) {
            let end = min(start + batch, model.days.count)
            let days = (try? Parallel.map(end - start) { k -> String in
                let briefs = model.days[start + k].briefs
                var out = ""
                for i in briefs.indices.sorted(by: { Brief.newestFirst(briefs[$0], briefs[$1]) }) {
                    if !out.isEmpty { out += "," }
                    writeDocument(briefs[i], into: &out)
                }
                return out
            }) ?? []
            if start == 0 {
                // Sized once from the first batch (days are alike), not grown by doubling: a
                // 16 MB and a 32 MB buffer at once at 50,000 articles.
                let size = days.reduce(0) { $0 + $1.utf8.count + 1 }
                out.reserveCapacity(256 + size * model.days.count / max(1, end - start) * 21 / 20)
            }
            for day in days where !day.isEmpty {
                if !first { out.append(UInt8(ascii: ",")) }
                out += day.utf8
                first = false
            }
        }
        out += #"],"fields":"#.utf8
        out += JSONValue.array(fields.map(JSONValue.string)).serialized().utf8
        out += #","version":1};"#.utf8
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// One article in the index: an array of strings in the order of `fields`.
    static func writeDocument(_ b: Brief, into out: inout String) {
        out += "["
        JSONValue.writeString(b.title, into: &out)
        out += ","
        JSONValue.writeString(b.sitePath + ".html", into: &out)
        out += ","
        JSONValue.writeString(b.day.description, into: &out)
        out += ","
        JSONValue.writeString(b.sentiment.label.slug, into: &out)
        out += ","
        JSONValue.writeString(Formatting.score(b.sentiment.score), into: &out)
        out += ","
        JSONValue.writeString(b.analysis.tickers.map(\.symbol).joined(separator: " "), into: &out)
        out += ","
        JSONValue.writeString(b.analysis.keyPoints.map(\.text).joined(separator: "\n"), into: &out)
        out += "]"
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
