/// Escaping of `{{x}}` values, one byte-level routine per output format.
///
/// Each routine scans the UTF-8 bytes once and copies runs that need no change in bulk, so the
/// common case (plain text) costs one comparison per byte. All special characters are ASCII,
/// so multi-byte UTF-8 sequences pass through untouched (XML and JSON look at the few
/// multi-byte characters their grammars forbid).
enum Escaping {
    /// Appends `bytes`, escaped for `format`, to `out`.
    @inline(__always)
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, format: OutputFormat, to out: inout OutputBuffer) {
        switch format {
        case .html: appendHTML(bytes, to: &out)
        case .xml: appendXML(bytes, to: &out)
        case .json: appendJSON(bytes, to: &out)
        case .markdown: appendMarkdown(bytes, to: &out)
        case .text: out.append(bytes)
        }
    }

    /// Escapes `string` for `format` into `out`, without copying native strings.
    @inline(__always)
    static func append(_ string: String, format: OutputFormat, to out: inout OutputBuffer) {
        if format == .text {
            out.append(string)
            return
        }
        if let done: Void = string.utf8.withContiguousStorageIfAvailable({ append($0, format: format, to: &out) }) {
            return done
        }
        var copy = string
        copy.withUTF8 { append($0, format: format, to: &out) }
    }

    @inline(__always)
    private static func flush(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ out: inout OutputBuffer) {
        if to > from { out.append(bytes.baseAddress! + from, count: to - from) }
    }

    @inline(__always)
    private static func put(_ literal: StaticString, _ out: inout OutputBuffer) {
        out.append(literal)
    }

    // MARK: HTML

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of the word may equal one of the five: a SWAR zero-byte test per
    /// character. It can report a false positive (then the byte loop decides), never a false
    /// negative.
    @inline(__always)
    private static func mayContain(_ w: UInt64, _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8) -> Bool {
        @inline(__always) func zero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let hit = zero(w ^ (UInt64(a) &* ones)) | zero(w ^ (UInt64(b) &* ones)) | zero(w ^ (UInt64(c) &* ones))
            | zero(w ^ (UInt64(d) &* ones)) | zero(w ^ (UInt64(e) &* ones))
        return hit != 0
    }

    /// `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`. The spec requires the first four; `'` is
    /// escaped too so that values are safe inside single-quoted attributes. `&#39;` (rather
    /// than `&apos;`) is understood by every HTML version.
    static func appendHTML(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
        var run = 0
        var i = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return }
        while i < n {
            // Eight bytes at a time while none of them needs escaping (most text).
            if n - i >= 8 {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if !mayContain(w, 0x26, 0x3C, 0x3E, 0x22, 0x27) { i += 8; continue }
            }
            let b = bytes[i]
            if b > 0x3E || b < 0x22 { i += 1; continue }
            switch b {
            case 0x26: flush(bytes, run, i, &out); put("&amp;", &out)
            case 0x3C: flush(bytes, run, i, &out); put("&lt;", &out)
            case 0x3E: flush(bytes, run, i, &out); put("&gt;", &out)
            case 0x22: flush(bytes, run, i, &out); put("&quot;", &out)
            case 0x27: flush(bytes, run, i, &out); put("&#39;", &out)
            default: i += 1; continue
            }
            i += 1
            run = i
        }
        flush(bytes, run, n, &out)
    }

    // MARK: XML

    /// The five predefined entities, plus U+FFFD for what XML 1.0 cannot hold even as a
    /// character reference (C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF), so a
    /// stray control character in scraped article text cannot make a feed ill-formed.
    static func appendXML(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
        var run = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b > 0x3E && b != 0xEF { i += 1; continue }
            var skip = 1
            switch b {
            case 0x26: flush(bytes, run, i, &out); put("&amp;", &out)
            case 0x3C: flush(bytes, run, i, &out); put("&lt;", &out)
            case 0x3E: flush(bytes, run, i, &out); put("&gt;", &out)
            case 0x22: flush(bytes, run, i, &out); put("&quot;", &out)
            case 0x27: flush(bytes, run, i, &out); put("&apos;", &out)
            case 0x09, 0x0A, 0x0D: i += 1; continue
            case 0x00..<0x20: flush(bytes, run, i, &out); put("\u{FFFD}", &out)
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                if i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF {
                    flush(bytes, run, i, &out); put("\u{FFFD}", &out)
                    skip = 3
                } else {
                    i += 1; continue
                }
            default: i += 1; continue
            }
            i += skip
            run = i
        }
        flush(bytes, run, n, &out)
    }

    // MARK: JSON

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// JSON string content: `"` and `\` backslashed, control characters as `\n`-style or
    /// `\u00XX` escapes. `< > &` and U+2028/U+2029 become `\u` escapes too, so the output is
    /// also safe inside an HTML `<script>` element and in JavaScript string literals.
    static func appendJSON(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
        var run = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x3C && b != 0x3E && b != 0x26 && b != 0xE2 {
                i += 1; continue
            }
            var skip = 1
            switch b {
            case 0x22: flush(bytes, run, i, &out); put("\\\"", &out)
            case 0x5C: flush(bytes, run, i, &out); put("\\\\", &out)
            case 0x0A: flush(bytes, run, i, &out); put("\\n", &out)
            case 0x0D: flush(bytes, run, i, &out); put("\\r", &out)
            case 0x09: flush(bytes, run, i, &out); put("\\t", &out)
            case 0x08: flush(bytes, run, i, &out); put("\\b", &out)
            case 0x0C: flush(bytes, run, i, &out); put("\\f", &out)
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                if i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    flush(bytes, run, i, &out)
                    put(bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", &out)
                    skip = 3
                } else {
                    i += 1; continue
                }
            default:
                flush(bytes, run, i, &out)
                put("\\u00", &out)
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0xF)])
            }
            i += skip
            run = i
        }
        flush(bytes, run, n, &out)
    }

    // MARK: Markdown

    /// CommonMark-safe text: the value can never open a link, an image, raw HTML, emphasis,
    /// a code span or a heading, wherever in the template it lands.
    ///
    /// - `\ ` * _ [ ] < | ~` are always backslash-escaped (CommonMark lets any ASCII
    ///   punctuation be escaped, and renders it literally);
    /// - `&` is escaped only where it would start an entity (`&amp;`, `&#38;`), so "S&P" stays;
    /// - at the start of the value, which may be the start of a line, the block markers
    ///   `#`, `>`, list bullets, setext underlines and ordered-list numbers are escaped;
    /// - line breaks become spaces: a value is always inline text, so data cannot start a new
    ///   block (a heading, a list, a code block) on a line of its own.
    static func appendMarkdown(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
        let n = bytes.count
        var i = 0
        // Leading whitespace (line breaks included) becomes one space: four spaces at a line
        // start would open a code block. Then look at the first visible character.
        while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        if i > 0 { out.append(0x20) }
        if i < n {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "#"), UInt8(ascii: ">"):
                out.append(0x5C); out.append(c); i += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
                let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0x20
                if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == c {
                    out.append(0x5C)
                }
                out.append(c); i += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var j = i
                while j < n, j - i < 10, bytes[j] >= 0x30 && bytes[j] <= 0x39 { j += 1 }
                if j < n, bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")") {
                    let after: UInt8 = j + 1 < n ? bytes[j + 1] : 0x20
                    if after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D {
                        out.append(bytes.baseAddress! + i, count: j - i)
                        out.append(0x5C); out.append(bytes[j])
                        i = j + 1
                    }
                }
            default: break
            }
        }
        var run = i
        while i < n {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "|"),
                 UInt8(ascii: "~"):
                flush(bytes, run, i, &out)
                out.append(0x5C); out.append(b)
                i += 1; run = i
            case UInt8(ascii: "&"):
                if startsEntity(bytes, at: i) {
                    flush(bytes, run, i, &out)
                    out.append(0x5C); out.append(b)
                    i += 1; run = i
                } else {
                    i += 1
                }
            case 0x0D, 0x0A:
                flush(bytes, run, i, &out)
                out.append(0x20)
                i += (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                run = i
            default:
                i += 1
            }
        }
        flush(bytes, run, n, &out)
    }

    /// Whether `&` at `i` begins something CommonMark reads as an entity or character
    /// reference: `&name;`, `&#123;` or `&#x1F;`.
    private static func startsEntity(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var j = i + 1
        let n = bytes.count
        func isAlnum(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        }
        if j < n, bytes[j] == UInt8(ascii: "#") {
            j += 1
            if j < n, bytes[j] == UInt8(ascii: "x") || bytes[j] == UInt8(ascii: "X") { j += 1 }
        }
        let start = j
        while j < n, j - start < 32, isAlnum(bytes[j]) { j += 1 }
        return j > start && j < n && bytes[j] == UInt8(ascii: ";")
    }
}
