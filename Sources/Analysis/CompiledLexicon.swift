/// The finance lexicon, the rules' word lists and the number magnitudes compiled into one word
/// table, built once on first use.
///
/// Why this shape: the scorer looks up every word of every sentence. Here a lookup hashes the
/// word's bytes in place (capitals folded) and returns the word's key record, which also holds
/// what the rules test (its entry's bits, the rule lists it is on) and its entry index; values
/// come from the entry. Building it parses the plain-text lists byte by byte into memory it
/// keeps (a few hundred microseconds, a few hundred kilobytes), so a short `score --lines` run
/// does not pay for hashing a dictionary of Strings at start-up.
///
/// Every key is lower-case ASCII without `;` or `` ` ``; a non-ASCII word can therefore never equal
/// a key under Swift's canonical equivalence either (only U+212A, U+037E and U+1FEF are
/// equivalent to ASCII, to `K`, `;` and `` ` ``), so byte lookups give what `String` keys gave.
///
/// The tables a run uses are restored from an image of them compiled into the program
/// (`CompiledLexiconImage.swift`), which the tests keep equal to what the lists build.
final class CompiledLexicon: @unchecked Sendable {
    static let shared: CompiledLexicon = {
        let image = CompiledLexicon.compiledImage
        // An empty image (a fresh checkout mid-regeneration) still gives the right tables.
        guard image.utf8CodeUnitCount > 0 else { return CompiledLexicon(building: ()) }
        return image.withUTF8Buffer { CompiledLexicon(image: $0) }
    }()

    /// Every word the scorer knows. A word's key record carries its `info` (its entry's
    /// `RuleFlag` and `EntryBit` bits in the low half, the `WordSet` bits of the rule lists it is
    /// on in the high half) and its entry index, so the tokenizer reads both with the lookup.
    let words: WordTable
    /// Lexicon entries; a word without one has entry index 0, `entries[0]` being the empty
    /// entry (no direction, no target, no flags), which every rule reads as "nothing known", so
    /// the hot loop needs no optionals.
    let entries: UnsafeMutablePointer<LexiconEntry>
    let entryCount: Int
    /// The magnitude words ("mn" → 1e6) by id: a dozen, found by a short search.
    let magnitudes: [(id: Int32, value: Double)]

    /// The tables restored from `image()`'s bytes in hexadecimal.
    init(image hex: UnsafeBufferPointer<UInt8>) {
        var r = ImageReader(hex: hex)
        words = WordTable(image: &r)
        entryCount = Int(r.u32())
        precondition(entryCount >= 1 && entryCount <= Int(Int16.max), "the compiled lexicon image holds no entries")
        entries = .allocate(capacity: entryCount)
        for k in 0..<entryCount { (entries + k).initialize(to: LexiconEntry(image: &r)) }
        var magnitudes: [(id: Int32, value: Double)] = []
        for _ in 0..<r.u32() { magnitudes.append((Int32(bitPattern: r.u32()), Double(bitPattern: r.u64()))) }
        self.magnitudes = magnitudes
        precondition(r.atEnd, "the compiled lexicon image is longer than its tables")
    }

    /// The tables built from the word lists (what `image()` of the compiled-in tables must equal).
    init(building: ()) {
        var builder = Builder()
        builder.build()
        words = builder.words
        entries = builder.entries
        entryCount = builder.entryCount
        precondition(entryCount <= Int(Int16.max))
        let info = builder.info()
        for k in 0..<words.count { words.setPayload(Int32(k), info: info[k], entry: Int16(builder.entryIndex[k])) }
        magnitudes = builder.magnitudes
    }

    deinit { entries.deallocate() }

    /// A word given as bytes, ASCII capitals folded: its key record in `words`, whose payload
    /// holds its `info` and entry index; nil when unknown. `readable`: how many bytes from `p`
    /// may be read (the rest of the sentence).
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ n: Int, readable: Int) -> UnsafePointer<WordTable.Key>? {
        words.find(p, n, fold: true, readable: readable)
    }

    /// The id of a word given as bytes, ASCII capitals folded; -1 when unknown. `readable`:
    /// how many bytes from `p` may be read (the rest of the sentence).
    @inline(__always)
    func id(_ p: UnsafePointer<UInt8>, _ n: Int, readable: Int) -> Int32 { words.id(p, n, fold: true, readable: readable) }

    @inline(__always)
    func info(ofWord id: Int32) -> UInt64 { id < 0 ? 0 : words.key(id).info }

    /// The multiplier of a magnitude word ("mn" 1e6), 0 for any other word.
    func magnitude(ofWord id: Int32) -> Double {
        guard id >= 0, info(ofWord: id) & EntryBit.magnitude != 0 else { return 0 }
        return magnitudes.first { $0.id == id }?.value ?? 0
    }

    /// Builds the tables in the order the lists were always merged in, so a word listed twice
    /// ends with the same entry as before (a noun reading next to a verb reading, the last
    /// target or polar value).
    private struct Builder {
        let words = WordTable(capacity: 2048)
        var entryIndex: [Int32] = []
        /// Built in place in the memory the lexicon keeps (index 0: the empty entry).
        var entries: UnsafeMutablePointer<LexiconEntry>
        var entryCount = 1
        var entryCapacity = 1024
        var sets: [UInt64] = []
        var magnitudes: [(id: Int32, value: Double)] = []

        init() {
            entryIndex.reserveCapacity(2048); sets.reserveCapacity(2048)
            entries = .allocate(capacity: entryCapacity)
            entries.initialize(to: LexiconEntry())
        }

        mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            // Checked in debug builds (the tests run those): lookups fold ASCII capitals and treat
            // every non-ASCII word as unknown, which is only right for such keys.
            assert(bytes.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) && $0 != 0x3B && $0 != 0x60 },
                   "lexicon keys are lower-case ASCII without ; or `")
            let id = Int(words.insert(bytes))
            if id == entryIndex.count { entryIndex.append(0); sets.append(0) }
            return id
        }

        mutating func id(_ word: String) -> Int {
            var w = word
            return w.withUTF8 { id($0) }
        }

        /// The entry of a word, created empty on first use (as `table[w, default: LexiconEntry()]` did).
        /// It may move `entries` to a bigger buffer: take the index first (`let k = entry(w)`),
        /// then write `entries[k]`. In `entries[entry(w)] = …` Swift reads the pointer before the
        /// call and writes into the freed buffer (a heap corruption that crashed builds at random).
        mutating func entry(_ id: Int) -> Int {
            if entryIndex[id] == 0 {
                if entryCount == entryCapacity {
                    let bigger = UnsafeMutablePointer<LexiconEntry>.allocate(capacity: entryCapacity * 2)
                    bigger.moveInitialize(from: entries, count: entryCount)
                    entries.deallocate()
                    entries = bigger
                    entryCapacity *= 2
                }
                (entries + entryCount).initialize(to: LexiconEntry())
                entryIndex[id] = Int32(entryCount)
                entryCount += 1
            }
            return Int(entryIndex[id])
        }

        mutating func entry(_ word: String) -> Int { entry(id(word)) }

        mutating func build() {
            for w in RuleWord.allCases { precondition(id(w.spelling) == Int(w.rawValue)) }
            for (text, sign) in [(FinanceLexicon.upWords, Int8(1)), (FinanceLexicon.downWords, Int8(-1))] {
                Self.fields(text) { count, f in
                    guard count == 4 else { return }
                    let role: LexiconEntry.Role = Self.equals(f[2], "n") ? .noun : Self.equals(f[2], "a") ? .adjective
                        : Self.equals(f[2], "r") ? .adverb : .verb
                    let k = entry(id(f[0]))
                    var e = entries[k]
                    if e.direction != 0 {
                        // Second listing of the same word: a noun reading next to a verb reading.
                        if role == .noun { e.alsoNoun = true } else if e.role == .noun { e.role = role; e.alsoNoun = true }
                    } else {
                        e.direction = sign
                        e.strength = Self.number(f[1]) ?? 1
                        e.role = role
                        e.inherent = Self.number(f[3]) ?? 0
                    }
                    entries[k] = e
                }
            }
            Self.fields(FinanceLexicon.targets) { count, f in
                guard count == 3 else { return }
                let k = entry(id(f[0]))
                entries[k].isTarget = true
                let w = Self.number(f[2]) ?? 0
                entries[k].targetSign = w > 0 ? 1 : w < 0 ? -1 : 0
                entries[k].targetWeight = abs(w)
            }
            Self.fields(FinanceLexicon.polar) { count, f in
                guard count == 2 else { return }
                let k = entry(id(f[0])); entries[k].polar = Self.number(f[1]) ?? 0
            }
            for w in FinanceLexicon.negators { let k = entry(w); entries[k].negator = true }
            for (w, v) in FinanceLexicon.hedges { let k = entry(w); entries[k].hedge = v }
            for (w, v) in FinanceLexicon.degree { let k = entry(w); entries[k].degree = v }
            for w in FinanceLexicon.contrast { let k = entry(w); entries[k].contrast = true }
            for w in FinanceLexicon.concessive { let k = entry(w); entries[k].concessive = true }
            for w in FinanceLexicon.comparators { let k = entry(w); entries[k].comparator = true }
            for (w, v) in FinanceLexicon.ratings { let k = entry(w); entries[k].hasRating = true; entries[k].rating = v }
            let flagLists: [(UInt64, [String])] = [
                (RuleFlag.outcome, SentimentScorer.outcomeVerbs), (RuleFlag.win, SentimentScorer.winVerbs),
                (RuleFlag.removal, SentimentScorer.removalVerbs), (RuleFlag.lose, ["lose", "loses", "lost", "losing"]),
                (RuleFlag.filler, SentimentScorer.objectFillers), (RuleFlag.link, SentimentScorer.nounLinks),
                (RuleFlag.rightStop, SentimentScorer.rightStops), (RuleFlag.unit, SentimentScorer.numberUnits),
                (RuleFlag.special, ["hit", "hits", "below", "above", "past", "buy", "buying", "pick", "record", "records"]),
            ]
            for (flag, list) in flagLists { for w in list { let k = entry(w); entries[k].flags |= flag } }
            for k in 1..<entryCount where entries[k].contrast || entries[k].concessive { entries[k].flags |= RuleFlag.clauseBound }
            for (bit, list) in WordSet.lists { for w in list { sets[id(w)] |= bit } }
            for (w, m) in ScoringTokenizer.magnitudes { magnitudes.append((Int32(id(w)), m)) }
        }

        /// `sets` with each word's entry summarised in the low half.
        func info() -> [UInt64] {
            var out = sets
            for id in out.indices where entryIndex[id] != 0 {
                let e = entries[Int(entryIndex[id])]
                var bits = e.flags | EntryBit.exists
                if e.direction != 0 { bits |= EntryBit.direction }
                if e.isTarget { bits |= EntryBit.target }
                if e.comparator { bits |= EntryBit.comparator }
                if e.negator { bits |= EntryBit.negator }
                if e.contrast { bits |= EntryBit.contrast }
                if e.concessive { bits |= EntryBit.concessive }
                if e.hasRating { bits |= EntryBit.rating }
                if e.polar != 0 { bits |= EntryBit.polar }
                if e.flags & (RuleFlag.removal | RuleFlag.lose) != 0 || e.negator || e.hedge != 1 || e.degree != 1 || e.contrast || e.concessive {
                    bits |= EntryBit.modifier
                }
                var passes: UInt64 = 0
                if bits & (EntryBit.direction | RuleFlag.outcome) != 0 { passes |= 1 }
                if bits & EntryBit.comparator != 0 { passes |= 2 }
                if bits & EntryBit.target != 0 { passes |= 4 }
                if bits & (EntryBit.rating | EntryBit.polar | RuleFlag.special | RuleFlag.win) != 0 { passes |= 8 }
                if bits & EntryBit.modifier != 0 { passes |= 16 }
                bits |= passes << EntryBit.passShift
                precondition(bits & ~EntryBit.entryMask == 0)
                out[id] |= bits
            }
            for (id, _) in magnitudes { out[Int(id)] |= EntryBit.magnitude }
            return out
        }

        /// Lines of a list, split on spaces, empty lines skipped (as `split` did); `body` gets the
        /// number of fields and the first four (the lists have at most four).
        static func fields(_ text: String, _ body: (Int, Fields) -> Void) {
            var t = text
            t.withUTF8 { bytes in
                var f = Fields()
                var count = 0
                var i = 0
                let n = bytes.count
                while i <= n {
                    if i == n || bytes[i] == 0x0A {
                        if count > 0 { body(count, f); count = 0 }
                        i += 1
                        continue
                    }
                    if bytes[i] == 0x20 { i += 1; continue }
                    let s = i
                    while i < n, bytes[i] != 0x20, bytes[i] != 0x0A { i += 1 }
                    if count < 4 { f[count] = UnsafeBufferPointer(rebasing: bytes[s..<i]) }
                    count += 1
                }
            }
        }

        /// Up to four fields of a line.
        struct Fields {
            var f0 = UnsafeBufferPointer<UInt8>(start: nil, count: 0), f1 = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            var f2 = UnsafeBufferPointer<UInt8>(start: nil, count: 0), f3 = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            subscript(k: Int) -> UnsafeBufferPointer<UInt8> {
                get { k == 0 ? f0 : k == 1 ? f1 : k == 2 ? f2 : f3 }
                set { if k == 0 { f0 = newValue } else if k == 1 { f1 = newValue } else if k == 2 { f2 = newValue } else { f3 = newValue } }
            }
        }

        static func equals(_ f: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
            f.count == s.utf8CodeUnitCount && f.elementsEqual(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }

        /// A decimal such as `-0.35` read exactly as `Double(_:)` reads it: the digits as an
        /// integer divided by a power of ten is one correctly rounded operation while both are
        /// exact doubles. Anything else goes through `Double(_:)` itself.
        static func number(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
            var i = 0, negative = false
            if i < f.count, f[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            var mantissa: UInt64 = 0, digits = 0, fraction = 0, seenDot = false
            while i < f.count {
                let b = f[i]
                if b >= 0x30 && b <= 0x39 {
                    mantissa = mantissa * 10 + UInt64(b - 0x30); digits += 1
                    if seenDot { fraction += 1 }
                } else if b == UInt8(ascii: "."), !seenDot, digits > 0 {
                    seenDot = true
                } else { return Double(String(decoding: f, as: UTF8.self)) }
                i += 1
            }
            guard digits > 0, digits <= 15, !(seenDot && fraction == 0) else { return Double(String(decoding: f, as: UTF8.self)) }
            var scale = 1.0
            for _ in 0..<fraction { scale *= 10 }
            let v = Double(mantissa) / scale
            return negative ? -v : v
        }
    }
}
