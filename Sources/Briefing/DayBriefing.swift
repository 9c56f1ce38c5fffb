import Articles
import Analysis

/// The mood of a set of articles: their average score and how many fell under each label.
public struct Mood: Sendable, Hashable, Codable {
    public var average: Sentiment
    /// Count per label, in scale order (negative … positive).
    public var counts: [SentimentLabel: Int]
    public var total: Int

    public init(_ briefs: [Brief]) {
        var counts: [SentimentLabel: Int] = [:]
        var sum = 0.0
        for b in briefs {
            counts[b.sentiment.label, default: 0] += 1
            sum += b.sentiment.score
        }
        self.counts = counts
        self.total = briefs.count
        self.average = Sentiment(score: briefs.isEmpty ? 0 : sum / Double(briefs.count))
    }

    public func count(_ label: SentimentLabel) -> Int { counts[label] ?? 0 }
}

/// One day's briefing: its articles, most important first, and the day's mood.
public struct DayBriefing: Sendable, Hashable {
    public var day: Day
    public var briefs: [Brief]
    public var mood: Mood

    public init(day: Day, briefs: [Brief]) {
        self.day = day
        self.briefs = briefs.sorted(by: DayBriefing.byImportance)
        self.mood = Mood(briefs)
    }

    /// Strongest news first (absolute sentiment, then number of tickers), then newest, then title.
    static func byImportance(_ a: Brief, _ b: Brief) -> Bool {
        let sa = abs(a.sentiment.score), sb = abs(b.sentiment.score)
        if sa != sb { return sa > sb }
        return Brief.newestFirst(a, b)
    }
}
