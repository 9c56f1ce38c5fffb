#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain text as scrapers save it: one paragraph per line, or paragraphs separated by blank
/// lines with hard-wrapped lines inside. Also the title rules shared by every format that
/// has no explicit title.
enum PlainText {
    /// Splits UTF-8 bytes (with `\n` endings) into lines, keeping empty ones.
    static func lines(_ b: [UInt8]) -> [String] {
        var out: [String] = []
        var start = 0
        for i in 0..<b.count where b[i] == 0x0A {
            out.append(String(decoding: b[start..<i], as: UTF8.self)); start = i + 1
        }
        if start < b.count { out.append(String(decoding: b[start...], as: UTF8.self)) }
        return out
    }

    /// `lines(b[from...])` as byte ranges of `b`, without making a String per line.
    static func lineRanges(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        guard from < b.count, let base = b.baseAddress else { return out }
        out.reserveCapacity(32)
        var start = from
        while start < b.count, let hit = memchr(base + start, 0x0A, b.count - start) {
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            out.append(start..<i)
            start = i + 1
        }
        if start < b.count { out.append(start..<b.count) }
        return out
    }

    /// Paragraphs with whitespace collapsed. When the text uses blank lines between blocks,
    /// each block is a paragraph (its lines were hard wraps); otherwise each line is one.
    static func paragraphs(_ lines: [String]) -> [String] {
        var firstText = -1, lastText = -1
        for (i, l) in lines.enumerated() where !isBlank(l) { if firstText < 0 { firstText = i }; lastText = i }
        guard firstText >= 0 else { return [] }
        let blockStyle = lines[firstText...lastText].contains(where: isBlank)
            && lines[firstText...lastText].split(whereSeparator: isBlank).contains(where: { $0.count > 1 })
        var out: [String] = []
        if blockStyle {
            for block in lines[firstText...lastText].split(whereSeparator: isBlank) {
                let p = MarkdownText.collapse(block.joined(separator: " "))
                if !p.isEmpty { out.append(p) }
            }
        } else {
            // One paragraph per line, except a line cut mid-sentence (no closing punctuation,
            // next line starting in lower case) continues on the next line.
            var current = ""
            for l in lines[firstText...lastText] {
                let p = MarkdownText.collapse(l)
                if p.isEmpty { continue }
                if !current.isEmpty, !endsSentence(current), p.unicodeScalars.first?.properties.isLowercase == true {
                    current += " " + p
                } else {
                    if !current.isEmpty { out.append(current) }
                    current = p
                }
            }
            if !current.isEmpty { out.append(current) }
        }
        return out
    }

    static func endsSentence(_ s: String) -> Bool {
        guard let last = s.unicodeScalars.last else { return true }
        return ".!?:;\"”’)…".unicodeScalars.contains(last)
    }

    static func isBlank(_ s: String) -> Bool { s.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// A first line "reads like a headline" when it is short, has no sentence-final period
    /// or trailing comma/colon, and more text follows it that does not continue its sentence.
    static func isHeadline(_ line: String, next: String?) -> Bool {
        guard let next else { return false }
        if next.trimmingASCIISpaces.unicodeScalars.first?.properties.isLowercase == true { return false }
        let t = line.trimmingASCIISpaces
        let scalars = t.unicodeScalars.count
        guard scalars >= 3, scalars <= 150 else { return false }
        guard t.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return false }
        guard wordCount(t) <= 24 else { return false }
        if let last = t.last, ".,;:".contains(last) { return false }
        return true
    }

    /// `t.split(separator: " ").count`, on bytes when `t` is ASCII (then bytes are characters;
    /// otherwise a space may carry a combining mark and not be a separator at all).
    static func wordCount(_ t: String) -> Int {
        var t = t
        let ascii: Int? = t.withUTF8 { u in
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            var words = 0
            var inWord = false
            for c in u {
                if c == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
            }
            return words
        }
        return ascii ?? t.split(separator: " ").count
    }

    static let titleLimit = 100

    /// Title from running text: its first sentence, shortened at a word boundary.
    static func titleFromText(_ text: String) -> String {
        var sentence = firstSentence(text)
        while let last = sentence.last, last == "." || last == " " { sentence.removeLast() }
        return shorten(sentence, to: titleLimit)
    }

    static func shorten(_ s: String, to limit: Int) -> String {
        let scalars = Array(s.unicodeScalars)
        guard scalars.count > limit else { return s }
        var cut = limit
        while cut > limit / 2 && scalars[cut] != " " { cut -= 1 }
        if cut <= limit / 2 { cut = limit }
        var head = String(String.UnicodeScalarView(scalars[0..<cut]))
        while let last = head.last, ",;:-–— ".contains(last) { head.removeLast() }
        return head + "…"
    }

    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "inc", "corp", "co", "ltd", "plc", "st",
                                             "vs", "jr", "sr", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                             "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k", "etc", "approx"]

    /// The text up to the first sentence end: `.`, `!` or `?` (plus closing quotes) followed by a
    /// space and a capital, digit or quote, not after a known abbreviation or an initial.
    static func firstSentence(_ text: String) -> String {
        let firstLine = text.prefix { $0 != "\n" }
        let s = Array(firstLine.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < s.count, "\"'”’)]".unicodeScalars.contains(s[j]) { j += 1 }
                if j >= s.count { return String(String.UnicodeScalarView(s[0..<j])) }
                if s[j] == " ", j + 1 < s.count {
                    let n = s[j + 1]
                    let startsSentence = n.properties.isUppercase || ("0"..."9").contains(n) || "\"'“‘".unicodeScalars.contains(n)
                    if startsSentence && !(c == "." && endsWithAbbreviation(s, before: i)) {
                        return String(String.UnicodeScalarView(s[0..<j]))
                    }
                }
            }
            i += 1
        }
        return String(firstLine)
    }

    private static func endsWithAbbreviation(_ s: [Unicode.Scalar], before i: Int) -> Bool {
        var k = i
        while k > 0, s[k - 1] != " " { k -= 1 }
        let word = String(String.UnicodeScalarView(s[k..<i])).lowercased()
        if word.unicodeScalars.count == 1, let f = word.unicodeScalars.first, f.properties.isAlphabetic { return true }
        return abbreviations.contains(word)
    }
}
