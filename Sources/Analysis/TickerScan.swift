/// The ticker finder's tables on bytes: exchange codes and the first words of company names in
/// one word table, so each capitalised word of a sentence costs one lookup and the rest none.
///
/// Only built when every alias word is ASCII. Then a word of the text can equal one (under
/// Swift's canonical equivalence, which is what the String version compared with) only if its
/// non-ASCII scalars are U+212A KELVIN SIGN (≡ `K`) — the other two scalars equivalent to ASCII,
/// `;` and `` ` ``, are never inside a word — so each word is compared in a canonical spelling
/// with U+212A as `K`, and a word with any other non-ASCII scalar matches nothing.
struct FastTickerTable: Sendable {
    struct Candidate: Sendable {
        var words: [[UInt8]]
        var symbol: String
    }

    /// Exchange codes and alias first words.
    let table: WordTable
    let isExchange: [Bool]
    /// Per word id: the aliases starting with it, longest first (as `aliasesByFirstWord`).
    let candidates: [[Candidate]]
    /// Lead bytes of every key, so most words are rejected without hashing.
    let leads: [Bool]

    init?(_ index: [String: [(words: [String], symbol: String)]]) {
        var table = WordTable(capacity: 256)
        var isExchange: [Bool] = [], candidates: [[Candidate]] = []
        var leads = [Bool](repeating: false, count: 256)
        func id(_ w: String) -> Int {
            let id = Int(table.insert(w))
            if id == isExchange.count { isExchange.append(false); candidates.append([]) }
            leads[Int(w.utf8.first!)] = true
            return id
        }
        for e in TickerFinder.exchanges { isExchange[id(e)] = true }
        for (first, list) in index.sorted(by: { $0.key < $1.key }) {
            guard list.allSatisfy({ $0.words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } }) else { return nil }
            candidates[id(first)] = list.map { Candidate(words: $0.words.map { Array($0.utf8) }, symbol: $0.symbol) }
        }
        self.table = table; self.isExchange = isExchange; self.candidates = candidates; self.leads = leads
    }
}

/// One word of a sentence as the ticker finder sees it.
struct TickerWord {
    /// Byte range in the text.
    var start: Int
    var end: Int
    /// Its spelling with `’` as `'` and U+212A as `K`, in `TickerScratch.spelled`.
    var spelledStart: Int
    var spelledEnd: Int
    /// The spelling is ASCII: the word can equal an (ASCII) alias or exchange code.
    var comparable: Bool
}

/// Buffers reused from one sentence to the next.
struct TickerScratch {
    var words: [TickerWord] = []
    var spelled: [UInt8] = []
    var found: [String] = []
}

extension TickerFinder {
    /// Every ticker named in `text[a..<b]` (a sentence in place, or the whole title), into
    /// `scratch.found`, each once. Same answers as `findSlow` on that text as a String.
    func find(_ s: UTF8Text, _ a: Int, _ b: Int, _ scratch: inout TickerScratch) {
        scratch.found.removeAll(keepingCapacity: true)
        guard let fast else {
            scratch.found.append(contentsOf: findSlow(in: s.string(a, b)).sorted())
            return
        }
        func add(_ symbol: String) { if !scratch.found.contains(symbol) { scratch.found.append(symbol) } }
        // Cashtags: $ followed by 1–6 capitals (and an optional .X class suffix).
        var i = a
        while i < b {
            if s[i] == UInt8(ascii: "$"), i + 1 < b, Self.isCap(s[i + 1]), i == a || !Self.isAlnum(s[i - 1]) {
                var j = i + 1
                while j < b, Self.isCap(s[j]) { j += 1 }
                if j + 1 < b, s[j] == UInt8(ascii: "."), Self.isCap(s[j + 1]), j + 2 >= b || !Self.isAlnum(s[j + 2]) { j += 2 }
                let len = j - i - 1
                if len >= 1 && len <= 8, j >= b || !Self.isLower(s[j]) { add(s.string(i + 1, j)) }
                i = j
                continue
            }
            i += 1
        }
        words(s, a, b, &scratch)
        let words = scratch.words
        // Exchange prefixes: "NASDAQ: AAPL", "OMX Helsinki: OKM1V".
        for k in words.indices {
            guard let id = lookup(fast, words[k], scratch.spelled), fast.isExchange[Int(id)] else { continue }
            var n = k + 1
            if n < words.count, startsUppercase(s, words[n]), !looksLikeSymbol(s, words[n]), n + 1 < words.count { n += 1 } // "OMX Helsinki"
            guard n < words.count else { continue }
            // A colon must sit between the exchange (or its city) and the symbol.
            var colon = false
            for q in words[n - 1].end..<words[n].start where s[q] == UInt8(ascii: ":") { colon = true; break }
            guard colon else { continue }
            if looksLikeSymbol(s, words[n]) { add(s.string(words[n].start, words[n].end)) }
        }
        // Company names from the alias table.
        var k = 0
        while k < words.count {
            var matched = 0
            if let id = lookup(fast, words[k], scratch.spelled) {
                for c in fast.candidates[Int(id)] where k + c.words.count <= words.count {
                    var all = true
                    for m in 0..<c.words.count where !spells(words[k + m], c.words[m], scratch.spelled) { all = false; break }
                    if all {
                        add(c.symbol)
                        matched = c.words.count
                        break
                    }
                }
            }
            // "Baidu's": a possessive still names the company.
            let w = words[k]
            if matched == 0, w.comparable, w.spelledEnd - w.spelledStart > 2,
               scratch.spelled[w.spelledEnd - 2] == UInt8(ascii: "'"), scratch.spelled[w.spelledEnd - 1] == UInt8(ascii: "s") {
                var stem = w
                stem.spelledEnd -= 2
                if let id = lookup(fast, stem, scratch.spelled), let c = fast.candidates[Int(id)].first(where: { $0.words.count == 1 }) {
                    add(c.symbol); matched = 1
                }
            }
            k += max(1, matched)
        }
    }

    /// The table id of a comparable word, if it is an exchange code or an alias's first word.
    @inline(__always)
    func lookup(_ fast: FastTickerTable, _ w: TickerWord, _ spelled: [UInt8]) -> Int32? {
        guard w.comparable, w.spelledEnd > w.spelledStart, fast.leads[Int(spelled[w.spelledStart])] else { return nil }
        let id = spelled.withUnsafeBufferPointer { fast.table.id($0.baseAddress! + w.spelledStart, w.spelledEnd - w.spelledStart, fold: false) }
        return id < 0 ? nil : id
    }

    /// `word == name || word == name + "'s"`, on spellings.
    func spells(_ w: TickerWord, _ name: [UInt8], _ spelled: [UInt8]) -> Bool {
        guard w.comparable else { return false }
        let len = w.spelledEnd - w.spelledStart
        guard len == name.count || (len == name.count + 2 && spelled[w.spelledEnd - 2] == UInt8(ascii: "'") && spelled[w.spelledEnd - 1] == UInt8(ascii: "s")) else { return false }
        for q in 0..<name.count where spelled[w.spelledStart + q] != name[q] { return false }
        return true
    }

    /// `word.first?.isUppercase == true`: for an ASCII letter that is its own Character the
    /// byte says; otherwise Character decides (a combining mark can change its case mapping).
    func startsUppercase(_ s: UTF8Text, _ w: TickerWord) -> Bool {
        let b = s[w.start]
        if b < 0x80, w.start + 1 >= w.end || s[w.start + 1] < 0x80 { return b >= 0x41 && b <= 0x5A }
        return s.string(w.start, w.end).first?.isUppercase == true
    }

    /// `looksLikeSymbol` on the word's bytes (only ASCII capitals, digits and dots qualify, so
    /// bytes and scalars agree).
    func looksLikeSymbol(_ s: UTF8Text, _ w: TickerWord) -> Bool {
        let len = w.end - w.start
        guard len >= 1, len <= 8, Self.isCap(s[w.start]) else { return false }
        for q in w.start..<w.end {
            let c = s[q]
            guard Self.isCap(c) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: ".") else { return false }
        }
        return true
    }

    /// `words(of:)` on bytes: runs of letters and digits and the joiners names use.
    func words(_ s: UTF8Text, _ a: Int, _ b: Int, _ scratch: inout TickerScratch) {
        scratch.words.removeAll(keepingCapacity: true)
        scratch.spelled.removeAll(keepingCapacity: true)
        var open = false
        var current = TickerWord(start: 0, end: 0, spelledStart: 0, spelledEnd: 0, comparable: true)
        var i = a
        while i < b {
            let lead = s[i]
            let len = UTF8Text.length(lead: lead)
            let c = lead < 0x80 ? Unicode.Scalar(lead) : s.scalar(at: i)
            let isWordChar = Self.isWordChar(c)
            var joiner = false
            if open, i + len < b, c == "-" || c == "&" || c == "." || c == "'" || c == "’" {
                let nb = s[i + len]
                joiner = Self.isWordChar(nb < 0x80 ? Unicode.Scalar(nb) : s.scalar(at: i + len))
            }
            if isWordChar || joiner {
                if !open {
                    open = true
                    current = TickerWord(start: i, end: i, spelledStart: scratch.spelled.count, spelledEnd: 0, comparable: true)
                }
                if lead < 0x80 {
                    scratch.spelled.append(lead)
                } else if c == "’" {
                    scratch.spelled.append(UInt8(ascii: "'"))
                } else if c == "\u{212A}" {
                    scratch.spelled.append(UInt8(ascii: "K"))
                } else {
                    for q in i..<(i + len) { scratch.spelled.append(s[q]) }
                    current.comparable = false
                }
                current.end = i + len
            } else if open {
                current.spelledEnd = scratch.spelled.count
                scratch.words.append(current)
                open = false
            }
            i += len
        }
        if open {
            current.spelledEnd = scratch.spelled.count
            scratch.words.append(current)
        }
    }

    @inline(__always)
    static func isWordChar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            let v = UInt8(c.value)
            return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A || (v >= 0x30 && v <= 0x39)
        }
        return c.properties.isAlphabetic
    }

    static func isCap(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    static func isAlnum(_ b: UInt8) -> Bool { isCap(b) || isLower(b) || (b >= 0x30 && b <= 0x39) }
}
