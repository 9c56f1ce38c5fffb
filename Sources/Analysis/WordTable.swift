/// Words → dense integer ids, keyed by UTF-8 bytes.
///
/// Why: the hot loops (scoring every word of every sentence, checking abbreviations, looking up
/// company names) must not build a `String` per word nor hash one. A word is looked up straight
/// from the text's bytes, optionally folding ASCII capitals, and comes back as an `Int32` the
/// rules compare and index with. The hash reads the word eight bytes at a time, a slot keeps a
/// fingerprint of the hash beside the id (so most misses never touch a key) and a key keeps its
/// first eight bytes beside its length (so most hits compare one integer). Built once, read-only
/// afterwards, so it is safe to share between threads.
///
/// Byte equality is not Swift `String` equality (which is canonical equivalence), so callers
/// only look up keys whose bytes decide: the tables hold ASCII keys, and a non-ASCII word can
/// equal an ASCII key only through U+212A KELVIN SIGN, U+037E GREEK QUESTION MARK or U+1FEF
/// GREEK VARIA (checked over all of Unicode); each user of the table says how it treats those.
struct WordTable: Sendable {
    struct Key: Sendable {
        /// The key's first eight bytes, little-endian, zero-padded.
        var head: UInt64
        var offset: Int32
        var length: Int32
    }

    /// Slot → fingerprint << 32 | (id + 1); 0 = empty.
    private var slots: [UInt64]
    private var keys: [Key] = []
    private var arena: [UInt8] = []
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { keys.count }

    /// Up to eight bytes at `p` as a little-endian integer; `readable` says how many bytes from
    /// `p` may be read (past the word, within its buffer), which lets a word take one load.
    @inline(__always)
    static func chunk(_ p: UnsafePointer<UInt8>, _ n: Int, readable: Int) -> UInt64 {
        if n >= 8 { return UnsafeRawPointer(p).loadUnaligned(as: UInt64.self).littleEndian }
        if n == 0 { return 0 }
        if readable >= 8 {
            return UnsafeRawPointer(p).loadUnaligned(as: UInt64.self).littleEndian & (~UInt64(0) >> (64 - 8 * n))
        }
        var x: UInt64 = 0
        for k in 0..<n { x |= UInt64(p[k]) << (8 * k) }
        return x
    }

    /// ASCII capitals in each byte of `x` made lower-case; other bytes (non-ASCII ones too) kept.
    @inline(__always)
    static func fold(_ x: UInt64) -> UInt64 {
        let heptets = x & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = heptets &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = heptets &+ 0x2525_2525_2525_2525
        let upper = atLeastA & ~pastZ & ~x & 0x8080_8080_8080_8080
        return x | (upper >> 2)
    }

    @inline(__always)
    static func mix(_ h: UInt64, _ x: UInt64) -> UInt64 {
        var v = (h ^ x) &* 0xBF58_476D_1CE4_E5B9
        v ^= v >> 31
        return v
    }

    /// The hash of a word and its (folded) first chunk.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool, readable: Int) -> (hash: UInt64, head: UInt64) {
        var head = chunk(p, min(n, 8), readable: readable)
        if fold { head = Self.fold(head) }
        var h = mix(UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15, head)
        var k = 8
        while k < n {
            var x = chunk(p + k, min(n - k, 8), readable: readable - k)
            if fold { x = Self.fold(x) }
            h = mix(h, x)
            k += 8
        }
        return (h ^ (h >> 29), head)
    }

    /// The id of `word`, adding it if new.
    @discardableResult
    mutating func insert(_ word: String) -> Int32 {
        var w = word
        return w.withUTF8 { insert($0) }
    }

    @discardableResult
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        precondition(!bytes.isEmpty, "a word table has no empty key")
        let p = bytes.baseAddress!, n = bytes.count
        let existing = id(p, n, fold: false, readable: n)
        if existing >= 0 { return existing }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        keys.append(Key(head: Self.chunk(p, min(n, 8), readable: n), offset: Int32(arena.count), length: Int32(n)))
        arena.append(contentsOf: bytes)
        place(id)
        return id
    }

    private mutating func place(_ id: Int32) {
        let key = keys[Int(id)]
        let h = arena.withUnsafeBufferPointer {
            Self.hash($0.baseAddress! + Int(key.offset), Int(key.length), fold: false, readable: Int(key.length)).hash
        }
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (h >> 32) << 32 | UInt64(id + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<Int32(count) { place(id) }
    }

    /// The id of the word at `p` (`n` bytes), or -1. With `fold`, ASCII capitals in the text
    /// match lower-case keys ("Rose" finds "rose"). `readable`: bytes that may be read from `p`.
    @inline(__always)
    func id(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool, readable: Int) -> Int32 {
        let (h, head) = Self.hash(p, n, fold: fold, readable: readable)
        let fingerprint = h >> 32
        return slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                var slot = Int(truncatingIfNeeded: h) & mask
                while true {
                    let v = slots[slot]
                    if v == 0 { return -1 }
                    if v >> 32 == fingerprint {
                        let id = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
                        let key = keys[id]
                        if Int(key.length) == n, key.head == head, n <= 8 || rest(p, n, fold: fold, key) { return Int32(id) }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    func id(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool) -> Int32 { id(p, n, fold: fold, readable: n) }

    /// Bytes 8… of a long word against its key.
    private func rest(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool, _ key: Key) -> Bool {
        arena.withUnsafeBufferPointer { arena in
            let s = Int(key.offset)
            for k in 8..<n {
                var b = p[k]
                if fold, b &- 0x41 < 26 { b |= 0x20 }
                if b != arena[s + k] { return false }
            }
            return true
        }
    }

    func id(of word: String) -> Int32 {
        var w = word
        return w.withUTF8 { b in b.isEmpty ? -1 : id(b.baseAddress!, b.count, fold: false) }
    }

    /// The key's bytes as a String (for messages and tests).
    func word(_ id: Int32) -> String {
        let key = keys[Int(id)]
        return String(decoding: arena[Int(key.offset)..<Int(key.offset + key.length)], as: UTF8.self)
    }
}

extension WordTable {
    /// The table frozen into plain memory for lookups in hot loops: no array access, so no
    /// reference counting or exclusivity checks per lookup.
    func frozen() -> WordIndex { WordIndex(slots: slots, keys: keys, arena: arena, mask: mask) }
}

/// A read-only `WordTable` (see there) in memory of its own, kept for the life of the process
/// by the tables that own one (the lexicon, the abbreviation lists, the ticker names).
final class WordIndex: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<UInt64>
    private let keys: UnsafeMutablePointer<WordTable.Key>
    private let arena: UnsafeMutablePointer<UInt8>
    private let mask: Int
    let count: Int

    fileprivate init(slots: [UInt64], keys: [WordTable.Key], arena: [UInt8], mask: Int) {
        self.slots = .allocate(capacity: slots.count)
        self.slots.initialize(from: slots, count: slots.count)
        self.keys = .allocate(capacity: max(1, keys.count))
        self.keys.initialize(from: keys, count: keys.count)
        self.arena = .allocate(capacity: max(1, arena.count))
        self.arena.initialize(from: arena, count: arena.count)
        self.mask = mask
        self.count = keys.count
    }

    deinit { slots.deallocate(); keys.deallocate(); arena.deallocate() }

    /// As `WordTable.id(_:_:fold:readable:)`.
    @inline(__always)
    func id(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool, readable: Int) -> Int32 {
        // The usual word: one to eight bytes with eight readable, so one load, no loop.
        if n &- 1 < 8, readable >= 8 {
            var head = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self).littleEndian & (~UInt64(0) &>> UInt64(truncatingIfNeeded: 64 &- 8 &* n))
            if fold { head = WordTable.fold(head) }
            var h = WordTable.mix(UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15, head)
            h ^= h &>> 29
            let fingerprint = h &>> 32
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let v = slots[slot]
                if v == 0 { return -1 }
                if v &>> 32 == fingerprint {
                    let id = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) &- 1
                    let key = keys[id]
                    if Int(key.length) == n, key.head == head { return Int32(truncatingIfNeeded: id) }
                }
                slot = (slot &+ 1) & mask
            }
        }
        return slowID(p, n, fold: fold, readable: readable)
    }

    private func slowID(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool, readable: Int) -> Int32 {
        let (h, head) = WordTable.hash(p, n, fold: fold, readable: readable)
        let fingerprint = h >> 32
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = slots[slot]
            if v == 0 { return -1 }
            if v >> 32 == fingerprint {
                let id = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
                let key = keys[id]
                if Int(key.length) == n, key.head == head, n <= 8 || rest(p, n, fold: fold, key) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
    }

    private func rest(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool, _ key: WordTable.Key) -> Bool {
        let s = Int(key.offset)
        for k in 8..<n {
            var b = p[k]
            if fold, b &- 0x41 < 26 { b |= 0x20 }
            if b != arena[s + k] { return false }
        }
        return true
    }
}
