import Foundation

/// Turns a file's raw bytes into UTF-8 with `\n` line endings, whatever encoding the
/// scraper or editor used, and says when it had to guess or repair.
///
/// Works on bytes, not on Foundation strings: a nightly build decodes tens of thousands
/// of files and the common case (clean UTF-8, no CR) must cost one validation pass.
enum TextDecoding {
    struct Decoded {
        /// UTF-8, no BOM, line endings normalised to `\n`.
        var bytes: [UInt8]
        var diagnostics: [Diagnostic]
    }

    enum Failure: Error, Equatable {
        case empty
        case whitespaceOnly
        case binary(String)
    }

    static func decode(_ data: Data, path: String) -> Result<Decoded, Failure> {
        let raw = [UInt8](data)
        if raw.isEmpty { return .failure(.empty) }
        var diagnostics: [Diagnostic] = []
        var utf8: [UInt8]

        if raw.count >= 4, raw[0] == 0xFF, raw[1] == 0xFE, raw[2] == 0, raw[3] == 0 {
            utf8 = fromUTF32(raw, from: 4, littleEndian: true)
        } else if raw.count >= 4, raw[0] == 0, raw[1] == 0, raw[2] == 0xFE, raw[3] == 0xFF {
            utf8 = fromUTF32(raw, from: 4, littleEndian: false)
        } else if raw.count >= 2, raw[0] == 0xFF, raw[1] == 0xFE {
            utf8 = fromUTF16(raw, from: 2, littleEndian: true)
        } else if raw.count >= 2, raw[0] == 0xFE, raw[1] == 0xFF {
            utf8 = fromUTF16(raw, from: 2, littleEndian: false)
        } else {
            let start = (raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) ? 3 : 0
            if isPlainUTF8Text(raw) {
                // The common file, found in one pass: what the two checks below would say.
                utf8 = start == 0 ? raw : Array(raw[start...])
            } else if let kind = binaryKind(raw) {
                if let le = utf16WithoutBOM(raw) {
                    diagnostics.append(Diagnostic(path: path, line: 1, severity: .warning,
                        message: "text is UTF-16 without a byte-order mark; read as UTF-16\(le ? "LE" : "BE"). Save it as UTF-8 to silence this warning"))
                    utf8 = fromUTF16(raw, from: 0, littleEndian: le)
                } else {
                    return .failure(.binary(kind))
                }
            } else {
                let check = validateUTF8(raw, from: start)
                if check.invalid == 0 {
                    utf8 = start == 0 ? raw : Array(raw[start...])
                } else if check.multibyte == 0 || check.invalid > check.multibyte {
                    diagnostics.append(Diagnostic(path: path, line: lineOf(offset: check.firstInvalid, in: raw), severity: .warning,
                        message: "file is not UTF-8 (byte 0x\(hex(raw[check.firstInvalid])) here); read as Windows-1252/Latin-1. Save it as UTF-8 to silence this warning"))
                    utf8 = fromWindows1252(raw, from: start)
                } else {
                    let line = lineOf(offset: check.firstInvalid, in: raw)
                    diagnostics.append(Diagnostic(path: path, line: line, severity: .warning,
                        message: "invalid UTF-8 (\(check.invalid) bad byte sequence\(check.invalid == 1 ? "" : "s"), first on this line) replaced with \u{FFFD}; re-save the file as UTF-8"))
                    utf8 = Array(String(decoding: raw[start...], as: UTF8.self).utf8)
                }
            }
        }
        utf8 = normalizeNewlines(utf8)
        if utf8.isEmpty { return .failure(.empty) }
        if utf8.allSatisfy(isSpaceByte) { return .failure(.whitespaceOnly) }
        return .success(Decoded(bytes: utf8, diagnostics: diagnostics))
    }

    /// `memchr`: much faster than `Array.contains` on the multi-megabyte worst case.
    static func contains(_ byte: UInt8, in b: [UInt8], from: Int) -> Bool {
        guard from < b.count else { return false }
        return b.withUnsafeBytes { raw in memchr(raw.baseAddress! + from, Int32(byte), raw.count - from) != nil }
    }

    @inline(__always) static func isSpaceByte(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// 1-based line of a byte offset, counting `\n`, `\r\n` and lone `\r` as breaks.
    static func lineOf(offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A { line += 1 } else if b == 0x0D, i + 1 >= bytes.count || bytes[i + 1] != 0x0A { line += 1 }
            i += 1
        }
        return line
    }

    /// True when `b` is valid UTF-8 with no NUL and no control character other than tab, line
    /// breaks, vertical tab, form feed and escape, and starts with no binary signature: then
    /// `binaryKind` is nil and `validateUTF8` finds nothing invalid. One pass, eight bytes at a
    /// time; false (so the full checks run) otherwise.
    static func isPlainUTF8Text(_ b: [UInt8]) -> Bool {
        for (signature, _) in signatures where b.starts(with: signature) { return false }
        return b.withUnsafeBytes { raw -> Bool in
            let n = raw.count
            var i = 0
            @inline(__always) func cont(_ k: Int) -> Bool { k < n && raw[k] & 0xC0 == 0x80 }
            @inline(__always) func outside(_ k: Int) -> UInt64 {
                let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                return (w &- 0x2020_2020_2020_2020) | w
            }
            while i < n {
                // Thirty-two bytes of ordinary text at once, the common case.
                if i + 32 <= n, (outside(i) | outside(i + 8) | outside(i + 16) | outside(i + 24)) & 0x8080_8080_8080_8080 == 0 {
                    i += 32; continue
                }
                if i + 8 <= n {
                    // Eight bytes at once: the lowest high bit of `m` marks the first byte outside
                    // 0x20–0x7F (bytes below it neither borrow nor carry), so a word of ordinary
                    // text is skipped whole and otherwise we jump straight to that byte.
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let m = ((w &- 0x2020_2020_2020_2020) | w) & 0x8080_8080_8080_8080
                    if m == 0 { i += 8; continue }
                    i += m.trailingZeroBitCount >> 3
                }
                let c = raw[i]
                if c >= 0x20 && c < 0x80 { i += 1; continue }
                if c < 0x20 {
                    guard c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x0B || c == 0x1B else { return false }
                    i += 1; continue
                }
                // The same sequences `validateUTF8` accepts.
                if c >= 0xC2 && c <= 0xDF {
                    guard cont(i + 1) else { return false }
                    i += 2
                } else if c >= 0xE0 && c <= 0xEF {
                    guard i + 1 < n else { return false }
                    let c1 = raw[i + 1]
                    let ok1 = c == 0xE0 ? (c1 >= 0xA0 && c1 <= 0xBF) : c == 0xED ? (c1 >= 0x80 && c1 <= 0x9F) : (c1 & 0xC0 == 0x80)
                    guard ok1 && cont(i + 2) else { return false }
                    i += 3
                } else if c >= 0xF0 && c <= 0xF4 {
                    guard i + 1 < n else { return false }
                    let c1 = raw[i + 1]
                    let ok1 = c == 0xF0 ? (c1 >= 0x90 && c1 <= 0xBF) : c == 0xF4 ? (c1 >= 0x80 && c1 <= 0x8F) : (c1 & 0xC0 == 0x80)
                    guard ok1 && cont(i + 2) && cont(i + 3) else { return false }
                    i += 4
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Leading bytes of binary formats people drop into article folders, and what to call them.
    static let signatures: [([UInt8], String)] = [
        ([0x25, 0x50, 0x44, 0x46, 0x2D], "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a .docx/.xlsx document)"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "a compiled program"),
        ([0xD0, 0xCF, 0x11, 0xE0], "a Microsoft Office document"),
        ([0x52, 0x49, 0x46, 0x46], "a RIFF media file"),
    ]

    /// What kind of binary file this looks like, or nil for text. Known signatures first
    /// (so the message can say "a PDF document"), then NUL bytes and control characters.
    static func binaryKind(_ b: [UInt8]) -> String? {
        for (signature, kind) in signatures where b.starts(with: signature) { return kind }
        let window = min(b.count, 8192)
        // Sixteen bytes at a time: text is mostly bytes ≥ 0x20, and a word with none below
        // 0x20 holds no NUL and no control character. Other words are looked at byte by byte.
        let (controls, nul) = b.withUnsafeBytes { raw -> (Int, Bool) in
            var controls = 0
            var i = 0
            while i < window {
                if i + 16 <= window {
                    let w1 = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let w2 = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    let low = (w1 &- 0x2020_2020_2020_2020) & ~w1 | (w2 &- 0x2020_2020_2020_2020) & ~w2
                    if low & 0x8080_8080_8080_8080 == 0 { i += 16; continue }
                }
                let end = min(i + 16, window)
                while i < end {
                    let c = raw[i]
                    if c == 0 { return (controls, true) }
                    if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C && c != 0x0B && c != 0x1B { controls += 1 }
                    i += 1
                }
            }
            return (controls, false)
        }
        if nul { return "a binary file (it contains NUL bytes)" }
        if controls * 10 > window { return "a binary file (it is mostly control characters)" }
        if window < b.count, contains(0, in: b, from: window) { return "a binary file (it contains NUL bytes)" }
        return nil
    }

    /// UTF-16 saved without a BOM shows as ASCII letters alternating with NUL bytes.
    /// Returns true for little-endian, false for big-endian, nil when it is not that.
    static func utf16WithoutBOM(_ b: [UInt8]) -> Bool? {
        let n = min(b.count, 2048) & ~1
        guard n >= 4 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        var i = 0
        while i < n { if b[i] == 0 { zeroEven += 1 }; if b[i + 1] == 0 { zeroOdd += 1 }; i += 2 }
        let pairs = n / 2
        if zeroOdd * 10 >= pairs * 9 && zeroEven * 10 <= pairs { return true }
        if zeroEven * 10 >= pairs * 9 && zeroOdd * 10 <= pairs { return false }
        return nil
    }

    struct UTF8Check { var invalid = 0; var firstInvalid = 0; var multibyte = 0 }

    /// One pass over the bytes: how many invalid sequences (and where the first is), and how
    /// many valid multi-byte characters, which tells UTF-8-with-a-few-bad-bytes from Latin-1.
    static func validateUTF8(_ b: [UInt8], from start: Int) -> UTF8Check {
        var r = UTF8Check()
        let n = b.count
        var i = start
        @inline(__always) func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
        @inline(__always) func bad() { if r.invalid == 0 { r.firstInvalid = i }; r.invalid += 1; i += 1 }
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                // Eight ASCII bytes at a time: most text is ASCII.
                while i + 8 <= n {
                    let word = b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }
                    if word & 0x8080808080808080 != 0 { break }
                    i += 8
                }
                continue
            }
            if c >= 0xC2 && c <= 0xDF {
                if cont(i + 1) { i += 2; r.multibyte += 1 } else { bad() }
            } else if c >= 0xE0 && c <= 0xEF {
                guard i + 1 < n else { bad(); continue }
                let c1 = b[i + 1]
                let ok1 = c == 0xE0 ? (c1 >= 0xA0 && c1 <= 0xBF) : c == 0xED ? (c1 >= 0x80 && c1 <= 0x9F) : (c1 & 0xC0 == 0x80)
                if ok1 && cont(i + 2) { i += 3; r.multibyte += 1 } else { bad() }
            } else if c >= 0xF0 && c <= 0xF4 {
                guard i + 1 < n else { bad(); continue }
                let c1 = b[i + 1]
                let ok1 = c == 0xF0 ? (c1 >= 0x90 && c1 <= 0xBF) : c == 0xF4 ? (c1 >= 0x80 && c1 <= 0x8F) : (c1 & 0xC0 == 0x80)
                if ok1 && cont(i + 2) && cont(i + 3) { i += 4; r.multibyte += 1 } else { bad() }
            } else {
                bad()
            }
        }
        return r
    }

    /// Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €, ™):
    /// exactly the characters Windows scrapers produce, so decode with 1252.
    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func fromWindows1252(_ b: [UInt8], from start: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        for i in start..<b.count {
            let c = b[i]
            if c < 0x80 { out.append(c); continue }
            let scalar = c < 0xA0 ? cp1252High[Int(c - 0x80)] : UInt32(c)
            appendScalar(scalar, to: &out)
        }
        return out
    }

    @inline(__always) static func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 { out.append(UInt8(v)) }
        else if v < 0x800 { out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F))) }
        else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    static func fromUTF16(_ b: [UInt8], from start: Int, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity((b.count - start) / 2)
        var i = start
        while i + 1 < b.count {
            units.append(littleEndian ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : UInt16(b[i]) << 8 | UInt16(b[i + 1]))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    static func fromUTF32(_ b: [UInt8], from start: Int, littleEndian: Bool) -> [UInt8] {
        var out: [UInt8] = []
        var i = start
        while i + 3 < b.count {
            let v = littleEndian
                ? UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
                : UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
            appendScalar(Unicode.Scalar(v) != nil ? v : 0xFFFD, to: &out)
            i += 4
        }
        return out
    }

    /// `\r\n` and lone `\r` become `\n`; line numbers stay those an editor shows.
    static func normalizeNewlines(_ b: [UInt8]) -> [UInt8] {
        guard contains(0x0D, in: b, from: 0) else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x0D {
                out.append(0x0A)
                if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }
}
