/// Scraped pages end with the vendor's marketing and its own sentiment widget, e.g.
///
///     AI-powered research, real-time alerts, and portfolio analytics for institutional investors.
///     Request a DemoOverall Sentiment
///     mildly positive
///     Sentiment Score
///     0.20
///     Ticker Sentiment
///
/// None of it is the story: left in, it would skew our sentiment and surface as a "key point".
/// The block is cut from the text and its figures kept as `VendorSentiment`.
enum VendorFooter {
    /// Lines that are marketing wherever they appear, compared case-insensitively after trimming.
    static let marketingLines: Set<String> = [
        "request a demo", "book a demo", "advertisement", "sponsored content", "share this article",
        "subscribe to our newsletter", "sign up for our newsletter",
    ]
    static let marketingPrefixes = ["ai-powered research"]

    /// Labels vendors print (ours and Alpha Vantage's), longest first so prefix matching is greedy.
    static let labels = ["somewhat-bullish", "somewhat-bearish", "somewhat bullish", "somewhat bearish",
                         "mildly positive", "mildly negative", "positive", "negative", "neutral", "bullish", "bearish"]
    static let markers = ["request a demo", "overall sentiment", "sentiment score", "ticker sentiment", "sentiment label"]

    enum Token: Equatable {
        case marketing
        case marker(String)
        case label(String)
        case number(Double)
        case ticker(String)
    }

    struct Result {
        var lines: [String]
        var sentiment: VendorSentiment?
    }

    /// Removes marketing lines anywhere and the trailing vendor block; returns the kept lines.
    static func clean(_ lines: [String]) -> Result {
        let (start, sentiment) = footer(count: lines.count,
                                        trimmedLength: { lines[$0].trimmingASCIISpaces.utf8.count },
                                        trimmed: { lines[$0].trimmingASCIISpaces })
        var kept: [String] = []
        kept.reserveCapacity(start)
        for line in lines[0..<start] where !isMarketing(line) { kept.append(line) }
        return Result(lines: kept, sentiment: sentiment)
    }

    /// `clean` for lines given as byte ranges of `b`: the same decisions, but a line becomes a
    /// String only when it could be footer or marketing (short, or starting with a, b, r, s),
    /// so an ordinary article costs no String per line.
    static func clean(_ b: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) -> (lines: [Range<Int>], sentiment: VendorSentiment?) {
        func trimmed(_ r: Range<Int>) -> Range<Int> {
            var s = r.lowerBound, e = r.upperBound
            while s < e && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
            while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
            return s..<e
        }
        func string(_ r: Range<Int>) -> String { String(validUTF8: UnsafeBufferPointer(rebasing: b[r])) }
        let (start, sentiment) = footer(count: lines.count,
                                        trimmedLength: { trimmed(lines[$0]).count },
                                        trimmed: { string(trimmed(lines[$0])) })
        var kept: [Range<Int>] = []
        kept.reserveCapacity(start)
        for r in lines[0..<start] {
            // `isMarketing`'s own first tests, on bytes.
            var s = r.lowerBound
            while s < r.upperBound && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
            if s < r.upperBound, r.count < 200 {
                let f = b[s] | 0x20
                if (f == 0x61 || f == 0x62 || f == 0x72 || f == 0x73) && isMarketing(string(r)) { continue }
            }
            kept.append(r)
        }
        return (kept, sentiment)
    }

    /// Where the trailing footer starts (the line count when there is none) and what it says:
    /// the first line holding a marker in the suffix made only of footer lines (markers,
    /// labels, numbers, tickers, blanks). `trimmed(k)` is line `k` without its outer spaces
    /// and tabs; `trimmedLength(k)` its UTF-8 length, asked first so that long lines (prose,
    /// never footer) need no String.
    static func footer(count: Int, trimmedLength: (Int) -> Int, trimmed: (Int) -> String) -> (start: Int, sentiment: VendorSentiment?) {
        var footerStart: Int?
        var k = count - 1
        while k >= 0 {
            let length = trimmedLength(k)
            if length == 0 { k -= 1; continue }
            guard length <= 200, let tokens = tokenize(trimmed(k)) else { break }
            if tokens.contains(where: { if case .marker = $0 { return true }; return $0 == .marketing }) { footerStart = k }
            k -= 1
        }
        guard let f = footerStart else { return (count, nil) }
        var tokens: [Token] = []
        for j in f..<count { tokens += tokenize(trimmed(j)) ?? [] }
        return (f, interpret(tokens))
    }

    static func isMarketing(_ line: String) -> Bool {
        let u = line.utf8
        guard let first = u.first(where: { $0 != 0x20 && $0 != 0x09 }), u.count < 200 else { return false }
        let f = first | 0x20
        guard f == 0x61 || f == 0x62 || f == 0x72 || f == 0x73 else { return false } // a b r s
        let t = line.trimmingASCIISpaces.lowercased()
        return marketingLines.contains(t) || marketingPrefixes.contains { t.hasPrefix($0) }
    }

    /// The whole line as footer tokens, or nil when any part of it is ordinary prose.
    static func tokenize(_ line: String) -> [Token]? {
        if line.utf8.count > 200 { return nil }
        let lower = line.lowercased()
        if marketingPrefixes.contains(where: { lower.hasPrefix($0) }) { return [.marketing] }
        var tokens: [Token] = []
        var rest = Substring(line)
        var restLower = Substring(lower)
        func drop(_ n: Int) {
            rest = rest.dropFirst(n); restLower = restLower.dropFirst(n)
            while let c = rest.first, c == " " || c == ":" || c == "\t" || c == "," { rest = rest.dropFirst(); restLower = restLower.dropFirst() }
        }
        drop(0)
        outer: while !rest.isEmpty {
            for m in markers where restLower.hasPrefix(m) { tokens.append(.marker(m)); drop(m.count); continue outer }
            for l in labels where restLower.hasPrefix(l) {
                let after = restLower.dropFirst(l.count).first
                if after == nil || !(after!.isLetter) { tokens.append(.label(l)); drop(l.count); continue outer }
            }
            let word = rest.prefix { $0 != " " && $0 != "\t" && $0 != "," }
            if let v = Double(word.hasPrefix("+") ? word.dropFirst() : word), word.contains(where: \.isNumber) {
                tokens.append(.number(v)); drop(word.count); continue
            }
            if (1...10).contains(word.count), word.first!.isUppercase, word.allSatisfy({ ($0.isASCII && ($0.isUppercase || $0.isNumber)) || $0 == "." || $0 == "-" || $0 == ":" }) {
                tokens.append(.ticker(String(word.trimmingCharacters(in: [":"])))); drop(word.count); continue
            }
            return nil
        }
        return tokens
    }

    /// Reads `Overall Sentiment <label>`, `Sentiment Score <number>` and `Ticker Sentiment`
    /// followed by `TICKER [label] [number]` entries.
    static func interpret(_ tokens: [Token]) -> VendorSentiment? {
        var score: Double?
        var label: String?
        var tickers: [String: Double] = [:]
        var context = ""
        var currentTicker: String?
        for t in tokens {
            switch t {
            case .marketing: continue
            case .marker(let m): context = m; currentTicker = nil
            case .label(let l):
                if context == "overall sentiment" || context == "sentiment label" { if label == nil { label = l } }
            case .number(let v):
                if context == "sentiment score" { if score == nil { score = v } }
                else if context == "ticker sentiment", let tk = currentTicker { tickers[tk] = v; currentTicker = nil }
            case .ticker(let s):
                if context == "ticker sentiment" { currentTicker = s.uppercased() }
            }
        }
        if score == nil && label == nil && tickers.isEmpty { return nil }
        return VendorSentiment(score: score, label: label, tickers: tickers)
    }
}

extension String {
    /// Trims spaces and tabs only: cheaper than `trimmingCharacters(in:)` and enough for lines.
    var trimmingASCIISpaces: String {
        let u = utf8
        guard let a = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let b = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if a == u.startIndex && b == u.index(before: u.endIndex) { return self }
        return String(self[a...b])
    }
}
