import Articles
import Analysis

/// One mention of a ticker: the brief it appears in and the ticker's own sentiment there.
public struct TickerMention: Sendable, Hashable {
    public var brief: Brief
    public var ticker: TickerSentiment
}

/// Everything the site shows, planned from briefs alone.
public struct SiteModel: Sendable {
    /// Days, newest first.
    public var days: [DayBriefing]
    /// Mentions per ticker symbol, newest first.
    public var tickers: [String: [TickerMention]]

    public init(briefs: [Brief]) {
        var byDay: [Day: [Brief]] = [:]
        var byTicker: [String: [TickerMention]] = [:]
        for brief in briefs {
            byDay[brief.day, default: []].append(brief)
            for t in brief.analysis.tickers {
                byTicker[t.symbol, default: []].append(TickerMention(brief: brief, ticker: t))
            }
        }
        days = byDay.keys.sorted(by: >).map { DayBriefing(day: $0, briefs: byDay[$0]!) }
        tickers = byTicker.mapValues { $0.sorted { Brief.newestFirst($0.brief, $1.brief) } }
    }

    public var tickerSymbols: [String] { tickers.keys.sorted() }
    public var latestDay: DayBriefing? { days.first }
}
