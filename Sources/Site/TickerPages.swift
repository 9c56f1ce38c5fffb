import Briefing

/// `tickers/index.html` (every ticker with its latest label and trend) and, per ticker,
/// `tickers/SYMBOL/index.html` and `index.md` (sparkline, every article newest first) with the
/// ticker's own `feed.xml` and `feed.json`.
struct TickerPages: PagePlanner {
    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage] {
        let histories = TickerHistories(model)
        let index = context.tickerIndexPage(histories)
        var pages = [PlannedPage("tickers/index.html", template: "tickers.html", index),
                     PlannedPage("tickers/index.md", template: "tickers.md", index)]
        let feeds = FeedBuilder(context: context)
        for history in histories.all {
            let dir = "tickers/" + TickerFolder.name(history.symbol)
            let value = context.tickerPage(history)
            pages.append(PlannedPage(dir + "/index.html", template: "ticker.html", value))
            pages.append(PlannedPage(dir + "/index.md", template: "ticker.md", value))
            let feed = feeds.value(
                title: "\(history.symbol) · \(context.options.title)",
                subtitle: "Articles mentioning \(history.symbol), with its sentiment in each",
                feedPath: dir + "/feed.xml", jsonPath: dir + "/feed.json", homePath: dir + "/index.html",
                idPath: dir, items: history.mentions.map { FeedBuilder.Item(brief: $0.brief, ticker: $0.ticker) },
                limit: FeedBuilder.tickerLimit)
            pages.append(PlannedPage(dir + "/feed.xml", template: "feed.xml", feed))
            pages.append(PlannedPage(dir + "/feed.json", template: "feed.json", feed))
        }
        return pages
    }
}
