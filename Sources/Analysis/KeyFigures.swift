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
///
/// How it runs: on each sentence's UTF-8 bytes (`FigureText`), after a byte prefilter
/// (`mayHoldFigure`) that turns away sentences that cannot hold a figure; list words are looked
/// up from the bytes (`FigureWords`), and strings are built only for the figures kept. The
/// rules read text exactly as the scalar and `String` implementation they replaced did
/// (`KeyFiguresEquivalenceTests` holds it as the oracle), Unicode included.
public enum KeyFigures {
    /// The article's key figures, preferring those in the chosen key points.
    ///
    /// Every sentence is searched (a figure's rank depends on all of them), but strings are made
    /// only for the figures the ranking reaches, and a sentence is checked for page furniture
    /// (whose figures do not count) only when one of its figures is reached and not a repeat: the
    /// ranking order is total, so skipping furniture while walking it keeps exactly the figures
    /// that dropping furniture first would.
    public static func extract(from sentences: [Sentence], keyPoints: [KeyPoint], limit: Int = 5) -> [KeyFigure] {
        guard limit > 0 else { return [] }
        var scratch = Scratch()
        var ranked: [(hit: Int, sentence: Int, start: Int, rank: Double)] = []
        for i in sentences.indices where sentences[i].kind != .heading {
            let first = scratch.hits.count
            var text = sentences[i].text
            text.withUTF8 { bytes in
                if mayHoldFigure(FigureText(bytes, scanForASCII: false)) { find(FigureText(bytes), &scratch) }
            }
            guard scratch.hits.count > first else { continue }
            let chosen = keyPoints.contains { $0.sentenceIndex == i }
            for h in first..<scratch.hits.count {
                let f = scratch.hits[h]
                var rank = chosen ? 3.0 : 0
                if f.isRange { rank += 1 }
                if f.contextFollows { rank += 1 }
                if f.kind != .count { rank += 0.5 }
                rank -= 0.02 * Double(i)
                ranked.append((h, i, f.start, rank))
            }
        }
        ranked.sort { $0.rank != $1.rank ? $0.rank > $1.rank : ($0.sentence, $0.start) < ($1.sentence, $1.start) }
        // Per sentence: 0 not checked yet, 1 reporting, 2 page furniture.
        var furniture = [UInt8](repeating: 0, count: ranked.isEmpty ? 0 : sentences.count)
        var seen = Set<String>()
        var kept: [(hit: Int, sentence: Int, start: Int, figure: String)] = []
        for r in ranked {
            guard kept.count < limit else { break }
            let text = sentences[r.sentence].text
            let figure = scratch.hits[r.hit].figure(in: text)
            if seen.contains(figure) { continue }    // skipped whether or not its sentence is furniture
            if furniture[r.sentence] == 0 {
                furniture[r.sentence] = KeyPointTerms(text).mayBeFurniture && KeyPointBoilerplate.isBoilerplate(text) ? 2 : 1
            }
            if furniture[r.sentence] == 2 { continue }
            seen.insert(figure)
            kept.append((r.hit, r.sentence, r.start, figure))
        }
        kept.sort { ($0.sentence, $0.start) < ($1.sentence, $1.start) }
        return kept.map { KeyFigure(figure: $0.figure, context: scratch.hits[$0.hit].context(in: sentences[$0.sentence].text, scratch.contexts)) }
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

    /// A figure found in a sentence, with its context: what the tests compare.
    struct Found: Equatable {
        var figure: String
        var context: String
        var kind: Kind
        var isRange: Bool
        var contextFollows: Bool
        /// A byte offset: it orders figures within the sentence.
        var start: Int
    }

    /// A figure found in a sentence, by position; its strings are made only if it is kept.
    struct Hit {
        /// The figure's bytes in the sentence.
        var start: Int
        var end: Int
        /// Its context's words: `Scratch.contexts[context]`, byte ranges in the sentence.
        var context: Range<Int>
        var kind: Kind
        var isRange: Bool
        var contextFollows: Bool

        func figure(in text: String) -> String {
            var copy = text
            return copy.withUTF8 { FigureText($0).string(start..<end) }
        }

        func context(in text: String, _ words: [Range<Int>]) -> String {
            var copy = text
            return copy.withUTF8 { FigureText($0).joined(words[context]) }
        }
    }

    /// What the finder fills and reuses over an article's sentences.
    struct Scratch {
        /// The figures found so far.
        var hits: [Hit] = []
        /// The words of their contexts, one after another.
        var contexts: [Range<Int>] = []
        /// The words of the phrase being read.
        var words: [Range<Int>] = []
        init() { words.reserveCapacity(8) }
    }

    static func containsDigit(_ text: String) -> Bool { text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

    /// Whether `find` could return anything for this sentence: a necessary condition, checked on
    /// bytes so that most sentences without a figure never reach the rules.
    ///
    /// It never rejects a sentence `find` accepts. `find` starts a figure only at a digit whose
    /// previous scalar is not a letter, digit, "." or ","; from there the number runs over digits
    /// and inner "."/"," (each followed by a digit) to a position `j`, as scanned here. A figure
    /// it keeps needs, at that number:
    /// - a currency sign just before the digits ("$", or the non-ASCII "€", "£", "¥"), or
    /// - at `j`, "%" or a letter (a glued unit, "6bn"), or a space (a unit word, "12 billion";
    ///   "to" in a range; a time unit; a noun phrase), or a dash (a range "15–30", a time
    ///   "10-year"); otherwise the quantity is a bare count with no range and no time unit, and
    ///   a count is kept only with a noun phrase after it, which needs a space at `j` or ", "
    ///   ("a 10, …"), so a "," at `j` too.
    /// Non-ASCII bytes are taken as maybe-letter, maybe-currency, maybe-dash: a digit after one
    /// is accepted, and so is one before. Digits after an ASCII letter, "." or "," start no
    /// figure ("Q3", the "5" of "1.5"), so their run is only stepped over.
    static func mayHoldFigure(_ t: FigureText) -> Bool {
        let n = t.count
        var i = t.nextDigit(from: 0)
        while i < n {
            let p: UInt8 = i > 0 ? t[i - 1] : 0x20
            if p >= 0x80 || p == 0x24 { return true }                                            // maybe a currency sign
            let start = !(FigureText.isASCIILetter(p) || p == 0x2E || p == 0x2C)                 // not "Q3", "1.5"
            while i < n {
                if FigureText.isDigit(t[i]) { i += 1 }
                else if start, t[i] == 0x2E || t[i] == 0x2C, i + 1 < n, FigureText.isDigit(t[i + 1]) { i += 1 }
                else { break }
            }
            if start, i < n {
                let b = t[i]
                if b == 0x25 || b == 0x20 || b == 0x2C || b == 0x2D || b >= 0x80 || FigureText.isASCIILetter(b) { return true }
            }
            i = t.nextDigit(from: i)
        }
        return false
    }

    /// Every figure in one sentence, in order.
    static func find(in text: String) -> [Found] {
        var scratch = Scratch()
        var copy = text
        copy.withUTF8 { find(FigureText($0), &scratch) }
        return scratch.hits.map {
            Found(figure: $0.figure(in: text), context: $0.context(in: text, scratch.contexts), kind: $0.kind,
                  isRange: $0.isRange, contextFollows: $0.contextFollows, start: $0.start)
        }
    }

    /// Every figure in one sentence, in order, appended to `scratch.hits`.
    static func find(_ s: FigureText, _ scratch: inout Scratch) {
        let n = s.count
        var i = 0
        while true {
            i = s.nextDigit(from: i)
            guard i < n else { break }
            guard i == 0 || !(s[i - 1] == 0x2E || s[i - 1] == 0x2C || s.isAlnum(at: s.before(i))) else { i += 1; continue }
            guard let first = quantity(s, at: i) else { i += 1; continue }
            var end = first.end
            var kind = first.kind
            var isRange = false
            // A range: "15–30%", "12-24 month", "$28 billion to $30 billion", "4% to 6%",
            // "27.6 billion to 28.7 billion yuan". Ranges ascend: "787-9" is a model, not a range.
            let dash = end < n ? s.dashLength(at: end) : 0
            if dash > 0, end + dash < n, let second = quantity(s, at: end + dash) {
                guard second.value > first.value else { i = second.end; continue }
                if compatible(first.kind, second.kind) { end = second.end; kind = second.kind; isRange = true }
            } else if end < n, s[end] == 0x20, let to = s.word(at: end + 1), s.kinds(to, fold: false).contains(.to),  // "to", not "To"
                      let second = quantity(s, at: to.upperBound < n ? s.after(to.upperBound) : n), second.value > first.value,
                      compatible(first.kind, second.kind), !precededBy(s, first.start, .from) {
                end = second.end; kind = second.kind; isRange = true
            }
            // A span of time written as an adjective: "12–24 month runway", "a 10-year bond".
            var timeUnitEnd = end
            if kind == .count, end < n, s[end] == 0x20 || s[end] == 0x2D,
               let u = s.word(at: end + 1), s.kinds(u, fold: false).contains(.timeUnit) {
                timeUnitEnd = u.upperBound; kind = .time
            }
            let figureEnd = kind == .time ? timeUnitEnd : end
            defer { i = max(figureEnd, i + 1) }
            if kind == .count || kind == .time, isYearOrDate(s, first.start, first.end) { continue }
            // A number that is part of a name: "Model 3", "Phase 3", "iPhone 18".
            if kind == .count, !isRange, let prev = s.wordBefore(first.start), prev.lowerBound > 0,
               hasUppercase(s, prev) { continue }
            // The following noun phrase, skipping a bracketed conversion: "$6bn (£3.12bn) deal".
            var after = figureEnd
            if after + 1 < n, s[after] == 0x20, s[after + 1] == 0x28, let close = s.firstIndex(of: 0x29, from: after) { after = close + 1 }
            // "a $9.1 billion, seven-year contract": after an article, the phrase runs on past a comma.
            if after + 1 < n, s[after] == 0x2C, s[after + 1] == 0x20, precededBy(s, first.start, .article) { after += 1 }
            nounPhrase(s, from: after, allowPreposition: kind != .count && kind != .time, into: &scratch.words)
            // "35% year on year", "$283 billion this year": a time word alone says nothing.
            if scratch.words.allSatisfy({ s.kinds($0).contains(.timeWord) }) { scratch.words.removeAll(keepingCapacity: true) }
            if kind == .time {
                // "2–3 years" on its own is a duration, not a figure worth listing.
                guard let w = scratch.words.first, !s.kinds(w).contains(.timeUnit) else { continue }
            }
            if kind == .count {
                // (A "," in a count figure sits between digits, or after "to", so it is a
                // `Character` of its own and the byte test is the `Character` test.)
                guard !scratch.words.isEmpty, first.value >= 10 || s.contains(0x2C, in: first.start..<figureEnd) else { continue }
                // "737 MAX production": a number followed by a capitalised code is a model name.
                if isCode(s, scratch.words[0]) { continue }
            }
            let follows = !scratch.words.isEmpty
            if follows || phraseBefore(s, first.start, into: &scratch.words) && !isWeak(s, scratch.words) {
                let c = scratch.contexts.count
                scratch.contexts.append(contentsOf: scratch.words)
                scratch.hits.append(Hit(start: first.start, end: figureEnd, context: c..<scratch.contexts.count, kind: kind,
                                        isRange: isRange, contextFollows: follows))
            }
        }
    }

    /// `value` includes the scale ("1.1 billion" is 1.1e9), so ranges compare like for like.
    struct Quantity { var start: Int; var end: Int; var kind: Kind; var value: Double }

    /// A number at `i` (digits, inner `.`/`,`), with any currency just before it (or at `i`) and
    /// any unit just after it. `start` includes the currency, `end` the unit.
    static func quantity(_ s: FigureText, at i: Int) -> Quantity? {
        let n = s.count
        guard i < n else { return nil }
        var start = i
        let j0 = i + s.currencyLength(at: i)
        guard j0 < n, FigureText.isDigit(s[j0]) else { return nil }
        var j = j0
        var kind = Kind.count
        // Currency before the digits: "$", "HK$", "US$", "A$", "€", "£", "¥".
        if start > 0, s.isCurrency(before: start) {
            start = s.before(start)
            var scalars = 1
            while start > 0, scalars < 4, s.isUppercase(at: s.before(start)) { start = s.before(start); scalars += 1 }
            kind = .money
        } else if j > i {
            kind = .money
        }
        var value = 0.0, fraction = 0.0
        while j < n {
            let b = s[j]
            if FigureText.isDigit(b) {
                let d = Double(b - 48)
                if fraction > 0 { value += d * fraction; fraction /= 10 } else { value = value * 10 + d }
                j += 1
            } else if b == 0x2E || b == 0x2C, j + 1 < n, FigureText.isDigit(s[j + 1]) {
                if b == 0x2E { fraction = 0.1 }
                j += 1
            } else { break }
        }
        // Units glued on: "%", "bn", "m", "mn", "k", "tn".
        if j < n, s[j] == 0x25 { return Quantity(start: start, end: j + 1, kind: .percent, value: value) }
        if let w = s.word(at: j) {
            let k = s.kinds(w)
            if k.contains(.gluedUnit) { return Quantity(start: start, end: w.upperBound, kind: kind == .money ? .money : .scaled, value: value * k.scale) }
        }
        // Units as words: "12 billion", "5 per cent", "60 basis points", "51.7 billion yuan".
        if j < n, s[j] == 0x20, let w = s.word(at: j + 1) {
            let k = s.kinds(w)
            if k.contains(.scaleWord) {
                var end = w.upperBound
                if let c = s.word(after: end), s.kinds(c).contains(.currencyWord) { end = c.upperBound; kind = .money }
                return Quantity(start: start, end: end, kind: kind == .money ? .money : .scaled, value: value * k.scale)
            }
            if k.contains(.percentWord) { return Quantity(start: start, end: w.upperBound, kind: .percent, value: value) }
            if k.contains(.per), let c = s.word(after: w.upperBound), s.kinds(c).contains(.cent) {
                return Quantity(start: start, end: c.upperBound, kind: .percent, value: value)
            }
            if k.contains(.pointsLead), let c = s.word(after: w.upperBound), s.kinds(c).contains(.points) {
                return Quantity(start: start, end: c.upperBound, kind: .percent, value: value)
            }
            if k.contains(.bps) { return Quantity(start: start, end: w.upperBound, kind: .percent, value: value) }
            if k.contains(.currencyWord) { return Quantity(start: start, end: w.upperBound, kind: .money, value: value) }
        }
        return Quantity(start: start, end: j, kind: kind, value: value)
    }

    /// Whether the word just before `i` is in the given list ("from", "a"/"an").
    static func precededBy(_ s: FigureText, _ i: Int, _ list: FigureWordKinds) -> Bool {
        guard let w = s.wordBefore(i) else { return false }
        return s.kinds(w).contains(list)
    }

    /// Years, days of a month and clock times: "2027", "Nov. 26", "26 November", "1900 GMT".
    static func isYearOrDate(_ s: FigureText, _ start: Int, _ end: Int) -> Bool {
        var digits = 0, d0: UInt8 = 0, d1: UInt8 = 0, comma = false
        for k in start..<end {
            let b = s[k]
            if FigureText.isDigit(b) { if digits == 0 { d0 = b } else if digits == 1 { d1 = b }; digits += 1 }
            else if b == 0x2C { comma = true }
        }
        if digits == 4, !comma, d0 == 0x32 && d1 == 0x30 || d0 == 0x31 && d1 == 0x39 { return true }
        // "Nov. 26", "Jan 4", "December 31": the word before, ignoring a full stop.
        var k = start
        while k > 0, s[k - 1] == 0x20 { k -= 1 }
        if k > 0, s[k - 1] == 0x2E { k -= 1 }
        var b = k
        while b > 0, s.isLetter(at: s.before(b)) { b = s.before(b) }
        if b < k, s.kinds(b..<k).contains(.monthName) { return true }
        if end < s.count, s[end] == 0x20, let next = s.word(at: end + 1) {
            let kinds = s.kinds(next)
            if kinds.contains(.monthName), startsWithMonth(s, next) { return true }
            if kinds.contains(.clockZone) { return true }
        }
        return false
    }

    /// Whether the word's first three letters, lower-cased, are a month ("Sept" → "sep").
    static func startsWithMonth(_ s: FigureText, _ w: Range<Int>) -> Bool {
        if s.isASCII(w) { return s.kinds(w.lowerBound..<min(w.upperBound, w.lowerBound + 3)).contains(.month) }
        return months.contains(String(s.string(w).lowercased().prefix(3)))
    }

    static func hasUppercase(_ s: FigureText, _ w: Range<Int>) -> Bool {
        var k = w.lowerBound
        while k < w.upperBound { if s.isUppercase(at: k) { return true }; k = s.after(k) }
        return false
    }

    /// A capitalised code, like "MAX" in "737 MAX": two or more characters, each upper case or a digit.
    static func isCode(_ s: FigureText, _ w: Range<Int>) -> Bool {
        if s.isASCII(w) { return w.count >= 2 && w.allSatisfy { s[$0] &- 0x41 < 26 || FigureText.isDigit(s[$0]) } }
        let word = s.string(w)
        return word.count >= 2 && word.allSatisfy { $0.isUppercase || $0.isNumber }
    }

    /// Whether the phrase before a figure says nothing about it ("trading", "analysts").
    static func isWeak(_ s: FigureText, _ words: [Range<Int>]) -> Bool {
        // A list entry is one ASCII word; words joined by a space can only match it through
        // canonical equivalence, which the `String` comparison settles.
        if words.allSatisfy(s.isASCII) { return words.count == 1 && s.kinds(words[0]).contains(.weakContext) }
        return weakContexts.contains(s.joined(words).lowercased())
    }

    /// Whether two quantities can be the ends of one range ("27.6 billion to 28.7 billion yuan").
    static func compatible(_ a: Kind, _ b: Kind) -> Bool { a == b || a == .count || (a == .scaled && b == .money) }
}
