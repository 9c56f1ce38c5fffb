#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown → plain text for analysis: the words a reader reads, none of the syntax.
///
/// Headings, list items and table rows become lines of their own; paragraphs are joined
/// into one line each. Dropped: heading markers, emphasis, link targets, images, fenced code,
/// HTML tags, reference definitions, rules. A small line-based converter rather than cmark,
/// because analysis needs only words and this runs on every article of every build.
enum MarkdownText {
    struct Converted {
        /// The lines — one paragraph, heading, list item or table row each, never empty and
        /// never holding a line break — joined by `\n`: the article's `text`, made as one
        /// string rather than one per line.
        var text: String
        /// The first heading when it comes before any other text, with its level. It is then
        /// also the first line.
        var leadingHeading: (level: Int, text: String)?

        var lines: [String] { text.split(separator: "\n").map(String.init) }

        /// The text without its first line.
        var droppingFirstLine: String {
            guard let nl = text.utf8.firstIndex(of: 0x0A) else { return "" }
            return String(text[text.utf8.index(after: nl)...])
        }
    }

    static func convert(_ b: [UInt8]) -> Converted {
        b.withUnsafeBufferPointer { convert($0) }
    }

    static func convert(_ b: UnsafeBufferPointer<UInt8>) -> Converted {
        var out = Lines(capacity: b.count)
        var leading: (Int, String)?
        var fence: (char: UInt8, count: Int)?

        let count = b.count
        var start = 0
        while start <= count {
            let end = start < count ? (firstIndex(of: 0x0A, in: b, start, count) ?? count) : count
            var s = start
            var indent = 0
            while s < end && (b[s] == 0x20 || b[s] == 0x09) { s += 1; indent += 1 }
            let next = end + 1
            defer { start = next }

            if let f = fence {
                if run(b, s, end, f.char) >= f.count, trimmedEmptyAfter(b, s + run(b, s, end, f.char), end) { fence = nil }
                continue
            }
            if s == end { out.flush(); continue }
            // Blockquote markers: strip and treat the rest as an ordinary line.
            while s < end && b[s] == 0x3E { s += 1; if s < end && b[s] == 0x20 { s += 1 } }
            while s < end && b[s] == 0x20 { s += 1 }
            if s == end { out.flush(); continue }
            let c = b[s]
            if (c == 0x60 || c == 0x7E), run(b, s, end, c) >= 3 {
                out.flush(); fence = (c, run(b, s, end, c)); continue
            }
            if c == 0x23 {
                let level = run(b, s, end, 0x23)
                if level <= 6, s + level == end || b[s + level] == 0x20 || b[s + level] == 0x09 {
                    out.flush()
                    var hs = s + level, he = end
                    while he > hs && (b[he - 1] == 0x20 || b[he - 1] == 0x23 || b[he - 1] == 0x09) { he -= 1 }
                    while hs < he && b[hs] == 0x20 { hs += 1 }
                    let first = !out.sawText && leading == nil
                    if let r = out.addLine(UnsafeBufferPointer(rebasing: b[hs..<he])), first { leading = (level, String(validUTF8: out.text, r)) }
                    continue
                }
            }
            // Setext underline or thematic break.
            if c == 0x3D || c == 0x2D || c == 0x2A || c == 0x5F {
                var k = s, marks = 0, other = false
                while k < end { if b[k] == c { marks += 1 } else if b[k] != 0x20 { other = true; break }; k += 1 }
                if !other {
                    if (c == 0x3D || c == 0x2D) && !out.para.isEmpty {
                        let level = c == 0x3D ? 1 : 2
                        let first = !out.sawText && leading == nil
                        if let r = out.takePara(), first { leading = (level, String(validUTF8: out.text, r)) }
                        continue
                    }
                    if marks >= 3 && c != 0x3D { out.flush(); continue }
                }
            }
            // Reference definition `[label]: url` — a link target, not prose.
            if c == 0x5B, let close = firstIndex(of: 0x5D, in: b, s, end), close + 1 < end, b[close + 1] == 0x3A { out.flush(); continue }
            // Table: a row of cells, or the `|---|:--:|` separator.
            if c == 0x7C {
                out.flush()
                if b[s..<end].allSatisfy({ $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 }) { continue }
                // The row's non-empty cells, one space between them.
                var row: [UInt8] = []
                for cell in b[s..<end].split(separator: 0x7C) {
                    let mark = row.count
                    if mark > 0 { row.append(0x20) }
                    let start = row.count
                    out.scratch.inline(UnsafeBufferPointer(rebasing: cell), appendingTo: &row)
                    if row.count == start { row.removeSubrange(mark...) }
                }
                if !row.isEmpty {
                    if !out.text.isEmpty { out.text.append(0x0A) }
                    out.text.append(contentsOf: row)
                    out.sawText = true
                }
                continue
            }
            // List item: `- `, `* `, `+ `, `1. `, `1) ` start a new line of their own.
            if (c == 0x2D || c == 0x2A || c == 0x2B) && s + 1 < end && b[s + 1] == 0x20 {
                out.flush(); s += 2
                if end - s >= 4, b[s] == 0x5B, b[s + 2] == 0x5D, b[s + 3] == 0x20 { s += 4 }
                out.para.append(contentsOf: UnsafeBufferPointer(rebasing: b[s..<end])); continue
            }
            if c >= 0x30 && c <= 0x39 {
                var k = s
                while k < end && b[k] >= 0x30 && b[k] <= 0x39 && k - s < 9 { k += 1 }
                if k + 1 < end, b[k] == 0x2E || b[k] == 0x29, b[k + 1] == 0x20 {
                    out.flush(); out.para.append(contentsOf: UnsafeBufferPointer(rebasing: b[(k + 2)..<end])); continue
                }
            }
            if !out.para.isEmpty { out.para.append(0x20) }
            out.para.append(contentsOf: UnsafeBufferPointer(rebasing: b[s..<end]))
        }
        out.flush()
        return Converted(text: String(validUTF8: out.text), leadingHeading: leading)
    }

    /// The text being built, line by line. A struct with methods rather than local functions
    /// capturing variables: captured variables are boxed and checked for exclusive access at
    /// run time on every use.
    struct Lines {
        var text: [UInt8] = []
        var sawText = false
        var para: [UInt8] = []
        var scratch = InlineScratch()

        init(capacity: Int) {
            text.reserveCapacity(capacity)
            para.reserveCapacity(1024)
        }

        /// Appends the words of `src` as a line: where they landed in `text`, or nil (and
        /// nothing appended) when there are none.
        mutating func addLine(_ src: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
            let mark = text.count
            if mark > 0 { text.append(0x0A) }
            let start = text.count
            scratch.inline(src, appendingTo: &text)
            if text.count == start { text.removeSubrange(mark...); return nil }
            sawText = true
            return start..<text.count
        }

        mutating func addLine(_ src: [UInt8]) -> Range<Int>? {
            src.withUnsafeBufferPointer { addLine($0) }
        }

        /// Ends the paragraph being gathered: its words become a line (see `addLine`). The
        /// paragraph is read in place, and keeps its buffer for the next one.
        mutating func takePara() -> Range<Int>? {
            let mark = text.count
            if mark > 0 { text.append(0x0A) }
            let start = text.count
            para.append(0)
            scratch.inline(terminated: &para, appendingTo: &text)
            para.removeAll(keepingCapacity: true)
            if text.count == start { text.removeSubrange(mark...); return nil }
            sawText = true
            return start..<text.count
        }

        mutating func flush() { _ = takePara() }
    }

    private static func run(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ c: UInt8) -> Int {
        run(UnsafeMutableBufferPointer(mutating: b), s, e, c)
    }

    private static func run(_ b: UnsafeMutableBufferPointer<UInt8>, _ s: Int, _ e: Int, _ c: UInt8) -> Int {
        var k = s
        while k < e && b[k] == c { k += 1 }
        return k - s
    }

    private static func trimmedEmptyAfter(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        b[s..<e].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// `memchr`: lines and paragraphs run to hundreds of bytes.
    private static func firstIndex(of c: UInt8, in b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        guard s < e, let base = b.baseAddress, let hit = memchr(base + s, Int32(c), e - s) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A }
    @inline(__always) private static func isWordByte(_ c: UInt8) -> Bool { HTMLEntities.isAlnum(c) || c >= 0x80 }

    /// Inline syntax → words: emphasis markers, code ticks, link targets, images, tags and
    /// backslash escapes go; entity references are decoded; whitespace is collapsed.
    static func inline(_ b: [UInt8]) -> String {
        var scratch = InlineScratch()
        return scratch.inline(b)
    }

    /// Where each delimiter closes, found in one pass each, so that a paragraph of 100,000
    /// unmatched `[`, `<` or `` ` `` costs linear time, not quadratic. Each table is built only
    /// when the paragraph holds the byte that consults it, and its storage is reused from one
    /// paragraph to the next.
    struct Pairs {
        /// For a `[` or `(`: the index of its matching `]` or `)`, else -1. Only consulted
        /// from a `[`, so left empty when the paragraph has none.
        var close: [Int32] = []
        /// For any index: the next `>` at or after it, else -1.
        var nextGT: [Int32] = []
        /// For the first backtick of a run: where the next run of the same length starts, else -1.
        var nextRun: [Int32] = []
        var squares: [Int32] = [], rounds: [Int32] = []
        var lastByLength: [Int: Int32] = [:]

        /// The tables as plain pointers for the inline pass: passing the arrays down its
        /// recursive calls cost a retain and a release of each, each time.
        func withView<R>(_ body: (View) -> R) -> R {
            close.withUnsafeBufferPointer { c in
                nextGT.withUnsafeBufferPointer { g in
                    nextRun.withUnsafeBufferPointer { r in body(View(close: c, nextGT: g, nextRun: r)) }
                }
            }
        }

        struct View {
            let close: UnsafeBufferPointer<Int32>
            let nextGT: UnsafeBufferPointer<Int32>
            let nextRun: UnsafeBufferPointer<Int32>
        }

        /// `b` is followed by a NUL byte (`InlineScratch` guarantees it), for `strcspn`.
        mutating func prepare(_ b: UnsafeBufferPointer<UInt8>) {
            let n = b.count
            close.removeAll(keepingCapacity: true)
            nextGT.removeAll(keepingCapacity: true)
            nextRun.removeAll(keepingCapacity: true)
            guard n > 0, let base = b.baseAddress else { return }
            // Most paragraphs hold none of the three bytes: one scan says so.
            if MarkdownText.span(base, MarkdownText.tableBytes) >= n { return }
            if memchr(base, 0x5B, n) != nil {
                close.append(contentsOf: repeatElement(-1, count: n))
                squares.removeAll(keepingCapacity: true); rounds.removeAll(keepingCapacity: true)
                var k = 0
                while k < n {
                    k += MarkdownText.span(base + k, MarkdownText.bracketBytes)
                    if k >= n { break }
                    switch b[k] {
                    case 0x5C: k += 1
                    case 0x5B: squares.append(Int32(k))
                    case 0x28: rounds.append(Int32(k))
                    case 0x5D: if let o = squares.popLast() { close[Int(o)] = Int32(k) }
                    case 0x29: if let o = rounds.popLast() { close[Int(o)] = Int32(k) }
                    default: break // a NUL inside the text
                    }
                    k += 1
                }
            }
            if memchr(base, 0x3C, n) != nil {
                nextGT.append(contentsOf: repeatElement(-1, count: n))
                var next: Int32 = -1
                var k = n - 1
                while k >= 0 { if b[k] == 0x3E { next = Int32(k) }; nextGT[k] = next; k -= 1 }
            }
            if memchr(base, 0x60, n) != nil {
                nextRun.append(contentsOf: repeatElement(-1, count: n))
                var runs: [(start: Int, length: Int)] = []
                var k = 0
                while k < n {
                    if b[k] == 0x60 { let s = k; while k < n && b[k] == 0x60 { k += 1 }; runs.append((s, k - s)) } else { k += 1 }
                }
                lastByLength.removeAll(keepingCapacity: true)
                for r in runs.reversed() {
                    nextRun[r.start] = lastByLength[r.length] ?? -1
                    lastByLength[r.length] = Int32(r.start)
                }
            }
        }
    }

    /// NUL-terminated byte sets for `strcspn`, which skips ordinary text 16 bytes at a time.
    /// Made once and never freed (pointers, so that passing them costs no reference counting).
    /// Bytes that may start inline syntax:
    nonisolated(unsafe) static let inlineBytes = byteSet([0x5C, 0x60, 0x21, 0x5B, 0x3C, 0x2A, 0x7E, 0x5F, 0x26])
    /// Bytes that need a delimiter table (a NUL inside the text stops the scan early, which
    /// only means the tables are looked for with `memchr`):
    nonisolated(unsafe) static let tableBytes = byteSet([0x5B, 0x3C, 0x60])
    /// Bytes the bracket matcher looks at:
    nonisolated(unsafe) static let bracketBytes = byteSet([0x5C, 0x5B, 0x5D, 0x28, 0x29])
    /// Whitespace `collapse` changes, besides the space:
    nonisolated(unsafe) static let otherWhitespace = byteSet([0x09, 0x0A, 0x0D, 0x0C])
    /// For `strstr`:
    nonisolated(unsafe) static let doubleSpace = byteSet([0x20, 0x20])

    private static func byteSet(_ bytes: [CChar]) -> UnsafePointer<CChar> {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        p.initialize(from: bytes, count: bytes.count)
        p[bytes.count] = 0
        return UnsafePointer(p)
    }

    /// How many bytes from `p` are not in `set`. `p` must reach a NUL.
    @inline(__always) static func span(_ p: UnsafePointer<UInt8>, _ set: UnsafePointer<CChar>) -> Int {
        strcspn(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self), set)
    }

    /// How deep link texts may nest (each level is a recursive call).
    static let maxNesting = 16

    /// Buffers reused across the paragraphs of one document: a NUL-terminated copy of the
    /// input (for `strcspn`), the delimiter tables, and the output.
    struct InlineScratch {
        var pairs = Pairs()
        var src: [UInt8] = []
        var out: [UInt8] = []

        mutating func inline(_ b: [UInt8]) -> String {
            var out: [UInt8] = []
            b.withUnsafeBufferPointer { inline($0, appendingTo: &out) }
            return String(validUTF8: out)
        }

        /// Appends the words of `b`, whitespace collapsed, to `dest`.
        mutating func inline(_ b: UnsafeBufferPointer<UInt8>, appendingTo dest: inout [UInt8]) {
            src.removeAll(keepingCapacity: true)
            src.append(contentsOf: b)
            src.append(0)
            Self.inline(terminated: &src, pairs: &pairs, out: &out, appendingTo: &dest)
        }

        /// `inline` for text that ends in a NUL of its own (not part of the text), read in
        /// place: the paragraph being gathered is not copied again.
        mutating func inline(terminated src: inout [UInt8], appendingTo dest: inout [UInt8]) {
            Self.inline(terminated: &src, pairs: &pairs, out: &out, appendingTo: &dest)
        }

        private static func inline(terminated src: inout [UInt8], pairs: inout Pairs, out: inout [UInt8], appendingTo dest: inout [UInt8]) {
            let n = src.count - 1
            // The raw output never outgrows the input: every step writes at most the bytes it
            // consumes. One more for a NUL after it.
            if out.count < n + 1 { out = [UInt8](repeating: 0, count: max(n + 1, 2 * out.count)) }
            src.withUnsafeMutableBufferPointer { s in
                let text = UnsafeBufferPointer(rebasing: s[0..<n])
                pairs.prepare(text)
                pairs.withView { pairs in
                    out.withUnsafeMutableBufferPointer { dst in
                        var w = Raw(dst: dst)
                        MarkdownText.inline(s, 0, n, pairs, into: &w, depth: 0)
                        dst[w.n] = 0
                        MarkdownText.collapse(UnsafeBufferPointer(rebasing: dst[0..<w.n]), appendingTo: &dest)
                    }
                }
            }
        }
    }

    /// The raw output of the inline pass (collapsed afterwards).
    struct Raw {
        let dst: UnsafeMutableBufferPointer<UInt8>
        var n = 0

        init(dst: UnsafeMutableBufferPointer<UInt8>) { self.dst = dst }

        @inline(__always) mutating func append(_ c: UInt8) { dst[n] = c; n += 1 }

        @inline(__always) mutating func append(_ b: UnsafeMutableBufferPointer<UInt8>, _ from: Int, _ to: Int) {
            guard to > from else { return }
            UnsafeMutableRawPointer(dst.baseAddress! + n).copyMemory(from: b.baseAddress! + from, byteCount: to - from)
            n += to - from
        }

        mutating func scalar(_ v: UInt32) {
            if v < 0x80 { append(UInt8(v)) }
            else if v < 0x800 { append(UInt8(0xC0 | (v >> 6))); append(UInt8(0x80 | (v & 0x3F))) }
            else if v < 0x10000 { append(UInt8(0xE0 | (v >> 12))); append(UInt8(0x80 | ((v >> 6) & 0x3F))); append(UInt8(0x80 | (v & 0x3F))) }
            else {
                append(UInt8(0xF0 | (v >> 18))); append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                append(UInt8(0x80 | ((v >> 6) & 0x3F))); append(UInt8(0x80 | (v & 0x3F)))
            }
        }
    }

    /// `b[from..<to]` → words. `b` is the scratch copy: a NUL sits at `b.count - 1`, and one is
    /// put at `to` while this range is read, so `strcspn` never runs past the range (a link
    /// text's scan stops at its own end: linear time however links nest).
    private static func inline(_ b: UnsafeMutableBufferPointer<UInt8>, _ from: Int, _ to: Int, _ pairs: Pairs.View,
                               into out: inout Raw, depth: Int) {
        let saved = b[to]
        b[to] = 0
        defer { b[to] = saved }
        let base = b.baseAddress!
        var i = from
        while i < to {
            let k = min(i + span(base + i, inlineBytes), to)
            out.append(b, i, k)
            i = k
            if i >= to { break }
            let c = b[i]
            switch c {
            case 0x5C: // backslash escape
                if i + 1 < to, b[i + 1] < 0x80, b[i + 1] > 0x20, !HTMLEntities.isAlnum(b[i + 1]) { out.append(b[i + 1]); i += 2 }
                else { out.append(c); i += 1 }
            case 0x60: // code span: content verbatim
                let n = run(b, i, to, 0x60)
                let closed = pairs.nextRun.isEmpty ? -1 : Int(pairs.nextRun[i])
                if closed > i, closed + n <= to { out.append(b, i + n, closed); i = closed + n }
                else { out.append(b, i, i + n); i += n }
            case 0x21 where i + 1 < to && b[i + 1] == 0x5B: // image: dropped whole
                if let (_, after) = link(b, i + 1, to, pairs) { i = after } else { out.append(c); i += 1 }
            case 0x5B:
                if i + 1 < to, b[i + 1] == 0x5E, let close = closing(i, to, pairs) { i = close + 1; continue } // footnote ref
                if depth < maxNesting, let (text, after) = link(b, i, to, pairs) {
                    inline(b, text.lowerBound, text.upperBound, pairs, into: &out, depth: depth + 1); i = after
                }
                else { out.append(c); i += 1 }
            case 0x3C: // autolink keeps its address as text; tags go
                let close = pairs.nextGT.isEmpty || i + 1 >= b.count - 1 ? -1 : Int(pairs.nextGT[i + 1])
                if close > i + 1, close < to {
                    let inner = b[(i + 1)..<close]
                    if inner.contains(0x3A), !inner.contains(0x20), HTMLEntities.isAlnum(inner.first!) {
                        out.append(b, i + 1, close); i = close + 1; continue
                    }
                    let n = b[i + 1]
                    if (n | 0x20) >= 0x61 && (n | 0x20) <= 0x7A || n == 0x2F || n == 0x21 || n == 0x3F {
                        out.append(0x20); i = close + 1; continue
                    }
                }
                out.append(c); i += 1
            case 0x2A, 0x7E, 0x5F: // emphasis and strikethrough delimiters
                let n = run(b, i, to, c)
                let before: UInt8 = i > from ? b[i - 1] : 0x20
                let after: UInt8 = i + n < to ? b[i + n] : 0x20
                let opens = !isSpace(after), closes = !isSpace(before)
                var delimiter = opens || closes
                if c == 0x5F && isWordByte(before) && isWordByte(after) { delimiter = false }
                if c == 0x7E && n < 2 { delimiter = false }
                if delimiter { i += n } else { out.append(b, i, i + n); i += n }
            case 0x26:
                if let (v, next) = HTMLEntities.reference(UnsafeBufferPointer(b), at: i, end: to) { out.scalar(v); i = next }
                else { out.append(c); i += 1 }
            default:
                out.append(c); i += 1
            }
        }
    }

    private static func closing(_ i: Int, _ to: Int, _ pairs: Pairs.View) -> Int? {
        guard !pairs.close.isEmpty else { return nil }
        let k = Int(pairs.close[i])
        return k > i && k < to ? k : nil
    }

    /// `[text](target)` or `[text][ref]` at `i` (which holds `[`): the text range and the index
    /// after the whole link, or nil when the brackets do not form a link.
    private static func link(_ b: UnsafeMutableBufferPointer<UInt8>, _ i: Int, _ to: Int, _ pairs: Pairs.View) -> (Range<Int>, Int)? {
        guard let k = closing(i, to, pairs), k + 1 < to else { return nil }
        let text = (i + 1)..<k
        if b[k + 1] == 0x28 || b[k + 1] == 0x5B, let m = closing(k + 1, to, pairs) { return (text, m + 1) }
        return nil
    }

    /// `collapse(Array(s.utf8))`, returning `s` itself when it needs no change (the usual
    /// case for a line of text): no copy, no new string.
    static func collapse(_ s: String) -> String {
        var s = s
        let unchanged = s.withUTF8 { u -> Bool in
            guard let first = u.first, let last = u.last else { return true }
            if first == 0x20 || last == 0x20 { return false }
            let raw = UnsafeRawBufferPointer(u)
            var previous: UInt8 = 0
            var i = 0
            // Eight bytes at a time: no byte below 0x20 and no two spaces side by side (also
            // across the word boundary). Words that fail are looked at byte by byte.
            while i + 8 <= u.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let low = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
                let t = w ^ 0x2020_2020_2020_2020
                let spaces = ~(((t & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | t | 0x7F7F_7F7F_7F7F_7F7F)
                let pair = spaces & (spaces >> 8) | (previous == 0x20 ? spaces & 0x80 : 0)
                if low | pair == 0 { previous = u[i + 7]; i += 8; continue }
                for k in i..<(i + 8) {
                    let c = u[k]
                    if c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || (c == 0x20 && previous == 0x20) { return false }
                    previous = c
                }
                i += 8
            }
            while i < u.count {
                let c = u[i]
                if c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || (c == 0x20 && previous == 0x20) { return false }
                previous = c
                i += 1
            }
            return true
        }
        return unchanged ? s : collapse(Array(s.utf8))
    }

    /// Runs of spaces and tabs become one space; leading and trailing ones go.
    static func collapse(_ b: [UInt8]) -> String {
        var copy = b
        copy.append(0)
        var out: [UInt8] = []
        copy.withUnsafeBufferPointer { collapse(UnsafeBufferPointer(rebasing: $0[0..<b.count]), appendingTo: &out) }
        return String(validUTF8: out)
    }

    /// `collapse` for bytes followed by a NUL, appended to `dest`. Text that needs no change
    /// (no leading or trailing space, no double space, no other whitespace: most paragraphs)
    /// is found with `strcspn` and `strstr`, not a byte loop. (`strcspn` also stops at a NUL
    /// inside the text, so `strstr` only runs on text without one.)
    static func collapse(_ src: UnsafeBufferPointer<UInt8>, appendingTo dest: inout [UInt8]) {
        let n = src.count
        guard n > 0, let base = src.baseAddress else { return }
        if base[0] != 0x20, base[n - 1] != 0x20, span(base, otherWhitespace) >= n,
           strstr(UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), doubleSpace) == nil {
            dest.append(contentsOf: src)
            return
        }
        var pendingSpace = false
        let start = dest.count
        for c in src {
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                pendingSpace = dest.count > start
            } else {
                if pendingSpace { dest.append(0x20); pendingSpace = false }
                dest.append(c)
            }
        }
    }
}
