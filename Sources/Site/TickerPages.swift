import Briefing

/// `tickers/index.html` (every ticker with its latest label and trend) and, per ticker,
/// `tickers/SYMBOL/index.html` and `index.md` (sparkline, every article newest first) with the
/// ticker's own `feed.xml` and `feed.json`.
///
/// A ticker's pages are made from its history alone (its mentions, newest first, and the points
/// per day derived from them), so they are keyed by the briefs that mention it; the index lists
/// every ticker and takes the key of the whole site.
struct TickerPages: DeferredPagePlanner {
    func jobs(for model: SiteModel, context: PageContext) -> [PageJob] {
        let histories = context.histories(model)
        var jobs = [PageJob(paths: ["tickers/index.html", "tickers/index.md"]) {
            let index = context.tickerIndexPage(histories)
            return [PlannedPage("tickers/index.html", template: "tickers.html", index),
                    PlannedPage("tickers/index.md", template: "tickers.md", index)]
        }]
        let feeds = FeedBuilder(context: context)
        for history in histories.all {
            let dir = "tickers/" + TickerFolder.name(history.symbol)
            let key = context.keys.map { keys -> UInt64 in
                var h = keys.hasher("ticker")
                h.add(history.symbol)
                h.add(UInt64(history.mentions.count))
                for i in history.mentions.indices { keys.add(history.mentions[i].brief, to: &h) }
                return h.value
            }
            jobs.append(PageJob(paths: [dir + "/index.html", dir + "/index.md", dir + "/feed.xml", dir + "/feed.json"], key: key) {
                let value = context.tickerPage(history)
                let feed = feeds.value(
                    title: "\(history.symbol) · \(context.options.title)",
                    subtitle: "Articles mentioning \(history.symbol), with its sentiment in each",
                    feedPath: dir + "/feed.xml", jsonPath: dir + "/feed.json", homePath: dir + "/index.html",
                    idPath: dir, items: history.mentions.map { FeedBuilder.Item(brief: $0.brief, ticker: $0.ticker) },
                    limit: FeedBuilder.tickerLimit)
                return [PlannedPage(dir + "/index.html", template: "ticker.html", value),
                        PlannedPage(dir + "/index.md", template: "ticker.md", value),
                        PlannedPage(dir + "/feed.xml", template: "feed.xml", feed),
                        PlannedPage(dir + "/feed.json", template: "feed.json", feed)]
            })
        }
        return jobs
    }
}
