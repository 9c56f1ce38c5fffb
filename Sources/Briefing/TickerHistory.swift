import Articles
import Analysis

/// One ticker on one day: its sentiment over that day's articles.
///
/// The day's score is the mean of the ticker's scores in each article, weighted by the ticker's
/// relevance there, so a passing mention in a sector round-up moves it less than the article
/// that is about the company. When every relevance is zero it is the plain mean.
public struct TickerDay: Sendable, Hashable {
    public var day: Day
    public var sentiment: Sentiment
    /// Articles of the day that mention the ticker.
    public var articles: Int

    public init(day: Day, mentions: [TickerSentiment]) {
        var weighted = 0.0, weights = 0.0, plain = 0.0
        for m in mentions {
            let w = max(0, m.relevance)
            weighted += w * m.sentiment.score
            weights += w
            plain += m.sentiment.score
        }
        let score = weights > 0 ? weighted / weights : (mentions.isEmpty ? 0 : plain / Double(mentions.count))
        self.day = day
        self.sentiment = Sentiment(score: score)
        self.articles = mentions.count
    }
}

/// Which way a ticker's sentiment went between its last two days.
public enum Trend: String, Sendable, Hashable {
    case up, down, steady
    /// Only one day so far: nothing to compare with.
    case new

    /// Changes smaller than this read as steady: under the precision the pages show with any
    /// meaning, and well under the width of a label band (0.15–0.20).
    public static let threshold = 0.05

    public init(change: Double?) {
        guard let change else { self = .new; return }
        if change >= Trend.threshold { self = .up }
        else if change <= -Trend.threshold { self = .down }
        else { self = .steady }
    }
}

/// Everything the site says about one ticker across the archive.
public struct TickerHistory: Sendable, Hashable {
    public var symbol: String
    /// Every article mentioning the ticker, newest first.
    public var mentions: [TickerMention]
    /// One point per day the ticker appeared, oldest first; never empty.
    public var days: [TickerDay]

    public init(symbol: String, mentions: [TickerMention]) {
        self.symbol = symbol
        self.mentions = mentions.sorted { Brief.newestFirst($0.brief, $1.brief) }
        var byDay: [Day: [TickerSentiment]] = [:]
        for m in mentions { byDay[m.brief.day, default: []].append(m.ticker) }
        days = byDay.keys.sorted().map { TickerDay(day: $0, mentions: byDay[$0]!) }
    }

    public var latest: TickerDay { days[days.count - 1] }
    /// The day before the latest one the ticker appeared, if any.
    public var previous: TickerDay? { days.count > 1 ? days[days.count - 2] : nil }
    /// Latest day's score minus the previous day's.
    public var change: Double? { previous.map { latest.sentiment.score - $0.sentiment.score } }
    public var trend: Trend { Trend(change: change) }

    /// The ticker's point on `day`, if it appeared then.
    public func point(on day: Day) -> TickerDay? {
        let i = firstIndex(notBefore: day)
        return i < days.count && days[i].day == day ? days[i] : nil
    }

    /// The last day strictly before `day` on which the ticker appeared.
    public func point(before day: Day) -> TickerDay? {
        let i = firstIndex(notBefore: day)
        return i > 0 ? days[i - 1] : nil
    }

    /// Binary search: index of the first point whose day is ≥ `day`.
    func firstIndex(notBefore day: Day) -> Int {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid].day < day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// The history of every ticker, computed once per build from the site model.
public struct TickerHistories: Sendable {
    public let bySymbol: [String: TickerHistory]
    /// Histories sorted by symbol.
    public let all: [TickerHistory]

    public init(_ model: SiteModel) {
        var out: [String: TickerHistory] = [:]
        for (symbol, mentions) in model.tickers { out[symbol] = TickerHistory(symbol: symbol, mentions: mentions) }
        bySymbol = out
        all = out.keys.sorted().map { out[$0]! }
    }

    public subscript(symbol: String) -> TickerHistory? { bySymbol[symbol] }
}
