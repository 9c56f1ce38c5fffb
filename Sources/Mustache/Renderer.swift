/// Walks a node tree against a context stack and writes UTF-8 bytes.
///
/// One `Renderer` lives for one render call and is owned by it, so concurrent renders of the
/// same template share nothing mutable. Output goes to a byte buffer (copied into a `String`
/// once at the end); text nodes are memory copies out of the template source and escaping
/// works on bytes.
struct Renderer: ~Copyable {
    /// Recursive renders (sections, partials, parents, lambdas) allowed before we stop a
    /// runaway recursion with an error instead of overflowing the thread's stack.
    static let maxDepth = 300

    var out: OutputBuffer
    var stack: [MustacheValue]
    let format: OutputFormat
    let library: TemplateSet?
    /// Extensions tried for partials, in order (`card.html` before `card`).
    let partialExtensions: [String]
    let strict: Bool
    /// Current indentation, written at every template line start (standalone partials).
    var indent: [UInt8] = []
    /// Block arguments of the enclosing parent tags, outermost first: the outermost
    /// definition of a block wins (the child overrides its parent's parent).
    var blocks: [[String: BlockArgument]] = []
    var depth = 0
    /// Set while rendering a lambda's result for an escaped tag: the result is escaped as a
    /// whole afterwards, so tags inside it must not escape too (no `&amp;amp;`).
    var escapingDeferred = false
    /// The template being rendered: its source holds the text nodes' bytes and locates errors.
    var source: SourceInfo
    /// `source.bytes` while it is being rendered (text nodes are ranges of it).
    var textBase: UnsafePointer<UInt8>? = nil
    /// Partials already resolved in this render, by tag: a template typically includes the
    /// same partial once per item of a list.
    var resolvedPartials: [ObjectIdentifier: Template] = [:]
    /// Trees parsed from lambda results, kept until the render ends so that no node address
    /// in `resolvedPartials` can be reused by a later allocation.
    var lambdaTrees: [[Node]] = []

    init(root: Template, value: MustacheValue, library: TemplateSet?, strict: Bool) {
        stack = [value]
        stack.reserveCapacity(16)
        format = root.format
        self.library = library
        self.strict = strict
        source = root.storage.info
        var exts: [String] = []
        if let own = root.storage.formatExtension { exts.append(own) }
        if !exts.contains(format.fileExtension) { exts.append(format.fileExtension) }
        partialExtensions = exts
        out = OutputBuffer(capacity: max(root.storage.sizeHint.value, root.storage.info.bytes.count * 2))
    }

    /// Renders the root template and returns the output.
    mutating func renderRoot(_ root: Template) throws -> String {
        try render(root.storage.nodes, from: 0, in: root.storage.info)
        root.storage.sizeHint.record(out.count)
        return out.makeString()
    }

    /// Renders `nodes` whose text lives in `info` (a partial, a block argument from another
    /// template, a lambda's result).
    mutating func render(_ nodes: [Node], from start: Int, in info: SourceInfo) throws {
        let savedSource = source
        let savedBase = textBase
        source = info
        try info.bytes.withUnsafeBufferPointer { buffer in
            textBase = buffer.baseAddress
            try render(nodes, from: start)
        }
        textBase = savedBase
        source = savedSource
    }

    func error(_ kind: MustacheError.Kind, _ message: String, at offset: Int) -> MustacheError {
        MustacheError(kind: kind, message: message, templateName: source.name, source: source.bytes, offset: offset)
    }

    mutating func descend(at offset: Int) throws {
        depth += 1
        if depth > Renderer.maxDepth {
            throw error(.tooDeep, "rendering nested more than \(Renderer.maxDepth) levels deep; does a partial or lambda include itself without end?", at: offset)
        }
    }

    // MARK: Nodes

    mutating func render(_ nodes: [Node], from start: Int = 0) throws {
        var i = start
        let n = nodes.count
        while i < n {
            switch nodes[i] {
            case .text(let start, let count):
                out.append(textBase! + Int(start), count: Int(count))
            case .lineStart:
                if !indent.isEmpty { indent.withUnsafeBufferPointer { out.append($0) } }
            case .variable(let v):
                try renderVariable(v)
            case .section(let s):
                try renderSection(s)
            case .partial(let p):
                try renderPartial(p)
            case .parent(let p):
                try renderParent(p)
            case .block(let b):
                try renderBlock(b)
            }
            i += 1
        }
    }

    // MARK: Lookup

    /// Resolves a dotted name: the first part walks the context stack from the top, the rest
    /// descend only into the value found (the spec's "broken chain" rule).
    func lookup(_ name: Name) -> MustacheValue? {
        let parts = name.parts
        guard let key = parts.first else { return stack.last }
        var found: MustacheValue? = nil
        var i = stack.count - 1
        while i >= 0 {
            if case .object(let o) = stack[i], let v = Renderer.member(o, key) {
                found = v
                break
            }
            i -= 1
        }
        guard var value = found else { return nil }
        var k = 1
        while k < parts.count {
            guard case .object(let o) = value, let next = Renderer.member(o, parts[k]) else { return nil }
            value = next
            k += 1
        }
        return value
    }

    /// `object[key]`, without hashing for small objects: comparing a short key with a handful
    /// of keys (length first) costs less than hashing it, and template data is mostly small
    /// objects (an article, a ticker).
    @inline(__always)
    static func member(_ object: [String: MustacheValue], _ key: String) -> MustacheValue? {
        if object.count > 8 { return object[key] }
        let n = key.utf8.count
        let end = object.endIndex
        var i = object.startIndex
        while i != end {
            let k = object.keys[i]
            if k.utf8.count == n && k == key { return object.values[i] }
            object.formIndex(after: &i)
        }
        return nil
    }

    // MARK: Interpolation

    mutating func renderVariable(_ v: VariableNode) throws {
        guard let value = lookup(v.name) else {
            if strict { throw unresolved(v.name, at: v.offset) }
            return
        }
        try interpolate(value, escaped: v.escaped, at: v.offset)
    }

    mutating func interpolate(_ value: MustacheValue, escaped: Bool, at offset: Int) throws {
        switch value {
        case .string(let s):
            if escaped && !escapingDeferred {
                Escaping.append(s, format: format, to: &out)
            } else {
                out.append(s)
            }
        case .int(let i):
            appendInt(i)
        case .double(let d):
            let s = NumberFormatting.shortest(d)
            if escaped && !escapingDeferred {
                Escaping.append(s, format: format, to: &out)
            } else {
                out.append(s)
            }
        case .bool(let b):
            out.append(b ? "true" : "false")
        case .null, .object:
            break
        case .array(let items):
            // Policy: a list in a tag prints its items one after the other (as GRMustache does),
            // each escaped on its own.
            for item in items { try interpolate(item, escaped: escaped, at: offset) }
        case .lambda(let l):
            let result: MustacheValue
            switch l.body {
            case .plain(let f): result = f()
            case .section(let f): result = f("")
            }
            let text: String
            if case .lambda = result { text = "" } else { text = Renderer.text(of: result) }
            let start = out.count
            let escapeHere = escaped && !escapingDeferred && format != .text
            let saved = escapingDeferred
            if escapeHere { escapingDeferred = true }
            try renderLambdaResult(text, delimiters: .standard, at: offset)
            escapingDeferred = saved
            if escapeHere {
                let rendered = out.cut(from: start)
                rendered.withUnsafeBufferPointer { Escaping.append($0, format: format, to: &out) }
            }
        }
    }

    /// The text a lambda's returned value stands for, before it is rendered as a template.
    static func text(of value: MustacheValue) -> String {
        if let s = value.scalarText { return s }
        if case .array(let items) = value { return items.map { text(of: $0) }.joined() }
        return ""
    }

    mutating func appendInt(_ value: Int) {
        if value >= 0 && value < 10 {
            out.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits and a sign
        withUnsafeMutableBytes(of: &digits) { buf in
            var v = value.magnitude
            var p = buf.count
            repeat {
                p -= 1
                buf[p] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
            } while v > 0
            if value < 0 { p -= 1; buf[p] = UInt8(ascii: "-") }
            out.append(buf.baseAddress!.assumingMemoryBound(to: UInt8.self) + p, count: buf.count - p)
        }
    }

    /// Parses and renders a lambda's result in the current context.
    mutating func renderLambdaResult(_ text: String, delimiters: Delimiters, at offset: Int) throws {
        try descend(at: offset)
        let bytes = Array(text.utf8)
        let name = "lambda result (in \(source.name))"
        let nodes = try Parser.parse(bytes, name: name, delimiters: delimiters)
        lambdaTrees.append(nodes)
        let savedIndent = indent
        indent = []
        try render(nodes, from: 0, in: SourceInfo(name: name, bytes: bytes))
        indent = savedIndent
        depth -= 1
    }

    // MARK: Sections

    mutating func renderSection(_ s: SectionNode) throws {
        guard let value = lookup(s.name) else {
            if strict { throw unresolved(s.name, at: s.offset) }
            if s.inverted { try renderChildren(s.children, at: s.offset) }
            return
        }
        if s.inverted {
            // A lambda counts as truthy and is not called (spec: "Inverted Section").
            if !value.isTruthy { try renderChildren(s.children, at: s.offset) }
            return
        }
        try renderSection(s, value: value, fromLambda: false)
    }

    mutating func renderChildren(_ nodes: [Node], at offset: Int) throws {
        try descend(at: offset)
        try render(nodes)
        depth -= 1
    }

    mutating func renderSection(_ s: SectionNode, value: MustacheValue, fromLambda: Bool) throws {
        switch value {
        case .array(let items):
            if items.isEmpty { return }
            try descend(at: s.offset)
            for item in items {
                stack.append(item)
                try render(s.children)
                stack.removeLast()
            }
            depth -= 1
        case .bool(let b):
            // Policy: `true` opens the section without pushing itself (`{{.}}` still means
            // the enclosing value).
            if b { try renderChildren(s.children, at: s.offset) }
        case .lambda(let l):
            if fromLambda {
                // A lambda returning a lambda: treat as truthy, without calling it again.
                try renderChildren(s.children, at: s.offset)
                return
            }
            switch l.body {
            case .section(let f):
                let result = f(s.rawBody)
                try renderLambdaResult(Renderer.text(of: result), delimiters: s.delimiters, at: s.offset)
            case .plain(let f):
                try renderSection(s, value: f(), fromLambda: true)
            }
        default:
            guard value.isTruthy else { return }
            try descend(at: s.offset)
            stack.append(value)
            try render(s.children)
            stack.removeLast()
            depth -= 1
        }
    }

    // MARK: Partials, parents and blocks

    /// The template a partial or parent tag names, or `nil` (empty output) when there is none.
    mutating func resolve(_ reference: TemplateReference, tag: AnyObject, at offset: Int) throws -> Template? {
        let name: String
        switch reference {
        case .fixed(let n):
            if let known = resolvedPartials[ObjectIdentifier(tag)] { return known }
            if let t = try library?.partial(named: n, extensions: partialExtensions) {
                resolvedPartials[ObjectIdentifier(tag)] = t
                return t
            }
            name = n
        case .dynamic(let dynamicName):
            guard let value = lookup(dynamicName) else {
                if strict { throw unresolved(dynamicName, at: offset) }
                return nil
            }
            guard let text = value.scalarText, !text.isEmpty else { return nil }
            name = text
        }
        if let t = try library?.partial(named: name, extensions: partialExtensions) { return t }
        if strict {
            let tried = (partialExtensions.map { "\(name).\($0).mustache" } + ["\(name).mustache"]).joined(separator: ", ")
            throw error(.missingPartial(name), "no partial named '\(name)' (looked for \(tried), also under partials/)", at: offset)
        }
        return nil
    }

    mutating func include(_ template: Template, indentation: Indentation, at offset: Int) throws {
        try descend(at: offset)
        let savedIndent = indent
        switch indentation {
        case .none: indent = []
        case .standalone(let ws): if !ws.isEmpty { indent += ws }
        }
        try render(template.storage.nodes, from: 0, in: template.storage.info)
        indent = savedIndent
        depth -= 1
    }

    mutating func renderPartial(_ p: PartialNode) throws {
        guard let template = try resolve(p.reference, tag: p, at: p.offset) else { return }
        try include(template, indentation: p.indentation, at: p.offset)
    }

    mutating func renderParent(_ p: ParentNode) throws {
        guard let template = try resolve(p.reference, tag: p, at: p.offset) else { return }
        blocks.append(p.arguments)
        try include(template, indentation: p.indentation, at: p.offset)
        blocks.removeLast()
    }

    mutating func renderBlock(_ b: BlockNode) throws {
        var argument: BlockArgument? = nil
        for frame in blocks {
            if let a = frame[b.name] { argument = a; break }
        }
        guard let argument else {
            try render(b.children)
            return
        }
        let savedIndent = indent
        let startsLine: Bool
        if case .lineStart? = argument.children.first { startsLine = true } else { startsLine = false }
        var from = 0
        switch b.placement {
        case .standalone(let ws):
            indent += ws
            // The slot's line was removed: the argument's first line starts a line here.
            if !startsLine && !indent.isEmpty { indent.withUnsafeBufferPointer { out.append($0) } }
        case .inline(let ws):
            indent += ws
            if startsLine { from = 1 }
        case .none:
            indent = []
            if startsLine { from = 1 }
        }
        try descend(at: 0)
        try render(argument.children, from: from, in: argument.source)
        depth -= 1
        indent = savedIndent
    }

    // MARK: Strict mode

    /// Explains which part of a name failed to resolve, with a suggestion when a key is a
    /// near miss (`sentiment.lable` → did you mean `label`?).
    func unresolved(_ name: Name, at offset: Int) -> MustacheError {
        let parts = name.parts
        guard let key = parts.first else {
            return error(.unresolvedName(name.text), "'.' has no value here", at: offset)
        }
        var found: MustacheValue? = nil
        var keys: Set<String> = []
        for frame in stack.reversed() {
            if case .object(let o) = frame {
                if let v = o[key] { found = v; break }
                keys.formUnion(o.keys)
            }
        }
        guard var value = found else {
            return error(.unresolvedName(name.text),
                         "no value named '\(key)'\(parts.count > 1 ? " (in '\(name.text)')" : "") in the data\(Renderer.suggestion(key, keys))",
                         at: offset)
        }
        var path = key
        for part in parts.dropFirst() {
            guard case .object(let o) = value else {
                return error(.unresolvedName(name.text),
                             "'\(path)' is \(Renderer.kindName(value)), so it has no key '\(part)' (in '\(name.text)')", at: offset)
            }
            guard let next = o[part] else {
                return error(.unresolvedName(name.text),
                             "'\(path)' has no key '\(part)' (in '\(name.text)')\(Renderer.suggestion(part, Set(o.keys)))", at: offset)
            }
            value = next
            path += "." + part
        }
        return error(.unresolvedName(name.text), "'\(name.text)' has no value", at: offset)
    }

    static func kindName(_ v: MustacheValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        case .lambda: return "a lambda"
        }
    }

    static func suggestion(_ key: String, _ candidates: Set<String>) -> String {
        let limit = max(1, key.count / 3)
        let best = candidates.sorted()
            .map { ($0, editDistance(key, $0)) }
            .filter { $0.1 <= limit }
            .min { $0.1 < $1.1 }
        guard let best else { return "" }
        return "; did you mean '\(best.0)'?"
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of two
    /// neighbours (the commonest typo: `lable` for `label`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
