/// A sentence of an article, as it appears there (verbatim, trimmed).
public struct Sentence: Sendable, Hashable {
    public var text: String
    /// Position in the article, 0-based.
    public var index: Int
    /// Paragraph number, 0-based.
    public var paragraph: Int
    public init(text: String, index: Int, paragraph: Int) {
        self.text = text; self.index = index; self.paragraph = paragraph
    }
}

/// Splits plain text into sentences. Newlines are hard paragraph boundaries.
/// First cut: ends a sentence at `.`, `!` or `?` followed by a space and an upper-case
/// letter, digit or quote, unless the word before is a known abbreviation.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "u.s", "u.k", "inc", "corp", "co", "ltd", "no", "vs", "e.g", "i.e", "mr", "mrs", "ms", "dr",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "st", "plc",
    ]

    public static func split(_ text: String) -> [Sentence] {
        var out: [Sentence] = []
        var paragraph = 0
        for line in text.split(whereSeparator: \.isNewline) {
            let chars = Array(line)
            var start = 0
            var i = 0
            func emit(_ end: Int) {
                let s = String(chars[start..<end]).trimmedWhitespace()
                if !s.isEmpty { out.append(Sentence(text: s, index: out.count, paragraph: paragraph)) }
                start = end
            }
            while i < chars.count {
                let c = chars[i]
                if c == "." || c == "!" || c == "?" {
                    var j = i + 1
                    while j < chars.count, "\"”’')]".contains(chars[j]) { j += 1 }
                    if j < chars.count, chars[j] == " " {
                        var k = j
                        while k < chars.count, chars[k] == " " { k += 1 }
                        if k < chars.count, chars[k].isUppercase || chars[k].isNumber || "\"“‘(".contains(chars[k]) {
                            var w = i - 1
                            while w >= start, chars[w].isLetter || chars[w] == "." { w -= 1 }
                            let word = String(chars[(w + 1)..<i]).lowercased()
                            let single = word.count == 1
                            if c != "." || (!abbreviations.contains(word) && !single) { emit(j) }
                        }
                    }
                    i = j
                } else {
                    i += 1
                }
            }
            emit(chars.count)
            paragraph += 1
        }
        return out
    }
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
