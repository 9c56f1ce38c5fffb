/// Sentences that are on the page but are not the story: datelines, bylines, photo captions,
/// marketing, disclaimers and vendor footers. They are never key points, and they do not vote
/// in the centrality graph either (a repeated "Subscribe to our newsletter" must not look central).
///
/// The rules look at the shape of the sentence (where a cue sits, how long the sentence is), not
/// only at words, so news *about* subscriptions or disclaimers still reads as news.
enum KeyPointBoilerplate {
    /// True when the sentence is page furniture rather than reporting. Works on the sentence's
    /// bytes, ASCII-lower-cased: this runs for every short sentence of every article.
    static func isBoilerplate(_ text: String) -> Bool {
        var lower = Array(text.utf8)
        var hasLower = false, hasUpper = false, hasOther = false
        var words = 0, inWord = false
        for k in lower.indices {
            let b = lower[k]
            if b >= 0x41 && b <= 0x5A { lower[k] = b | 0x20; hasUpper = true }
            else if b >= 0x61 && b <= 0x7A { hasLower = true }
            else if b >= 0x80 { hasOther = true }
            let space = b == 0x20 || b == 0x09
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        guard words > 0 else { return true }
        // No lower-case letter at all: a shouted label, a ticker strip, a table row.
        if hasUpper && !hasLower && !hasOther { return true }
        if anywhere.occurs(in: lower) { return true }
        if words <= 15, shortOnly.occurs(in: lower) { return true }
        if addresses.occurs(in: lower) || containsEmail(lower) { return true }
        // Cues that open furniture: "By Jane Doe", "Photo: …", "Subscribe to …".
        if openers.opens(lower) { return words <= 30 }
        if words <= 8, lower.starts(with: "by ".utf8), isNameList(text) { return true }
        if words <= 14, captionCredits.occurs(in: lower) { return true }
        return false
    }

    /// Phrases that mark a sentence as furniture wherever they appear: nobody reports news in
    /// these words.
    static let anywhere: CueSet = [
        // marketing
        "request a demo", "book a demo", "schedule a demo", "sign up for our", "subscribe to our", "subscribe now",
        "download our app", "ai-powered research", "contact our sales",
        // disclaimers
        "not investment advice", "not financial advice", "for informational purposes", "for information purposes only",
        "constitute investment advice", "constitute financial advice", "constitute a recommendation",
        "constitute an offer", "constitute a solicitation", "should not be construed", "past performance is not",
        "past performance does not", "forward-looking statements", "stocks mentioned", "securities mentioned",
        "companies mentioned", "has positions in and recommends", "no position in any", "the views expressed",
        "the opinions expressed", "all rights reserved", "consult a financial", "consult your financial",
        "this article was generated", "this content was produced", "contributed to this report", "©", "(c) copyright",
    ]

    /// Phrases that are furniture in a short line but may be news in a sentence ("the overall
    /// sentiment among investors…", "Meta changed its privacy policy to…").
    static let shortOnly: CueSet = [
        "click here", "our newsletter", "free trial", "start your trial", "download the app", "follow us on",
        "for institutional investors.", "terms of use", "privacy policy", "overall sentiment", "sentiment score",
        "ticker sentiment", "sentiment label",
    ]

    /// Cues that mark furniture when they open the sentence.
    static let openers: CueSet = [
        "photo:", "photograph:", "image:", "picture:", "caption:", "image caption", "image source", "pictured:",
        "file photo", "(photo", "[photo", "credit:", "source: ", "editor's note", "editor’s note", "disclosure:",
        "disclaimer:", "related:", "read more", "see also", "learn more", "subscribe", "sign up", "advertisement",
        "sponsored", "copyright", "watch:", "listen:", "video:", "reporting by ", "editing by ", "writing by ",
        "additional reporting", "compiled by ", "(reporting by", "(editing by",
    ]

    /// Picture-agency credits that end captions.
    static let captionCredits: CueSet = ["getty images", "ap photo", "/reuters", "/bloomberg", "/afp", "photographer:",
                                 "shutterstock", "(reuters)", "via reuters"]

    /// Web and mail addresses: a sentence carrying one is a link line, not reporting.
    static let addresses: CueSet = ["http://", "https://", "www."]

    /// "name@host.tld" somewhere in the text.
    static func containsEmail(_ s: [UInt8]) -> Bool {
        guard let at = s.firstIndex(of: 0x40), at > 0, s[at - 1] != 0x20 else { return false }
        return s[(at + 1)...].prefix { $0 != 0x20 }.contains(0x2E)
    }

    /// "By Jane Doe", "By Jane Doe and John Roe, Reuters": capitalised words, "and", commas.
    static func isNameList(_ text: String) -> Bool {
        for w in text.split(separator: " ").dropFirst() {
            let t = w.trimmingCharacters(",.;:")
            if t.isEmpty || t == "and" || t == "&" { continue }
            guard let f = t.unicodeScalars.first, f.properties.isUppercase else { return false }
        }
        return true
    }

    /// A dateline opening the lead ("LONDON (Reuters) - ", "NEW YORK, Nov 24 (Reuters) — ",
    /// "BEIJING, Nov. 24 — "): the length of that prefix, or 0. The key point keeps the rest,
    /// verbatim. A bare "WASHINGTON — " is left alone: it cannot be told from "EADS - Airbus'…".
    static func datelineLength(_ text: String) -> Int {
        let s = Array(text.unicodeScalars)
        // One or more upper-case words (the place), letters and spaces, dots, commas.
        var i = 0
        var upperLetters = 0
        while i < s.count, s[i].properties.isUppercase || s[i] == " " || s[i] == "." || s[i] == "'" {
            if s[i].properties.isUppercase { upperLetters += 1 }
            i += 1
        }
        guard upperLetters >= 3, i < 60 else { return 0 }
        // An optional date or agency: ", Nov 24", "(Reuters)", in any order, up to a dash.
        var j = i
        while j < s.count, j - i < 40, !isDash(s[j]) { j += 1 }
        guard j < s.count, isDash(s[j]), j > 0, s[j - 1] == " " || s[j - 1] == ")" || j == i else { return 0 }
        let between = String(String.UnicodeScalarView(s[i..<j]))
        // What sits between place and dash must be a date and/or an agency in brackets, and
        // there must be one: "EADS - Airbus' majority owner - admitted…" is not a dateline.
        let ok = between.allSatisfy { $0.isLetter || $0.isNumber || " ,.()/".contains($0) }
            && (between.contains("(") || between.hasPrefix(","))
        guard ok else { return 0 }
        var k = j + 1
        while k < s.count, s[k] == " " { k += 1 }
        guard k < s.count, s[k].properties.isUppercase || ("0"..."9").contains(s[k]) else { return 0 }
        return k
    }

    static func isDash(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "–" || c == "—" }
}

extension StringProtocol {
    /// Drops the given characters at both ends.
    func trimmingCharacters(_ set: String) -> Substring {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}

/// A set of lower-case cue phrases, searched in a sentence's bytes. Every position is checked
/// against a table of the cues' first two bytes, so a sentence costs one table read per byte and
/// a comparison only where some cue could start: Swift's `String.contains` builds a searcher per
/// call and was most of the cost of key-point selection.
struct CueSet: ExpressibleByArrayLiteral, Sendable {
    let cues: [[UInt8]]
    /// For each two-byte prefix, whether some cue starts with it.
    let starts: [Bool]

    init(arrayLiteral elements: String...) {
        cues = elements.map { Array($0.utf8) }
        var starts = [Bool](repeating: false, count: 65536)
        for c in cues where c.count >= 2 { starts[Int(c[0]) << 8 | Int(c[1])] = true }
        self.starts = starts
    }

    /// Whether any cue occurs in `s`.
    func occurs(in s: [UInt8]) -> Bool {
        guard s.count >= 2 else { return false }
        return s.withUnsafeBufferPointer { buf in
            for i in 0..<(buf.count - 1) where starts[Int(buf[i]) << 8 | Int(buf[i + 1])] {
                if cues.contains(where: { matches($0, buf, at: i) }) { return true }
            }
            return false
        }
    }

    /// Whether `s` begins with a cue.
    func opens(_ s: [UInt8]) -> Bool {
        guard s.count >= 2, starts[Int(s[0]) << 8 | Int(s[1])] else { return false }
        return s.withUnsafeBufferPointer { buf in cues.contains { matches($0, buf, at: 0) } }
    }

    @inline(__always)
    private func matches(_ cue: [UInt8], _ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + cue.count <= buf.count else { return false }
        for j in cue.indices where buf[i + j] != cue[j] { return false }
        return true
    }
}
