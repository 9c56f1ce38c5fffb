/// Everything the scorer knows about one word, merged from the lists in `FinanceLexicon`.
struct LexiconEntry: Sendable {
    enum Role: UInt8, Sendable { case verb, noun, adjective, adverb }
    /// +1 up, -1 down, 0 not a direction word.
    var direction: Int8 = 0
    var strength: Double = 0
    var role: Role = .verb
    /// Also usable as a noun ("an increase in sales" as well as "sales increase").
    var alsoNoun = false
    /// Valence when no target is found.
    var inherent: Double = 0
    /// Target sign (+1 more is better, -1 more is worse, 0 neutral); `isTarget` tells it is one.
    var isTarget = false
    var targetSign: Double = 0
    var targetWeight: Double = 0
    /// Standalone sentiment.
    var polar: Double = 0
    var negator = false
    var hedge: Double = 1
    var degree: Double = 1
    var contrast = false
    var concessive = false
    var comparator = false
    /// An analyst rating word whose valence applies after "to", "at", "rated"…
    var rating: Double? = nil

    /// Membership of the word lists single rules use (`RuleFlag`), so the scorer's hot loop
    /// answers "is this an outcome verb?" with a bit test instead of another hash lookup.
    var flags: UInt32 = 0

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
}

extension FinanceLexicon {
    /// Analyst ratings: "cut to Sell", "initiated at Buy", "upgraded to Neutral".
    static let ratings: [String: Double] = [
        "buy": 0.9, "strong-buy": 1.1, "accumulate": 0.7, "add": 0.6, "outperform": 0.9, "overweight": 0.9,
        "sell": -0.9, "strong-sell": -1.1, "reduce": -0.6, "underperform": -0.9, "underweight": -0.9,
        "hold": 0, "neutral": 0, "perform": 0, "equal-weight": 0, "market-perform": 0, "in-line": 0,
    ]

    /// The merged table, built once on first use.
    static let entries: [String: LexiconEntry] = {
        var table: [String: LexiconEntry] = [:]
        func fields(_ text: String) -> [[Substring]] {
            text.split(separator: "\n").map { $0.split(separator: " ") }.filter { !$0.isEmpty }
        }
        for (text, sign) in [(upWords, Int8(1)), (downWords, Int8(-1))] {
            for f in fields(text) where f.count == 4 {
                let word = String(f[0])
                let role: LexiconEntry.Role = f[2] == "n" ? .noun : f[2] == "a" ? .adjective : f[2] == "r" ? .adverb : .verb
                var e = table[word] ?? LexiconEntry()
                if e.direction != 0 {
                    // Second listing of the same word: a noun reading next to a verb reading.
                    if role == .noun { e.alsoNoun = true } else if e.role == .noun { e.role = role; e.alsoNoun = true }
                } else {
                    e.direction = sign
                    e.strength = Double(f[1]) ?? 1
                    e.role = role
                    e.inherent = Double(f[3]) ?? 0
                }
                table[word] = e
            }
        }
        for f in fields(targets) where f.count == 3 {
            var e = table[String(f[0])] ?? LexiconEntry()
            e.isTarget = true
            let w = Double(f[2]) ?? 0
            e.targetSign = w > 0 ? 1 : w < 0 ? -1 : 0
            e.targetWeight = abs(w)
            table[String(f[0])] = e
        }
        for f in fields(polar) where f.count == 2 {
            var e = table[String(f[0])] ?? LexiconEntry()
            e.polar = Double(f[1]) ?? 0
            table[String(f[0])] = e
        }
        for w in negators { table[w, default: LexiconEntry()].negator = true }
        for (w, v) in hedges { table[w, default: LexiconEntry()].hedge = v }
        for (w, v) in degree { table[w, default: LexiconEntry()].degree = v }
        for w in contrast { table[w, default: LexiconEntry()].contrast = true }
        for w in concessive { table[w, default: LexiconEntry()].concessive = true }
        for w in comparators { table[w, default: LexiconEntry()].comparator = true }
        for (w, v) in ratings { table[w, default: LexiconEntry()].rating = v }
        for w in SentimentScorer.outcomeVerbs { table[w, default: LexiconEntry()].flags |= RuleFlag.outcome }
        for w in SentimentScorer.winVerbs { table[w, default: LexiconEntry()].flags |= RuleFlag.win }
        for w in SentimentScorer.removalVerbs { table[w, default: LexiconEntry()].flags |= RuleFlag.removal }
        for w in ["lose", "loses", "lost", "losing"] { table[w, default: LexiconEntry()].flags |= RuleFlag.lose }
        for w in SentimentScorer.objectFillers { table[w, default: LexiconEntry()].flags |= RuleFlag.filler }
        for w in SentimentScorer.nounLinks { table[w, default: LexiconEntry()].flags |= RuleFlag.link }
        for w in SentimentScorer.rightStops { table[w, default: LexiconEntry()].flags |= RuleFlag.rightStop }
        for w in SentimentScorer.numberUnits { table[w, default: LexiconEntry()].flags |= RuleFlag.unit }
        for w in ["hit", "hits", "below", "above", "past", "buy", "buying", "pick", "record", "records"] {
            table[w, default: LexiconEntry()].flags |= RuleFlag.special
        }
        return table
    }()
}
