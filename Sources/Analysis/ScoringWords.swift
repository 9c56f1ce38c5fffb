/// The words the scoring rules name, beside the lexicon proper. Compiled with the lexicon into
/// one word table (`CompiledLexicon`), so a rule asks "is the next word *to*?" or "is the
/// previous word a form of *be*?" with an integer compare or a bit test, never a String.

/// Single words a rule compares against. Inserted into the word table first, in this order,
/// so a case's raw value is the word's id.
enum RuleWord: Int32, CaseIterable {
    case to, into, back, declined, declines, decline, comment, up, top, estimates, expectations, forecasts
    case from, than, hit, hits, below, above, past, buy, buying, pick, record, records, only, a, `as`, net
    case percentSign, notContraction, can, will

    var spelling: String {
        switch self {
        case .to: "to"
        case .into: "into"
        case .back: "back"
        case .declined: "declined"
        case .declines: "declines"
        case .decline: "decline"
        case .comment: "comment"
        case .up: "up"
        case .top: "top"
        case .estimates: "estimates"
        case .expectations: "expectations"
        case .forecasts: "forecasts"
        case .from: "from"
        case .than: "than"
        case .hit: "hit"
        case .hits: "hits"
        case .below: "below"
        case .above: "above"
        case .past: "past"
        case .buy: "buy"
        case .buying: "buying"
        case .pick: "pick"
        case .record: "record"
        case .records: "records"
        case .only: "only"
        case .a: "a"
        case .`as`: "as"
        case .net: "net"
        case .percentSign: "%"
        case .notContraction: "n't"
        case .can: "can"
        case .will: "will"
        }
    }
}

/// Word lists single rules test membership of, as the high half of `CompiledLexicon.info`.
/// Unlike `RuleFlag` (which belongs to a lexicon entry and so only answers for words), these
/// answer for any token by its spelling, "%" included.
enum WordSet {
    /// Before a qualifier: "profit *before* taxes", "earnings *excluding* items".
    static let qualifierLead: UInt64 = 1 << 32
    /// What such a qualifier names: tax, interest, charges, items, costs.
    static let qualifier: UInt64 = 1 << 33
    /// Before a direction word read as the thing that moves: "*the* decline eased".
    static let moveNounLead: UInt64 = 1 << 34
    /// Verbs after which "up to" is a move ("went up to EUR 8.6m"), not a limit.
    static let upToMove: UInt64 = 1 << 35
    /// Before a word that reads as a noun: "*a* rise in", "*sharp* fall", "5 *%* increase".
    static let nounLead: UInt64 = 1 << 36
    /// After a bare "up"/"down" that closes a headline clause: "X up *after* results".
    static let clauseCloser: UInt64 = 1 << 37
    /// Between a gain/loss verb and the polar thing gained or lost: "adds *another* bull".
    static let gainedLead: UInt64 = 1 << 38
    /// Before a base amount that is below zero: "compared to a *negative* EUR 0.83 mn".
    static let negativeAmount: UInt64 = 1 << 39
    /// After "hit" as an impact: "hit *by*", "hit *hard*".
    static let hitImpactNext: UInt64 = 1 << 40
    /// Before "hit" as an impact: "*was* hit".
    static let hitImpactPrevious: UInt64 = 1 << 41
    /// Between "below"/"above" and the expectation: "below *the analysts'* consensus".
    static let expectationLead: UInt64 = 1 << 42
    /// Before "record" as a verb: "*to* record a charge".
    static let recordVerbLead: UInt64 = 1 << 43
    /// After "record" as a noun of dates: "record *date*".
    static let recordNounNext: UInt64 = 1 << 44
    /// After a negator, emphasis rather than negation: "never *this* bullish".
    static let emphasisNext: UInt64 = 1 << 45
    /// "never *been* this bullish": the verb …
    static let emphasisBe: UInt64 = 1 << 46
    /// … and what follows it.
    static let emphasisAfterBe: UInt64 = 1 << 47
    /// After a written rating that closes its clause: "Buy *rating*", "Sell *call*".
    static let ratingCloser: UInt64 = 1 << 48
    /// Words after which "up"/"down" is a phrasal particle, not a direction ("set up", "step down").
    static let particleVerb: UInt64 = 1 << 49
    /// Targets that name a result, which "to"/"into" can turn into an outcome.
    static let outcomeTarget: UInt64 = 1 << 50
    /// The business a win verb wins: "received a significant *order*".
    static let businessNoun: UInt64 = 1 << 51
    /// What a forecast is measured against: "below *expectations*", "above *consensus*".
    static let expectationNoun: UInt64 = 1 << 52
    /// Words before a rating that make it one: "cut *to* Sell", "initiated *at* Buy", "*a* Buy".
    static let ratingLead: UInt64 = 1 << 53

    static let lists: [(bit: UInt64, words: [String])] = [
        (qualifierLead, ["before", "after", "excluding", "excl", "ex", "including", "net"]),
        (qualifier, ["tax", "taxes", "interest", "charges", "items", "costs", "expenses", "cost"]),
        (moveNounLead, ["a", "an", "the", "its", "their", "this", "that", "of", "recent", "early", "earlier", "all", "strong", "weekly", "daily"]),
        (upToMove, ["went", "go", "goes", "gone", "moved", "was", "were", "is", "are", "been", "shot", "climbed", "rose", "jumped"]),
        (nounLead, ["a", "an", "the", "its", "this", "that", "any", "further", "strong", "sharp", "slight", "significant", "substantial", "year-on-year", "annual", "quarterly", "%", "percent", "cent"]),
        (clauseCloser, ["after", "on", "as", "in", "at", "with", "following", "amid", "since", "today", "premarket", "sharply"]),
        (gainedLead, ["a", "an", "the", "its", "another", "new", "one", "more"]),
        (negativeAmount, ["negative", "minus"]),
        (hitImpactNext, ["by", "hard", "with"]),
        (hitImpactPrevious, ["was", "were", "been", "be", "is", "are", "being"]),
        (expectationLead, ["the", "analyst", "analysts", "market", "street", "wall", "our", "its", "their", "average", "company"]),
        (recordVerbLead, ["to", "will", "would", "may", "could", "must", "of"]),
        (recordNounNext, ["date", "dates", "holders"]),
        (emphasisNext, ["this", "so", "more", "as"]),
        (emphasisBe, ["been", "be", "was", "looked"]),
        (emphasisAfterBe, ["this", "so", "more", "as", "better"]),
        (ratingCloser, ["at", "from", "by", "on", "in", "rating", "call"]),
        (particleVerb, SentimentScorer.particleVerbs),
        (outcomeTarget, SentimentScorer.outcomeTargets),
        (businessNoun, SentimentScorer.businessNouns),
        (expectationNoun, SentimentScorer.expectationNouns),
        (ratingLead, SentimentScorer.ratingLeads),
    ]
}
