/// The words that say what a figure measures: the noun phrase after it, or failing that the
/// few words before it. The rules are in `KeyFigures.nounPhrase` and `KeyFigures.phraseBefore`.
///
/// The rules read a window of 120 scalars next to the figure as a `String`, split at spaces,
/// and judge each token by its `Character`s (grapheme clusters). When the window is ASCII,
/// which is nearly always, a `Character` is one byte (a CR LF pair is one `Character`, but
/// neither byte is a letter, digit or word character, so it is judged alike either way), so the
/// window is read straight from the bytes. Otherwise it is built as a `String` and read as
/// before: a combining mark after a space, say, joins the space's `Character` and the token is
/// not split there. Both readings give each word as a byte range of the sentence.
extension KeyFigures {
    /// How many scalars next to a figure the phrase rules read.
    static let phraseWindow = 120

    /// Up to four content words after the space at `i`, into `words` (emptied first). After an
    /// amount or a share, "of" may lead ("$5 billion of convertible bonds", "13% of the bank's
    /// net revenue"); a word carrying punctuation ends the phrase. ("in" may not: after a figure
    /// it is nearly always a time, "in the third quarter".)
    static func nounPhrase(_ t: FigureText, from i: Int, allowPreposition: Bool, into words: inout [Range<Int>]) {
        words.removeAll(keepingCapacity: true)
        guard i < t.count, t[i] == 0x20 else { return }
        let from = i + 1
        let asciiEnd = min(t.count, from + phraseWindow)
        if t.isASCII(from..<asciiEnd) {
            nounPhraseASCII(t, from..<asciiEnd, allowPreposition: allowPreposition, into: &words)
        } else {
            let window = from..<t.advance(from, scalars: phraseWindow)
            nounPhraseUnicode(t.string(window), at: from, allowPreposition: allowPreposition, into: &words)
        }
    }

    /// The few words just before `i`, into `words` (emptied first); false when there is no such
    /// phrase. Lead-ins next to the figure ("of", "about", "would be") are skipped; a verb may
    /// sit next to the figure, but a verb further back starts another clause ("said card
    /// charge-offs would be" → "card charge-offs"). The phrase must hold a word that is not a verb.
    static func phraseBefore(_ t: FigureText, _ i: Int, into words: inout [Range<Int>]) -> Bool {
        words.removeAll(keepingCapacity: true)
        let asciiStart = max(0, i - phraseWindow)
        if t.isASCII(asciiStart..<i) { return phraseBeforeASCII(t, asciiStart..<i, into: &words) }
        let start = t.retreat(i, scalars: phraseWindow)
        return phraseBeforeUnicode(t.string(start..<i), at: start, into: &words)
    }

    // MARK: - ASCII windows, read as bytes

    /// Letters, digits, "-", "'" and "/" (and "’", never in an ASCII window).
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        FigureText.isASCIIAlnum(b) || b == 0x2D || b == 0x27 || b == 0x2F
    }

    /// A token with its trailing punctuation dropped (`last`: some was), when it is a word the
    /// phrase rules accept at all: starting with a letter, ending with a letter or digit, and
    /// made of word characters.
    @inline(__always)
    static func asciiWord(_ t: FigureText, _ token: Range<Int>) -> (word: Range<Int>, last: Bool, digit: Bool)? {
        var e = token.upperBound
        while e > token.lowerBound, !FigureText.isASCIIAlnum(t[e - 1]) { e -= 1 }
        guard e > token.lowerBound, FigureText.isASCIILetter(t[token.lowerBound]) else { return nil }
        var digit = false
        for k in token.lowerBound..<e {
            let b = t[k]
            guard isWordByte(b) else { return nil }
            if FigureText.isDigit(b) { digit = true }
        }
        return (token.lowerBound..<e, e < token.upperBound, digit)
    }

    static func nounPhraseASCII(_ t: FigureText, _ window: Range<Int>, allowPreposition: Bool, into words: inout [Range<Int>]) {
        var p = window.lowerBound
        var lead = 0          // the preposition and determiner that open the phrase
        while words.count < 4 + lead {
            while p < window.upperBound, t[p] == 0x20 { p += 1 }
            guard p < window.upperBound else { break }
            let tokenStart = p
            while p < window.upperBound, t[p] != 0x20 { p += 1 }
            guard let (w, last, digit) = asciiWord(t, tokenStart..<p) else { break }
            let kinds = t.kinds(w)
            if words.isEmpty, allowPreposition, kinds.contains(.of), !last { words.append(w); lead = 1; continue }
            if lead == 1, words.count == 1, kinds.contains(.determiner), !last { words.append(w); lead = 2; continue }
            if !kinds.isDisjoint(with: [.phraseStop, .verb]) || digit { break }
            words.append(w)
            if last { break }
        }
        // The preposition needs at least two words after it to say something ("of the top" does not).
        if lead > 0, words.count - lead < (lead == 2 ? 2 : 1) { words.removeAll(keepingCapacity: true) }
    }

    static func phraseBeforeASCII(_ t: FigureText, _ window: Range<Int>, into words: inout [Range<Int>]) -> Bool {
        // Tokens are taken from the end: `token` is the last one left, `p` where it ends.
        let floor = window.lowerBound
        var p = window.upperBound
        var token = floor..<floor
        @inline(__always) func takeLast() -> Bool {
            while p > floor, t[p - 1] == 0x20 { p -= 1 }
            guard p > floor else { return false }
            var b = p
            while b > floor, t[b - 1] != 0x20 { b -= 1 }
            token = b..<p
            return true
        }
        var skipped = 0
        while skipped < 4, takeLast(), t.kinds(token).contains(.leadIn) { p = token.lowerBound; skipped += 1 }
        var nonVerb = false
        while words.count < 4, takeLast() {
            // A whole token: a word with punctuation after it ends the phrase.
            guard let (w, last, digit) = asciiWord(t, token), !last else { break }
            let kinds = t.kinds(w)
            if kinds.contains(.phraseStop) || digit { break }
            if kinds.contains(.verb) { if nonVerb { break } } else { nonVerb = true }
            words.append(w)
            p = token.lowerBound
        }
        words.reverse()
        return nonVerb
    }

    // MARK: - Other windows, read as `String`s

    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == "'" || c == "’" || c == "/"
    }

    /// Byte range in the sentence of a token of `window`, which starts at `base`.
    static func range(_ token: Substring, in window: String, at base: Int) -> Range<Int> {
        let u = window.utf8
        return (base + u.distance(from: u.startIndex, to: token.startIndex))..<(base + u.distance(from: u.startIndex, to: token.endIndex))
    }

    static func nounPhraseUnicode(_ rest: String, at base: Int, allowPreposition: Bool, into words: inout [Range<Int>]) {
        var lead = 0
        for token in rest.split(separator: " ") where words.count < 4 + lead {
            var t = token
            var last = false
            while let l = t.last, !(l.isLetter || l.isNumber) { t = t.dropLast(); last = true }
            guard let f = t.first, f.isLetter, t.allSatisfy(isWordCharacter) else { break }
            let low = t.lowercased()
            if words.isEmpty, allowPreposition, low == "of", !last { words.append(range(t, in: rest, at: base)); lead = 1; continue }
            if lead == 1, words.count == 1, determiners.contains(low), !last {
                words.append(range(t, in: rest, at: base)); lead = 2; continue
            }
            if phraseStops.contains(low) || verbs.contains(low) || t.contains(where: \.isNumber) { break }
            words.append(range(t, in: rest, at: base))
            if last { break }
        }
        if lead > 0, words.count - lead < (lead == 2 ? 2 : 1) { words.removeAll(keepingCapacity: true) }
    }

    static func phraseBeforeUnicode(_ text: String, at base: Int, into words: inout [Range<Int>]) -> Bool {
        var tokens = text.split(separator: " ")
        var skipped = 0
        while let t = tokens.last, skipped < 4, leadIns.contains(t.lowercased()) { tokens.removeLast(); skipped += 1 }
        var nonVerb = false
        while let t = tokens.last, words.count < 4 {
            guard let f = t.first, f.isLetter, let l = t.last, l.isLetter || l.isNumber, t.allSatisfy(isWordCharacter) else { break }
            let low = t.lowercased()
            if phraseStops.contains(low) || t.contains(where: \.isNumber) { break }
            if verbs.contains(low) { if nonVerb { break } } else { nonVerb = true }
            words.insert(range(t, in: text, at: base), at: 0)
            tokens.removeLast()
        }
        return nonVerb
    }
}
