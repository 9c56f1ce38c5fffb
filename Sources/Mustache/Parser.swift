/// Turns template text into the node tree: lex, apply the whitespace rules, then nest.
///
/// Nesting uses an explicit stack (no recursion), so no input can overflow the parser's
/// stack; the depth limit keeps rendering (which does recurse) within bounds as well.
enum Parser {
    /// Sections, parents and blocks may nest this deep in one template.
    static let maxNesting = 100

    static func parse(_ source: [UInt8], name: String, delimiters: Delimiters = .standard) throws -> [Node] {
        guard source.count < Int(UInt32.max) else {
            throw MustacheError(kind: .unreadable, message: "template larger than 4 GB", templateName: name)
        }
        var lexer = Lexer(source: source, name: name, delimiters: delimiters)
        try lexer.run()
        var tokens = lexer.tokens
        let lines = lexer.lines
        let standalone = LineAnalysis.apply(tokens: &tokens, lines: lines, source: source)
        let info = SourceInfo(name: name, bytes: source)
        var builder = TreeBuilder(source: source, info: info, tokens: tokens)
        for (li, line) in lines.enumerated() {
            if !standalone[li], line.contains(where: { !tokens[$0].removed && (tokens[$0].isTag || tokens[$0].end > tokens[$0].start) }) {
                builder.appendLineStart()
            }
            for ti in line where !tokens[ti].removed {
                try builder.add(ti)
            }
        }
        return try builder.finish()
    }
}

private struct TreeBuilder {
    let source: [UInt8]
    let info: SourceInfo
    let tokens: [Token]

    struct Frame {
        var token: Int
        var children: [Node] = []
        var arguments: [String: BlockArgument] = [:]
    }
    var frames: [Frame] = [Frame(token: -1)]

    init(source: [UInt8], info: SourceInfo, tokens: [Token]) {
        self.source = source
        self.info = info
        self.tokens = tokens
    }

    func error(_ kind: MustacheError.Kind, _ message: String, at offset: Int) -> MustacheError {
        MustacheError(kind: kind, message: message, templateName: info.name, source: source, offset: offset)
    }

    func text(_ t: Token) -> String { String(decoding: source[t.nameStart..<t.nameEnd], as: UTF8.self) }

    /// The name as written, for matching open and close tags (`*name` when dynamic).
    func scopeName(_ t: Token) -> String { (t.dynamic ? "*" : "") + text(t) }

    /// Whether the innermost open scope is a parent tag, whose content other than block
    /// arguments is ignored.
    var insideParent: Bool {
        guard let top = frames.last, top.token >= 0 else { return false }
        return tokens[top.token].kind == .parent
    }

    mutating func append(_ node: Node) {
        if insideParent { return }
        frames[frames.count - 1].children.append(node)
    }

    mutating func appendLineStart() { append(.lineStart) }

    /// Text nodes are source ranges; neighbours that are contiguous in the source merge.
    mutating func appendText(_ t: Token) {
        guard t.end > t.start, !insideParent else { return }
        let last = frames.count - 1
        if case .text(let start, let count)? = frames[last].children.last, Int(start + count) == t.start {
            frames[last].children[frames[last].children.count - 1] = .text(start: start, count: count + UInt32(t.end - t.start))
        } else {
            frames[last].children.append(.text(start: UInt32(t.start), count: UInt32(t.end - t.start)))
        }
    }

    func name(_ t: Token) throws -> Name {
        let s = text(t)
        guard let n = Name(s) else {
            throw error(.invalidName(s), "invalid name '\(s)': dotted names need a key between every two dots", at: t.start)
        }
        return n
    }

    func reference(_ t: Token) throws -> TemplateReference {
        t.dynamic ? .dynamic(try name(t)) : .fixed(text(t))
    }

    func indentation(_ t: Token) -> Indentation {
        if let ws = t.standaloneIndent { return .standalone(ws) }
        return .none
    }

    mutating func add(_ ti: Int) throws {
        let t = tokens[ti]
        switch t.kind {
        case .text:
            appendText(t)
        case .comment, .delimiters:
            break
        case .variable, .unescaped:
            append(.variable(VariableNode(name: try name(t), escaped: t.kind == .variable, offset: t.start)))
        case .partial:
            append(.partial(PartialNode(reference: try reference(t), indentation: indentation(t), offset: t.start)))
        case .section, .inverted, .parent, .block:
            if t.kind == .section || t.kind == .inverted { _ = try name(t) }
            if frames.count > Parser.maxNesting {
                throw error(.tooDeep, "sections nested more than \(Parser.maxNesting) deep", at: t.start)
            }
            frames.append(Frame(token: ti))
        case .close:
            try close(ti)
        }
    }

    mutating func close(_ ti: Int) throws {
        let t = tokens[ti]
        let closing = scopeName(t)
        guard frames.count > 1 else {
            throw error(.unexpectedClose(closing), "unexpected {{/\(closing)}}: no section named '\(closing)' is open", at: t.start)
        }
        let frame = frames.removeLast()
        let o = tokens[frame.token]
        let opened = scopeName(o)
        guard opened == closing else {
            let (line, _) = lineColumn(o.start)
            frames.append(frame)
            throw error(.mismatchedClose(expected: opened, found: closing),
                        "mismatched closing tag {{/\(closing)}}: the innermost open section is '\(opened)' (opened on line \(line)); close it with {{/\(opened)}} first",
                        at: t.start)
        }
        switch o.kind {
        case .section, .inverted:
            append(.section(SectionNode(name: try name(o), inverted: o.kind == .inverted, children: frame.children,
                                        bodyStart: o.end, bodyEnd: t.start, delimiters: o.delimiters ?? .standard,
                                        offset: o.start, source: info)))
        case .parent:
            append(.parent(ParentNode(reference: try reference(o), arguments: frame.arguments,
                                      indentation: indentation(o), offset: o.start)))
        case .block:
            if insideParent {
                frames[frames.count - 1].arguments[opened] = BlockArgument(children: frame.children, source: info)
            } else {
                append(.block(BlockNode(name: opened, children: frame.children, placement: o.placement)))
            }
        default:
            break
        }
    }

    func lineColumn(_ offset: Int) -> (Int, Int) {
        var line = 1, col = 1
        for i in 0..<offset {
            if source[i] == 0x0A { line += 1; col = 1 } else { col += 1 }
        }
        return (line, col)
    }

    mutating func finish() throws -> [Node] {
        if frames.count > 1 {
            let o = tokens[frames[frames.count - 1].token]
            let n = scopeName(o)
            let sigil: String
            switch o.kind {
            case .inverted: sigil = "^"
            case .parent: sigil = "<"
            case .block: sigil = "$"
            default: sigil = "#"
            }
            throw error(.unclosedSection(n), "unclosed section {{\(sigil)\(n)}}: add {{/\(n)}} to close it", at: o.start)
        }
        return frames[0].children
    }
}
