/// Reading Unicode scalars straight from UTF-8 bytes, for the splitter and the ticker finder.
///
/// Why: those used to copy every line into an array of `Unicode.Scalar` and ask each scalar for
/// its Unicode properties. Text is mostly ASCII, so here ASCII bytes are answered from the byte
/// itself and only non-ASCII scalars are decoded and asked. The bytes always come from a Swift
/// `String`, so they are valid UTF-8 and every position handed in is a scalar boundary.
struct UTF8Text {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var count: Int { bytes.count }

    subscript(i: Int) -> UInt8 {
        @inline(__always) get { bytes[i] }
    }

    /// Length in bytes of the scalar starting with lead byte `b`.
    @inline(__always)
    static func length(lead b: UInt8) -> Int { b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2 }

    /// The scalar starting at `i`.
    @inline(__always)
    func scalar(at i: Int) -> Unicode.Scalar {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return Unicode.Scalar(UInt8(b0)) }
        let v: UInt32
        if b0 >= 0xF0 {
            v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
        } else if b0 >= 0xE0 {
            v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        } else {
            v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        }
        return Unicode.Scalar(v).unsafelyUnwrapped
    }

    /// Where the scalar that ends just before `i` starts.
    @inline(__always)
    func previousStart(_ i: Int) -> Int {
        var k = i - 1
        while k > 0, bytes[k] & 0xC0 == 0x80 { k -= 1 }
        return k
    }

    /// Number of scalars in `a..<b`.
    func scalarCount(_ a: Int, _ b: Int) -> Int {
        var n = 0
        for k in a..<b where bytes[k] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    func isASCII(_ a: Int, _ b: Int) -> Bool {
        var k = a
        while k + 8 <= b { if load8(k) & 0x8080_8080_8080_8080 != 0 { return false }; k += 8 }
        while k < b { if bytes[k] >= 0x80 { return false }; k += 1 }
        return true
    }

    // MARK: - Eight bytes at a time

    /// Eight bytes from `i` (which must all lie in the text) as an integer, first byte lowest.
    @inline(__always)
    func load8(_ i: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self).littleEndian
    }

    /// High bit set in each byte of `x` equal to `b`, exact for the lowest such byte (a borrow
    /// can mark bytes above a match too, which `firstIndex` never looks at).
    @inline(__always)
    static func equalBytes(_ x: UInt64, _ b: UInt8) -> UInt64 {
        let y = x ^ (0x0101_0101_0101_0101 &* UInt64(b))
        return (y &- 0x0101_0101_0101_0101) & ~y & 0x8080_8080_8080_8080
    }

    /// The first index in `i..<end` whose byte is wanted, or `end`: `mask` marks wanted bytes
    /// of eight at once (as `equalBytes` does), `wanted` tests one byte for the tail.
    @inline(__always)
    func firstIndex(from i: Int, to end: Int, mask: (UInt64) -> UInt64, wanted: (UInt8) -> Bool) -> Int {
        var i = i
        while i + 8 <= end {
            let m = mask(load8(i))
            if m != 0 { return i + m.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end, !wanted(bytes[i]) { i += 1 }
        return i
    }

    func string(_ a: Int, _ b: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
    }

    /// Byte length of the white-space scalar at `i` (Unicode White_Space, as
    /// `Unicode.Scalar.Properties.isWhitespace`), 0 when it is something else.
    @inline(__always)
    func spaceLength(at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : 0 }
        let c = scalar(at: i)
        return c == "\u{00A0}" || c.properties.isWhitespace ? Self.length(lead: b) : 0
    }

    /// Byte length of the white-space scalar ending just before `i`, 0 when it is something else.
    @inline(__always)
    func spaceLength(before i: Int) -> Int {
        let b = bytes[i - 1]
        if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : 0 }
        let s = previousStart(i)
        return spaceLength(at: s)
    }
}
