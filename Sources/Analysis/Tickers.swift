/// Finds the tickers an article is about and where it mentions them.
///
/// Sources, strongest first: symbols the input declared (front matter, feed), exchange-prefixed
/// symbols ("NASDAQ: AAPL", "HEL: AFE1V"), cashtags ("$BIDU"), and company names from the alias
/// table ("Baidu" → BIDU). A ticker's mentions are the sentence indices (-1 for the title) where
/// any of its forms appears, which is what its relevance and sentiment are computed from.
struct TickerFinder {
    /// Exchange codes that introduce a symbol after a colon.
    static let exchanges: Set<String> = [
        "NASDAQ", "NASDAQGS", "NASDAQGM", "NASDAQCM", "NYSE", "NYSEARCA", "NYSEAMERICAN", "AMEX", "OTC", "OTCMKTS",
        "OTCQX", "HEL", "OMX", "STO", "CPH", "OSL", "ICE", "LSE", "LON", "AIM", "EPA", "ETR", "XETRA", "FRA", "BIT",
        "MIL", "AMS", "EBR", "ELI", "BME", "SIX", "SWX", "VIE", "WSE", "TSX", "TSXV", "CVE", "ASX", "NZX", "HKEX",
        "HKG", "SEHK", "HK", "SHA", "SHE", "SSE", "SZSE", "TYO", "TSE", "KRX", "KOSDAQ", "NSE", "BSE", "SGX", "JSE",
        "BVMF", "BMV", "TADAWUL",
    ]

    /// Name → symbol, the user's aliases over the bundled ones; indexed by first word.
    let aliasesByFirstWord: [String: [(words: [String], symbol: String)]]

    init(extraAliases: [String: String]) {
        var merged = TickerAliases.bundled
        for (name, symbol) in extraAliases { merged[name.trimmedWhitespace()] = symbol.trimmedWhitespace().uppercased() }
        var index: [String: [(words: [String], symbol: String)]] = [:]
        // Sorted so that longer names are tried first and the result never depends on hashing order.
        for (name, symbol) in merged.sorted(by: { $0.key < $1.key }) {
            let words = Self.words(of: name).map(\.text)
            guard let first = words.first else { continue }
            index[first, default: []].append((words, symbol))
        }
        for key in index.keys { index[key]!.sort { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.lexicographicallyPrecedes($1.words) } }
        aliasesByFirstWord = index
    }

    struct Word { var text: String; var start: Int }

    /// Words as runs of letters, digits and the joiners names use ("Coca-Cola", "AT&T", "JD.com").
    static func words(of s: String) -> [Word] {
        var out: [Word] = []
        var current = ""
        var start = 0
        var i = 0
        let scalars = Array(s.unicodeScalars)
        func flush() { if !current.isEmpty { out.append(Word(text: current, start: start)); current = "" } }
        while i < scalars.count {
            let c = scalars[i]
            let isWordChar = c.properties.isAlphabetic || (c >= "0" && c <= "9")
            let joiner = (c == "-" || c == "&" || c == "." || c == "'" || c == "’") && !current.isEmpty && i + 1 < scalars.count &&
                (scalars[i + 1].properties.isAlphabetic || (scalars[i + 1] >= "0" && scalars[i + 1] <= "9"))
            if isWordChar || joiner {
                if current.isEmpty { start = i }
                current.unicodeScalars.append(c == "’" ? "'" : c)
            } else {
                flush()
            }
            i += 1
        }
        flush()
        return out
    }

    /// Every ticker found in one piece of text (a sentence or the title).
    func find(in text: String) -> Set<String> {
        var found = Set<String>()
        let scalars = Array(text.unicodeScalars)
        // Cashtags: $ followed by 1–6 capitals (and an optional .X class suffix).
        var i = 0
        while i < scalars.count {
            if scalars[i] == "$", i + 1 < scalars.count, Self.isCap(scalars[i + 1]), i == 0 || !Self.isAlnum(scalars[i - 1]) {
                var j = i + 1
                while j < scalars.count, Self.isCap(scalars[j]) { j += 1 }
                if j < scalars.count - 1, scalars[j] == ".", Self.isCap(scalars[j + 1]), j + 2 >= scalars.count || !Self.isAlnum(scalars[j + 2]) { j += 2 }
                let len = j - i - 1
                if len >= 1 && len <= 8, j >= scalars.count || !Self.isLower(scalars[j]) {
                    found.insert(String(String.UnicodeScalarView(scalars[(i + 1)..<j])))
                }
                i = j
                continue
            }
            i += 1
        }
        let words = Self.words(of: text)
        // Exchange prefixes: "NASDAQ: AAPL", "OMX Helsinki: OKM1V".
        for (k, w) in words.enumerated() where Self.exchanges.contains(w.text) {
            var n = k + 1
            if n < words.count, words[n].text.first?.isUppercase == true, !Self.looksLikeSymbol(words[n].text), n + 1 < words.count { n += 1 } // "OMX Helsinki"
            guard n < words.count else { continue }
            // A colon must sit between the exchange (or its city) and the symbol.
            let between = scalars[(words[n - 1].start + words[n - 1].text.unicodeScalars.count)..<words[n].start]
            guard between.contains(":") else { continue }
            let symbol = words[n].text
            if Self.looksLikeSymbol(symbol) { found.insert(symbol) }
        }
        // Company names from the alias table.
        var k = 0
        while k < words.count {
            var matched = 0
            if let candidates = aliasesByFirstWord[words[k].text] {
                for c in candidates where k + c.words.count <= words.count {
                    if (0..<c.words.count).allSatisfy({ words[k + $0].text == c.words[$0] || words[k + $0].text == c.words[$0] + "'s" }) {
                        found.insert(c.symbol)
                        matched = c.words.count
                        break
                    }
                }
            }
            // "Baidu's": a possessive still names the company.
            if matched == 0, words[k].text.hasSuffix("'s"), let candidates = aliasesByFirstWord[String(words[k].text.dropLast(2))] {
                if let c = candidates.first(where: { $0.words.count == 1 }) { found.insert(c.symbol); matched = 1 }
            }
            k += max(1, matched)
        }
        return found
    }

    static func looksLikeSymbol(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard (1...8).contains(u.count), let f = u.first, isCap(f) else { return false }
        return u.allSatisfy { isCap($0) || ($0 >= "0" && $0 <= "9") || $0 == "." }
    }
    static func isCap(_ c: Unicode.Scalar) -> Bool { c >= "A" && c <= "Z" }
    static func isLower(_ c: Unicode.Scalar) -> Bool { c >= "a" && c <= "z" }
    static func isAlnum(_ c: Unicode.Scalar) -> Bool { isCap(c) || isLower(c) || (c >= "0" && c <= "9") }
}
