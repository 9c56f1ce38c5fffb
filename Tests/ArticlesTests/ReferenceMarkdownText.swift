// The Markdown → text converter as it was before it was rewritten for speed (byte pointers,
// lazily built delimiter tables, whitespace collapsed while writing), kept verbatim as the
// reference the differential tests hold the new one to. Not used by the product.
@testable import Articles

/// Markdown → plain text for analysis: the words a reader reads, none of the syntax.
///
/// Headings, list items and table rows become lines of their own; paragraphs are joined
/// into one line each. Dropped: heading markers, emphasis, link targets, images, fenced code,
/// HTML tags, reference definitions, rules. A small line-based converter rather than cmark,
/// because analysis needs only words and this runs on every article of every build.
enum ReferenceMarkdownText {
    struct Converted {
        /// One paragraph, heading, list item or table row per element.
        var lines: [String]
        /// The first heading when it comes before any other text, with its level.
        var leadingHeading: (level: Int, text: String)?
    }

    static func convert(_ b: [UInt8]) -> Converted {
        var lines: [String] = []
        var leading: (Int, String)?
        var para: [UInt8] = []
        var fence: (char: UInt8, count: Int)?
        var sawText = false

        func flush() {
            let cleaned = inline(para)
            para.removeAll(keepingCapacity: true)
            if !cleaned.isEmpty { lines.append(cleaned); sawText = true }
        }

        var start = 0
        while start <= b.count {
            var end = start
            while end < b.count && b[end] != 0x0A { end += 1 }
            var s = start
            var indent = 0
            while s < end && (b[s] == 0x20 || b[s] == 0x09) { s += 1; indent += 1 }
            let next = end + 1
            defer { start = next }

            if let f = fence {
                if run(b, s, end, f.char) >= f.count, trimmedEmptyAfter(b, s + run(b, s, end, f.char), end) { fence = nil }
                continue
            }
            if s == end { flush(); continue }
            // Blockquote markers: strip and treat the rest as an ordinary line.
            while s < end && b[s] == 0x3E { s += 1; if s < end && b[s] == 0x20 { s += 1 } }
            while s < end && b[s] == 0x20 { s += 1 }
            if s == end { flush(); continue }
            let c = b[s]
            if (c == 0x60 || c == 0x7E), run(b, s, end, c) >= 3 {
                flush(); fence = (c, run(b, s, end, c)); continue
            }
            if c == 0x23 {
                let level = run(b, s, end, 0x23)
                if level <= 6, s + level == end || b[s + level] == 0x20 || b[s + level] == 0x09 {
                    flush()
                    var hs = s + level, he = end
                    while he > hs && (b[he - 1] == 0x20 || b[he - 1] == 0x23 || b[he - 1] == 0x09) { he -= 1 }
                    while hs < he && b[hs] == 0x20 { hs += 1 }
                    let text = inline(Array(b[hs..<he]))
                    if !text.isEmpty {
                        if !sawText && leading == nil { leading = (level, text) }
                        lines.append(text); sawText = true
                    }
                    continue
                }
            }
            // Setext underline or thematic break.
            if c == 0x3D || c == 0x2D || c == 0x2A || c == 0x5F {
                var k = s, marks = 0, other = false
                while k < end { if b[k] == c { marks += 1 } else if b[k] != 0x20 { other = true; break }; k += 1 }
                if !other {
                    if (c == 0x3D || c == 0x2D) && !para.isEmpty {
                        let level = c == 0x3D ? 1 : 2
                        let text = inline(para); para.removeAll()
                        if !text.isEmpty {
                            if !sawText && leading == nil { leading = (level, text) }
                            lines.append(text); sawText = true
                        }
                        continue
                    }
                    if marks >= 3 && c != 0x3D { flush(); continue }
                }
            }
            // Reference definition `[label]: url` — a link target, not prose.
            if c == 0x5B, let close = firstIndex(of: 0x5D, in: b, s, end), close + 1 < end, b[close + 1] == 0x3A { flush(); continue }
            // Table: a row of cells, or the `|---|:--:|` separator.
            if c == 0x7C {
                flush()
                if b[s..<end].allSatisfy({ $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 }) { continue }
                let cells = b[s..<end].split(separator: 0x7C).map { inline(Array($0)) }.filter { !$0.isEmpty }
                if !cells.isEmpty { lines.append(cells.joined(separator: " ")); sawText = true }
                continue
            }
            // List item: `- `, `* `, `+ `, `1. `, `1) ` start a new line of their own.
            if (c == 0x2D || c == 0x2A || c == 0x2B) && s + 1 < end && b[s + 1] == 0x20 {
                flush(); s += 2
                if end - s >= 4, b[s] == 0x5B, b[s + 2] == 0x5D, b[s + 3] == 0x20 { s += 4 }
                para.append(contentsOf: b[s..<end]); continue
            }
            if c >= 0x30 && c <= 0x39 {
                var k = s
                while k < end && b[k] >= 0x30 && b[k] <= 0x39 && k - s < 9 { k += 1 }
                if k + 1 < end, b[k] == 0x2E || b[k] == 0x29, b[k + 1] == 0x20 {
                    flush(); para.append(contentsOf: b[(k + 2)..<end]); continue
                }
            }
            if !para.isEmpty { para.append(0x20) }
            para.append(contentsOf: b[s..<end])
        }
        flush()
        return Converted(lines: lines, leadingHeading: leading)
    }

    private static func run(_ b: [UInt8], _ s: Int, _ e: Int, _ c: UInt8) -> Int {
        var k = s
        while k < e && b[k] == c { k += 1 }
        return k - s
    }

    private static func trimmedEmptyAfter(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        b[s..<e].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private static func firstIndex(of c: UInt8, in b: [UInt8], _ s: Int, _ e: Int) -> Int? {
        var k = s
        while k < e { if b[k] == c { return k }; k += 1 }
        return nil
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A }
    @inline(__always) private static func isWordByte(_ c: UInt8) -> Bool { HTMLEntities.isAlnum(c) || c >= 0x80 }

    /// Inline syntax → words: emphasis markers, code ticks, link targets, images, tags and
    /// backslash escapes go; entity references are decoded; whitespace is collapsed.
    static func inline(_ b: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        let pairs = Pairs(b)
        inline(b, 0, b.count, pairs, into: &out, depth: 0)
        return collapse(out)
    }

    /// Where each delimiter closes, found in one pass each, so that a paragraph of 100,000
    /// unmatched `[`, `<` or `` ` `` costs linear time, not quadratic.
    struct Pairs {
        /// For a `[` or `(`: the index of its matching `]` or `)`, else -1.
        var close: [Int32] = []
        /// For any index: the next `>` at or after it, else -1.
        var nextGT: [Int32] = []
        /// For the first backtick of a run: where the next run of the same length starts, else -1.
        var nextRun: [Int32] = []

        init(_ b: [UInt8]) {
            let n = b.count
            var hasBracket = false, hasLT = false, hasTick = false
            for c in b { if c == 0x5B || c == 0x28 { hasBracket = true } else if c == 0x3C { hasLT = true } else if c == 0x60 { hasTick = true } }
            if hasBracket {
                close = Array(repeating: -1, count: n)
                var squares: [Int32] = [], rounds: [Int32] = []
                var k = 0
                while k < n {
                    switch b[k] {
                    case 0x5C: k += 1
                    case 0x5B: squares.append(Int32(k))
                    case 0x28: rounds.append(Int32(k))
                    case 0x5D: if let o = squares.popLast() { close[Int(o)] = Int32(k) }
                    case 0x29: if let o = rounds.popLast() { close[Int(o)] = Int32(k) }
                    default: break
                    }
                    k += 1
                }
            }
            if hasLT {
                nextGT = Array(repeating: -1, count: n)
                var next: Int32 = -1
                var k = n - 1
                while k >= 0 { if b[k] == 0x3E { next = Int32(k) }; nextGT[k] = next; k -= 1 }
            }
            if hasTick {
                nextRun = Array(repeating: -1, count: n)
                var runs: [(start: Int, length: Int)] = []
                var k = 0
                while k < n {
                    if b[k] == 0x60 { let s = k; while k < n && b[k] == 0x60 { k += 1 }; runs.append((s, k - s)) } else { k += 1 }
                }
                var lastByLength: [Int: Int32] = [:]
                for r in runs.reversed() {
                    nextRun[r.start] = lastByLength[r.length] ?? -1
                    lastByLength[r.length] = Int32(r.start)
                }
            }
        }
    }

    /// Bytes that may start inline syntax; everything else is copied in runs.
    private static let special: [Bool] = (0..<256).map { [0x5C, 0x60, 0x21, 0x5B, 0x3C, 0x2A, 0x7E, 0x5F, 0x26].contains($0) }

    /// How deep link texts may nest (each level is a recursive call).
    static let maxNesting = 16

    private static func inline(_ b: [UInt8], _ from: Int, _ to: Int, _ pairs: Pairs, into out: inout [UInt8], depth: Int) {
        var i = from
        while i < to {
            let c = b[i]
            if !special[Int(c)] {
                var k = i + 1
                while k < to && !special[Int(b[k])] { k += 1 }
                out.append(contentsOf: b[i..<k])
                i = k
                continue
            }
            switch c {
            case 0x5C: // backslash escape
                if i + 1 < to, b[i + 1] < 0x80, b[i + 1] > 0x20, !HTMLEntities.isAlnum(b[i + 1]) { out.append(b[i + 1]); i += 2 }
                else { out.append(c); i += 1 }
            case 0x60: // code span: content verbatim
                let n = run(b, i, to, 0x60)
                let closed = pairs.nextRun.isEmpty ? -1 : Int(pairs.nextRun[i])
                if closed > i, closed + n <= to { out.append(contentsOf: b[(i + n)..<closed]); i = closed + n }
                else { out.append(contentsOf: b[i..<(i + n)]); i += n }
            case 0x21 where i + 1 < to && b[i + 1] == 0x5B: // image: dropped whole
                if let (_, after) = link(b, i + 1, to, pairs) { i = after } else { out.append(c); i += 1 }
            case 0x5B:
                if i + 1 < to, b[i + 1] == 0x5E, let close = closing(i, to, pairs) { i = close + 1; continue } // footnote ref
                if depth < maxNesting, let (text, after) = link(b, i, to, pairs) {
                    inline(b, text.lowerBound, text.upperBound, pairs, into: &out, depth: depth + 1); i = after
                }
                else { out.append(c); i += 1 }
            case 0x3C: // autolink keeps its address as text; tags go
                let close = pairs.nextGT.isEmpty || i + 1 >= b.count ? -1 : Int(pairs.nextGT[i + 1])
                if close > i + 1, close < to {
                    let inner = b[(i + 1)..<close]
                    if inner.contains(0x3A), !inner.contains(0x20), HTMLEntities.isAlnum(inner.first!) {
                        out.append(contentsOf: inner); i = close + 1; continue
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
                if delimiter { i += n } else { out.append(contentsOf: b[i..<(i + n)]); i += n }
            case 0x26:
                if let (v, next) = HTMLEntities.reference(b, at: i, end: to) { TextDecoding.appendScalar(v, to: &out); i = next }
                else { out.append(c); i += 1 }
            default:
                out.append(c); i += 1
            }
        }
    }

    private static func closing(_ i: Int, _ to: Int, _ pairs: Pairs) -> Int? {
        guard !pairs.close.isEmpty else { return nil }
        let k = Int(pairs.close[i])
        return k > i && k < to ? k : nil
    }

    /// `[text](target)` or `[text][ref]` at `i` (which holds `[`): the text range and the index
    /// after the whole link, or nil when the brackets do not form a link.
    private static func link(_ b: [UInt8], _ i: Int, _ to: Int, _ pairs: Pairs) -> (Range<Int>, Int)? {
        guard let k = closing(i, to, pairs), k + 1 < to else { return nil }
        let text = (i + 1)..<k
        if b[k + 1] == 0x28 || b[k + 1] == 0x5B, let m = closing(k + 1, to, pairs) { return (text, m + 1) }
        return nil
    }

    /// Runs of spaces and tabs become one space; leading and trailing ones go.
    static func collapse(_ b: [UInt8]) -> String {
        b.withUnsafeBufferPointer { src in
            String(unsafeUninitializedCapacity: src.count) { dst in
                var n = 0
                var pendingSpace = false
                for c in src {
                    if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                        pendingSpace = n > 0
                    } else {
                        if pendingSpace { dst[n] = 0x20; n += 1; pendingSpace = false }
                        dst[n] = c; n += 1
                    }
                }
                return n
            }
        }
    }
}

/// The body reading of Markdown and text files as it was before it moved to byte ranges
/// (a String per line, `VendorFooter.clean` on strings, joined again for the converter).
enum ReferenceDocumentBody {
    static func read(_ bytes: [UInt8], from bodyStart: Int, title: String?, format: BodyFormat) -> DocumentBody.Read {
        var result = DocumentBody.Read(title: title, body: "", text: "", vendorSentiment: nil)
        let bodyBytes = Array(bytes[bodyStart...])
        let cleaned = clean(PlainText.lines(bodyBytes))
        result.vendorSentiment = cleaned.sentiment
        var lines = cleaned.lines
        while let f = lines.first, PlainText.isBlank(f) { lines.removeFirst() }
        while let l = lines.last, PlainText.isBlank(l) { lines.removeLast() }

        if format == .markdown {
            var converted = ReferenceMarkdownText.convert(Array(lines.joined(separator: "\n").utf8))
            if result.title == nil, let h = converted.leadingHeading, h.level == 1 {
                result.title = h.text
                if let first = lines.firstIndex(where: { !PlainText.isBlank($0) }), lines[first].hasPrefix("#") {
                    lines.remove(at: first)
                    while let f = lines.first, PlainText.isBlank(f) { lines.removeFirst() }
                }
                if converted.lines.first == h.text { converted.lines.removeFirst() }
            }
            result.body = lines.joined(separator: "\n")
            result.text = converted.lines.joined(separator: "\n")
        } else {
            if result.title == nil, let first = lines.first {
                let next = lines.dropFirst().first { !PlainText.isBlank($0) }
                if PlainText.isHeadline(first, next: next) {
                    result.title = ReferenceMarkdownText.collapse(Array(first.utf8))
                    lines.removeFirst()
                }
            }
            let paragraphs = PlainText.paragraphs(lines)
            result.text = paragraphs.joined(separator: "\n")
            result.body = paragraphs.joined(separator: "\n\n")
        }
        return result
    }

    /// `VendorFooter.clean` as it was.
    static func clean(_ lines: [String]) -> VendorFooter.Result {
        var start = lines.count
        var footerStart: Int?
        var k = lines.count - 1
        while k >= 0 {
            let t = lines[k].trimmingASCIISpaces
            if t.isEmpty { k -= 1; continue }
            guard let tokens = VendorFooter.tokenize(t) else { break }
            if tokens.contains(where: { if case .marker = $0 { return true }; return $0 == .marketing }) { footerStart = k }
            k -= 1
        }
        var sentiment: VendorSentiment?
        if let f = footerStart {
            start = f
            var tokens: [VendorFooter.Token] = []
            for line in lines[f...] { tokens += VendorFooter.tokenize(line.trimmingASCIISpaces) ?? [] }
            sentiment = VendorFooter.interpret(tokens)
        }
        var kept: [String] = []
        kept.reserveCapacity(start)
        for line in lines[0..<start] where !VendorFooter.isMarketing(line) { kept.append(line) }
        return VendorFooter.Result(lines: kept, sentiment: sentiment)
    }
}

/// Small helpers as they were before their fast paths.
enum ReferenceHelpers {
    static func fileExtension(_ path: String) -> String {
        let u = path.utf8
        let nameStart = u.lastIndex(of: 0x2F).map { u.index(after: $0) } ?? u.startIndex
        guard let dot = u[nameStart...].lastIndex(of: 0x2E), dot != nameStart else { return "" }
        let ext = Substring(path.utf8[u.index(after: dot)...])
        return ext.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? ext.lowercased() : String(ext)
    }

    static func isHTTP(_ u: String) -> Bool {
        let lower = u.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    static func slugify(_ s: String) -> String {
        let maxLength = Slugs.maxLength
        var out: [UInt8] = []
        out.reserveCapacity(min(s.utf8.count, maxLength * 2))
        var dash = false
        func emit(_ c: UInt8) {
            if dash && !out.isEmpty { out.append(0x2D) }
            dash = false
            out.append(c)
        }
        let source = s.utf8.allSatisfy({ $0 < 0x80 }) ? s : s.folding(options: [.diacriticInsensitive], locale: nil)
        for scalar in source.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let c = UInt8(v)
                if c >= 0x61 && c <= 0x7A || c >= 0x30 && c <= 0x39 { emit(c) }
                else if c >= 0x41 && c <= 0x5A { emit(c | 0x20) }
                else { dash = true }
            } else if let t = Slugs.transliteration[v] {
                for c in t.utf8 { emit(c) }
            } else {
                dash = true
            }
            if out.count > maxLength * 2 { break }
        }
        if out.count > maxLength {
            var cut = maxLength
            while cut > maxLength / 2 && out[cut] != 0x2D { cut -= 1 }
            if cut <= maxLength / 2 { cut = maxLength }
            out.removeSubrange(cut...)
            while out.last == 0x2D { out.removeLast() }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `Deduplicator.forEachNormalizedByte` as it was.
    static func forEachNormalizedByte(_ text: String, _ emit: (UInt8) -> Void) {
        var text = text
        text.withUTF8 { b in
            var space = false
            var started = false
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    i += 1
                    let lower = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
                    if (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                        if space && started { emit(0x20) }
                        space = false; started = true
                        emit(lower)
                    } else {
                        space = true
                    }
                    continue
                }
                // One multi-byte scalar (the string is valid UTF-8).
                let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                var v = UInt32(c) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
                for k in 1..<len where i + k < n { v = v << 6 | UInt32(b[i + k] & 0x3F) }
                let scalarStart = i
                i = min(i + len, n)
                guard let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                    space = true; continue
                }
                if space && started { emit(0x20) }
                space = false; started = true
                if scalar.properties.changesWhenLowercased {
                    for x in scalar.properties.lowercaseMapping.utf8 { emit(x) }
                } else {
                    for k in scalarStart..<i { emit(b[k]) }
                }
            }
        }
    }
}
