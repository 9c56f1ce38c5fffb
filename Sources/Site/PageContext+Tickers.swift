import Articles
import Analysis
import Briefing
import Mustache

/// Values for the ticker pages (`tickers/SYMBOL/index.html`) and the ticker index.
extension PageContext {
    /// Trend of a ticker in words and an arrow, never by colour alone.
    func trendValue(_ history: TickerHistory) -> MustacheValue {
        var o: [String: MustacheValue] = ["direction": .string(history.trend.rawValue)]
        switch history.trend {
        case .new: o["icon"] = .string("•"); o["text"] = .string("first seen")
        case .steady: o["icon"] = .string("▶"); o["text"] = .string("steady")
        case .up: o["icon"] = .string("▲"); o["text"] = .string("up")
        case .down: o["icon"] = .string("▼"); o["text"] = .string("down")
        }
        if let change = history.change, let previous = history.previous {
            o["change"] = .string(Formatting.score(change))
            o["since"] = .string(Sparkline.shortDate(previous.day))
            o["since_iso"] = .string(previous.day.description)
        }
        return .object(o)
    }

    /// One ticker's summary, as the index and the ticker page show it.
    func tickerSummary(_ history: TickerHistory) -> [String: MustacheValue] {
        let latest = history.latest
        return [
            "symbol": .string(history.symbol),
            "href": .string(TickerFolder.page(history.symbol)),
            "href_md": .string(TickerFolder.markdownPage(history.symbol)),
            "sentiment": badge(latest.sentiment),
            "trend": trendValue(history),
            "mentions": .int(history.mentions.count),
            "one_mention": .bool(history.mentions.count == 1),
            "days_count": .int(history.days.count),
            "one_day": .bool(history.days.count == 1),
            "last_date": .string(latest.day.description),
            "last_date_short": .string(Sparkline.shortDate(latest.day)),
            "first_date": .string(history.days[0].day.description),
            "first_date_short": .string(Sparkline.shortDate(history.days[0].day)),
        ]
    }

    func tickerIndexPage(_ histories: TickerHistories) -> MustacheValue {
        var o = site(root: "../", pageTitle: "Tickers")
        o["nav_tickers"] = .bool(true)
        o["tickers"] = list(histories.all) { h in
            var t = tickerSummary(h)
            t["sparkline_svg"] = .string(Sparkline.mini(h))
            return t
        }
        o["has_tickers"] = .bool(!histories.all.isEmpty)
        o["count"] = .int(histories.all.count)
        return .object(o)
    }

    func tickerPage(_ history: TickerHistory) -> MustacheValue {
        var o = site(root: "../../", pageTitle: "\(history.symbol): sentiment and news")
        for (k, v) in tickerSummary(history) { o[k] = v }
        o["sparkline_svg"] = .string(Sparkline.chart(history, id: "spark"))
        o["feed_href"] = .string("feed.xml")
        o["json_feed_href"] = .string("feed.json")
        o["ticker_feed"] = .bool(true)
        o["nav_tickers"] = .bool(true)
        // One compact row per article (the day page and the ticker's feed carry the key
        // points): a ticker in the news every day stays a page one can scan.
        o["articles"] = list(history.mentions) { m in
            let b = m.brief
            var a: [String: MustacheValue] = [
                "title": .string(b.title),
                "href": .string(b.sitePath),
                "sentiment": badge(b.sentiment),
                "ticker_symbol": .string(history.symbol),
                "ticker_sentiment": badge(m.ticker.sentiment),
                "ticker_relevance": .string(Formatting.share(m.ticker.relevance)),
                "date": .string(b.day.description),
                "date_short": .string(Self.shortDate(b.day)),
                "day_href": .string("\(b.day.pathComponent)/index.html"),
            ]
            if let source = b.source, !source.isEmpty { a["source"] = .string(source) }
            let others = b.analysis.tickers.filter { $0.symbol != history.symbol }
            a["others"] = list(others) { ["symbol": .string($0.symbol), "href": .string(TickerFolder.page($0.symbol))] }
            a["has_others"] = .bool(!others.isEmpty)
            return a
        }
        o["days"] = list(history.days.reversed()) { d in
            ["date": .string(d.day.description), "date_short": .string(Self.shortDate(d.day)),
             "sentiment": badge(d.sentiment), "articles": .int(d.articles), "one": .bool(d.articles == 1),
             "href": .string("\(d.day.pathComponent)/index.html")]
        }
        return .object(o)
    }
}
