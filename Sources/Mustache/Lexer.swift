/// A template split into tokens, grouped by source line.
///
/// Lexing applies set-delimiter tags as it goes (they change how the rest of the template
/// splits) and cuts text at every newline, so that each line is a run of tokens: the unit
/// the spec's standalone rules work on.
struct Token {
    enum Kind: UInt8 {
        case text, variable, unescaped, section, inverted, close, partial, parent, block, comment, delimiters
    }
    var kind: Kind
    /// For text: the bytes. For a tag: the whole tag, delimiters included.
    var start: Int
    var end: Int
    /// The tag's content, trimmed (for `{{> * name }}`: `name`).
    var nameStart = 0
    var nameEnd = 0
    /// `{{>*name}}` / `{{<*name}}`: the template name is looked up in the data.
    var dynamic = false
    /// Delimiters in force, recorded on section tags for lambdas.
    var delimiters: Delimiters? = nil

    // Filled in by the line analysis.
    /// Dropped from the output: whitespace and line ending of a standalone line.
    var removed = false
    /// Standalone partial or parent: the whitespace before it, which indents its lines.
    var standaloneIndent: [UInt8]? = nil
    /// Block opening tags: how an overriding argument is placed.
    var placement: SlotPlacement = .none

    var isTag: Bool { kind != .text }
    /// Tags that may stand alone on a line (everything but interpolation).
    var canStandAlone: Bool { kind != .text && kind != .variable && kind != .unescaped }
    var opensScope: Bool { kind == .section || kind == .inverted || kind == .parent || kind == .block }
}

struct Lexer {
    let source: [UInt8]
    let name: String
    private(set) var delimiters: Delimiters
    private(set) var tokens: [Token] = []
    /// Token index ranges, one per source line (the last may be empty).
    private(set) var lines: [Range<Int>] = []
    private var lineStart = 0

    init(source: [UInt8], name: String, delimiters: Delimiters = .standard) {
        self.source = source
        self.name = name
        self.delimiters = delimiters
    }

    func error(_ kind: MustacheError.Kind, _ message: String, at offset: Int) -> MustacheError {
        MustacheError(kind: kind, message: message, templateName: name, source: source, offset: offset)
    }

    mutating func run() throws {
        var pos = 0
        let n = source.count
        tokens.reserveCapacity(n / 16 + 4)
        while pos < n {
            guard let tagStart = find(delimiters.open, from: pos) else {
                emitText(pos, n)
                break
            }
            emitText(pos, tagStart)
            pos = try lexTag(at: tagStart)
        }
        lines.append(lineStart..<tokens.count)
    }

    private mutating func emitText(_ from: Int, _ to: Int) {
        var s = from
        var i = from
        while i < to {
            if source[i] == 0x0A {
                tokens.append(Token(kind: .text, start: s, end: i + 1))
                lines.append(lineStart..<tokens.count)
                lineStart = tokens.count
                s = i + 1
            }
            i += 1
        }
        if s < to { tokens.append(Token(kind: .text, start: s, end: to)) }
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        let n = source.count
        let m = needle.count
        guard m > 0, n >= m else { return nil }
        let first = needle[0]
        var i = from
        let last = n - m
        while i <= last {
            if source[i] == first {
                var j = 1
                while j < m && source[i + j] == needle[j] { j += 1 }
                if j == m { return i }
            }
            i += 1
        }
        return nil
    }

    private func delimiterText(_ d: [UInt8]) -> String { String(decoding: d, as: UTF8.self) }

    private func unclosed(_ at: Int) -> MustacheError {
        let open = delimiterText(delimiters.open), close = delimiterText(delimiters.close)
        return error(.unclosedTag, "unclosed tag: '\(open)' has no matching '\(close)'", at: at)
    }

    /// Lexes the tag starting at `p`; returns the offset just past it.
    private mutating func lexTag(at p: Int) throws -> Int {
        let close = delimiters.close
        var c = p + delimiters.open.count
        guard c < source.count else { throw unclosed(p) }
        let sigil = source[c]
        let kind: Token.Kind
        switch sigil {
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "="): kind = .delimiters
        case UInt8(ascii: "{"): kind = .unescaped
        case UInt8(ascii: "&"): kind = .unescaped
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        default: kind = .variable
        }
        if kind != .variable { c += 1 }

        // Where the content ends and the tag ends.
        let contentEnd: Int
        let tagEnd: Int
        switch sigil {
        case UInt8(ascii: "{"):
            guard let e = find([UInt8(ascii: "}")] + close, from: c) else {
                if find(close, from: c) != nil {
                    let open = delimiterText(delimiters.open)
                    throw error(.unclosedTag, "unclosed triple mustache: '\(open){' must end with '}\(delimiterText(close))'", at: p)
                }
                throw unclosed(p)
            }
            contentEnd = e
            tagEnd = e + 1 + close.count
        case UInt8(ascii: "="):
            guard let e = find([UInt8(ascii: "=")] + close, from: c) else {
                if find(close, from: c) != nil {
                    throw error(.badDelimiters, "bad set-delimiter tag: write it as \(delimiterText(delimiters.open))=<open> <close>=\(delimiterText(close))", at: p)
                }
                throw unclosed(p)
            }
            contentEnd = e
            tagEnd = e + 1 + close.count
        default:
            guard let e = find(close, from: c) else { throw unclosed(p) }
            contentEnd = e
            tagEnd = e + close.count
        }

        var token = Token(kind: kind, start: p, end: tagEnd)
        var s = c, e = contentEnd
        while s < e, isSpace(source[s]) { s += 1 }
        while e > s, isSpace(source[e - 1]) { e -= 1 }

        switch kind {
        case .comment:
            break
        case .delimiters:
            try setDelimiters(s, e, tagAt: p)
        default:
            if (kind == .partial || kind == .parent || kind == .close), s < e, source[s] == UInt8(ascii: "*") {
                token.dynamic = true
                s += 1
                while s < e, isSpace(source[s]) { s += 1 }
            }
            try validateName(s, e, kind: kind, tagAt: p)
            if kind == .section || kind == .inverted { token.delimiters = delimiters }
        }
        token.nameStart = s
        token.nameEnd = e
        tokens.append(token)
        return tagEnd
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func validateName(_ s: Int, _ e: Int, kind: Token.Kind, tagAt p: Int) throws {
        if s == e {
            throw error(.invalidName(""), "empty tag: a name is missing between the delimiters", at: p)
        }
        guard source[s..<e].contains(where: isSpace) else { return }
        let text = String(decoding: source[s..<e], as: UTF8.self)
        if source[s..<e].contains(0x0A) {
            throw error(.invalidName(text), "unclosed tag: the name runs into the next line; is '\(delimiterText(delimiters.close))' missing?", at: p)
        }
        throw error(.invalidName(text), "invalid name '\(text)': names cannot contain spaces", at: p)
    }

    private mutating func setDelimiters(_ s: Int, _ e: Int, tagAt p: Int) throws {
        let parts = source[s..<e].split(whereSeparator: isSpace)
        guard parts.count == 2, !parts[0].contains(UInt8(ascii: "=")), !parts[1].contains(UInt8(ascii: "=")) else {
            throw error(.badDelimiters, "bad set-delimiter tag: it needs exactly two delimiters without '=', as in {{=<% %>=}}", at: p)
        }
        delimiters = Delimiters(open: Array(parts[0]), close: Array(parts[1]))
    }
}
