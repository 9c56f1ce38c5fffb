import Analysis

/// How much an article matters to a reader skimming the day's briefing, in [0, 1].
///
/// A reader of a market briefing wants first the news that moves a company: a strong tone about
/// a named ticker. So relevance blends the strength of the article's sentiment (how far from
/// neutral, whichever way) with how central its main ticker is to it. A general piece with no
/// ticker can still rank high when its tone is strong, but a company story of the same strength
/// goes first.
public enum Relevance {
    /// Weight of the sentiment strength; the rest goes to the main ticker's relevance.
    public static let strengthWeight = 0.75

    public static func score(_ brief: Brief) -> Double {
        let strength = min(1, abs(brief.sentiment.score))
        let focus = brief.analysis.tickers.map(\.relevance).max() ?? 0
        return strengthWeight * strength + (1 - strengthWeight) * min(1, max(0, focus))
    }

    /// Most relevant first, then newest, then title: a total order, so listings are stable.
    public static func mostRelevantFirst(_ a: Brief, _ b: Brief) -> Bool {
        let ra = (score(a) * 1000).rounded(), rb = (score(b) * 1000).rounded()
        if ra != rb { return ra > rb }
        return Brief.newestFirst(a, b)
    }
}
