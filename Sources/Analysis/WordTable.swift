/// Words → dense integer ids, keyed by UTF-8 bytes.
///
/// Why: the hot loops (scoring every word of every sentence, checking abbreviations, looking up
/// company names) must not build a `String` per word nor hash one. A word is looked up straight
/// from the text's bytes, optionally folding ASCII capitals, and comes back as an id the rules
/// compare and index with. The hash reads the word eight bytes at a time; a slot keeps a
/// fingerprint of the hash beside the id (so most misses never touch a key); a key record keeps
/// the word's first sixteen bytes, its length and what the owner stores about the word (so a hit
/// reads one record). The table lives in plain memory: no reference counting or exclusivity
/// checks per lookup, and nothing to copy when building ends. It is filled once, before it is
/// shared, and only read afterwards, so threads can share it.
///
/// Byte equality is not Swift `String` equality (which is canonical equivalence), so callers
/// only look up keys whose bytes decide: the tables hold ASCII keys, and a non-ASCII word can
/// equal an ASCII key only through U+212A KELVIN SIGN, U+037E GREEK QUESTION MARK or U+1FEF
/// GREEK VARIA (checked over all of Unicode); each user of the table says how it treats those.
final class WordTable: @unchecked Sendable {
    /// 32 bytes: a lookup that finds a word reads its key and what the owner stored about it
    /// (`info`, `entry`) from one place.
    struct Key: Sendable {
        /// The key's first eight bytes, little-endian, zero-padded.
        var head: UInt64
        /// Its next eight bytes, the same way.
        var tail: UInt64
        /// Set by the table's owner (the lexicon keeps its word bits here).
        var info: UInt64 = 0
        var offset: Int32
        var length: UInt8
        /// Set by the table's owner (the lexicon keeps its entry index here).
        var entry: Int16 = 0
    }

    /// Slot → the hash's top 20 bits << 12 | (id + 1); 0 = empty. Four bytes, so the lexicon's
    /// slots (16 KB) stay in the first-level cache beside the text being read.
    private var slots: UnsafeMutablePointer<UInt32>
    static let maximumCount = 4094
    private var mask: Int
    private var keys: UnsafeMutablePointer<Key>
    private var keyCapacity: Int
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private var arenaCount = 0
    private(set) var count = 0

    /// Room for `capacity` keys before growing (a table grows while it is being filled).
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        mask = size - 1
        keyCapacity = max(capacity, 8)
        keys = .allocate(capacity: keyCapacity)
        arenaCapacity = keyCapacity * 8
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit { slots.deallocate(); keys.deallocate(); arena.deallocate() }

    // MARK: - Hashing

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

    /// The hash's top 20 bits, in a slot's upper bits.
    @inline(__always)
    static func fingerprint(_ h: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: h &>> 44) << 12 }

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

    // MARK: - Filling

    /// The id of `word`, adding it if new.
    @discardableResult
    func insert(_ word: String) -> Int32 {
        var w = word
        return w.withUTF8 { insert($0) }
    }

    @discardableResult
    func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        precondition(!bytes.isEmpty && bytes.count <= 255, "a word table key is 1 to 255 bytes")
        let p = bytes.baseAddress!, n = bytes.count
        precondition(count < Self.maximumCount, "a word table holds at most \(Self.maximumCount) words")
        if (count + 1) * 2 > mask + 1 { growSlots() }
        // One hash: probe for the key, and if it is new, the empty slot found is its place.
        let (h, head) = Self.hash(p, n, fold: false, readable: n)
        let tail = n > 8 ? Self.chunk(p + 8, min(n - 8, 8), readable: n - 8) : 0
        let fingerprint = Self.fingerprint(h)
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 {
            let v = slots[slot]
            if v & 0xFFFF_F000 == fingerprint {
                let id = Int(v & 0xFFF) - 1
                let key = keys[id]
                if Int(key.length) == n, key.head == head, key.tail == tail,
                   UnsafeBufferPointer(start: arena + Int(key.offset), count: n).elementsEqual(bytes) {
                    return Int32(id)
                }
            }
            slot = (slot + 1) & mask
        }
        if count == keyCapacity {
            let bigger = UnsafeMutablePointer<Key>.allocate(capacity: keyCapacity * 2)
            bigger.moveInitialize(from: keys, count: count)
            keys.deallocate()
            keys = bigger
            keyCapacity *= 2
        }
        while arenaCount + n > arenaCapacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: arenaCapacity * 2)
            bigger.moveInitialize(from: arena, count: arenaCount)
            arena.deallocate()
            arena = bigger
            arenaCapacity *= 2
        }
        let id = Int32(count)
        (keys + count).initialize(to: Key(head: head, tail: tail, offset: Int32(arenaCount), length: UInt8(n)))
        (arena + arenaCount).initialize(from: p, count: n)
        arenaCount += n
        count += 1
        slots[slot] = fingerprint | UInt32(id + 1)
        return id
    }

    private func growSlots() {
        let size = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        mask = size - 1
        for id in 0..<count {
            let key = keys[id]
            let h = Self.hash(arena + Int(key.offset), Int(key.length), fold: false, readable: Int(key.length)).hash
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.fingerprint(h) | UInt32(id + 1)
        }
    }

    /// What the owner keeps about word `id` beside its key (see `Key`).
    func setPayload(_ id: Int32, info: UInt64, entry: Int16) {
        keys[Int(id)].info = info
        keys[Int(id)].entry = entry
    }

    // MARK: - Lookup

    /// The key record of word `id`.
    @inline(__always)
    func key(_ id: Int32) -> WordTable.Key { keys[Int(id)] }

    /// The key record of the word at `p`, or nil: its payload without a second lookup.
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool, readable: Int) -> UnsafePointer<Key>? {
        let id = id(p, n, fold: fold, readable: readable)
        return id < 0 ? nil : UnsafePointer(keys + Int(id))
    }

    /// The id of a key record `find` returned.
    @inline(__always)
    func id(of key: UnsafePointer<Key>) -> Int32 { Int32(truncatingIfNeeded: keys.distance(to: UnsafeMutablePointer(mutating: key))) }

    /// The id of the word at `p` (`n` bytes), or -1. With `fold`, ASCII capitals in the text
    /// match lower-case keys ("Rose" finds "rose"). `readable`: bytes that may be read from `p`.
    @inline(__always)
    func id(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool, readable: Int) -> Int32 {
        // The usual word: one to sixteen bytes with sixteen readable, so one or two loads, no loop.
        if n &- 1 < 16, readable >= 16 {
            let raw = UnsafeRawPointer(p)
            var head = raw.loadUnaligned(as: UInt64.self).littleEndian
            var tail: UInt64 = 0
            if n < 8 { head &= ~UInt64(0) &>> UInt64(truncatingIfNeeded: 64 &- 8 &* n) }
            if fold { head = WordTable.fold(head) }
            var h = WordTable.mix(UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15, head)
            if n > 8 {
                tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian
                if n < 16 { tail &= ~UInt64(0) &>> UInt64(truncatingIfNeeded: 128 &- 8 &* n) }
                if fold { tail = WordTable.fold(tail) }
                h = WordTable.mix(h, tail)
            }
            h ^= h &>> 29
            let fingerprint = WordTable.fingerprint(h)
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let v = slots[slot]
                if v == 0 { return -1 }
                if v & 0xFFFF_F000 == fingerprint {
                    let id = Int(v & 0xFFF) &- 1
                    let key = keys[id]
                    if Int(key.length) == n, key.head == head, key.tail == tail { return Int32(truncatingIfNeeded: id) }
                }
                slot = (slot &+ 1) & mask
            }
        }
        return slowID(p, n, fold: fold, readable: readable)
    }

    func id(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool) -> Int32 { id(p, n, fold: fold, readable: n) }

    private func slowID(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool, readable: Int) -> Int32 {
        let (h, head) = WordTable.hash(p, n, fold: fold, readable: readable)
        let fingerprint = WordTable.fingerprint(h)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = slots[slot]
            if v == 0 { return -1 }
            if v & 0xFFFF_F000 == fingerprint {
                let id = Int(v & 0xFFF) - 1
                let key = keys[id]
                if Int(key.length) == n, key.head == head, n <= 8 || rest(p, n, fold: fold, key) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Bytes 8… of a long word against its key.
    private func rest(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool, _ key: Key) -> Bool {
        let s = Int(key.offset)
        for k in 8..<n {
            var b = p[k]
            if fold, b &- 0x41 < 26 { b |= 0x20 }
            if b != arena[s + k] { return false }
        }
        return true
    }

    // MARK: - Image

    /// The table as bytes `init(image:)` restores: each key's length, payload and bytes, in id
    /// order. The slots are not stored: inserting the keys in id order places them where they
    /// were (every growth re-inserts in id order too), and a lookup finds the same ids anyway.
    func writeImage(_ out: inout ImageWriter) {
        out.u32(UInt32(count))
        for id in 0..<count {
            let key = keys[id]
            out.u8(key.length)
            out.u64(key.info)
            out.u16(UInt16(bitPattern: key.entry))
            for k in 0..<Int(key.length) { out.u8(arena[Int(key.offset) + k]) }
        }
    }

    /// A table from `writeImage`'s bytes.
    convenience init(image r: inout ImageReader) {
        let n = Int(r.u32())
        self.init(capacity: max(n, 8))
        var word = [UInt8](repeating: 0, count: 256)
        for _ in 0..<n {
            let length = Int(r.u8()), info = r.u64(), entry = Int16(bitPattern: r.u16())
            for k in 0..<length { word[k] = r.u8() }
            let id = word.withUnsafeBufferPointer { insert(UnsafeBufferPointer(rebasing: $0[0..<length])) }
            setPayload(id, info: info, entry: entry)
        }
    }

    /// The key's bytes as a String (for messages and tests).
    func word(_ id: Int32) -> String {
        let key = keys[Int(id)]
        return String(decoding: UnsafeBufferPointer(start: arena + Int(key.offset), count: Int(key.length)), as: UTF8.self)
    }
}
