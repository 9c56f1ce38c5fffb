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

/// One day's briefing: its articles, most relevant first (see `Relevance`), and the day's mood.
public struct DayBriefing: Sendable, Hashable {
    public var day: Day
    public var briefs: [Brief]
    public var mood: Mood

    public init(day: Day, briefs: [Brief]) {
        self.day = day
        self.briefs = briefs.sorted(by: Relevance.mostRelevantFirst)
        self.mood = Mood(briefs)
    }
}
