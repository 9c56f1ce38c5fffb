import Articles
import Analysis

/// A ticker whose sentiment changed between the last day it appeared and `today`.
public struct Mover: Sendable, Hashable {
    public var symbol: String
    public var today: TickerDay
    public var previous: TickerDay
    /// Signed change of the day scores (today minus previous).
    public var change: Double { today.sentiment.score - previous.sentiment.score }
}

/// The day's movers: the tickers whose sentiment changed most since the previous day they
/// appeared on. A ticker seen for the first time has nothing to move from and is not a mover;
/// changes under `Trend.threshold` are noise, not movement.
public enum Movers {
    public static func on(_ briefing: DayBriefing, histories: TickerHistories, limit: Int = 5) -> [Mover] {
        let day = briefing.day
        let symbols = Set(briefing.briefs.flatMap { $0.analysis.tickers.map(\.symbol) })
        var movers: [Mover] = []
        for symbol in symbols {
            guard let history = histories[symbol],
                  let today = history.point(on: day), let previous = history.point(before: day) else { continue }
            let mover = Mover(symbol: history.symbol, today: today, previous: previous)
            if abs(mover.change) >= Trend.threshold { movers.append(mover) }
        }
        movers.sort { a, b in
            let ca = (abs(a.change) * 1000).rounded(), cb = (abs(b.change) * 1000).rounded()
            if ca != cb { return ca > cb }
            return a.symbol < b.symbol
        }
        return Array(movers.prefix(limit))
    }
}
