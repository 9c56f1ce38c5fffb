/// The ticker finder's tables on bytes: exchange codes and the first words of company names in
/// one word table, so each capitalised word of a sentence costs one lookup and the rest none.
///
/// Only built when every alias word is ASCII. Then a word of the text can equal one (under
/// Swift's canonical equivalence, which is what the String version compared with) only if its
/// non-ASCII scalars are U+212A KELVIN SIGN (≡ `K`) — the other two scalars equivalent to ASCII,
/// `;` and `` ` ``, are never inside a word — so each word is compared in a canonical spelling
/// with U+212A as `K`, and a word with any other non-ASCII scalar matches nothing.
final class FastTickerTable: @unchecked Sendable {
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
    /// Bytes where `find` must stop and look: a key's lead byte, `$` (a cashtag), and 0xE2 when
    /// `K` leads a key (U+212A KELVIN SIGN, ≡ `K`, starts with it).
    let stops: ByteSet
    /// The stops other than capital letters, when few enough (four) to test eight bytes at a
    /// time beside the capitals; nil means testing each byte against `stops`.
    let extraStops: (UInt8, UInt8, UInt8, UInt8)?
    /// The first two bytes a word must start with to be a key (or a key's possessive): for a
    /// one-byte key, with each byte that ends a word after it. 65,536 bits.
    let pairs: UnsafeMutablePointer<UInt64>

    init?(_ index: [String: [(words: [String], symbol: String)]]) {
        // A user alias list too long for one word table keeps the String path.
        guard index.count + TickerFinder.exchanges.count < WordTable.maximumCount else { return nil }
        let table = WordTable(capacity: 256)
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
        var stops = leads
        stops[Int(UInt8(ascii: "$"))] = true
        if leads[Int(UInt8(ascii: "K"))] { stops[0xE2] = true }
        self.stops = ByteSet(stops)
        let extras = (0..<256).filter { stops[$0] && !($0 >= 0x41 && $0 <= 0x5A) }.map { UInt8($0) }
        pairs = .allocate(capacity: 1024)
        pairs.initialize(repeating: 0, count: 1024)
        for id in 0..<Int32(table.count) {
            let k = Array(table.word(id).utf8)
            let seconds: [UInt8] = k.count >= 2 ? [k[1]] : (0..<128).map { UInt8($0) }.filter { TickerFinder.byteClass($0) == 0 || TickerFinder.byteClass($0) == 2 }
            for b in seconds { let bit = Int(k[0]) << 8 | Int(b); pairs[bit >> 6] |= 1 << UInt64(bit & 63) }
        }
        extraStops = extras.count <= 4 ? (extras[0], extras[min(1, extras.count - 1)], extras[min(2, extras.count - 1)], extras[min(3, extras.count - 1)]) : nil
    }

    deinit { pairs.deallocate() }
}

/// A set of byte values in plain memory, for scans that test every byte of a text.
final class ByteSet: @unchecked Sendable {
    let member: UnsafeMutablePointer<Bool>
    init(_ bytes: [Bool]) {
        precondition(bytes.count == 256)
        member = .allocate(capacity: 256)
        member.initialize(from: bytes, count: 256)
    }
    deinit { member.deallocate() }
}

/// One word of a sentence as the ticker finder sees it.
struct TickerWord {
    /// Byte range in the text.
    var start: Int
    var end: Int
    /// Where its spelling (`’` as `'`, U+212A as `K`) lies in `TickerScratch.spelled`; -1
    /// when the word's own bytes are its spelling (plain ASCII, the usual case).
    var spelledStart: Int
    var spelledEnd: Int
    /// The spelling is ASCII: the word can equal an (ASCII) alias or exchange code.
    var comparable: Bool

    static let none = TickerWord(start: 0, end: 0, spelledStart: -1, spelledEnd: -1, comparable: false)
}

/// Buffers reused from one sentence to the next.
struct TickerScratch {
    var spelled: [UInt8] = []
    var found: [String] = []
}

extension TickerFinder {
    /// Byte class for the word scan: 1 letter or digit, 2 joiner (`-&.'`), 3 not ASCII, 0 other.
    @inline(__always)
    static func byteClass(_ b: UInt8) -> UInt8 {
        if b >= 0x80 { return 3 }
        let l = b | 0x20
        if (l >= 0x61 && l <= 0x7A) || (b >= 0x30 && b <= 0x39) { return 1 }
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "&") || b == UInt8(ascii: ".") || b == UInt8(ascii: "'") { return 2 }
        return 0
    }

    /// Every ticker named in `text[a..<b]` (a sentence in place, or the whole title), into
    /// `scratch.found`, each once. Same answers as `findSlow` on that text as a String.
    ///
    /// One pass over the words; only a word whose first byte starts some exchange code or
    /// alias is looked up, and only a hit reads the words after it. (`findSlow` made a list of
    /// all words first; its passes only ever look ahead, so a stream gives the same matches.)
    func find(_ s: UTF8Text, _ a: Int, _ b: Int, _ scratch: inout TickerScratch) {
        scratch.found.removeAll(keepingCapacity: true)
        guard let fast else {
            scratch.found.append(contentsOf: findSlow(in: s.string(a, b)).sorted())
            return
        }
        scratch.spelled.removeAll(keepingCapacity: true)
        // The alias pass skips the words a multi-word name took ("Goldman Sachs" is not then
        // tried again from "Sachs"); the exchange pass sees every word.
        var aliasFrom = a
        let stops = fast.stops.member
        var p = a
        while true {
            if let (e0, e1, e2, e3) = fast.extraStops {
                p = s.firstIndex(from: p, to: b, mask: {
                    Self.capitals($0) | UTF8Text.equalBytes($0, e0) | UTF8Text.equalBytes($0, e1) | UTF8Text.equalBytes($0, e2) | UTF8Text.equalBytes($0, e3)
                }, wanted: { stops[Int($0)] })
            } else {
                while p < b, !stops[Int(s[p])] { p += 1 }
            }
            guard p < b else { break }
            if s[p] == UInt8(ascii: "$") { cashtag(s, p, a, b, &scratch); p += 1; continue }
            // A capital inside a word ("NASDAQ", "eBay"): no word starts before the run of letters
            // and digits it is in ends.
            if s[p] < 0x80, p > a, Self.byteClass(s[p - 1]) == 1 { p = skipLettersAndDigits(s, p, b); continue }
            // Only a word that starts here can be a name or an exchange, and only if its first two
            // bytes start a key (when both are ASCII, they are the start of its spelling).
            guard isWordStart(s, p, a) else { p += 1; continue }
            if p + 1 < b, s[p] < 0x80, s[p + 1] < 0x80, case let bit = Int(s[p]) << 8 | Int(s[p + 1]),
               fast.pairs[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { p = skipLettersAndDigits(s, p + 1, b); continue }
            var cursor = p
            guard let w = nextWord(s, from: &cursor, end: b, &scratch), w.start == p else { p += 1; continue }
            p = w.end
            let id = lookup(fast, w, s, scratch)
            // Exchange prefixes: "NASDAQ: AAPL", "OMX Helsinki: OKM1V".
            if let id, fast.isExchange[Int(id)] {
                var q = w.end
                let first = nextWord(s, from: &q, end: b, &scratch)
                var previous = w, symbol = first
                if let f = first, startsUppercase(s, f), !looksLikeSymbol(s, f), let second = nextWord(s, from: &q, end: b, &scratch) {
                    previous = f; symbol = second // "OMX Helsinki"
                }
                if let sym = symbol {
                    // A colon must sit between the exchange (or its city) and the symbol.
                    var colon = false
                    for k in previous.end..<sym.start where s[k] == UInt8(ascii: ":") { colon = true; break }
                    if colon, looksLikeSymbol(s, sym) { add(s.string(sym.start, sym.end), &scratch) }
                }
            }
            // Company names from the alias table.
            guard w.start >= aliasFrom else { continue }
            var matched = false
            for c in id.map({ fast.candidates[Int($0)] }) ?? [] {
                var q = w.end
                var last = w
                var all = true
                for m in 1..<max(1, c.words.count) {
                    guard let next = nextWord(s, from: &q, end: b, &scratch), spells(next, c.words[m], s, scratch) else { all = false; break }
                    last = next
                }
                if all, spells(w, c.words[0], s, scratch) {
                    add(c.symbol, &scratch)
                    aliasFrom = last.end
                    matched = true
                    break
                }
            }
            // "Baidu's": a possessive still names the company.
            if !matched, w.spelledLength > 2, spelledByte(w, w.spelledLength - 2, s, scratch) == UInt8(ascii: "'"),
               spelledByte(w, w.spelledLength - 1, s, scratch) == UInt8(ascii: "s") {
                var stem = w
                if stem.spelledStart < 0 { stem.end -= 2 } else { stem.spelledEnd -= 2 }
                if let sid = lookup(fast, stem, s, scratch), let c = fast.candidates[Int(sid)].first(where: { $0.words.count == 1 }) {
                    add(c.symbol, &scratch)
                }
            }
        }
    }

    /// Whether a word begins at `p` (a letter, digit or U+212A): `words(of:)` had no word open
    /// there, i.e. the scalar before is no letter or digit, nor a joiner right after one.
    @inline(__always)
    func isWordStart(_ s: UTF8Text, _ p: Int, _ a: Int) -> Bool {
        guard isWordCharAt(s, p) else { return false }
        if p == a { return true }
        let b1 = s[p - 1]
        if b1 < 0x80 {
            let c1 = Self.byteClass(b1)
            if c1 == 1 { return false }
            if c1 == 2, p - 1 > a, s[p - 2] < 0x80 { return Self.byteClass(s[p - 2]) != 1 }
            if c1 != 2 { return true }
        }
        let q = s.previousStart(p)
        let c = s.scalar(at: q)
        if Self.isWordChar(c) { return false }
        if c == "-" || c == "&" || c == "." || c == "'" || c == "’", q > a, Self.isWordChar(s.scalar(at: s.previousStart(q))) { return false }
        return true
    }

    /// The end of the run of ASCII letters and digits at `p`.
    @inline(__always)
    func skipLettersAndDigits(_ s: UTF8Text, _ p: Int, _ end: Int) -> Int {
        s.firstIndex(from: p, to: end, mask: { ~Self.asciiWordMask($0) & 0x8080_8080_8080_8080 }, wanted: { Self.byteClass($0) != 1 })
    }

    @inline(__always)
    func add(_ symbol: String, _ scratch: inout TickerScratch) {
        if !scratch.found.contains(symbol) { scratch.found.append(symbol) }
    }

    /// The next word at or after `cursor`, moving `cursor` past it; nil at `end`.
    func nextWord(_ s: UTF8Text, from cursor: inout Int, end: Int, _ scratch: inout TickerScratch) -> TickerWord? {
        var i = cursor
        var start = -1
        while i < end {
            let b = s[i]
            let c = Self.byteClass(b)
            if c == 1 { start = i; break }
            if c == 3 {
                if Self.isWordChar(s.scalar(at: i)) { start = i; break }
                i += UTF8Text.length(lead: b)
                continue
            }
            i += 1
        }
        guard start >= 0 else { cursor = end; return nil }
        var plain = true, comparable = true
        while i < end {
            // Letters and digits eight at a time.
            if i + 8 <= end {
                let other = ~Self.asciiWordMask(s.load8(i)) & 0x8080_8080_8080_8080
                if other == 0 { i += 8; continue }
                i += other.trailingZeroBitCount >> 3
            }
            let b = s[i]
            let c = Self.byteClass(b)
            if c == 1 { i += 1; continue }
            if c == 2 {
                // A joiner inside a name ("Coca-Cola", "AT&T", "JD.com") when a letter or digit follows.
                if i + 1 < end, isWordCharAt(s, i + 1) { i += 1; continue }
                break
            }
            if c == 3 {
                let x = s.scalar(at: i)
                let len = UTF8Text.length(lead: b)
                if x == "’" {
                    guard i + len < end, isWordCharAt(s, i + len) else { break }
                    plain = false
                } else if Self.isWordChar(x) {
                    plain = false
                    if x != "\u{212A}" { comparable = false }
                } else { break }
                i += len
                continue
            }
            break
        }
        cursor = i
        var w = TickerWord(start: start, end: i, spelledStart: -1, spelledEnd: -1, comparable: comparable)
        if !plain && comparable {
            // Spelled out with ’ as ' and U+212A as K; the word's other bytes are ASCII.
            w.spelledStart = scratch.spelled.count
            var q = start
            while q < i {
                let b = s[q]
                if b < 0x80 { scratch.spelled.append(b); q += 1; continue }
                scratch.spelled.append(s.scalar(at: q) == "’" ? UInt8(ascii: "'") : UInt8(ascii: "K"))
                q += UTF8Text.length(lead: b)
            }
            w.spelledEnd = scratch.spelled.count
        }
        return w
    }

    @inline(__always)
    func isWordCharAt(_ s: UTF8Text, _ i: Int) -> Bool {
        let c = Self.byteClass(s[i])
        return c == 1 || (c == 3 && Self.isWordChar(s.scalar(at: i)))
    }

    /// Cashtags: $ followed by 1–6 capitals (and an optional .X class suffix).
    func cashtag(_ s: UTF8Text, _ i: Int, _ a: Int, _ b: Int, _ scratch: inout TickerScratch) {
        guard i + 1 < b, Self.isCap(s[i + 1]), i == a || !Self.isAlnum(s[i - 1]) else { return }
        var j = i + 1
        while j < b, Self.isCap(s[j]) { j += 1 }
        if j + 1 < b, s[j] == UInt8(ascii: "."), Self.isCap(s[j + 1]), j + 2 >= b || !Self.isAlnum(s[j + 2]) { j += 2 }
        let len = j - i - 1
        if len >= 1 && len <= 8, j >= b || !Self.isLower(s[j]) { add(s.string(i + 1, j), &scratch) }
    }

    /// The table id of a comparable word, if it is an exchange code or an alias's first word.
    @inline(__always)
    func lookup(_ fast: FastTickerTable, _ w: TickerWord, _ s: UTF8Text, _ scratch: TickerScratch) -> Int32? {
        guard w.comparable, w.spelledLength > 0, fast.leads[Int(spelledByte(w, 0, s, scratch))] else { return nil }
        let id: Int32
        if w.spelledStart < 0 {
            id = fast.table.id(s.bytes.baseAddress! + w.start, w.end - w.start, fold: false, readable: s.count - w.start)
        } else {
            id = scratch.spelled.withUnsafeBufferPointer { fast.table.id($0.baseAddress! + w.spelledStart, w.spelledLength, fold: false, readable: w.spelledLength) }
        }
        return id < 0 ? nil : id
    }

    @inline(__always)
    func spelledByte(_ w: TickerWord, _ k: Int, _ s: UTF8Text, _ scratch: TickerScratch) -> UInt8 {
        w.spelledStart < 0 ? s[w.start + k] : scratch.spelled[w.spelledStart + k]
    }

    /// `word == name || word == name + "'s"`, on spellings.
    func spells(_ w: TickerWord, _ name: [UInt8], _ s: UTF8Text, _ scratch: TickerScratch) -> Bool {
        guard w.comparable else { return false }
        let len = w.spelledLength
        guard len == name.count || (len == name.count + 2 && spelledByte(w, len - 2, s, scratch) == UInt8(ascii: "'")
                                    && spelledByte(w, len - 1, s, scratch) == UInt8(ascii: "s")) else { return false }
        for q in 0..<name.count where spelledByte(w, q, s, scratch) != name[q] { return false }
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

    @inline(__always)
    static func isWordChar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            let v = UInt8(c.value)
            return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A || (v >= 0x30 && v <= 0x39)
        }
        return c.properties.isAlphabetic
    }

    /// High bit of each byte of `x` that is an ASCII capital.
    @inline(__always)
    static func capitals(_ x: UInt64) -> UInt64 {
        let h = x & 0x7F7F_7F7F_7F7F_7F7F
        return (h &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(h &+ 0x2525_2525_2525_2525) & ~x & 0x8080_8080_8080_8080
    }

    /// High bit of each byte of `x` that is an ASCII letter or digit.
    @inline(__always)
    static func asciiWordMask(_ x: UInt64) -> UInt64 {
        let h = (x | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
        let letters = (h &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(h &+ 0x0505_0505_0505_0505)
        let d = x & 0x7F7F_7F7F_7F7F_7F7F
        let digits = (d &+ 0x5050_5050_5050_5050) & ~(d &+ 0x4646_4646_4646_4646)
        return (letters | digits) & ~x & 0x8080_8080_8080_8080
    }

    static func isCap(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    static func isAlnum(_ b: UInt8) -> Bool { isCap(b) || isLower(b) || (b >= 0x30 && b <= 0x39) }
}

extension TickerWord {
    var spelledLength: Int { spelledStart < 0 ? end - start : spelledEnd - spelledStart }
}
