import Foundation
import Testing
@testable import Analysis

/// The byte-level key-figure rules against the scalar implementation they replaced
/// (`KeyFiguresReference`, below): same figures, contexts, kinds and order on real articles and
/// on generated sentences built to reach every rule and every Unicode corner (non-ASCII letters
/// and currency signs, dashes, combining marks after spaces, the Kelvin sign that lower-cases to
/// "k", CR LF, long windows), plus the proof obligations of the shortcuts: the prefilter never
/// rejects a sentence with a figure, and the byte and `String` readings of a phrase agree.
@Suite struct KeyFiguresEquivalenceTests {
    /// Scalar offset → UTF-8 offset, to compare the reference's `start` with the byte one.
    static func byteOffset(_ text: String, scalar k: Int) -> Int {
        let u = text.unicodeScalars
        return text.utf8.distance(from: text.startIndex, to: u.index(u.startIndex, offsetBy: k))
    }

    static func expectSameFigures(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let new = KeyFigures.find(in: text)
        let old = KeyFiguresReference.find(in: text).map { f -> KeyFigures.Found in
            var f = f
            f.start = byteOffset(text, scalar: f.start)
            return f
        }
        #expect(new == old, "\(String(reflecting: text))", sourceLocation: sourceLocation)
        if !old.isEmpty {
            var copy = text
            #expect(copy.withUTF8 { KeyFigures.mayHoldFigure(FigureText($0)) }, "prefilter rejected \(String(reflecting: text))",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func exampleArticlesGiveTheSameFigures() throws {
        let texts = try Self.exampleTexts()
        #expect(texts.count >= 20)
        var sentences = 0
        for text in texts {
            for variant in [text, text.uppercased(), text.replacingOccurrences(of: "\n", with: "\r\n")] {
                let split = SentenceSplitter.split(variant)
                sentences += split.count
                for s in split { Self.expectSameFigures(s.text) }
                let points = split.indices.filter { $0 % 4 == 1 }.map {
                    KeyPoint(text: split[$0].text, sentiment: Sentiment(score: 0), sentenceIndex: $0)
                }
                for limit in [1, 5, 1000] {
                    #expect(KeyFigures.extract(from: split, keyPoints: points, limit: limit)
                            == KeyFiguresReference.extract(from: split, keyPoints: points, limit: limit))
                }
            }
        }
        #expect(sentences > 1000)
    }

    @Test func generatedSentencesGiveTheSameFigures() {
        var g = SentenceGenerator(seed: 0x5EED)
        var withFigures = 0, nonASCII = 0
        for k in 0..<20_000 {
            // Short sentences too, so that one number decides what the prefilter says.
            let text = g.sentence(pieces: k % 2 == 0 ? 4 : 25)
            Self.expectSameFigures(text)
            if !KeyFiguresReference.find(in: text).isEmpty { withFigures += 1 }
            if text.utf8.contains(where: { $0 >= 0x80 }) { nonASCII += 1 }
        }
        // The generator must reach the rules, and the Unicode paths, often.
        #expect(withFigures > 4_000)
        #expect(nonASCII > 4_000)
    }

    @Test func generatedArticlesGiveTheSameKeyFigures() {
        var g = SentenceGenerator(seed: 42)
        for _ in 0..<400 {
            // Page furniture with figures in it too: its figures must not count, wherever they rank.
            let text = (0..<g.int(12) + 2).map { _ in
                (g.int(4) == 0 ? g.furniture() : g.sentence()) + (g.int(3) == 0 ? "\n" : " ")
            }.joined()
            let split = SentenceSplitter.split(text)
            let points = split.indices.filter { _ in g.int(4) == 0 }.map {
                KeyPoint(text: split[$0].text, sentiment: Sentiment(score: 0), sentenceIndex: $0)
            }
            for limit in [0, 1, 3, 5, 100] {
                #expect(KeyFigures.extract(from: split, keyPoints: points, limit: limit)
                        == KeyFiguresReference.extract(from: split, keyPoints: points, limit: limit))
            }
        }
    }

    /// On an ASCII window the phrase rules read bytes; anywhere else they read `String`s. Both
    /// readings must agree wherever both apply, for the noun phrase after every space and the
    /// phrase before every position.
    @Test func byteAndStringReadingsOfAPhraseAgree() {
        var g = SentenceGenerator(seed: 7)
        var a: [Range<Int>] = [], b: [Range<Int>] = []
        var compared = 0
        for _ in 0..<1_000 {
            var text = g.sentence(asciiOnly: true)
            text.withUTF8 { bytes in
                let t = FigureText(bytes)
                for i in 0..<t.count {
                    if t[i] == 0x20, case let window = (i + 1)..<min(t.count, i + 1 + KeyFigures.phraseWindow), t.isASCII(window) {
                        for preposition in [false, true] {
                            a.removeAll(); b.removeAll()
                            KeyFigures.nounPhraseASCII(t, window, allowPreposition: preposition, into: &a)
                            KeyFigures.nounPhraseUnicode(t.string(window), at: window.lowerBound, allowPreposition: preposition, into: &b)
                            #expect(a == b, "after \(i): \(String(reflecting: t.string(0..<t.count)))")
                        }
                    }
                    let window = max(0, i - KeyFigures.phraseWindow)..<i
                    guard t.isASCII(window) else { continue }
                    a.removeAll(); b.removeAll()
                    let x = KeyFigures.phraseBeforeASCII(t, window, into: &a)
                    let y = KeyFigures.phraseBeforeUnicode(t.string(window), at: window.lowerBound, into: &b)
                    #expect(x == y && a == b, "before \(i): \(String(reflecting: t.string(0..<t.count)))")
                    compared += 1
                }
            }
        }
        #expect(compared > 50_000)
    }

    /// The prefilter on its own terms: sentences it turns away, checked against the reference.
    @Test func prefilterTurnsAwayOnlySentencesWithoutFigures() {
        var rejected = 0
        var g = SentenceGenerator(seed: 99)
        for text in ["Q3 sales.", "The A380 flew.", "It rose 5.", "Version 2.0.", "In 2024.", "Call 555-0100 now", "12:30"]
            + (0..<20_000).map({ _ in g.sentence(pieces: 4) }) {
            var copy = text
            if !copy.withUTF8({ KeyFigures.mayHoldFigure(FigureText($0)) }) {
                rejected += 1
                #expect(KeyFiguresReference.find(in: text).isEmpty, "\(String(reflecting: text))")
            }
        }
        #expect(rejected > 1_000)
    }

    static func exampleTexts() throws -> [String] {
        var root = URL(fileURLWithPath: #filePath)
        while root.path != "/" && !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        let folder = root.appendingPathComponent("examples/articles")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { ["txt", "md", "json", "html"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
            .map { try String(contentsOf: $0, encoding: .utf8) }
    }
}

/// Deterministic sentences made of the pieces the key-figure rules look at: numbers in every
/// shape, units, currency signs and words, list words in any case, names and codes, and
/// separators, with non-ASCII letters, dashes, quotes, spaces and combining marks mixed in.
struct SentenceGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }

    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }

    static let listWords: [String] = FigureWords.lists.flatMap { Array($0.1) }.sorted()
    static let words = [
        "revenue", "shares", "capacity", "incremental", "demand", "runway", "bond", "Model", "Phase", "iPhone", "MAX",
        "Dreamliners", "jobs", "vehicles", "deal", "contract", "seven-year", "company's", "company’s", "charge-offs",
        "U.S.", "HK", "US", "A", "Q3", "A380", "profit", "margin", "guidance", "convertible", "bonds", "Total", "dividend",
        "quarterly", "common", "analysts", "Nov.", "GMT", "Pfizer", "Tesla", "sales", "up/down", "x-ray", "rock'n'roll",
        "supercalifragilisticexpialidocious", "intergovernmentalisation-related", "Zürich", "Société", "naïve", "İstanbul",
        "ΑΒΓ", "δέλτα", "日本", "e\u{301}lan", "\u{212A}", "\u{212A}elvin", "\u{212A}M", "Mu\u{308}nchen", "ﬁnance", "Ⅻ",
        "٣", "½", "²", "’s", "ño", "DŽ", "mid.from", "no.a", "iPhone.x", "v.an", "x’from", "Co-a",
    ]
    static let units = ["", "", "", "%", "bn", "m", "mn", "k", "K", "tn", "trn", "b", "mln", "bln", "BN", "\u{212A}", "x", "am",
                        " billion", " million", " trillion", " thousand", " bn", " mln", " per cent", " percent", " pct",
                        " basis points", " percentage points", " bps", " yuan", " euros", " yen", " won", " Billion",
                        " billion yuan", " billion,yuan", " billion.Euros", " per\u{00A0}cent", "-year", " year", " month",
                        " months", "-month", " Years", " hour", "–year", " GMT", " November", " Nov", " Sept", " sept",
                        " Mayday", " MAX", " jobs", " staff", " Model Y vehicles"]
    static let currencies = ["", "", "", "$", "€", "£", "¥", "HK$", "US$", "SGD$", "ÉÉ$", "Ω$", "$$", "A$", "a$"]
    static let dashes = ["-", "–", "—", " to ", " to", " To ", "to "]
    static let separators = [" ", " ", " ", " ", " ", "  ", ", ", ". ", " (", ") ", " – ", "—", "\u{00A0}", "\r\n", " \u{301}",
                             "\u{0600}", "’", "'", "-", "/", ": ", "; ", " \"", "\" ", "\u{3000}", " \u{200D}", "\u{037E}",
                             "\u{1FEF}", "…", "\t"]

    mutating func number() -> String {
        var digits = String(1 + int(9)) + (0..<int(5)).map { _ in String(int(10)) }.joined()
        switch int(8) {
        case 0: digits = pick(["1999", "2024", "2030", "20.15", "1,999", "1900", "1", "3", "9", "10", "737", "787"])
        case 1: digits += "," + String(100 + int(900))
        case 2: digits += "." + String(int(100))
        case 3: digits += "." + String(int(10)) + "." + String(int(10))
        default: break
        }
        return digits
    }

    /// A line of page furniture carrying a figure ("Subscribe to our newsletter for 50% off").
    mutating func furniture() -> String {
        let q = quantity(), r = quantity()
        return pick([
            "Subscribe to our newsletter and save \(q) on \(r) plans.", "Photo: \(q) jobs cut at the plant",
            "SHARES UP \(q) TO \(r) IN EARLY TRADE", "Copyright 2024 Reuters, \(q) readers.", "\(q) analysts",
            "Sentiment Score \(q) of 100 readers", "Read more: \(q) stores to close", "By Jane Doe and John Roe \(q)",
            "This article was generated with \(q) data points.", "Visit https://example.com for \(q) more deals",
        ])
    }

    mutating func quantity() -> String { pick(Self.currencies) + number() + pick(Self.units) }

    mutating func piece(asciiOnly: Bool) -> String {
        let p: String
        switch int(11) {
        case 0, 1, 2: p = quantity()
        case 3: p = quantity() + pick(Self.dashes) + quantity()
        case 10:
            let lead = pick(["a ", "an ", "A ", "from ", "From ", "Nov. ", "sept ", "Model ", "iPhone ", "By "])
            p = lead + (int(2) == 0 ? quantity() : number() + pick([",", "", "-"]))
        case 4, 5: p = pick(Self.listWords).capitalizedRandomly(int(4))
        default: p = pick(Self.words)
        }
        return asciiOnly && p.utf8.contains(where: { $0 >= 0x80 }) ? "word" : p
    }

    /// `pieces`: at most this many pieces (numbers, words) in the sentence.
    mutating func sentence(asciiOnly: Bool = false, pieces: Int = 25) -> String {
        var out = ""
        for k in 0..<(2 + int(pieces - 1)) {
            if k > 0 {
                let sep = pick(Self.separators)
                out += asciiOnly && sep.utf8.contains(where: { $0 >= 0x80 }) ? " " : sep
            }
            out += piece(asciiOnly: asciiOnly)
        }
        return out + pick([".", "", "!", " (Reuters)", "\u{301}", " 10"])
    }
}

extension String {
    /// 0: as is, 1: Capitalised, 2: UPPER, 3: as is.
    func capitalizedRandomly(_ k: Int) -> String {
        switch k {
        case 1: return prefix(1).uppercased() + dropFirst()
        case 2: return uppercased()
        default: return self
        }
    }
}


/// The key-figure rules as they were written before they were moved onto UTF-8 bytes (commit
/// 8d9424c): each sentence copied into `[Unicode.Scalar]`, words built as `String`s. Kept
/// verbatim, sharing only the word lists, as the oracle the byte implementation must agree with
/// on every input, ASCII or not (`KeyFiguresEquivalenceTests`). When a rule changes on purpose,
/// change it here too, or retire this file.
enum KeyFiguresReference {
    typealias Found = KeyFigures.Found
    typealias Kind = KeyFigures.Kind

    /// The article's key figures, preferring those in the chosen key points.
    static func extract(from sentences: [Sentence], keyPoints: [KeyPoint], limit: Int = 5) -> [KeyFigure] {
        guard limit > 0 else { return [] }
        let chosen = Set(keyPoints.map(\.sentenceIndex))
        var found: [(figure: Found, sentence: Int, rank: Double)] = []
        for (i, s) in sentences.enumerated() where s.kind != .heading && KeyFigures.containsDigit(s.text) {
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
               let u = word(s, at: end + 1), KeyFigures.timeUnits.contains(u.text) {
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
            if phrase.allSatisfy({ KeyFigures.timeWords.contains($0.lowercased()) }) { phrase = [] }
            if kind == .time {
                // "2–3 years" on its own is a duration, not a figure worth listing.
                guard !phrase.isEmpty, !KeyFigures.timeUnits.contains(phrase.first!.lowercased()) else { continue }
            }
            if kind == .count {
                guard !phrase.isEmpty, first.value >= 10 || figure.contains(",") else { continue }
                // "737 MAX production": a number followed by a capitalised code is a model name.
                if let w = phrase.first, w.count >= 2, w.allSatisfy({ $0.isUppercase || $0.isNumber }) { continue }
            }
            if !phrase.isEmpty {
                out.append(Found(figure: figure, context: phrase.joined(separator: " "), kind: kind, isRange: isRange,
                                 contextFollows: true, start: first.start))
            } else if let before = phraseBefore(s, first.start), !KeyFigures.weakContexts.contains(before.lowercased()) {
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
                if let c = word(s, at: end + 1), KeyFigures.currencyWords.contains(c.text.lowercased()) { end = c.end; kind = .money }
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
            if KeyFigures.currencyWords.contains(lw) { return Quantity(start: start, end: w.end, kind: .money, value: value) }
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
        if b < k, KeyFigures.monthNames.contains(String(String.UnicodeScalarView(s[b..<k])).lowercased()) { return true }
        if end < s.count, s[end] == " ", let next = word(s, at: end + 1) {
            let l = next.text.lowercased()
            if KeyFigures.months.contains(String(l.prefix(3))) && KeyFigures.monthNames.contains(l) { return true }
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
            if KeyFigures.phraseStops.contains(low) || KeyFigures.verbs.contains(low) || t.contains(where: \.isNumber) { break }
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
        while let t = tokens.last, skipped < 4, KeyFigures.leadIns.contains(t.lowercased()) { tokens.removeLast(); skipped += 1 }
        var words: [Substring] = []
        var nonVerb = false
        while let t = tokens.last, words.count < 4 {
            guard let f = t.first, f.isLetter, let l = t.last, l.isLetter || l.isNumber, t.allSatisfy(isWordCharacter) else { break }
            let low = t.lowercased()
            if KeyFigures.phraseStops.contains(low) || t.contains(where: \.isNumber) { break }
            if KeyFigures.verbs.contains(low) { if nonVerb { break } } else { nonVerb = true }
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

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    @inline(__always) static func isDash(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "–" || c == "—" }
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c.value > 127 && c.properties.isAlphabetic)
    }
    static func isAlnum(_ c: Unicode.Scalar) -> Bool { isDigit(c) || isLetter(c) }
}
