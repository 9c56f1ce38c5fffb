/// The tokens the sentence scorer reads: lower-cased words, numbers with their magnitude, and
/// the punctuation that bounds clauses. Works on UTF-8 bytes without Foundation because the
/// scorer runs hundreds of thousands of times a second.
struct ScoringToken {
    enum Kind: UInt8 { case word, number, comma, boundary, other }
    var kind: Kind
    /// The word began with a capital letter in the text ("cut to Sell").
    var capitalized = false
    /// A number that looks like a calendar year (2009) rather than an amount.
    var isYear = false
    /// An explicit sign written before a number ("+2%", "-6%"): +1 or -1, else 0.
    var sign: Int8 = 0
    /// The lower-cased word's id in `CompiledLexicon` ("n't" for a contraction's negation, "%"
    /// for a percent sign); -1 for unknown words and other tokens.
    var id: Int32 = -1
    /// Index of a word's lexicon entry (0: none, and for every token that is not a word).
    var entry: Int32 = 0
    /// `CompiledLexicon.info` of the word: entry bits for words only, `WordSet` bits for any
    /// token with an id (so "%" is on lists but has no entry, as before).
    var info: UInt64 = 0
    /// Byte range in the sentence, for quoting evidence verbatim.
    var start: Int
    var end: Int
    /// Numeric value with its magnitude applied (EUR 1.2 mn → 1_200_000), for comparisons.
    var value: Double = 0

    init(kind: Kind, start: Int, end: Int, id: Int32 = -1, value: Double = 0, isYear: Bool = false, sign: Int8 = 0, capitalized: Bool = false) {
        self.kind = kind; self.start = start; self.end = end; self.id = id; self.value = value
        self.isYear = isYear; self.sign = sign; self.capitalized = capitalized
    }

    /// A word token, with what the lexicon knows of it.
    @inline(__always)
    init(word id: Int32, start: Int, end: Int, capitalized: Bool = false, _ lex: CompiledLexicon) {
        self.init(kind: .word, start: start, end: end, id: id, capitalized: capitalized)
        if id >= 0 { let key = lex.words.key(id); entry = Int32(key.entry); info = key.info }
    }

    /// A word token from the lexicon's key record of it (nil: unknown word).
    @inline(__always)
    init(found key: UnsafePointer<WordTable.Key>?, start: Int, end: Int, capitalized: Bool, _ lex: CompiledLexicon) {
        kind = .word
        self.start = start
        self.end = end
        self.capitalized = capitalized
        if let key {
            id = lex.words.id(of: key)
            info = key.pointee.info
            entry = Int32(key.pointee.entry)
        }
    }
}

enum ScoringTokenizer {
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }

    /// `isLetter` of each of eight bytes, as the high bit of each byte.
    @inline(__always)
    static func letterMask(_ x: UInt64) -> UInt64 {
        let h = (x | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = h &+ 0x1F1F_1F1F_1F1F_1F1F
        let pastZ = h &+ 0x0505_0505_0505_0505
        return (atLeastA & ~pastZ | x) & 0x8080_8080_8080_8080
    }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static let magnitudes: KeyValuePairs<String, Double> = [
        "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "mio": 1e6,
        "cents": 0.01, "bn": 1e9, "b": 1e9, "bln": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12,
    ]

    /// Tokens of a sentence into `out`, which has room for `bytes.count + 1` tokens (a token
    /// takes at least one byte, a contraction's two at least four); returns how many. `slack`:
    /// bytes after the sentence that may be read (not tokenized), so word lookups can load
    /// whole words at once.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, slack: Int = 0, into out: UnsafeMutablePointer<ScoringToken>) -> Int {
        var count = 0
        // The first magnitude word right after a number: merging can only start there.
        var firstMerge = -1
        @inline(__always) func append(_ t: ScoringToken) {
            if t.info & EntryBit.magnitude != 0, firstMerge < 0, count > 0, out[count - 1].kind == .number { firstMerge = count }
            out[count] = t; count += 1
        }
        let lex = CompiledLexicon.shared
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if isSpace(b) { i += 1; continue }
            // URLs carry no sentiment and are full of letters that look like words.
            if b == UInt8(ascii: "h") || b == UInt8(ascii: "w"), i + 1 < n, bytes[i + 1] | 0x20 == (b == UInt8(ascii: "h") ? UInt8(ascii: "t") : UInt8(ascii: "w")),
               startsURL(bytes, i) {
                while i < n, !isSpace(bytes[i]) { i += 1 }
                continue
            }
            // Cashtags ($AAPL) name a company; they are not words to score.
            if b == UInt8(ascii: "$"), i + 1 < n, isLetter(bytes[i + 1]) {
                while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: ":") { i += 1 }
                continue
            }
            if isLetter(b) {
                let s = i
                var apostrophes = false
                while i < n {
                    // Letters eight at a time, then the byte that ended the run.
                    if i + 8 <= n {
                        let x = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self).littleEndian
                        let other = ~letterMask(x) & 0x8080_8080_8080_8080
                        if other == 0 { i += 8; continue }
                        i += other.trailingZeroBitCount >> 3
                    } else {
                        while i < n, isLetter(bytes[i]) { i += 1 }
                        if i == n { break }
                    }
                    let c = bytes[i]
                    // Inner hyphens and apostrophes stay inside the word: "year-on-year", "company's".
                    if (c == UInt8(ascii: "-") || c == UInt8(ascii: "'")), i + 1 < n, isLetter(bytes[i + 1]) {
                        if c == UInt8(ascii: "'") { apostrophes = true }
                        i += 1
                        continue
                    }
                    // UTF-8 right single quote (’) as an apostrophe.
                    if c == 0xE2, i + 3 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99, isLetter(bytes[i + 3]) { i += 3; continue }
                    break
                }
                var e = i
                // Possessive 's and contractions: "company's" → "company"; "didn't" → "did" + "n't".
                // Checked on bytes, before any String is made (and only where an apostrophe is).
                let apostrophe = UInt8(ascii: "'")
                if apostrophes, e - s > 2, bytes[e - 2] == apostrophe, bytes[e - 1] | 0x20 == UInt8(ascii: "s") { e -= 2 }
                if apostrophes, e - s > 3, bytes[e - 3] | 0x20 == UInt8(ascii: "n"), bytes[e - 2] == apostrophe, bytes[e - 1] | 0x20 == UInt8(ascii: "t") {
                    var id = word(bytes, s, e - 3, slack, lex)
                    // "can't", "won't": the verb is "can", "will".
                    if e - 3 - s == 2 {
                        let a = bytes[s] | 0x20, b = bytes[s + 1] | 0x20
                        if a == UInt8(ascii: "c"), b == UInt8(ascii: "a") { id = RuleWord.can.rawValue }
                        else if a == UInt8(ascii: "w"), b == UInt8(ascii: "o") { id = RuleWord.will.rawValue }
                    }
                    append(ScoringToken(word: id, start: s, end: e - 3, lex))
                    append(ScoringToken(word: RuleWord.notContraction.rawValue, start: e - 3, end: e, lex))
                    continue
                }
                append(ScoringToken(found: lex.find(bytes.baseAddress! + s, e - s, readable: bytes.count - s + slack), start: s, end: e,
                                    capitalized: bytes[s] >= 0x41 && bytes[s] <= 0x5A, lex))
                continue
            }
            if isDigit(b) || ((b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")) && i + 1 < n && isDigit(bytes[i + 1])) {
                let s = i
                var negative = false, explicitSign: Int8 = 0
                if b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
                    // A sign only if it does not join two numbers (15-30%).
                    if count > 0, out[count - 1].kind == .number, out[count - 1].end == s { append(ScoringToken(kind: .other, start: s, end: s + 1)); i += 1; continue }
                    negative = b == UInt8(ascii: "-"); explicitSign = negative ? -1 : 1; i += 1
                }
                var value = 0.0, frac = 0.0, scale = 1.0, seenDot = false, digits = 0
                while i < n {
                    let c = bytes[i]
                    if isDigit(c) {
                        digits += 1
                        if seenDot { scale /= 10; frac += Double(c - 0x30) * scale } else { value = value * 10 + Double(c - 0x30) }
                        i += 1
                    } else if c == UInt8(ascii: "."), !seenDot, i + 1 < n, isDigit(bytes[i + 1]) {
                        seenDot = true; i += 1
                    } else if c == UInt8(ascii: ","), !seenDot, i + 3 < n, isDigit(bytes[i + 1]), isDigit(bytes[i + 2]), isDigit(bytes[i + 3]),
                              i + 4 >= n || !isDigit(bytes[i + 4]) {
                        i += 1 // thousands separator
                    } else { break }
                }
                // "EUR5 .3 m": a split decimal in some wire copy.
                if !seenDot, i + 2 < n, bytes[i] == 0x20, bytes[i + 1] == UInt8(ascii: "."), isDigit(bytes[i + 2]) {
                    i += 2
                    while i < n, isDigit(bytes[i]) { scale /= 10; frac += Double(bytes[i] - 0x30) * scale; i += 1 }
                    seenDot = true
                }
                var v = value + frac
                if negative { v = -v }
                let isYear = !seenDot && !negative && digits == 4 && value >= 1900 && value <= 2100
                // Attached magnitudes ("4.2bn", "EUR5m").
                if i < n, isLetter(bytes[i]) {
                    let ms = i
                    while i < n, isLetter(bytes[i]) { i += 1 }
                    let m = lex.magnitude(ofWord: word(bytes, ms, i, slack, lex))
                    if m != 0 { v *= m }
                }
                append(ScoringToken(kind: .number, start: s, end: i, value: v, isYear: isYear, sign: explicitSign))
                continue
            }
            // Everything else: one byte (or one UTF-8 scalar) of punctuation.
            var len = 1
            if b >= 0xC0 { len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2 }
            let kind: ScoringToken.Kind
            switch b {
            case UInt8(ascii: ","): kind = .comma
            // Brackets hold asides and abbreviations ("Earnings per share ( EPS ) rose"): soft, like commas.
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"): kind = .comma
            case UInt8(ascii: ";"), UInt8(ascii: ":"),
                 UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "|"): kind = .boundary
            case UInt8(ascii: "-"):
                // A spaced dash ( - ) separates clauses in headlines: "$GM - GM loses a bull".
                kind = (i > 0 && isSpace(bytes[i - 1])) ? .boundary : .other
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94):
                kind = .boundary // en and em dashes
            default: kind = .other
            }
            let e = min(n, i + len)
            if kind == .other && b == UInt8(ascii: "%") {
                var t = ScoringToken(kind: kind, start: i, end: e, id: RuleWord.percentSign.rawValue)
                t.info = lex.info(ofWord: RuleWord.percentSign.rawValue) & ~EntryBit.entryMask
                append(t)
            } else {
                append(ScoringToken(kind: kind, start: i, end: e))
            }
            i = e
        }
        // Magnitude words after a number ("EUR 1.2 mn", "5 million") scale it; done after the
        // scan because the scan's sign rule looks at the unmerged previous token.
        if firstMerge < 0 { return count }
        var kept = firstMerge
        for k in firstMerge..<count {
            let t = out[k]
            if kept > 0, t.kind == .word, out[kept - 1].kind == .number, case let m = lex.magnitude(ofWord: t.id), m != 0 {
                out[kept - 1].value *= m
                out[kept - 1].isYear = false
                out[kept - 1].end = t.end
            } else {
                out[kept] = t
                kept += 1
            }
        }
        return kept
    }

    /// The id of the word `bytes[s..<e]`, lower-cased.
    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ slack: Int, _ lex: CompiledLexicon) -> Int32 {
        lex.id(bytes.baseAddress! + s, e - s, readable: bytes.count - s + slack)
    }

    static func startsURL(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        func has(_ p: StaticString) -> Bool {
            let len = p.utf8CodeUnitCount
            guard i + len <= bytes.count else { return false }
            let ptr = p.utf8Start
            for k in 0..<len where bytes[i + k] | 0x20 != ptr[k] { return false }
            return true
        }
        return has("http://") || has("https://") || has("www.")
    }
}
