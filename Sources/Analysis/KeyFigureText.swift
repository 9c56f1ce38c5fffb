/// A sentence's UTF-8 bytes, read the way the key-figure rules read text.
///
/// Why: `KeyFigures.find` used to copy every sentence into `[Unicode.Scalar]` and build a
/// `String` for each word it looked at. Here a position is a byte offset that always sits on a
/// scalar boundary (the bytes come from a Swift `String`, so they are valid UTF-8); stepping to
/// the next or previous position steps one whole scalar, as indexing the scalar array did. An
/// ASCII byte is answered from the byte itself; a non-ASCII scalar is decoded and asked the same
/// Unicode property the scalar rules asked (`isAlphabetic`, `isUppercase`), so each rule sees
/// exactly the text it saw before.
struct FigureText {
    let bytes: UnsafeBufferPointer<UInt8>
    /// `FigureWords.table`, read once per sentence rather than through its lazy global on every
    /// word (held strongly: an `unowned(unsafe)` reference is retained around every call).
    let words: WordTable
    /// Whether the whole sentence is ASCII (most are): then no range needs checking. Found out
    /// only when asked (`scanForASCII`): a sentence the prefilter turns away need not pay for it.
    let allASCII: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>, scanForASCII: Bool = true) {
        self.bytes = bytes
        self.words = FigureWords.table
        self.allASCII = scanForASCII && UTF8Text(bytes).isASCII(0, bytes.count)
    }

    var count: Int { bytes.count }

    subscript(i: Int) -> UInt8 {
        @inline(__always) get { bytes[i] }
    }

    private var utf8: UTF8Text { UTF8Text(bytes) }

    // MARK: - Stepping by scalars

    /// The position of the scalar after the one at `i`.
    @inline(__always) func after(_ i: Int) -> Int { i + UTF8Text.length(lead: bytes[i]) }

    /// The position of the scalar that ends just before `i` (`i > 0`).
    @inline(__always) func before(_ i: Int) -> Int { utf8.previousStart(i) }

    /// The position `scalars` scalars after `i`, or the end.
    func advance(_ i: Int, scalars: Int) -> Int {
        var k = i, left = scalars
        while k < count, left > 0 { k = after(k); left -= 1 }
        return k
    }

    /// The position `scalars` scalars before `i`, or 0.
    func retreat(_ i: Int, scalars: Int) -> Int {
        var k = i, left = scalars
        while k > 0, left > 0 { k = before(k); left -= 1 }
        return k
    }

    // MARK: - Classes of the scalar at a position

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isASCIIAlnum(_ b: UInt8) -> Bool { isASCIILetter(b) || isDigit(b) }

    /// A letter: ASCII a–z, A–Z, or a non-ASCII scalar with the Alphabetic property.
    @inline(__always) func isLetter(at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return Self.isASCIILetter(b) }
        return utf8.scalar(at: i).properties.isAlphabetic
    }

    /// A letter or an ASCII digit.
    @inline(__always) func isAlnum(at i: Int) -> Bool { Self.isDigit(bytes[i]) || isLetter(at: i) }

    @inline(__always) func isUppercase(at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return b &- 0x41 < 26 }
        return utf8.scalar(at: i).properties.isUppercase
    }

    /// Byte length of the currency sign at `i` ("$", "€", "£", "¥"), 0 when there is none.
    @inline(__always) func currencyLength(at i: Int) -> Int {
        let b = bytes[i]
        if b == 0x24 { return 1 }
        if b == 0xC2, i + 1 < count, bytes[i + 1] == 0xA3 || bytes[i + 1] == 0xA5 { return 2 }
        if b == 0xE2, i + 2 < count, bytes[i + 1] == 0x82, bytes[i + 2] == 0xAC { return 3 }
        return 0
    }

    /// Whether the scalar just before `i` is a currency sign.
    @inline(__always) func isCurrency(before i: Int) -> Bool {
        let p = before(i)
        return currencyLength(at: p) == i - p
    }

    /// Byte length of the dash at `i` ("-", "–", "—"), 0 when there is none.
    @inline(__always) func dashLength(at i: Int) -> Int {
        let b = bytes[i]
        if b == 0x2D { return 1 }
        if b == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94 { return 3 }
        return 0
    }

    /// Whether the scalar at `i` is U+2019 (’), which joins words like an apostrophe.
    @inline(__always) func isRightQuote(at i: Int) -> Bool {
        bytes[i] == 0xE2 && i + 2 < count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99
    }

    // MARK: - Words

    /// The run of letters (and digits, and inner hyphens/apostrophes followed by a letter or
    /// digit) starting at `i`, or nil when no letter starts there.
    func word(at i: Int) -> Range<Int>? {
        guard i >= 0, i < count, isLetter(at: i) else { return nil }
        var e = i
        while e < count {
            let b = bytes[e]
            if b < 0x80 {
                if Self.isASCIIAlnum(b) { e += 1; continue }
                if b == 0x2D || b == 0x27, e + 1 < count, isAlnum(at: e + 1) { e += 1; continue }
                break
            }
            if isRightQuote(at: e) {
                if e + 3 < count, isAlnum(at: e + 3) { e += 3; continue }
                break
            }
            if isLetter(at: e) { e = after(e); continue }
            break
        }
        return i..<e
    }

    /// The word starting one scalar after `end`, whatever that scalar is (the rules step over
    /// the space or other separator there without looking at it).
    @inline(__always) func word(after end: Int) -> Range<Int>? {
        end < count ? word(at: after(end)) : nil
    }

    /// The word that ends just before `i`, with at least one space between, or nil. It may hold
    /// inner "-", "'", "’" and "." ("U.S.", "charge-offs").
    func wordBefore(_ i: Int) -> Range<Int>? {
        var e = i
        while e > 0, bytes[e - 1] == 0x20 { e -= 1 }
        guard e < i, e > 0, isAlnum(at: before(e)) else { return nil }
        var b = e
        while b > 0 {
            let p = before(b)
            if isAlnum(at: p) { b = p; continue }
            let c = bytes[p]
            if c == 0x2D || c == 0x27 || c == 0x2E || isRightQuote(at: p), p > 0, isAlnum(at: before(p)) { b = p; continue }
            break
        }
        return b..<e
    }

    // MARK: - Ranges

    @inline(__always) func isASCII(_ r: Range<Int>) -> Bool { allASCII || utf8.isASCII(r.lowerBound, r.upperBound) }

    /// The first ASCII digit at or after `i`, or `count`; eight bytes at a time.
    @inline(__always) func nextDigit(from i: Int) -> Int {
        utf8.firstIndex(from: i, to: count, mask: { x in
            // Per byte, without carries between bytes: at least "0", not past "9", and ASCII.
            let low = x & 0x7F7F_7F7F_7F7F_7F7F
            return (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ~x & 0x8080_8080_8080_8080
        }, wanted: Self.isDigit)
    }

    func contains(_ byte: UInt8, in r: Range<Int>) -> Bool {
        for k in r where bytes[k] == byte { return true }
        return false
    }

    func firstIndex(of byte: UInt8, from i: Int) -> Int? {
        var k = i
        while k < count { if bytes[k] == byte { return k }; k += 1 }
        return nil
    }

    func string(_ r: Range<Int>) -> String { utf8.string(r.lowerBound, r.upperBound) }

    /// Words joined by single spaces, the way a context is shown.
    func joined<Words: Collection<Range<Int>>>(_ words: Words) -> String {
        var out = ""
        out.reserveCapacity(words.reduce(words.count) { $0 + $1.count })
        var first = true
        for w in words {
            if !first { out.append(" ") }
            out.append(string(w))
            first = false
        }
        return out
    }
}
