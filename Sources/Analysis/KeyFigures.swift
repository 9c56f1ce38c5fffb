/// An article's key figures, each with the few words that say what it measures:
/// "15–30%" incremental capacity demand, "12–24 month" runway, "$5 billion" of convertible bonds.
///
/// General rules, no per-article knowledge:
/// - **A figure** is a number or a range (`15–30`, `$28 billion to $30 billion`) with a unit: a
///   currency (`$`, `HK$`, `€`, `yuan`…), a scale (`bn`, `million`…), a percentage (`%`,
///   `per cent`, `basis points`), or a span of time written as an adjective (`12–24 month`).
///   A bare count needs a noun after it and to be at least 10 ("2,500 jobs", "386,412 Model Y
///   vehicles"); years, dates, clock times and model numbers ("Model 3", "Phase 3") are not figures.
/// - **Its context** is the noun phrase that follows (up to four words, ending at a function
///   word, a verb or punctuation); failing that, the phrase just before it ("quarterly common
///   dividend" of $1.60), which must hold more than a bare verb.
/// - **Which ones.** Figures in the key points first, then ranges, then those with a following
///   noun phrase, then earlier ones; one per distinct figure, `limit` in all, listed in article order.
public enum KeyFigures {
    /// The article's key figures, preferring those in the chosen key points.
    public static func extract(from sentences: [Sentence], keyPoints: [KeyPoint], limit: Int = 5) -> [KeyFigure] {
        guard limit > 0 else { return [] }
        let chosen = Set(keyPoints.map(\.sentenceIndex))
        var found: [(figure: Found, sentence: Int, rank: Double)] = []
        for (i, s) in sentences.enumerated() where s.kind != .heading && containsDigit(s.text) {
            let figures = find(in: s.text)
            if figures.isEmpty { continue }
            let t = KeyPointTerms(s.text)
            if t.mayBeFurniture && KeyPointBoilerplate.isBoilerplate(s.text) { continue }
            for f in figures {
                var rank = chosen.contains(i) ? 3.0 : 0
                if f.isRange { rank += 1 }
                if f.contextFollows { rank += 1 }
                if f.kind != .count { rank += 0.5 }
                rank -= 0.02 * Double(i)
                found.append((f, i, rank))
            }
        }
        var seen = Set<String>()
        var kept: [(figure: Found, sentence: Int, rank: Double)] = []
        for f in found.sorted(by: { $0.rank != $1.rank ? $0.rank > $1.rank : ($0.sentence, $0.figure.start) < ($1.sentence, $1.figure.start) }) {
            guard kept.count < limit, seen.insert(f.figure.figure).inserted else { continue }
            kept.append(f)
        }
        kept.sort { ($0.sentence, $0.figure.start) < ($1.sentence, $1.figure.start) }
        return kept.map { KeyFigure(figure: $0.figure.figure, context: $0.figure.context) }
    }

    /// Whether the sentence holds at least one figure with its context (used by the ranker:
    /// a sentence that states a number is usually a sentence that states a fact).
    /// A cheaper test than `find`, run on every sentence of every article, on bytes: an amount
    /// (a currency sign before the digits, or a unit after them: "%", "bn", " million",
    /// " per cent"…) or a count of at least 10 followed by a lower-case word ("2,500 jobs"),
    /// which is not a year ("in 2005 sales").
    static func hasFigure(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { Self.hasFigure(bytes: $0) }
    }

    static func hasFigure(bytes s: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = s.count
        var i = 0
        while i < n {
            guard s[i] >= 0x30 && s[i] <= 0x39 else { i += 1; continue }
            let start = i
            if start > 0, isASCIILetter(s[start - 1]) { while i < n, isASCIIAlnum(s[i]) { i += 1 }; continue } // "Q3", "A380"
            var digits = 0, value = 0, separators = false
            while i < n {
                if s[i] >= 0x30 && s[i] <= 0x39 { digits += 1; if digits <= 9 { value = value * 10 + Int(s[i] - 0x30) }; i += 1 }
                else if (s[i] == 0x2E || s[i] == 0x2C), i + 1 < n, s[i + 1] >= 0x30 && s[i + 1] <= 0x39 { separators = true; i += 1 }
                else { break }
            }
            // A currency sign just before: "$", "€" (E2 82 AC), "£" (C2 A3), "¥" (C2 A5).
            if start > 0, s[start - 1] == 0x24 { return true }
            if start > 1, s[start - 2] == 0xC2, s[start - 1] == 0xA3 || s[start - 1] == 0xA5 { return true }
            if start > 2, s[start - 3] == 0xE2, s[start - 2] == 0x82, s[start - 1] == 0xAC { return true }
            guard i < n else { break }
            if s[i] == 0x25 { return true }                                                       // %
            // A unit glued on: "6bn", "40m", "5k", "2tn".
            var j = i
            while j < n, isASCIILetter(s[j]) { j += 1 }
            if j > i, j - i <= 3, j == n || !isASCIIAlnum(s[j]) {
                let unit = s[i..<j].map { $0 | 0x20 }
                if unit == [0x62, 0x6E] || unit == [0x6D] || unit == [0x6D, 0x6E] || unit == [0x6B] || unit == [0x74, 0x6E] { return true }
            }
            guard s[i] == 0x20, i + 1 < n else { continue }
            // A unit word or a counted noun after a space.
            var k = i + 1
            while k < n, isASCIILetter(s[k]) { k += 1 }
            guard k > i + 1 else { continue }
            let word = s[(i + 1)..<k].map { $0 | 0x20 }
            if unitWords.contains(where: { $0 == word }) { return true }
            let isYear = digits == 4 && !separators && (value / 100 == 19 || value / 100 == 20)
            if value >= 10, !isYear, s[i + 1] >= 0x61 && s[i + 1] <= 0x7A, !countStops.contains(where: { $0 == word }) { return true }
        }
        return false
    }

    static let unitWords: [[UInt8]] = ["million", "billion", "trillion", "thousand", "per", "percent", "bn", "mn",
                                       "basis", "percentage", "yuan", "euros", "dollars", "pounds", "yen"].map { Array($0.utf8) }
    /// Words after a bare number that do not make it a count of something ("10 to 12", "15 of them").
    static let countStops: [[UInt8]] = ["to", "from", "in", "of", "and", "or", "a", "an", "the", "on", "at", "by", "for",
                                        "with", "as", "was", "were", "is", "are", "have", "has", "had", "will", "would",
                                        "after", "before", "when", "since", "than", "but"].map { Array($0.utf8) }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isASCIIAlnum(_ b: UInt8) -> Bool { isASCIILetter(b) || (b >= 0x30 && b <= 0x39) }

    enum Kind { case money, percent, scaled, time, count }

    /// A figure found in a sentence; `start` orders figures within it.
    struct Found: Equatable {
        var figure: String
        var context: String
        var kind: Kind
        var isRange: Bool
        var contextFollows: Bool
        var start: Int
    }

    static func containsDigit(_ text: String) -> Bool { text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

    /// Every figure in one sentence, in order.
    static func find(in text: String) -> [Found] {
        let s = Array(text.unicodeScalars)
        var out: [Found] = []
        var i = 0
        while i < s.count {
            guard isDigit(s[i]), i == 0 || !(isAlnum(s[i - 1]) || s[i - 1] == "." || s[i - 1] == ",") else { i += 1; continue }
            guard let first = quantity(s, at: i) else { i += 1; continue }
            var end = first.end
            var kind = first.kind
            var isRange = false
            // A range: "15–30%", "12-24 month", "$28 billion to $30 billion", "4% to 6%",
            // "27.6 billion to 28.7 billion yuan". Ranges ascend: "787-9" is a model, not a range.
            if end < s.count, isDash(s[end]), end + 1 < s.count, let second = quantity(s, at: end + 1) {
                guard second.value > first.value else { i = second.end; continue }
                if compatible(first.kind, second.kind) { end = second.end; kind = second.kind; isRange = true }
            } else if end < s.count, s[end] == " ", let to = word(s, at: end + 1), to.text == "to",
                      let second = quantity(s, at: to.end + 1), second.value > first.value,
                      compatible(first.kind, second.kind), !precededBy(s, first.start, ["from"]) {
                end = second.end; kind = second.kind; isRange = true
            }
            // A span of time written as an adjective: "12–24 month runway", "a 10-year bond".
            var timeUnitEnd = end
            if kind == .count, end < s.count, s[end] == " " || s[end] == "-",
               let u = word(s, at: end + 1), timeUnits.contains(u.text) {
                timeUnitEnd = u.end; kind = .time
            }
            let figureEnd = kind == .time ? timeUnitEnd : end
            let figure = String(String.UnicodeScalarView(s[first.start..<figureEnd]))
            defer { i = max(figureEnd, i + 1) }
            if kind == .count || kind == .time, isYearOrDate(s, first.start, first.end) { continue }
            // A number that is part of a name: "Model 3", "Phase 3", "iPhone 18".
            if kind == .count, !isRange, let prev = wordBefore(s, first.start), prev.start > 0,
               prev.text.unicodeScalars.contains(where: { $0.properties.isUppercase }) { continue }
            // The following noun phrase, skipping a bracketed conversion: "$6bn (£3.12bn) deal".
            var after = figureEnd
            if after + 1 < s.count, s[after] == " ", s[after + 1] == "(" , let close = s[after...].firstIndex(of: ")") { after = close + 1 }
            // "a $9.1 billion, seven-year contract": after an article, the phrase runs on past a comma.
            if after + 1 < s.count, s[after] == ",", s[after + 1] == " ", precededBy(s, first.start, ["a", "an"]) { after += 1 }
            var phrase = nounPhrase(s, from: after, allowPreposition: kind != .count && kind != .time)
            // "35% year on year", "$283 billion this year": a time word alone says nothing.
            if phrase.allSatisfy({ timeWords.contains($0.lowercased()) }) { phrase = [] }
            if kind == .time {
                // "2–3 years" on its own is a duration, not a figure worth listing.
                guard !phrase.isEmpty, !timeUnits.contains(phrase.first!.lowercased()) else { continue }
            }
            if kind == .count {
                guard !phrase.isEmpty, first.value >= 10 || figure.contains(",") else { continue }
                // "737 MAX production": a number followed by a capitalised code is a model name.
                if let w = phrase.first, w.count >= 2, w.allSatisfy({ $0.isUppercase || $0.isNumber }) { continue }
            }
            if !phrase.isEmpty {
                out.append(Found(figure: figure, context: phrase.joined(separator: " "), kind: kind, isRange: isRange,
                                 contextFollows: true, start: first.start))
            } else if let before = phraseBefore(s, first.start), !weakContexts.contains(before.lowercased()) {
                out.append(Found(figure: figure, context: before, kind: kind, isRange: isRange, contextFollows: false,
                                 start: first.start))
            }
        }
        return out
    }

    /// `value` includes the scale ("1.1 billion" is 1.1e9), so ranges compare like for like.
    struct Quantity { var start: Int; var end: Int; var kind: Kind; var value: Double }

    static func scale(_ unit: String) -> Double {
        switch unit.lowercased() {
        case "k", "thousand": return 1e3
        case "m", "mn", "mln", "million": return 1e6
        case "b", "bn", "bln", "billion": return 1e9
        case "tn", "trn", "trillion": return 1e12
        default: return 1
        }
    }

    /// A number at `i` (digits, inner `.`/`,`), with any currency just before it and any unit
    /// just after it. `start` includes the currency, `end` the unit.
    static func quantity(_ s: [Unicode.Scalar], at i: Int, allowCurrency: Bool = true) -> Quantity? {
        var start = i, j = i
        var kind = Kind.count
        if allowCurrency, j < s.count, "$€£¥".unicodeScalars.contains(s[j]) { j += 1 }
        guard j < s.count, isDigit(s[j]) else { return nil }
        // Currency before the digits: "$", "HK$", "US$", "A$", "€", "£", "¥".
        if start > 0, "$€£¥".unicodeScalars.contains(s[start - 1]) {
            start -= 1
            while start > 0, s[start - 1].properties.isUppercase, i - start < 4 { start -= 1 }
            kind = .money
        } else if j > i {
            kind = .money
        }
        var value = 0.0, fraction = 0.0
        while j < s.count {
            if isDigit(s[j]) {
                let d = Double(s[j].value - 48)
                if fraction > 0 { value += d * fraction; fraction /= 10 } else { value = value * 10 + d }
                j += 1
            } else if (s[j] == "." || s[j] == ","), j + 1 < s.count, isDigit(s[j + 1]) {
                if s[j] == "." { fraction = 0.1 }
                j += 1
            } else { break }
        }
        // Units glued on: "%", "bn", "m", "mn", "k", "tn".
        if j < s.count, s[j] == "%" { return Quantity(start: start, end: j + 1, kind: .percent, value: value) }
        if let w = word(s, at: j), ["bn", "m", "mn", "k", "tn", "trn", "b", "mln", "bln"].contains(w.text.lowercased()) {
            return Quantity(start: start, end: w.end, kind: kind == .money ? .money : .scaled, value: value * scale(w.text))
        }
        // Units as words: "12 billion", "5 per cent", "60 basis points", "51.7 billion yuan".
        if j < s.count, s[j] == " ", let w = word(s, at: j + 1) {
            let lw = w.text.lowercased()
            if ["billion", "million", "trillion", "thousand", "bn", "mn", "bln", "mln"].contains(lw) {
                var end = w.end
                if let c = word(s, at: end + 1), currencyWords.contains(c.text.lowercased()) { end = c.end; kind = .money }
                return Quantity(start: start, end: end, kind: kind == .money ? .money : .scaled, value: value * scale(lw))
            }
            if lw == "percent" || lw == "pct" { return Quantity(start: start, end: w.end, kind: .percent, value: value) }
            if lw == "per", let c = word(s, at: w.end + 1), c.text.lowercased() == "cent" {
                return Quantity(start: start, end: c.end, kind: .percent, value: value)
            }
            if lw == "basis" || lw == "percentage", let c = word(s, at: w.end + 1), c.text.lowercased() == "points" {
                return Quantity(start: start, end: c.end, kind: .percent, value: value)
            }
            if lw == "bps" { return Quantity(start: start, end: w.end, kind: .percent, value: value) }
            if currencyWords.contains(lw) { return Quantity(start: start, end: w.end, kind: .money, value: value) }
        }
        return Quantity(start: start, end: j, kind: kind, value: value)
    }

    /// The run of letters (and inner hyphens/apostrophes) at `i`, or nil.
    static func word(_ s: [Unicode.Scalar], at i: Int) -> (text: String, end: Int)? {
        guard i >= 0, i < s.count, isLetter(s[i]) else { return nil }
        var e = i
        while e < s.count, isLetter(s[e]) || ((s[e] == "-" || s[e] == "'" || s[e] == "’") && e + 1 < s.count && isAlnum(s[e + 1])) || isDigit(s[e]) { e += 1 }
        return (String(String.UnicodeScalarView(s[i..<e])), e)
    }

    /// The word that ends just before `i` (one space between), or nil.
    static func wordBefore(_ s: [Unicode.Scalar], _ i: Int) -> (text: String, start: Int)? {
        var e = i
        while e > 0, s[e - 1] == " " { e -= 1 }
        guard e < i, e > 0, isAlnum(s[e - 1]) else { return nil }
        var b = e
        while b > 0, isAlnum(s[b - 1]) || ((s[b - 1] == "-" || s[b - 1] == "'" || s[b - 1] == "’" || s[b - 1] == ".") && b > 1 && isAlnum(s[b - 2])) { b -= 1 }
        return (String(String.UnicodeScalarView(s[b..<e])), b)
    }

    static func precededBy(_ s: [Unicode.Scalar], _ i: Int, _ words: [String]) -> Bool {
        guard let w = wordBefore(s, i) else { return false }
        return words.contains(w.text.lowercased())
    }

    /// Years, days of a month and clock times: "2027", "Nov. 26", "26 November", "1900 GMT".
    static func isYearOrDate(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        let digits = s[start..<end].filter(isDigit)
        if digits.count == 4, !s[start..<end].contains(","), digits[digits.startIndex] == "2" && digits[digits.startIndex + 1] == "0"
            || digits[digits.startIndex] == "1" && digits[digits.startIndex + 1] == "9" { return true }
        // "Nov. 26", "Jan 4", "December 31": the word before, ignoring a full stop.
        var k = start
        while k > 0, s[k - 1] == " " { k -= 1 }
        if k > 0, s[k - 1] == "." { k -= 1 }
        var b = k
        while b > 0, isLetter(s[b - 1]) { b -= 1 }
        if b < k, monthNames.contains(String(String.UnicodeScalarView(s[b..<k])).lowercased()) { return true }
        if end < s.count, s[end] == " ", let next = word(s, at: end + 1) {
            let l = next.text.lowercased()
            if months.contains(String(l.prefix(3))) && monthNames.contains(l) { return true }
            if ["gmt", "bst", "et", "est", "edt", "pm", "am", "cet", "utc", "hkt"].contains(l) { return true }
        }
        return false
    }

    /// Up to four content words after `i`: the noun phrase a figure measures. After an amount or
    /// a share, "of" may lead ("$5 billion of convertible bonds", "13% of the bank's net
    /// revenue"); a word carrying punctuation ends the phrase. ("in" may not: after a figure it
    /// is nearly always a time, "in the third quarter".)
    static func nounPhrase(_ s: [Unicode.Scalar], from i: Int, allowPreposition: Bool) -> [String] {
        guard i < s.count, s[i] == " " else { return [] }
        let rest = String(String.UnicodeScalarView(s[(i + 1)...].prefix(120)))
        var words: [String] = []
        var lead = 0          // the preposition and determiner that open the phrase
        for token in rest.split(separator: " ") where words.count < 4 + lead {
            var t = token
            var last = false
            while let l = t.last, !(l.isLetter || l.isNumber) { t = t.dropLast(); last = true }
            guard let f = t.first, f.isLetter, t.allSatisfy(isWordCharacter) else { break }
            let low = t.lowercased()
            if words.isEmpty, allowPreposition, low == "of", !last { words.append(String(t)); lead = 1; continue }
            if lead == 1, words.count == 1, ["the", "its", "their", "his", "her"].contains(low), !last {
                words.append(String(t)); lead = 2; continue
            }
            if phraseStops.contains(low) || verbs.contains(low) || t.contains(where: \.isNumber) { break }
            words.append(String(t))
            if last { break }
        }
        // The preposition needs at least two words after it to say something ("of the top" does not).
        if lead > 0, words.count - lead < (lead == 2 ? 2 : 1) { return [] }
        return words
    }

    /// The few words just before a figure, when nothing after it names what it measures:
    /// "quarterly common dividend" of $1.60, "Total revenue fell" 2%. Lead-ins next to the figure
    /// ("of", "about", "would be") are skipped; a verb may sit next to the figure, but a verb
    /// further back starts another clause ("said card charge-offs would be" → "card
    /// charge-offs"). The phrase must hold a word that is not a verb.
    static func phraseBefore(_ s: [Unicode.Scalar], _ i: Int) -> String? {
        var tokens = String(String.UnicodeScalarView(s[..<i].suffix(120))).split(separator: " ")
        var skipped = 0
        while let t = tokens.last, skipped < 4, leadIns.contains(t.lowercased()) { tokens.removeLast(); skipped += 1 }
        var words: [Substring] = []
        var nonVerb = false
        while let t = tokens.last, words.count < 4 {
            guard let f = t.first, f.isLetter, let l = t.last, l.isLetter || l.isNumber, t.allSatisfy(isWordCharacter) else { break }
            let low = t.lowercased()
            if phraseStops.contains(low) || t.contains(where: \.isNumber) { break }
            if verbs.contains(low) { if nonVerb { break } } else { nonVerb = true }
            words.insert(t, at: 0)
            tokens.removeLast()
        }
        guard nonVerb else { return nil }
        return words.joined(separator: " ")
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == "'" || c == "’" || c == "/"
    }

    /// Whether two quantities can be the ends of one range ("27.6 billion to 28.7 billion yuan").
    static func compatible(_ a: Kind, _ b: Kind) -> Bool { a == b || a == .count || (a == .scaled && b == .money) }

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

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    @inline(__always) static func isDash(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "–" || c == "—" }
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c.value > 127 && c.properties.isAlphabetic)
    }
    static func isAlnum(_ c: Unicode.Scalar) -> Bool { isDigit(c) || isLetter(c) }
}
