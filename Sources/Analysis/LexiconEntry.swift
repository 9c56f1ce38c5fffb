/// Everything the scorer knows about one word, merged from the lists in `FinanceLexicon`.
struct LexiconEntry: Sendable {
    enum Role: UInt8, Sendable { case verb, noun, adjective, adverb }
    /// +1 up, -1 down, 0 not a direction word.
    var direction: Int8 = 0
    var role: Role = .verb
    /// Also usable as a noun ("an increase in sales" as well as "sales increase").
    var alsoNoun = false
    /// Target sign (+1 more is better, -1 more is worse, 0 neutral); `isTarget` tells it is one.
    var isTarget = false
    var negator = false
    var contrast = false
    var concessive = false
    var comparator = false
    /// An analyst rating word whose valence (`rating`, possibly 0) applies after "to", "at", "rated"…
    var hasRating = false
    /// Membership of the word lists single rules use (`RuleFlag`), so the scorer's hot loop
    /// answers "is this an outcome verb?" with a bit test instead of another lookup.
    var flags: UInt32 = 0
    var strength: Double = 0
    /// Valence when no target is found.
    var inherent: Double = 0
    var targetSign: Double = 0
    var targetWeight: Double = 0
    /// Standalone sentiment.
    var polar: Double = 0
    var hedge: Double = 1
    var degree: Double = 1
    var rating: Double = 0

    var isDirection: Bool { direction != 0 }
}

/// Bits of `LexiconEntry.flags`.
enum RuleFlag {
    static let outcome: UInt32 = 1 << 0
    static let win: UInt32 = 1 << 1
    static let removal: UInt32 = 1 << 2
    static let lose: UInt32 = 1 << 3
    /// Words with a rule of their own in the polar pass: hit, below, above, past, buy, pick, record.
    static let special: UInt32 = 1 << 4
    static let filler: UInt32 = 1 << 5
    static let link: UInt32 = 1 << 6
    static let rightStop: UInt32 = 1 << 7
    static let unit: UInt32 = 1 << 8
    /// contrast or concessive: the word bounds a clause.
    static let clauseBound: UInt32 = 1 << 9
}

extension FinanceLexicon {
    /// Analyst ratings: "cut to Sell", "initiated at Buy", "upgraded to Neutral".
    static let ratings: KeyValuePairs<String, Double> = [
        "buy": 0.9, "strong-buy": 1.1, "accumulate": 0.7, "add": 0.6, "outperform": 0.9, "overweight": 0.9,
        "sell": -0.9, "strong-sell": -1.1, "reduce": -0.6, "underperform": -0.9, "underweight": -0.9,
        "hold": 0, "neutral": 0, "perform": 0, "equal-weight": 0, "market-perform": 0, "in-line": 0,
    ]
}
