/// The spec's whitespace rules, decided from the template text before the tree is built.
///
/// 1. **Standalone lines.** A line holding only spaces/tabs and non-interpolating tags is
///    removed from the output, whitespace and line ending included. Normally that means one
///    tag; two tags may share a standalone line only where the text between them is ignored
///    anyway, i.e. directly inside a parent tag (`{{<parent}}{{$block}}`,
///    `{{/block}}{{/parent}}`), as the `~inheritance` tests require.
/// 2. **Indentation.** A standalone partial or parent records the whitespace before it: every
///    line it includes gets that indentation.
/// 3. **Block reindentation.** A block argument whose opening tag is standalone loses its
///    "intrinsic" indentation (that of its first line) on every line, and a slot records the
///    indentation an overriding argument must take: that of the line after its opening tag
///    (its default content, or its closing tag when it has none).
enum LineAnalysis {
    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// Whether a text token is only spaces/tabs, optionally ending in `\n` or `\r\n`.
    private static func isBlankText(_ t: Token, _ src: [UInt8]) -> Bool {
        var e = t.end
        if e > t.start, src[e - 1] == 0x0A {
            e -= 1
            if e > t.start, src[e - 1] == 0x0D { e -= 1 }
        }
        var i = t.start
        while i < e {
            if !isBlank(src[i]) { return false }
            i += 1
        }
        return true
    }

    /// Marks standalone lines and fills in the indentation facts on `tokens`.
    /// Returns which lines are standalone.
    static func apply(tokens: inout [Token], lines: [Range<Int>], source src: [UInt8]) -> [Bool] {
        // Pass 1: which lines are standalone. Tracks nesting only to know when the text
        // between two tags is directly inside a parent tag (and so ignored).
        var standalone = [Bool](repeating: false, count: lines.count)
        var nest: [Token.Kind] = []
        for (li, line) in lines.enumerated() {
            var ok = true
            var tags = 0
            for ti in line {
                let t = tokens[ti]
                let ignored = nest.last == .parent
                if t.kind == .text {
                    if !ignored && !isBlankText(t, src) { ok = false }
                    continue
                }
                if !t.canStandAlone { ok = false; continue }
                if tags > 0 && !ignored { ok = false }
                tags += 1
                if t.opensScope { nest.append(t.kind) } else if t.kind == .close, !nest.isEmpty { nest.removeLast() }
            }
            standalone[li] = ok && tags > 0
        }

        // Pass 2: dedent block arguments, record indentation, drop standalone whitespace.
        struct Open {
            var kind: Token.Kind
            /// For block arguments: their intrinsic indentation (nil until the next line
            /// tells it); `[]` for everything else.
            var dedent: [UInt8]?
            var isArgument: Bool
        }
        var open: [Open] = []
        var pendingSlot: Int? = nil
        for (li, line) in lines.enumerated() {
            guard !line.isEmpty else { continue }
            let first = line.lowerBound
            // Leading whitespace of the line.
            var wsEnd = tokens[first].start
            if tokens[first].kind == .text {
                while wsEnd < tokens[first].end, isBlank(src[wsEnd]) { wsEnd += 1 }
            }
            var cut = tokens[first].start
            for k in open.indices where open[k].isArgument {
                if open[k].dedent == nil { open[k].dedent = Array(src[cut..<wsEnd]) }
                let d = open[k].dedent!
                var j = 0
                while j < d.count, cut < wsEnd, src[cut] == d[j] { cut += 1; j += 1 }
            }
            if tokens[first].kind == .text { tokens[first].start = cut }
            let lineIndent = Array(src[cut..<max(cut, wsEnd)])
            if let slot = pendingSlot {
                tokens[slot].placement = .standalone(lineIndent)
                pendingSlot = nil
            }

            let isStandalone = standalone[li]
            var lastTag: Int? = nil
            var firstTagSeen = false
            var onlyBlankBefore = true
            for ti in line {
                let t = tokens[ti]
                if t.kind == .text {
                    if isStandalone { tokens[ti].removed = true }
                    else if !firstTagSeen && !isBlankText(t, src) { onlyBlankBefore = false }
                    continue
                }
                if !firstTagSeen {
                    firstTagSeen = true
                    if isStandalone, t.kind == .partial || t.kind == .parent {
                        tokens[ti].standaloneIndent = lineIndent
                    }
                    if !isStandalone, t.kind == .block, onlyBlankBefore {
                        tokens[ti].placement = .inline(first == ti ? [] : lineIndent)
                    }
                }
                lastTag = ti
                if t.opensScope {
                    let isArgument = t.kind == .block && open.last?.kind == .parent
                    open.append(Open(kind: t.kind, dedent: [], isArgument: isArgument))
                } else if t.kind == .close, !open.isEmpty {
                    open.removeLast()
                }
            }
            // A block opening tag that ends a standalone line takes its indentation from the
            // next line: arguments strip it, slots hand it to their arguments.
            if isStandalone, let last = lastTag, tokens[last].kind == .block, let top = open.last, top.kind == .block {
                if top.isArgument {
                    open[open.count - 1].dedent = nil
                } else {
                    pendingSlot = last
                }
            }
        }
        return standalone
    }
}
