/// The compiled lexicon as bytes, compiled into the program (`CompiledLexiconData.swift`).
///
/// Why: `bellwether score --lines` is timed as a whole process on a thousand lines, and building
/// the tables from the word lists (parsing them, hashing every word, filling the entries) took
/// about half a millisecond of each start, a quarter of the process. Restoring them from this
/// image takes a few tens of microseconds. The image is derived from the lists only: a test
/// (`CompiledLexiconImageTests`) builds the tables from the lists and fails when the image
/// in the source differs, and writes the new one when asked to.

/// Little-endian bytes, appended.
struct ImageWriter {
    var bytes: [UInt8] = []
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { for k in 0..<2 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func u32(_ v: UInt32) { for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func u64(_ v: UInt64) { for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    /// Most values in the lexicon are 0 or 1: one byte for those, nine for the others.
    mutating func double(_ v: Double) {
        if v.bitPattern == 0 { u8(0) } else if v == 1 { u8(1) } else { u8(2); u64(v.bitPattern) }
    }
}

/// Reads `ImageWriter`'s bytes from hexadecimal text (newlines skipped), checking bounds.
/// The text is decoded in one pass first, then read as plain bytes: restoring the lexicon
/// is on the start-up path of every `score --lines` process.
struct ImageReader {
    private var bytes: [UInt8]
    private var i = 0

    init(hex: UnsafeBufferPointer<UInt8>) {
        var invalid: UInt64 = 0
        var count = 0
        bytes = [UInt8](unsafeUninitializedCapacity: hex.count / 2) { out, initialized in
            guard let base = hex.baseAddress else { initialized = 0; return }
            var i = 0
            while i < hex.count {
                if hex[i] == 0x0A { i += 1; continue }
                if i + 16 <= hex.count {
                    // Sixteen digits at a time, as two words of eight.
                    let a = Self.nibbles(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian, &invalid)
                    let b = Self.nibbles(UnsafeRawPointer(base + i + 8).loadUnaligned(as: UInt64.self).littleEndian, &invalid)
                    // Byte j of a word holds digit j: output bytes are (digit 2m) << 4 | digit 2m+1.
                    for m in 0..<4 {
                        out[count + m] = UInt8(truncatingIfNeeded: a >> (16 * m)) << 4 | UInt8(truncatingIfNeeded: a >> (16 * m + 8))
                        out[count + 4 + m] = UInt8(truncatingIfNeeded: b >> (16 * m)) << 4 | UInt8(truncatingIfNeeded: b >> (16 * m + 8))
                    }
                    count += 8
                    i += 16
                    continue
                }
                // The last few digits of the image, one pair at a time.
                guard i + 1 < hex.count else { invalid = 1; break }
                let v = Self.nibbles(UInt64(hex[i]) | UInt64(hex[i + 1]) << 8 | 0x3030_3030_3030_0000, &invalid)
                out[count] = UInt8(truncatingIfNeeded: v) << 4 | UInt8(truncatingIfNeeded: v >> 8)
                count += 1
                i += 2
            }
            initialized = count
        }
        precondition(invalid == 0, "the compiled lexicon image is not lower-case hexadecimal")
    }

    /// Eight hexadecimal digits ('0'…'9', 'a'…'f') as their values, one per byte; any other
    /// byte (a newline inside the eight too) sets bits in `invalid`.
    @inline(__always)
    private static func nibbles(_ x: UInt64, _ invalid: inout UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = x & (0x80 &* ones)
        let low7 = x & (0x7F &* ones)
        // Per byte, the high bit set when the byte is at least the bound (no carries between bytes).
        func atLeast(_ bound: UInt64) -> UInt64 { (low7 &+ (0x80 &- bound) &* ones) & (0x80 &* ones) }
        let digit = atLeast(0x30) & ~atLeast(0x3A)
        let letter = atLeast(0x61) & ~atLeast(0x67)
        invalid |= high | ((digit | letter) ^ (0x80 &* ones))
        // '0'…'9' → low nibble; 'a'…'f' → low nibble + 9 (bit 6 marks the letters).
        return (x & (0x0F &* ones)) &+ ((x >> 6) & ones) &* 9
    }

    var atEnd: Bool { i == bytes.count }

    @inline(__always)
    mutating func u8() -> UInt8 {
        precondition(i < bytes.count, "the compiled lexicon image ended early")
        let v = bytes[i]
        i += 1
        return v
    }
    @inline(__always)
    mutating func u16() -> UInt16 { var v: UInt16 = 0; for k in 0..<2 { v |= UInt16(u8()) << (8 * k) }; return v }
    @inline(__always)
    mutating func u32() -> UInt32 { var v: UInt32 = 0; for k in 0..<4 { v |= UInt32(u8()) << (8 * k) }; return v }
    @inline(__always)
    mutating func u64() -> UInt64 { var v: UInt64 = 0; for k in 0..<8 { v |= UInt64(u8()) << (8 * k) }; return v }
    @inline(__always)
    mutating func double() -> Double {
        switch u8() {
        case 0: return 0
        case 1: return 1
        default: return Double(bitPattern: u64())
        }
    }
}

extension LexiconEntry {
    func write(_ out: inout ImageWriter) {
        out.u8(UInt8(bitPattern: direction))
        out.u8(role.rawValue)
        var bits: UInt8 = 0
        for (k, b) in [alsoNoun, isTarget, negator, contrast, concessive, comparator, hasRating].enumerated() where b { bits |= 1 << k }
        out.u8(bits)
        out.u64(flags)
        for v in [strength, inherent, targetSign, targetWeight, polar, hedge, degree, rating] { out.double(v) }
    }

    init(image r: inout ImageReader) {
        self.init()
        direction = Int8(bitPattern: r.u8())
        guard let role = Role(rawValue: r.u8()) else { preconditionFailure("the compiled lexicon image holds an unknown role") }
        self.role = role
        let bits = r.u8()
        alsoNoun = bits & 1 != 0; isTarget = bits & 2 != 0; negator = bits & 4 != 0; contrast = bits & 8 != 0
        concessive = bits & 16 != 0; comparator = bits & 32 != 0; hasRating = bits & 64 != 0
        flags = r.u64()
        strength = r.double(); inherent = r.double(); targetSign = r.double(); targetWeight = r.double()
        polar = r.double(); hedge = r.double(); degree = r.double(); rating = r.double()
    }
}

extension CompiledLexicon {
    /// The tables as bytes: the word table, the entries, the magnitudes.
    func image() -> [UInt8] {
        var out = ImageWriter()
        words.writeImage(&out)
        out.u32(UInt32(entryCount))
        for k in 0..<entryCount { entries[k].write(&out) }
        out.u32(UInt32(magnitudes.count))
        for (id, value) in magnitudes { out.u32(UInt32(bitPattern: id)); out.u64(value.bitPattern) }
        return out.bytes
    }

    /// `CompiledLexiconData.swift` for an image: its bytes in hexadecimal, 128 characters a line.
    static func source(ofImage image: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(image.count * 2 + image.count / 64 + 1)
        for (k, b) in image.enumerated() {
            if k > 0, k % 64 == 0 { hex.append(0x0A) }
            hex.append(digits[Int(b >> 4)]); hex.append(digits[Int(b & 15)])
        }
        return """
        // Generated by CompiledLexiconImageTests from FinanceLexicon, ScoringWords and the rule word
        // lists (BELLWETHER_WRITE_LEXICON_IMAGE=1 swift test --filter CompiledLexiconImageTests).
        // Do not edit: edit the lists and regenerate; the test fails while this is out of date.

        extension CompiledLexicon {
            /// `image()` of the tables built from the lists, in hexadecimal.
            static let compiledImage: StaticString = \"\"\"
        \(String(decoding: hex, as: UTF8.self))
        \"\"\"
        }

        """
    }
}
