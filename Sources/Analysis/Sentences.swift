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

    public static func split(_ text: String) -> [Sentence] {
        var out: [Sentence] = []
        var paragraph = 0
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            let scalars = Array(rawLine.unicodeScalars)
            let (from, kind) = lineStart(scalars)
            guard from < scalars.count else { continue }
            let before = out.count
            var start = from
            var i = from
            func emit(_ end: Int) {
                if let s = trimmed(scalars, start, end) {
                    out.append(Sentence(text: s, index: out.count, paragraph: paragraph, kind: kind))
                }
                start = end
            }
            while i < scalars.count {
                let c = scalars[i]
                guard c == "." || c == "!" || c == "?" || c == "…" else { i += 1; continue }
                // Runs of terminators ("?!", "...") act as one.
                var j = i + 1
                while j < scalars.count, scalars[j] == "." || scalars[j] == "!" || scalars[j] == "?" || scalars[j] == "…" { j += 1 }
                while j < scalars.count, isCloser(scalars[j]) { j += 1 }
                if j < scalars.count, isSpace(scalars[j]), endsSentence(scalars, lineStart: start, dot: i, runEnd: j) {
                    emit(j)
                }
                i = j
            }
            emit(scalars.count)
            if out.count > before { paragraph += 1 }
            // A single short line with no end punctuation reads as a heading.
            if out.count == before + 1, kind == .sentence, isHeadingLike(out[before].text) { out[before].kind = .heading }
        }
        return out
    }

    /// Where the words of a line begin, dropping bullet and Markdown heading markers.
    static func lineStart(_ s: [Unicode.Scalar]) -> (Int, Sentence.Kind) {
        var i = 0
        while i < s.count, isSpace(s[i]) { i += 1 }
        guard i < s.count else { return (i, .sentence) }
        if s[i] == "#" {
            var j = i
            while j < s.count, s[j] == "#" { j += 1 }
            if j < s.count, isSpace(s[j]), j - i <= 6 { return (j + 1, .heading) }
        }
        if "-*•·–—▪◦‣>".unicodeScalars.contains(s[i]), i + 1 < s.count, isSpace(s[i + 1]) {
            return (i + 2, .bullet)
        }
        // "1. " or "2) " list numbering, but not "2. 5 million" style amounts (digit follows).
        var j = i
        while j < s.count, j - i < 3, isDigit(s[j]) { j += 1 }
        if j > i, j + 1 < s.count, s[j] == "." || s[j] == ")", isSpace(s[j + 1]),
           j + 2 < s.count, !isDigit(s[j + 2]) {
            return (j + 2, .bullet)
        }
        return (i, .sentence)
    }

    /// Decides whether the terminator run `dot..<runEnd` (followed by a space) closes a sentence.
    static func endsSentence(_ s: [Unicode.Scalar], lineStart: Int, dot: Int, runEnd: Int) -> Bool {
        var k = runEnd
        while k < s.count, isSpace(s[k]) { k += 1 }
        guard k < s.count else { return true }
        let next = s[k]
        guard isUpper(next) || isDigit(next) || isOpener(next) || "$€£¥".unicodeScalars.contains(next) else { return false }
        // A quotation that reopens with a capital ("…mobbed. "Every week…") starts a sentence even
        // inside a quote: news style reopens the quote at each sentence of a long remark.
        let reopensQuote = (next == "\"" || next == "“") && k + 1 < s.count && isUpper(s[k + 1])
        if !reopensQuote, insideOpenPair(s, from: lineStart, at: runEnd) { return false }
        guard s[dot] == "." else { return true }
        if runEnd - dot >= 3 || (runEnd > dot + 1 && s[dot + 1] == ".") { return isUpper(next) } // ellipsis
        // The word just before the full stop, including inner dots ("U.S", "e.g").
        var w = dot
        while w > lineStart, isLetter(s[w - 1]) || s[w - 1] == "." || s[w - 1] == "'" { w -= 1 }
        let word = String(String.UnicodeScalarView(s[w..<dot])).lowercased()
        if word.isEmpty { return true }
        if alwaysJoined.contains(word) { return false }
        // Single letters are initials ("J.", "D."), as are dotted acronyms ("J.P").
        let letters = word.unicodeScalars.filter(isLetter).count
        let dotted = word.unicodeScalars.contains(".")
        if letters == 1 && !dotted { return isDigit(next) ? false : !isUpper(s[w]) }
        if maybeFinal.contains(word) || (dotted && letters <= 4) {
            if isDigit(next) { return false }
            // A unit glued to its number ("$17bn.") is the end of an amount, not a name: a
            // capital after it starts the next sentence.
            if w > lineStart, isDigit(s[w - 1]), isUpper(s[k]) || isOpener(s[k]) { return true }
            var q = k
            while q < s.count, isOpener(s[q]) { q += 1 }   // "$96bn. "This deal…"
            return openers.contains(nextWord(s, from: q).lowercased())
        }
        return true
    }

    /// True when position `at` (just past a terminator and its closers) lies inside brackets or
    /// a quotation opened on this line and closed later, within a sentence-sized distance.
    static func insideOpenPair(_ s: [Unicode.Scalar], from: Int, at: Int) -> Bool {
        var paren = 0, curly = 0, straight = 0
        for i in from..<at {
            switch s[i] {
            case "(", "[": paren += 1
            case ")", "]": paren = max(0, paren - 1)
            case "“": curly += 1
            case "”": curly = max(0, curly - 1)
            case "\"": straight ^= 1
            default: break
            }
        }
        guard paren > 0 || curly > 0 || straight > 0 else { return false }
        let limit = min(s.count, at + 300)
        var i = at
        while i < limit {
            let c = s[i]
            if paren > 0, c == ")" || c == "]" { return true }
            if curly > 0, c == "”" { return true }
            if straight > 0, c == "\"" { return true }
            i += 1
        }
        return false
    }

    static func nextWord(_ s: [Unicode.Scalar], from: Int) -> String {
        var e = from
        while e < s.count, isLetter(s[e]) { e += 1 }
        return String(String.UnicodeScalarView(s[from..<e]))
    }

    static func trimmed(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String? {
        var a = a, b = b
        while a < b, isSpace(s[a]) { a += 1 }
        while b > a, isSpace(s[b - 1]) { b -= 1 }
        return a < b ? String(String.UnicodeScalarView(s[a..<b])) : nil
    }

    /// A heading: short, no closing punctuation, and mostly capitalised words.
    static func isHeadingLike(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last, !".!?…:;,\"”'’)".unicodeScalars.contains(last) else { return false }
        let words = text.split(separator: " ")
        guard words.count <= 12 else { return false }
        let capitalised = words.filter { $0.unicodeScalars.first.map { isUpper($0) || isDigit($0) } ?? false }.count
        return capitalised * 2 >= words.count
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{00A0}" || c.properties.isWhitespace }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    static func isUpper(_ c: Unicode.Scalar) -> Bool { (c >= "A" && c <= "Z") || (c.value > 127 && c.properties.isUppercase) }
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c.value > 127 && c.properties.isAlphabetic)
    }
    static func isCloser(_ c: Unicode.Scalar) -> Bool { "\"'”’)]»".unicodeScalars.contains(c) }
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
