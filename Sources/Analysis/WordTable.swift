/// Words → dense integer ids, keyed by UTF-8 bytes.
///
/// Why: the hot loops (scoring every word of every sentence, checking abbreviations, looking up
/// company names) must not build a `String` per word nor hash one. A word is looked up straight
/// from the text's bytes, optionally folding ASCII capitals, and comes back as an `Int32` the
/// rules compare and index with. Open addressing over a power-of-two slot array; built once,
/// read-only afterwards, so it is safe to share between threads.
///
/// Byte equality is not Swift `String` equality (which is canonical equivalence), so callers
/// only look up keys whose bytes decide: the tables hold ASCII keys, and a non-ASCII word can
/// equal an ASCII key only through U+212A KELVIN SIGN, U+037E GREEK QUESTION MARK or U+1FEF
/// GREEK VARIA (checked over all of Unicode); each user of the table says how it treats those.
struct WordTable: @unchecked Sendable {
    /// Slot → id + 1 (0 = empty).
    private var slots: [Int32]
    /// Per id: start of its bytes in `arena`; one extra entry closes the last key.
    private var offsets: [Int32] = [0]
    private var arena: [UInt8] = []
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { offsets.count - 1 }

    /// FNV-1a over the bytes, ASCII capitals folded when asked (the same hash either way for a
    /// lower-case key, so keys are stored lower-case when lookups fold).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for k in 0..<n {
            var b = p[k]
            if fold, b &- 0x41 < 26 { b |= 0x20 }
            h = (h ^ UInt32(b)) &* 16_777_619
        }
        return h ^ (h >> 15)
    }

    /// The id of `bytes`, adding it if new.
    @discardableResult
    mutating func insert(_ word: String) -> Int32 {
        var w = word
        return w.withUTF8 { insert($0) }
    }

    @discardableResult
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        precondition(!bytes.isEmpty, "a word table has no empty key")
        let existing = id(bytes.baseAddress!, bytes.count, fold: false)
        if existing >= 0 { return existing }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        arena.append(contentsOf: bytes)
        offsets.append(Int32(arena.count))
        place(id)
        return id
    }

    private mutating func place(_ id: Int32) {
        let s = Int(offsets[Int(id)]), e = Int(offsets[Int(id) + 1])
        let h = arena.withUnsafeBufferPointer { Self.hash($0.baseAddress! + s, e - s, fold: false) }
        var slot = Int(h) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = id + 1
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<Int32(count) { place(id) }
    }

    /// The id of the word at `p` (`n` bytes), or -1. With `fold`, ASCII capitals in the text
    /// match lower-case keys ("Rose" finds "rose").
    @inline(__always)
    func id(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool) -> Int32 {
        let h = Self.hash(p, n, fold: fold)
        return slots.withUnsafeBufferPointer { slots in
            offsets.withUnsafeBufferPointer { offsets in
                arena.withUnsafeBufferPointer { arena in
                    var slot = Int(h) & mask
                    while true {
                        let v = slots[slot]
                        if v == 0 { return -1 }
                        let id = Int(v - 1)
                        let s = Int(offsets[id])
                        if Int(offsets[id + 1]) - s == n {
                            var k = 0
                            while k < n {
                                var b = p[k]
                                if fold, b &- 0x41 < 26 { b |= 0x20 }
                                if b != arena[s + k] { break }
                                k += 1
                            }
                            if k == n { return Int32(id) }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    func id(of word: String) -> Int32 {
        var w = word
        return w.withUTF8 { b in b.isEmpty ? -1 : id(b.baseAddress!, b.count, fold: false) }
    }

    /// The key's bytes as a String (for messages and tests).
    func word(_ id: Int32) -> String {
        let s = Int(offsets[Int(id)]), e = Int(offsets[Int(id) + 1])
        return String(decoding: arena[s..<e], as: UTF8.self)
    }
}
