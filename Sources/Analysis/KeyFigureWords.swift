/// Which of the key-figure word lists a word belongs to, found with one lookup from its bytes.
///
/// Why: the rules ask of a word "is it a unit? a verb? a function word? a month?", and each
/// question used to build and lower-case a `String` and hash it into a `Set<String>`. Every list
/// word now sits once in a `WordTable` with a bit per list it is in, so one look-up from the
/// sentence's bytes (folding ASCII capitals) answers every question about the word.
///
/// Byte equality is `String` equality only for ASCII: a non-ASCII word could lower-case to, or
/// be canonically equivalent to, an ASCII list word ("\u{212A}" KELVIN SIGN lower-cases to "k").
/// So a word holding any non-ASCII byte is answered the way the rules always answered it: as a
/// `String`, lower-cased with `lowercased()`, looked up in a dictionary of the same lists
/// (whose hashing and equality are Unicode-canonical, like `Set<String>`).
struct FigureWordKinds: OptionSet, Sendable {
    let rawValue: UInt64

    /// Units glued to digits: "6bn", "40m", "5k".
    static let gluedUnit = Self(rawValue: 1 << 0)
    /// Scale words after a space: "12 billion", "5 mn".
    static let scaleWord = Self(rawValue: 1 << 1)
    static let thousand = Self(rawValue: 1 << 2)
    static let million = Self(rawValue: 1 << 3)
    static let billion = Self(rawValue: 1 << 4)
    static let trillion = Self(rawValue: 1 << 5)
    /// "percent", "pct".
    static let percentWord = Self(rawValue: 1 << 6)
    static let per = Self(rawValue: 1 << 7)
    static let cent = Self(rawValue: 1 << 8)
    /// "basis" or "percentage", before "points".
    static let pointsLead = Self(rawValue: 1 << 9)
    static let points = Self(rawValue: 1 << 10)
    static let bps = Self(rawValue: 1 << 11)
    static let currencyWord = Self(rawValue: 1 << 12)
    static let to = Self(rawValue: 1 << 13)
    static let from = Self(rawValue: 1 << 14)
    /// "a", "an".
    static let article = Self(rawValue: 1 << 15)
    static let of = Self(rawValue: 1 << 16)
    /// "the", "its", "their", "his", "her" after a leading "of".
    static let determiner = Self(rawValue: 1 << 17)
    static let timeUnit = Self(rawValue: 1 << 18)
    static let timeWord = Self(rawValue: 1 << 19)
    static let weakContext = Self(rawValue: 1 << 20)
    /// Three-letter month abbreviations.
    static let month = Self(rawValue: 1 << 21)
    static let monthName = Self(rawValue: 1 << 22)
    /// Clock-time zones and "am"/"pm": "1900 GMT".
    static let clockZone = Self(rawValue: 1 << 23)
    static let phraseStop = Self(rawValue: 1 << 24)
    static let verb = Self(rawValue: 1 << 25)
    static let leadIn = Self(rawValue: 1 << 26)

    /// The multiplier a scale word or glued unit stands for (1 for anything else).
    var scale: Double {
        if contains(.thousand) { return 1e3 }
        if contains(.million) { return 1e6 }
        if contains(.billion) { return 1e9 }
        if contains(.trillion) { return 1e12 }
        return 1
    }
}

enum FigureWords {
    /// Every list, with its bit.
    static let lists: [(FigureWordKinds, Set<String>)] = [
        (.gluedUnit, KeyFigures.gluedUnits), (.scaleWord, KeyFigures.scaleWords),
        (.thousand, ["k", "thousand"]), (.million, ["m", "mn", "mln", "million"]),
        (.billion, ["b", "bn", "bln", "billion"]), (.trillion, ["tn", "trn", "trillion"]),
        (.percentWord, ["percent", "pct"]), (.per, ["per"]), (.cent, ["cent"]), (.pointsLead, ["basis", "percentage"]),
        (.points, ["points"]), (.bps, ["bps"]), (.currencyWord, KeyFigures.currencyWords), (.to, ["to"]),
        (.from, ["from"]), (.article, ["a", "an"]), (.of, ["of"]), (.determiner, KeyFigures.determiners),
        (.timeUnit, KeyFigures.timeUnits), (.timeWord, KeyFigures.timeWords), (.weakContext, KeyFigures.weakContexts),
        (.month, KeyFigures.months), (.monthName, KeyFigures.monthNames), (.clockZone, KeyFigures.clockZones),
        (.phraseStop, KeyFigures.phraseStops), (.verb, KeyFigures.verbs), (.leadIn, KeyFigures.leadIns),
    ]

    /// Lower-case ASCII list words → their lists, for words read as bytes.
    static let table: WordTable = {
        let table = WordTable(capacity: 512)
        for (word, kinds) in byString {
            precondition(word.utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) },
                         "key-figure list words are lower-case ASCII, so byte equality is String equality")
            table.setPayload(table.insert(word), info: kinds.rawValue, entry: 0)
        }
        return table
    }()

    /// The same, for words holding non-ASCII bytes (looked up as `String`s).
    static let byString: [String: FigureWordKinds] = {
        var out: [String: FigureWordKinds] = [:]
        for (kind, words) in lists { for w in words { out[w, default: []].insert(kind) } }
        return out
    }()
}

extension FigureText {
    /// The lists the word at `r` is in, compared lower-cased (`String.lowercased()`), or exactly
    /// when `fold` is false.
    @inline(__always)
    func kinds(_ r: Range<Int>, fold: Bool = true) -> FigureWordKinds {
        if isASCII(r) {
            let id = words.id(bytes.baseAddress! + r.lowerBound, r.count, fold: fold, readable: count - r.lowerBound)
            return id < 0 ? [] : FigureWordKinds(rawValue: words.key(id).info)
        }
        let s = string(r)
        return FigureWords.byString[fold ? s.lowercased() : s] ?? []
    }
}

/// The word lists of the key-figure rules: general English and finance vocabulary, no
/// per-article knowledge. All lower-case ASCII (checked when `FigureWords.table` is built).
extension KeyFigures {
    /// Units glued to the digits: "6bn", "40m", "5k", "2tn".
    static let gluedUnits: Set<String> = ["bn", "m", "mn", "k", "tn", "trn", "b", "mln", "bln"]
    /// Scale words after a space: "12 billion", "5 mn".
    static let scaleWords: Set<String> = ["billion", "million", "trillion", "thousand", "bn", "mn", "bln", "mln"]
    /// Clock-time zones and markers: "1900 GMT", "10 am".
    static let clockZones: Set<String> = ["gmt", "bst", "et", "est", "edt", "pm", "am", "cet", "utc", "hkt"]
    /// What may follow a leading "of" in a noun phrase ("of the bank's net revenue").
    static let determiners: Set<String> = ["the", "its", "their", "his", "her"]
    /// Words of time that cannot be what a figure measures.
    static let timeWords: Set<String> = ["year", "years", "month", "months", "quarter", "quarters", "week", "weeks", "day",
                                         "days", "today", "earlier", "ago", "time", "period", "session"]
    /// Contexts that say nothing about what a figure measures.
    static let weakContexts: Set<String> = timeWords.union(["trading", "analysts", "including", "consensus"])
    static let timeUnits: Set<String> = ["month", "months", "year", "years", "week", "weeks", "day", "days", "quarter", "quarters", "hour", "hours"]
    static let currencyWords: Set<String> = ["yuan", "renminbi", "euros", "euro", "dollars", "pounds", "yen", "rupees", "won",
                                             "francs", "rand", "reais", "pesos", "roubles", "rubles", "ringgit", "baht", "crowns", "kronor", "krone"]
    static let months: Set<String> = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let monthNames: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                          "sep", "sept", "oct", "nov", "dec"]
    /// Words that may sit between a figure and the phrase before it.
    static let leadIns: Set<String> = ["of", "at", "to", "by", "from", "for", "about", "around", "roughly", "nearly", "almost",
                                       "some", "approximately", "just", "over", "under", "than", "a", "an", "the", "its",
                                       "their", "his", "her", "up", "down", "more", "less", "only", "was", "were", "is", "are",
                                       "be", "been", "as", "much", "many", "estimated", "record", "near", "above", "below",
                                       "least", "almost", "than", "would", "could", "will", "may", "might", "has", "have",
                                       "had", "usually", "typically", "currently", "still", "already", "now", "expected"]
    /// Function words: a noun phrase stops before them.
    static let phraseStops: Set<String> = ["a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as",
                                           "and", "or", "but", "than", "that", "which", "who", "whom", "whose", "this", "these",
                                           "those", "it", "its", "their", "his", "her", "our", "into", "over", "under", "after",
                                           "before", "since", "until", "while", "when", "where", "if", "because", "so", "per",
                                           "up", "down", "off", "out", "about", "around", "against", "between", "through",
                                           "during", "ahead", "earlier", "later", "previously", "ago", "year-on-year",
                                           "higher", "lower", "more", "less", "each", "every", "all", "some", "any", "no", "not",
                                           "also", "only", "just", "even", "still", "yet", "then", "there", "here", "last", "next",
                                           "compared", "versus", "vs", "via", "amid", "despite", "plus", "minus",
                                           "including", "across", "near", "above", "below", "now", "billion", "million",
                                           "trillion", "thousand", "bn", "mn", "previously", "roughly", "about", "nearly"]
    /// Verbs and auxiliaries: a noun phrase stops before them, and a phrase before a figure
    /// needs more than them.
    static let verbs: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
                                     "could", "can", "may", "might", "should", "must", "do", "does", "did", "said", "says",
                                     "rose", "rise", "rises", "fell", "fall", "falls", "jumped", "jump", "grew", "grow", "gained",
                                     "climbed", "dropped", "declined", "increased", "decreased", "slipped", "sank", "surged",
                                     "slumped", "soared", "added", "lost", "cut", "cuts", "raised", "lowered", "reached", "hit",
                                     "totalled", "totaled", "topped", "exceeded", "expected", "expects", "expect", "forecast",
                                     "sees", "see", "take", "took", "represents", "reported", "posted", "came", "ended",
                                     "closed", "traded", "valued", "worth", "priced", "paid", "pays", "spent", "spend", "make",
                                     "makes", "made", "plans", "planned", "aims", "wants", "go", "goes", "went", "get", "got",
                                     "remain", "remains", "remained", "stood", "stands", "become", "became", "expecting",
                                     "estimated", "estimates", "expectations", "trims", "trimmed", "imply", "implies",
                                     "account", "accounted", "accounts", "boosted", "boost", "won", "wins", "win", "exceed",
                                     "exceeds", "risen", "fallen", "adds", "raises", "lowers", "says", "includes",
                                     "represents", "takes", "brings", "gives", "keeps", "puts", "reaches", "hits", "tops",
                                     "drops", "climbs", "implies", "means", "signals", "shows", "suggests", "passed", "reach",
                                     "cost", "costs", "fined", "ordered", "agreed", "sold", "bought", "paid", "received",
                                     "push", "pushed", "lift", "lifted", "manages", "managed", "runs", "ran", "operates", "hold", "holds",
                                     "unchanged", "contribute", "contributes", "flat"]
}
