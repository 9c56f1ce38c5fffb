/// Sentences that are on the page but are not the story: datelines, bylines, photo captions,
/// marketing, disclaimers and vendor footers. They are never key points, and they do not vote
/// in the centrality graph either (a repeated "Subscribe to our newsletter" must not look central).
///
/// The rules look at the shape of the sentence (where a cue sits, how long the sentence is), not
/// only at words, so news *about* subscriptions or disclaimers still reads as news.
enum KeyPointBoilerplate {
    /// True when the sentence is page furniture rather than reporting.
    static func isBoilerplate(_ text: String) -> Bool {
        let lower = text.lowercased()
        let words = lower.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first else { return true }
        // No lower-case letter at all: a shouted label, a ticker strip, a table row.
        if !text.unicodeScalars.contains(where: { $0.properties.isLowercase }) { return true }
        if containsAny(lower, anywhere) { return true }
        if words.count <= 15, containsAny(lower, shortOnly) { return true }
        if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") { return true }
        if containsEmail(lower) { return true }
        // Cues that open furniture: "By Jane Doe", "Photo: …", "Subscribe to …".
        if hasAnyPrefix(lower, openers) { return words.count <= 30 }
        if first == "by", words.count <= 8, isNameList(text) { return true }
        if words.count <= 14, containsAny(lower, captionCredits) { return true }
        return false
    }

    /// Phrases that mark a sentence as furniture wherever they appear: nobody reports news in
    /// these words.
    static let anywhere = [
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
    static let shortOnly = [
        "click here", "our newsletter", "free trial", "start your trial", "download the app", "follow us on",
        "for institutional investors.", "terms of use", "privacy policy", "overall sentiment", "sentiment score",
        "ticker sentiment", "sentiment label",
    ]

    /// Cues that mark furniture when they open the sentence.
    static let openers = [
        "photo:", "photograph:", "image:", "picture:", "caption:", "image caption", "image source", "pictured:",
        "file photo", "(photo", "[photo", "credit:", "source: ", "editor's note", "editor’s note", "disclosure:",
        "disclaimer:", "related:", "read more", "see also", "learn more", "subscribe", "sign up", "advertisement",
        "sponsored", "copyright", "watch:", "listen:", "video:", "reporting by ", "editing by ", "writing by ",
        "additional reporting", "compiled by ", "(reporting by", "(editing by",
    ]

    /// Picture-agency credits that end captions.
    static let captionCredits = ["getty images", "ap photo", "/reuters", "/bloomberg", "/afp", "photographer:",
                                 "shutterstock", "(reuters)", "via reuters"]

    static func containsAny(_ s: String, _ cues: [String]) -> Bool { cues.contains { s.contains($0) } }
    static func hasAnyPrefix(_ s: String, _ cues: [String]) -> Bool { cues.contains { s.hasPrefix($0) } }

    /// "name@host.tld" somewhere in the text.
    static func containsEmail(_ s: String) -> Bool {
        guard let at = s.firstIndex(of: "@") else { return false }
        let after = s[s.index(after: at)...].prefix { $0 != " " }
        return after.contains(".") && at != s.startIndex && s[s.index(before: at)] != " "
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
