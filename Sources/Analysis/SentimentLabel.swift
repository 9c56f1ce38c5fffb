/// The published five-step label scale. A score in [-1, 1] maps to exactly one label:
/// negative (≤ -0.35), mildly negative (≤ -0.15), neutral, mildly positive (≥ 0.15), positive (≥ 0.35).
public enum SentimentLabel: String, Sendable, Hashable, Codable, CaseIterable {
    case negative = "negative"
    case mildlyNegative = "mildly negative"
    case neutral = "neutral"
    case mildlyPositive = "mildly positive"
    case positive = "positive"

    public init(score: Double) {
        if score <= -0.35 { self = .negative }
        else if score <= -0.15 { self = .mildlyNegative }
        else if score >= 0.35 { self = .positive }
        else if score >= 0.15 { self = .mildlyPositive }
        else { self = .neutral }
    }

    /// A CSS-safe identifier: `negative`, `mildly-negative`, ….
    public var slug: String { String(rawValue.map { $0 == " " ? "-" : $0 }) }
}

/// A score with its label, the pair every output shows.
public struct Sentiment: Sendable, Hashable, Codable {
    public var score: Double
    public var label: SentimentLabel
    /// Clamps to [-1, 1] and keeps three decimals, then labels the kept value, so the score
    /// every output prints and the label beside it always agree.
    public init(score: Double) {
        let s = score.isFinite ? min(1, max(-1, score)) : 0
        let q = (s * 1000).rounded() / 1000
        self.score = q == 0 ? 0 : q
        self.label = SentimentLabel(score: self.score)
    }
}
