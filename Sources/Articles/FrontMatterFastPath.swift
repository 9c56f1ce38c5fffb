/// The front matter nearly every article carries, read by hand: Yams costs more than the rest
/// of a file's parse put together, and a nightly build reads the whole archive.
///
/// The subset: top-level `key: value` lines (keys `[A-Za-z0-9_][A-Za-z0-9_.-]*` at column 0),
/// each value on its key's line as plain text, 'single'- or "double"-quoted text (common
/// escapes), or a `[A, B]` list of such words; or a key alone followed by `- item` lines;
/// blank lines and `# comments` anywhere. It yields exactly the entries Yams yields (the
/// differential tests in FrontMatterEquivalenceTests hold it to that) and answers nil — the
/// caller then asks Yams — for anything it does not fully understand: anchors, aliases, tags,
/// block scalars, multi-line values, nested pairs, flow maps, tabs, control or line-separator
/// characters, repeated keys, and every input Yams would reject. Errors are therefore always
/// Yams's, worded as before.
enum FrontMatterFastPath {
    typealias Entry = FrontMatter.Entry
    typealias Value = FrontMatter.Value

    /// The block's pairs, or nil when it is outside the subset.
    static func entries(_ b: UnsafeBufferPointer<UInt8>) -> [Entry]? {
        guard charactersAreSafe(b) else { return nil }
        let n = b.count
        var entries: [Entry] = []
        entries.reserveCapacity(8)
        // A key with nothing after it on its line: `- item` lines may follow, else it is empty.
        var pending: (key: String, line: Int)?
        var items: [Value] = []
        var itemIndent = 0, itemsLine = 0
        var i = 0, line = 0
        var text = ""
        var plain = false
        while i < n {
            line += 1
            let start = i
            var e = i
            while e < n && b[e] != 0x0A { e += 1 }
            i = e + 1
            var s = start
            while s < e && b[s] == 0x20 { s += 1 }
            if s == e || b[s] == 0x23 { continue } // blank or comment
            let indent = s - start
            if b[s] == 0x2D, s + 1 == e || b[s + 1] == 0x20 { // `- item`
                guard pending != nil else { return nil }
                if items.isEmpty { itemIndent = indent; itemsLine = line } else if indent != itemIndent { return nil }
                var v = s + 1
                while v < e && b[v] == 0x20 { v += 1 }
                guard v < e, b[v] != 0x23 else { return nil } // an empty item
                let after = scalar(b, v, e, flow: false, text: &text, plain: &plain)
                guard after >= 0, endsLine(b, after, e) else { return nil }
                items.append(.scalar(text, plain: plain, line: line))
                continue
            }
            // Anything indented that is not an item continues or nests a value.
            guard indent == 0 else { return nil }
            if let p = pending {
                entries.append(Entry(key: p.key, value: items.isEmpty ? .scalar("", plain: true, line: p.line) : .sequence(items, line: itemsLine)))
                pending = nil
                items.removeAll()
            }
            guard isKeyStart(b[s]) else { return nil }
            var k = s + 1
            while k < e && isKeyByte(b[k]) { k += 1 }
            guard k < e, b[k] == 0x3A, k + 1 == e || b[k + 1] == 0x20, k - s <= 128 else { return nil }
            let key = string(b, s, k)
            // Yams refuses repeated keys; let it say so.
            guard !entries.contains(where: { $0.key == key }) else { return nil }
            var v = k + 1
            while v < e && b[v] == 0x20 { v += 1 }
            if v == e || b[v] == 0x23 { pending = (key, line); continue }
            if b[v] == 0x5B {
                var list: [Value] = []
                let after = flowSequence(b, v, e, line: line, items: &list)
                guard after >= 0, endsLine(b, after, e) else { return nil }
                entries.append(Entry(key: key, value: .sequence(list, line: line)))
            } else {
                let after = scalar(b, v, e, flow: false, text: &text, plain: &plain)
                guard after >= 0, endsLine(b, after, e) else { return nil }
                entries.append(Entry(key: key, value: .scalar(text, plain: plain, line: line)))
            }
        }
        if let p = pending {
            entries.append(Entry(key: p.key, value: items.isEmpty ? .scalar("", plain: true, line: p.line) : .sequence(items, line: itemsLine)))
        }
        return entries
    }

    // MARK: pieces

    /// Only spaces, `\n` and printable characters: no tabs (YAML's indentation rules for them
    /// are subtle), no control characters Yams refuses, no NEL/LS/PS (YAML line breaks), no BOM
    /// or non-characters.
    static func charactersAreSafe(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var k = 0
        let raw = UnsafeRawBufferPointer(b)
        while k < n {
            // Eight bytes at a time when all are printable ASCII (0x20–0x7E).
            if k + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                if ((w &- 0x2020_2020_2020_2020) | w | (w &+ 0x0101_0101_0101_0101)) & 0x8080_8080_8080_8080 == 0 { k += 8; continue }
            }
            let c = b[k]
            if c < 0x80 {
                if (c < 0x20 && c != 0x0A) || c == 0x7F { return false }
            } else if c == 0xC2 {
                if k + 1 >= n || b[k + 1] < 0xA0 { return false } // C1 controls, NEL
            } else if c == 0xE2 {
                if k + 2 >= n || (b[k + 1] == 0x80 && (b[k + 2] == 0xA8 || b[k + 2] == 0xA9)) { return false } // LS, PS
            } else if c == 0xEF {
                if k + 2 >= n || (b[k + 1] == 0xBB && b[k + 2] == 0xBF) || (b[k + 1] == 0xBF && b[k + 2] >= 0xBE) { return false }
            }
            k += 1
        }
        return true
    }

    @inline(__always) static func isKeyStart(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c == 0x5F
    }

    @inline(__always) static func isKeyByte(_ c: UInt8) -> Bool { isKeyStart(c) || c == 0x2D || c == 0x2E }

    /// Only spaces, or spaces then a comment, from `k` to the end of the line.
    static func endsLine(_ b: UnsafeBufferPointer<UInt8>, _ k: Int, _ e: Int) -> Bool {
        var j = k
        while j < e && b[j] == 0x20 { j += 1 }
        return j == e || (j > k && b[j] == 0x23)
    }

    static func string(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        String(validUTF8: UnsafeBufferPointer(rebasing: b[s..<e]))
    }

    /// A scalar starting at `v` (not a space) on a line ending at `e`: its text and whether it
    /// is plain go to `text` and `plain`; returns the index after it, or -1 to decline. In a
    /// flow list (`flow`) a plain word ends at `,` or `]`.
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ v: Int, _ e: Int, flow: Bool, text: inout String, plain: inout Bool) -> Int {
        switch b[v] {
        case 0x22: plain = false; return doubleQuoted(b, v, e, text: &text)
        case 0x27: plain = false; return singleQuoted(b, v, e, text: &text)
        default: break
        }
        let c = b[v]
        // YAML indicators cannot start plain text (`-` can, before a non-space, outside lists).
        switch c {
        case 0x2D:
            if flow || v + 1 >= e || b[v + 1] == 0x20 { return -1 }
        case 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x25, 0x40, 0x60:
            return -1
        default: break
        }
        var k = v
        while k < e {
            let c = b[k]
            if flow {
                if c == 0x2C || c == 0x5D { break }
                if c == 0x5B || c == 0x7B || c == 0x7D || c == 0x23 || c == 0x3A { return -1 }
            } else {
                if c == 0x3A && (k + 1 == e || b[k + 1] == 0x20) { return -1 } // `a: b` inside a value
                if c == 0x23 && b[k - 1] == 0x20 { break } // a comment
            }
            k += 1
        }
        if flow && k == e { return -1 } // the list goes on to the next line
        var end = k
        while end > v && b[end - 1] == 0x20 { end -= 1 }
        text = string(b, v, end)
        plain = true
        return end
    }

    /// `'…'` closed on its line; `''` is a quote.
    static func singleQuoted(_ b: UnsafeBufferPointer<UInt8>, _ v: Int, _ e: Int, text: inout String) -> Int {
        var k = v + 1
        var out: [UInt8]?
        var run = k
        while true {
            guard k < e else { return -1 }
            if b[k] == 0x27 {
                guard k + 1 < e, b[k + 1] == 0x27 else { break }
                if out == nil { out = [] }
                out!.append(contentsOf: b[run...k])
                k += 2
                run = k
                continue
            }
            k += 1
        }
        if var o = out { o.append(contentsOf: b[run..<k]); text = String(validUTF8: o) } else { text = string(b, v + 1, k) }
        return k + 1
    }

    /// `"…"` closed on its line, with the escapes titles use; others (`\0`, `\e`, `\N`…) go to Yams.
    static func doubleQuoted(_ b: UnsafeBufferPointer<UInt8>, _ v: Int, _ e: Int, text: inout String) -> Int {
        var k = v + 1
        var out: [UInt8]?
        var run = k
        while true {
            while k < e && b[k] != 0x22 && b[k] != 0x5C { k += 1 }
            guard k < e else { return -1 }
            if b[k] == 0x22 { break }
            guard k + 1 < e else { return -1 }
            if out == nil { out = []; out!.reserveCapacity(e - v) }
            out!.append(contentsOf: b[run..<k])
            var width = 0
            switch b[k + 1] {
            case 0x22, 0x5C, 0x2F: out!.append(b[k + 1])
            case 0x6E: out!.append(0x0A)
            case 0x74: out!.append(0x09)
            case 0x72: out!.append(0x0D)
            case 0x20: out!.append(0x20)
            case 0x5F: out!.append(0xC2); out!.append(0xA0)
            case 0x78: width = 2
            case 0x75: width = 4
            case 0x55: width = 8
            default: return -1
            }
            k += 2
            if width > 0 {
                guard k + width <= e else { return -1 }
                var code: UInt32 = 0
                for j in k..<(k + width) {
                    let h = b[j]
                    let d: UInt32
                    if h >= 0x30 && h <= 0x39 { d = UInt32(h - 0x30) }
                    else if (h | 0x20) >= 0x61 && (h | 0x20) <= 0x66 { d = UInt32((h | 0x20) - 0x61 + 10) }
                    else { return -1 }
                    code = code << 4 | d
                }
                // Printable characters only: controls, surrogates, BOM and non-characters go to Yams.
                let printable = (code >= 0x20 && code < 0x7F) || (code >= 0xA0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)
                    && code != 0xFEFF && code != 0xFFFE && code != 0xFFFF)
                guard printable else { return -1 }
                TextDecoding.appendScalar(code, to: &out!)
                k += width
            }
            run = k
        }
        if var o = out { o.append(contentsOf: b[run..<k]); text = String(validUTF8: o) } else { text = string(b, v + 1, k) }
        return k + 1
    }

    /// `[A, B]` closed on its line, items plain or quoted; empty items and trailing commas go to Yams.
    static func flowSequence(_ b: UnsafeBufferPointer<UInt8>, _ v: Int, _ e: Int, line: Int, items: inout [Value]) -> Int {
        var k = v + 1
        while k < e && b[k] == 0x20 { k += 1 }
        if k < e && b[k] == 0x5D { return k + 1 }
        var text = ""
        var plain = false
        while true {
            guard k < e else { return -1 }
            let after = scalar(b, k, e, flow: true, text: &text, plain: &plain)
            guard after >= 0 else { return -1 }
            items.append(.scalar(text, plain: plain, line: line))
            k = after
            while k < e && b[k] == 0x20 { k += 1 }
            guard k < e else { return -1 }
            if b[k] == 0x5D { return k + 1 }
            guard b[k] == 0x2C else { return -1 }
            k += 1
            while k < e && b[k] == 0x20 { k += 1 }
            guard k < e, b[k] != 0x5D, b[k] != 0x2C else { return -1 }
        }
    }
}
