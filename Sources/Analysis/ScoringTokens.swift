/// The tokens the sentence scorer reads: lower-cased words, numbers with their magnitude, and
/// the punctuation that bounds clauses. Works on UTF-8 bytes without Foundation because the
/// scorer runs hundreds of thousands of times a second.
struct ScoringToken {
    enum Kind: UInt8 { case word, number, comma, boundary, other }
    var kind: Kind
    /// Byte range in the sentence, for quoting evidence verbatim.
    var start: Int
    var end: Int
    /// Lower-cased word ("n't" for a contraction's negation); empty for non-words.
    var word: String
    /// Numeric value with its magnitude applied (EUR 1.2 mn → 1_200_000), for comparisons.
    var value: Double = 0
    /// A number that looks like a calendar year (2009) rather than an amount.
    var isYear = false
    /// An explicit sign written before a number ("+2%", "-6%"): +1 or -1, else 0.
    var sign: Int8 = 0
    /// The word began with a capital letter in the text ("cut to Sell").
    var capitalized = false
}

enum ScoringTokenizer {
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static let magnitudes: [String: Double] = [
        "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "mio": 1e6,
        "cents": 0.01, "bn": 1e9, "b": 1e9, "bln": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12,
    ]

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [ScoringToken] {
        var out: [ScoringToken] = []
        out.reserveCapacity(bytes.count / 5 + 4)
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if isSpace(b) { i += 1; continue }
            // URLs carry no sentiment and are full of letters that look like words.
            if b == UInt8(ascii: "h") || b == UInt8(ascii: "w"), startsURL(bytes, i) {
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
                var hasUpper = false
                while i < n {
                    let c = bytes[i]
                    if isLetter(c) { if c >= 0x41 && c <= 0x5A { hasUpper = true }; i += 1; continue }
                    // Inner hyphens and apostrophes stay inside the word: "year-on-year", "company's".
                    if (c == UInt8(ascii: "-") || c == UInt8(ascii: "'")), i + 1 < n, isLetter(bytes[i + 1]) { i += 1; continue }
                    // UTF-8 right single quote (’) as an apostrophe.
                    if c == 0xE2, i + 3 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99, isLetter(bytes[i + 3]) { i += 3; continue }
                    break
                }
                var e = i
                // Possessive 's and contractions: "company's" → "company"; "didn't" → "did" + "n't".
                // Checked on bytes, before any String is made.
                let apostrophe = UInt8(ascii: "'")
                if e - s > 2, bytes[e - 2] == apostrophe, bytes[e - 1] | 0x20 == UInt8(ascii: "s") { e -= 2 }
                if e - s > 3, bytes[e - 3] | 0x20 == UInt8(ascii: "n"), bytes[e - 2] == apostrophe, bytes[e - 1] | 0x20 == UInt8(ascii: "t") {
                    var word = lower(bytes, s, e - 3, hasUpper)
                    if word == "ca" { word = "can" } else if word == "wo" { word = "will" }
                    out.append(ScoringToken(kind: .word, start: s, end: e - 3, word: word))
                    out.append(ScoringToken(kind: .word, start: e - 3, end: e, word: "n't"))
                    continue
                }
                let word = lower(bytes, s, e, hasUpper)
                out.append(ScoringToken(kind: .word, start: s, end: e, word: word, capitalized: bytes[s] >= 0x41 && bytes[s] <= 0x5A))
                continue
            }
            if isDigit(b) || ((b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")) && i + 1 < n && isDigit(bytes[i + 1])) {
                let s = i
                var negative = false, explicitSign: Int8 = 0
                if b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
                    // A sign only if it does not join two numbers (15-30%).
                    if let last = out.last, last.kind == .number, last.end == s { out.append(ScoringToken(kind: .other, start: s, end: s + 1, word: "")); i += 1; continue }
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
                    let suffix = lower(bytes, ms, i, true)
                    if let m = magnitudes[suffix] { v *= m }
                }
                out.append(ScoringToken(kind: .number, start: s, end: i, word: "", value: v, isYear: isYear, sign: explicitSign))
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
            out.append(ScoringToken(kind: kind, start: i, end: e, word: kind == .other && b == UInt8(ascii: "%") ? "%" : ""))
            i = e
        }
        // Magnitude words after a number ("EUR 1.2 mn", "5 million") scale it.
        var k = 1
        while k < out.count {
            if out[k].kind == .word, out[k - 1].kind == .number, let m = magnitudes[out[k].word] {
                out[k - 1].value *= m
                out[k - 1].isYear = false
                out[k - 1].end = out[k].end
                out.remove(at: k)
            } else { k += 1 }
        }
        return out
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

    static func lower(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ hasUpper: Bool) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[s..<e])
        if !hasUpper { return String(decoding: slice, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: e - s) { buf in
            for k in 0..<(e - s) {
                let c = slice[k]
                buf[k] = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
            }
            return e - s
        }
    }
}
