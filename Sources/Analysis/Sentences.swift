/// A sentence of an article, as it appears there (verbatim, trimmed; a bullet or heading
/// marker such as `- ` or `## ` is dropped because it is layout, not words).
public struct Sentence: Sendable, Hashable {
    /// What kind of line the sentence came from. Key-point selection skips headings, and the
    /// article score weights them like a sub-title.
    public enum Kind: String, Sendable, Hashable { case sentence, heading, bullet }
    public var text: String
    /// Position in the article, 0-based.
    public var index: Int
    /// Paragraph (input line) number, 0-based, counting only non-blank lines.
    public var paragraph: Int
    public var kind: Kind
    public init(text: String, index: Int, paragraph: Int, kind: Kind = .sentence) {
        self.text = text; self.index = index; self.paragraph = paragraph; self.kind = kind
    }
}

/// Splits plain text into sentences, built for financial news.
///
/// Newlines are hard boundaries (the Articles module gives one paragraph per line). Inside a
/// line a sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes or brackets) followed
/// by white space and something that can start a sentence. What does not end one:
/// - decimals, amounts and domains (`0.20`, `$4.2bn`, `EUR 1.2 mn`, `Amazon.com`): no space follows;
/// - titles and references that always take a following word (`Mr.`, `No.`, `vs.`, `e.g.`, `St.`);
/// - initials (`J.P. Morgan`, `John D. Rockefeller`);
/// - words that are usually mid-sentence but may end one (`Inc.`, `Corp.`, `U.S.`, `Jan.`): these
///   end a sentence only when the next word is a typical sentence opener ("The", "It", "Shares"…),
///   so "Apple Inc. shares" and "Jan. 5" stay whole while "… Apple Inc. The company …" splits;
/// - anything followed by a lower-case word (`approx. five`);
/// - a full stop inside brackets or quotes that close later on the line, so a quoted remark
///   stays with its attribution ("…we grew," he said.).
public enum SentenceSplitter {
    /// Abbreviations that are never the last word of a sentence in news prose.
    static let alwaysJoined: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "capt", "sgt", "rev",
        "hon", "messrs", "mssrs", "st", "mt", "ft", "no", "nos", "vs", "v", "e.g", "i.e", "cf", "approx",
        "est", "fig", "figs", "ca", "incl", "excl", "pp", "eds", "dept", "avg",
    ]
    /// Abbreviations that may end a sentence: split after them only before a typical opener.
    static let maybeFinal: Set<String> = [
        "inc", "corp", "co", "ltd", "plc", "llc", "lp", "llp", "bros", "cos", "intl", "assn", "u.s", "u.k",
        "u.n", "e.u", "u.s.a", "etc", "jr", "sr", "a.m", "p.m", "n.v", "s.a", "a.g", "ag", "oy", "oyj",
        "ab", "asa", "bhd", "pty", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mln",
        "bln", "mn", "bn", "yr", "yrs", "qtr", "mos",
    ]
    /// Words that typically open a sentence; after a `maybeFinal` abbreviation they signal a break.
    static let openers: Set<String> = [
        "the", "a", "an", "it", "its", "this", "that", "these", "those", "he", "she", "we", "they", "i",
        "his", "her", "our", "their", "there", "but", "however", "in", "on", "at", "for", "as", "after",
        "before", "while", "when", "if", "meanwhile", "also", "and", "so", "yet", "still", "shares",
        "analysts", "investors", "revenue", "sales", "net", "operating", "profit", "earnings", "both",
        "some", "many", "most", "other", "others", "such", "according", "during", "since", "last",
        "next", "now", "today", "separately", "further", "furthermore", "moreover", "additionally",
        "overall", "despite", "although", "though", "with", "by", "under", "what", "why", "how",
        "who", "one", "each", "all", "no", "not", "trading", "stocks", "markets", "prices",
    ]

    /// The three lists compiled into one byte-keyed table: bit 0 always joined, bit 1 maybe
    /// final, bit 2 opener. All keys are lower-case ASCII, so an ASCII word's folded bytes decide
    /// membership exactly as `String.lowercased()` and `Set` did; a word with any non-ASCII
    /// scalar takes the `String` path (`endsSentenceSlow`), where Unicode case mapping decides.
    static let table: (words: WordTable, bits: [UInt8]) = {
        let words = WordTable(capacity: 256)
        var bits: [UInt8] = []
        for (bit, list) in [(UInt8(1), alwaysJoined), (2, maybeFinal), (4, openers)] {
            for w in list.sorted() {
                precondition(w.utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }, "lists are lower-case ASCII")
                let id = Int(words.insert(w))
                if id == bits.count { bits.append(0) }
                bits[id] |= bit
            }
        }
        return (words, bits)
    }()
    static let alwaysJoinedBit: UInt8 = 1, maybeFinalBit: UInt8 = 2, openerBit: UInt8 = 4

    /// List bits of the ASCII word `text[a..<b]`, capitals folded.
    @inline(__always)
    static func listBits(_ text: UTF8Text, _ a: Int, _ b: Int) -> UInt8 {
        guard b > a else { return 0 }
        let id = table.words.id(text.bytes.baseAddress! + a, b - a, fold: true, readable: text.count - a)
        return id < 0 ? 0 : table.bits[Int(id)]
    }

    public static func split(_ text: String) -> [Sentence] {
        var t = text
        return t.withUTF8 { bytes in
            var out: [Sentence] = []
            var ranges: [Range<Int>] = []
            split(UTF8Text(bytes), into: &out, ranges: &ranges)
            return out
        }
    }

    /// Splits `text` into `out`, and into `ranges` each sentence's byte range in `text` (its
    /// `text` is exactly those bytes), so later stages can read a sentence in place.
    ///
    /// Lines break where `String.split` on Characters broke them: at a lone LF or CR, U+2028 and
    /// U+2029, but not inside a CR LF pair, which is one Character (its bytes count as spaces).
    static func split(_ text: UTF8Text, into out: inout [Sentence], ranges: inout [Range<Int>]) {
        var paragraph = 0
        let n = text.count
        var lineStart = 0
        var i = 0
        while i <= n {
            // Only LF, CR and the lead byte of U+2028/2029 can break a line.
            i = text.firstIndex(from: i, to: n, mask: { UTF8Text.equalBytes($0, 0x0A) | UTF8Text.equalBytes($0, 0x0D) | UTF8Text.equalBytes($0, 0xE2) },
                                wanted: { $0 == 0x0A || $0 == 0x0D || $0 == 0xE2 })
            var separator = 0
            if i == n {
                separator = 1
            } else {
                let b = text[i]
                if b == 0x0A { separator = i > 0 && text[i - 1] == 0x0D ? 0 : 1 }
                else if b == 0x0D { separator = i + 1 < n && text[i + 1] == 0x0A ? 0 : 1 }
                else if b == 0xE2, text[i + 1] == 0x80, text[i + 2] == 0xA8 || text[i + 2] == 0xA9 { separator = 3 }
            }
            if separator == 0 { i += 1; continue }
            if i > lineStart {
                splitLine(text, lineStart, i, paragraph: &paragraph, into: &out, ranges: &ranges)
            }
            i += separator
            lineStart = i
        }
    }

    static func splitLine(_ s: UTF8Text, _ ls: Int, _ le: Int, paragraph: inout Int, into out: inout [Sentence], ranges: inout [Range<Int>]) {
        let (from, kind) = lineStart(s, ls, le)
        guard from < le else { return }
        let before = out.count
        var start = from
        var i = from
        var pairs = OpenPairs(from: from)
        func emit(_ end: Int) {
            var a = start, b = end
            while a < b, case let l = s.spaceLength(at: a), l > 0 { a += l }
            while b > a, case let l = s.spaceLength(before: b), l > 0 { b -= l }
            if a < b {
                out.append(Sentence(text: s.string(a, b), index: out.count, paragraph: paragraph, kind: kind))
                ranges.append(a..<b)
            }
            start = end
            pairs.restart(at: end)
        }
        while i < le {
            i = s.firstIndex(from: i, to: le, mask: {
                UTF8Text.equalBytes($0, UInt8(ascii: ".")) | UTF8Text.equalBytes($0, UInt8(ascii: "!"))
                    | UTF8Text.equalBytes($0, UInt8(ascii: "?")) | UTF8Text.equalBytes($0, 0xE2)
            }, wanted: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") || $0 == 0xE2 })
            guard i < le else { break }
            let t = terminatorLength(s, i, le)
            guard t > 0 else { i += 1; continue }
            // Runs of terminators ("?!", "...") act as one.
            var j = i + t
            while j < le, case let l = terminatorLength(s, j, le), l > 0 { j += l }
            while j < le, case let l = closerLength(s, j, le), l > 0 { j += l }
            if j < le, s.spaceLength(at: j) > 0, endsSentence(s, &pairs, lineStart: start, lineEnd: le, dot: i, runEnd: j) {
                emit(j)
            }
            i = j
        }
        emit(le)
        if out.count > before { paragraph += 1 }
        // A single short line with no end punctuation reads as a heading.
        if out.count == before + 1, kind == .sentence {
            let r = ranges[before]
            let heading = s.isASCII(r.lowerBound, r.upperBound) ? isHeadingLikeASCII(s, r.lowerBound, r.upperBound) : isHeadingLike(out[before].text)
            if heading { out[before].kind = .heading }
        }
    }

    /// `.`, `!`, `?` (one byte) or `…` (three).
    @inline(__always)
    static func terminatorLength(_ s: UTF8Text, _ i: Int, _ end: Int) -> Int {
        let b = s[i]
        if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") { return 1 }
        if b == 0xE2, i + 2 < end, s[i + 1] == 0x80, s[i + 2] == 0xA6 { return 3 }
        return 0
    }

    /// A closing quote or bracket: `"'”’)]»`.
    @inline(__always)
    static func closerLength(_ s: UTF8Text, _ i: Int, _ end: Int) -> Int {
        let b = s[i]
        if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D { return 1 }
        if b == 0xE2, i + 2 < end, s[i + 1] == 0x80, s[i + 2] == 0x9D || s[i + 2] == 0x99 { return 3 }
        if b == 0xC2, i + 1 < end, s[i + 1] == 0xBB { return 2 }
        return 0
    }

    /// Where the words of a line begin, dropping bullet and Markdown heading markers.
    static func lineStart(_ s: UTF8Text, _ ls: Int, _ le: Int) -> (Int, Sentence.Kind) {
        var i = ls
        while i < le, case let l = s.spaceLength(at: i), l > 0 { i += l }
        guard i < le else { return (i, .sentence) }
        if s[i] == UInt8(ascii: "#") {
            var j = i
            while j < le, s[j] == UInt8(ascii: "#") { j += 1 }
            if j < le, case let l = s.spaceLength(at: j), l > 0, j - i <= 6 { return (j + l, .heading) }
        }
        let m = UTF8Text.length(lead: s[i])
        if isBulletMarker(s.scalar(at: i)), i + m < le, case let l = s.spaceLength(at: i + m), l > 0 {
            return (i + m + l, .bullet)
        }
        // "1. " or "2) " list numbering, but not "2. 5 million" style amounts (digit follows).
        var j = i
        while j < le, j - i < 3, isDigit(s[j]) { j += 1 }
        if j > i, j + 1 < le, s[j] == UInt8(ascii: ".") || s[j] == UInt8(ascii: ")"), case let l = s.spaceLength(at: j + 1), l > 0,
           j + 1 + l < le, !isDigit(s[j + 1 + l]) {
            return (j + 1 + l, .bullet)
        }
        return (i, .sentence)
    }

    /// One of `-*•·–—▪◦‣>`.
    @inline(__always)
    static func isBulletMarker(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "-", "*", "•", "·", "–", "—", "▪", "◦", "‣", ">": true
        default: false
        }
    }

    /// Decides whether the terminator run `dot..<runEnd` (followed by a space) closes a sentence.
    static func endsSentence(_ s: UTF8Text, _ pairs: inout OpenPairs, lineStart: Int, lineEnd: Int, dot: Int, runEnd: Int) -> Bool {
        var k = runEnd
        while k < lineEnd, case let l = s.spaceLength(at: k), l > 0 { k += l }
        guard k < lineEnd else { return true }
        let next = s.scalar(at: k)
        guard isUpper(next) || isDigit(next) || isOpener(next) || "$€£¥".unicodeScalars.contains(next) else { return false }
        // A quotation that reopens with a capital ("…mobbed. "Every week…") starts a sentence even
        // inside a quote: news style reopens the quote at each sentence of a long remark.
        let nextLength = UTF8Text.length(lead: s[k])
        let reopensQuote = (next == "\"" || next == "“") && k + nextLength < lineEnd && isUpper(s.scalar(at: k + nextLength))
        if !reopensQuote, insideOpenPair(s, &pairs, at: runEnd, end: lineEnd) { return false }
        guard s[dot] == UInt8(ascii: ".") else { return true }
        if s.scalarCount(dot, runEnd) >= 3 || (runEnd > dot + 1 && s[dot + 1] == UInt8(ascii: ".")) { return isUpper(next) } // ellipsis
        // The word just before the full stop, including inner dots ("U.S", "e.g").
        var w = dot
        var ascii = true
        while w > lineStart {
            let b = s[w - 1]
            if b < 0x80 {
                guard (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == UInt8(ascii: ".") || b == UInt8(ascii: "'") else { break }
                w -= 1
                continue
            }
            let p = s.previousStart(w)
            let c = s.scalar(at: p)
            guard isLetter(c) || c == "." || c == "'" else { break }
            if c.value >= 0x80 { ascii = false }
            w = p
        }
        if w == dot { return true }
        guard ascii else { return endsSentenceSlow(s, wordStart: w, lineStart: lineStart, dot: dot, next: next, nextAt: k, lineEnd: lineEnd) }
        let bits = listBits(s, w, dot)
        if bits & alwaysJoinedBit != 0 { return false }
        // Single letters are initials ("J.", "D."), as are dotted acronyms ("J.P").
        var letters = 0, dotted = false
        for q in w..<dot {
            let b = s[q]
            if b == UInt8(ascii: ".") { dotted = true } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { letters += 1 }
        }
        if letters == 1 && !dotted { return isDigit(next) ? false : !isUpper(s.scalar(at: w)) }
        if bits & maybeFinalBit != 0 || (dotted && letters <= 4) {
            return endsAfterMaybeFinal(s, wordStart: w, lineStart: lineStart, next: next, nextAt: k, lineEnd: lineEnd)
        }
        return true
    }

    /// The word-level half of `endsSentence` for a word with a non-ASCII scalar, on Strings
    /// exactly as it always was (Unicode lower-casing and letter classes decide there).
    static func endsSentenceSlow(_ s: UTF8Text, wordStart w: Int, lineStart: Int, dot: Int, next: Unicode.Scalar, nextAt k: Int, lineEnd: Int) -> Bool {
        let word = s.string(w, dot).lowercased()
        if word.isEmpty { return true }
        if alwaysJoined.contains(word) { return false }
        let letters = word.unicodeScalars.filter(isLetter).count
        let dotted = word.unicodeScalars.contains(".")
        if letters == 1 && !dotted { return isDigit(next) ? false : !isUpper(s.scalar(at: w)) }
        if maybeFinal.contains(word) || (dotted && letters <= 4) {
            return endsAfterMaybeFinal(s, wordStart: w, lineStart: lineStart, next: next, nextAt: k, lineEnd: lineEnd)
        }
        return true
    }

    /// After a word that may end a sentence ("Inc.", "bn."): not before a figure; yes when it is
    /// a unit glued to a number ("$17bn.") and a capital or quote follows, since that is the end
    /// of an amount, not a name; otherwise only before a typical opener, past any opening quotes
    /// ("$96bn. "This deal…").
    static func endsAfterMaybeFinal(_ s: UTF8Text, wordStart w: Int, lineStart: Int, next: Unicode.Scalar, nextAt k: Int, lineEnd: Int) -> Bool {
        if isDigit(next) { return false }
        if w > lineStart, isDigit(s[w - 1]), isUpper(next) || isOpener(next) { return true }
        var q = k
        while q < lineEnd, isOpener(s.scalar(at: q)) { q += UTF8Text.length(lead: s[q]) }
        return isOpenerWord(s, from: q, end: lineEnd)
    }

    /// Whether the run of letters at `from` is a typical sentence opener, case folded.
    static func isOpenerWord(_ s: UTF8Text, from: Int, end: Int) -> Bool {
        var e = from
        var ascii = true
        while e < end {
            let b = s[e]
            if b < 0x80 {
                guard (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A else { break }
                e += 1
            } else {
                guard isLetter(s.scalar(at: e)) else { break }
                ascii = false
                e += UTF8Text.length(lead: b)
            }
        }
        if ascii { return listBits(s, from, e) & openerBit != 0 }
        return openers.contains(s.string(from, e).lowercased())
    }

    /// What `insideOpenPair` needs, kept up to date as the splitter walks a line, so each
    /// byte is counted once rather than once per full stop: the brackets and quotes open
    /// between the sentence start and `scanned`, and where the next closer of each kind is.
    struct OpenPairs {
        var scanned: Int
        var paren = 0, curly = 0, straight = 0
        /// Position of the next `)`/`]`, `”`, `"` at or after where it was last looked for
        /// (the line end when there is none).
        var nextParen = -1, nextCurly = -1, nextStraight = -1
        /// The first byte on the line that may open a pair (`(`, `[`, `"`, or 0xE2, which leads
        /// `“`); before it nothing can be open. -1 until looked for.
        var firstOpener = -1

        init(from: Int) { scanned = from }

        /// A new sentence starts at `from`: nothing is open.
        mutating func restart(at from: Int) { scanned = from; paren = 0; curly = 0; straight = 0 }
    }

    /// True when position `at` (just past a terminator and its closers) lies inside brackets or
    /// a quotation opened on this line and closed later, within a sentence-sized distance
    /// (300 scalars).
    static func insideOpenPair(_ s: UTF8Text, _ pairs: inout OpenPairs, at: Int, end: Int) -> Bool {
        if pairs.firstOpener < 0 {
            pairs.firstOpener = s.firstIndex(from: pairs.scanned, to: end, mask: {
                UTF8Text.equalBytes($0, UInt8(ascii: "(")) | UTF8Text.equalBytes($0, UInt8(ascii: "[")) | UTF8Text.equalBytes($0, UInt8(ascii: "\""))
                    | UTF8Text.equalBytes($0, 0xE2)
            }, wanted: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "\"") || $0 == 0xE2 })
        }
        // Nothing opens before the first opener, so nothing is open there (closers alone leave
        // every count at zero).
        if pairs.scanned < pairs.firstOpener {
            if at <= pairs.firstOpener { pairs.scanned = at; return false }
            pairs.scanned = pairs.firstOpener
        }
        var i = pairs.scanned
        while i < at {
            i = s.firstIndex(from: i, to: at, mask: {
                UTF8Text.equalBytes($0, UInt8(ascii: "(")) | UTF8Text.equalBytes($0, UInt8(ascii: ")")) | UTF8Text.equalBytes($0, UInt8(ascii: "["))
                    | UTF8Text.equalBytes($0, UInt8(ascii: "]")) | UTF8Text.equalBytes($0, UInt8(ascii: "\"")) | UTF8Text.equalBytes($0, 0xE2)
            }, wanted: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]")
                || $0 == UInt8(ascii: "\"") || $0 == 0xE2 })
            guard i < at else { break }
            switch s[i] {
            case UInt8(ascii: "("), UInt8(ascii: "["): pairs.paren += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): pairs.paren = max(0, pairs.paren - 1)
            case UInt8(ascii: "\""): pairs.straight ^= 1
            case 0xE2 where s[i + 1] == 0x80:
                if s[i + 2] == 0x9C { pairs.curly += 1 } else if s[i + 2] == 0x9D { pairs.curly = max(0, pairs.curly - 1) }
            default: break
            }
            i += 1
        }
        pairs.scanned = at
        guard pairs.paren > 0 || pairs.curly > 0 || pairs.straight > 0 else { return false }
        var nearest = end
        if pairs.paren > 0 {
            if pairs.nextParen < at {
                pairs.nextParen = s.firstIndex(from: at, to: end, mask: { UTF8Text.equalBytes($0, UInt8(ascii: ")")) | UTF8Text.equalBytes($0, UInt8(ascii: "]")) },
                                               wanted: { $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "]") })
            }
            nearest = min(nearest, pairs.nextParen)
        }
        if pairs.curly > 0 {
            if pairs.nextCurly < at {
                var k = at
                while true {
                    k = s.firstIndex(from: k, to: end, mask: { UTF8Text.equalBytes($0, 0xE2) }, wanted: { $0 == 0xE2 })
                    if k >= end || (s[k + 1] == 0x80 && s[k + 2] == 0x9D) { break }
                    k += 1
                }
                pairs.nextCurly = k
            }
            nearest = min(nearest, pairs.nextCurly)
        }
        if pairs.straight > 0 {
            if pairs.nextStraight < at {
                pairs.nextStraight = s.firstIndex(from: at, to: end, mask: { UTF8Text.equalBytes($0, UInt8(ascii: "\"")) }, wanted: { $0 == UInt8(ascii: "\"") })
            }
            nearest = min(nearest, pairs.nextStraight)
        }
        guard nearest < end else { return false }
        // Fewer than 300 scalars away (bytes never undercount scalars).
        return nearest - at < 300 || s.scalarCount(at, nearest) < 300
    }

    /// `isHeadingLike` for an all-ASCII sentence: there every Character is one byte except a
    /// CR LF pair, which holds no space, so splitting bytes at spaces splits Characters alike.
    static func isHeadingLikeASCII(_ s: UTF8Text, _ a: Int, _ b: Int) -> Bool {
        let last = s[b - 1]
        if ".!?:;,\"')".utf8.contains(last) { return false }
        var words = 0, capitalised = 0
        var i = a
        while i < b {
            if s[i] == 0x20 { i += 1; continue }
            words += 1
            if (s[i] >= 0x41 && s[i] <= 0x5A) || isDigit(s[i]) { capitalised += 1 }
            while i < b, s[i] != 0x20 { i += 1 }
        }
        guard words <= 12 else { return false }
        return capitalised * 2 >= words
    }

    /// A heading: short, no closing punctuation, and mostly capitalised words.
    static func isHeadingLike(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last, !".!?…:;,\"”'’)".unicodeScalars.contains(last) else { return false }
        let words = text.split(separator: " ")
        guard words.count <= 12 else { return false }
        let capitalised = words.filter { $0.unicodeScalars.first.map { isUpper($0) || isDigit($0) } ?? false }.count
        return capitalised * 2 >= words.count
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    static func isUpper(_ c: Unicode.Scalar) -> Bool { (c >= "A" && c <= "Z") || (c.value > 127 && c.properties.isUppercase) }
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c.value > 127 && c.properties.isAlphabetic)
    }
    static func isOpener(_ c: Unicode.Scalar) -> Bool { "\"'“‘([«`".unicodeScalars.contains(c) }
}

extension StringProtocol {
    /// Trims Unicode whitespace at both ends (no Foundation needed).
    func trimmedWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
