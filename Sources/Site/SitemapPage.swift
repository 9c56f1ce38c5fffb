import Briefing
import Mustache

/// `sitemap.xml`: every page a search engine should know, with absolute URLs from the base URL.
/// The sitemap protocol only allows absolute URLs, so without `--base-url` there is no sitemap
/// (the build says so in its notes) rather than an invalid one.
struct SitemapPage: PagePlanner {
    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage] {
        guard let base = context.options.baseURL else { return [] }
        var urls: [MustacheValue] = []
        func add(_ path: String, _ lastmod: String?) {
            var o: [String: MustacheValue] = ["loc": .string(base + path)]
            if let lastmod { o["lastmod"] = .string(lastmod) }
            urls.append(.object(o))
        }
        let latest = model.latestDay?.day.description
        add("index.html", latest)
        add("archive.html", latest)
        add("tickers/index.html", latest)
        for day in model.days {
            add("\(day.day.pathComponent)/index.html", day.day.description)
            for b in day.briefs.sorted(by: { $0.slug < $1.slug }) { add(b.sitePath + ".html", b.day.description) }
        }
        for history in context.histories(model).all {
            add(TickerFolder.page(history.symbol), history.latest.day.description)
        }
        return [PlannedPage("sitemap.xml", template: "sitemap.xml", .object(["urls": .array(urls)]))]
    }
}
