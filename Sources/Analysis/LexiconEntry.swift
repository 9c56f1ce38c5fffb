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
    var flags: UInt64 = 0
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
    static let outcome: UInt64 = 1 << 0
    static let win: UInt64 = 1 << 1
    static let removal: UInt64 = 1 << 2
    static let lose: UInt64 = 1 << 3
    /// Words with a rule of their own in the polar pass: hit, below, above, past, buy, pick, record.
    static let special: UInt64 = 1 << 4
    static let filler: UInt64 = 1 << 5
    static let link: UInt64 = 1 << 6
    static let rightStop: UInt64 = 1 << 7
    static let unit: UInt64 = 1 << 8
    /// contrast or concessive: the word bounds a clause.
    static let clauseBound: UInt64 = 1 << 9
}

/// Bits of `CompiledLexicon.info` (and so of `ScoringToken.info`) beside the `RuleFlag` bits
/// (0–9) and the `WordSet` bits (32–63): the entry's booleans, so the rules' frequent tests
/// read the token they are looking at instead of a lexicon entry elsewhere in memory.
enum EntryBit {
    static let direction: UInt64 = 1 << 10
    static let target: UInt64 = 1 << 11
    static let comparator: UInt64 = 1 << 12
    static let negator: UInt64 = 1 << 13
    static let contrast: UInt64 = 1 << 14
    static let concessive: UInt64 = 1 << 15
    static let rating: UInt64 = 1 << 16
    /// The word has a lexicon entry at all.
    static let exists: UInt64 = 1 << 17
    /// A non-zero polar value.
    static let polar: UInt64 = 1 << 18
    /// Something the modifier pass acts on: removal, lose, negator, hedge, degree, contrast, concessive.
    static let modifier: UInt64 = 1 << 19
    /// A magnitude word ("mn", "billion"): not an entry property, but kept here so the
    /// tokenizer can tell without another lookup.
    static let magnitude: UInt64 = 1 << 20
    /// Which rule passes act on the word (`SentimentScorer.contributions`), five bits from
    /// `passShift`: moves (directions, outcome verbs), comparators, targets, polar words
    /// (ratings, polar, special, win verbs), modifiers. Summarised so the sweep that lists
    /// each pass's tokens skips every other word with one test.
    static let passShift: UInt64 = 21
    static let passMask: UInt64 = 0x1F << 21
    /// All entry bits (the low half); the high half is `WordSet` bits.
    static let entryMask: UInt64 = 0xFFFF_FFFF
}

extension FinanceLexicon {
    /// Analyst ratings: "cut to Sell", "initiated at Buy", "upgraded to Neutral".
    static let ratings: KeyValuePairs<String, Double> = [
        "buy": 0.9, "strong-buy": 1.1, "accumulate": 0.7, "add": 0.6, "outperform": 0.9, "overweight": 0.9,
        "sell": -0.9, "strong-sell": -1.1, "reduce": -0.6, "underperform": -0.9, "underweight": -0.9,
        "hold": 0, "neutral": 0, "perform": 0, "equal-weight": 0, "market-perform": 0, "in-line": 0,
    ]
}
