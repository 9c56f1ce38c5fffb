/// Scores a sentence in [-1, 1]. First cut: a small finance lexicon with negation.
public struct SentimentScorer: Sendable {
    public init() {}

    static let positive: [String: Double] = [
        "rose": 1, "rise": 1, "rises": 1, "gain": 1, "gains": 1, "grew": 1, "growth": 1, "beat": 1.5, "beats": 1.5,
        "record": 1, "strong": 1, "surge": 1.5, "surged": 1.5, "jumped": 1.5, "up": 0.5, "profit": 0.5,
        "improved": 1, "increase": 1, "increased": 1, "upgrade": 1.5, "upgraded": 1.5, "benefit": 1,
        "outpaced": 1, "accelerating": 1, "exploding": 1, "winners": 1, "high-margin": 1, "recurring": 0.5,
    ]
    static let negative: [String: Double] = [
        "fell": 1, "fall": 1, "falls": 1, "loss": 1, "losses": 1, "decline": 1, "declined": 1, "drop": 1,
        "dropped": 1, "weak": 1, "miss": 1.5, "missed": 1.5, "cut": 1, "cuts": 1, "layoffs": 1.5, "down": 0.5,
        "downgrade": 1.5, "downgraded": 1.5, "risk": 0.5, "risks": 0.5, "plunged": 1.5, "slump": 1.5,
        "lawsuit": 1, "probe": 1, "warning": 1, "lose": 1, "compress": 1, "unwind": 1, "friction": 0.5,
    ]
    static let negators: Set<String> = ["not", "no", "never", "without", "n't", "absent"]

    public struct Result: Sendable {
        public var sentiment: Sentiment
        public var evidence: [Evidence]
    }

    public func score(_ sentence: String) -> Result {
        let words = sentence.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" }).map(String.init)
        var total = 0.0
        var evidence: [Evidence] = []
        for (i, w) in words.enumerated() {
            var v = Self.positive[w] ?? -(Self.negative[w] ?? 0)
            if v == 0 { continue }
            if words[max(0, i - 3)..<i].contains(where: { Self.negators.contains($0) }) { v = -v * 0.5 }
            total += v
            evidence.append(Evidence(phrase: w, contribution: v))
        }
        let score = total / (abs(total) + 2.5)
        return Result(sentiment: Sentiment(score: score), evidence: evidence)
    }
}
