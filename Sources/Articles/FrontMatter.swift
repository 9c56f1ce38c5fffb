import Foundation
import Yams

/// YAML front matter between `---` lines at the top of a Markdown (or text) file.
/// Only this block goes through Yams; the rest of the file never does.
enum FrontMatter {
    enum Split {
        case none
        /// Opened with `---` on `line` but never closed.
        case unclosed(line: Int)
        /// `+++` TOML front matter, which we do not read.
        case toml(line: Int)
        /// The block is the bytes `yaml`, starting on file line `yamlLine`; the body starts at
        /// byte `bodyStart`.
        case found(yaml: Range<Int>, yamlLine: Int, bodyStart: Int, bodyLine: Int)
    }

    /// Finds the block. Blank lines before the opening `---` are allowed; the closing line is
    /// `---` or `...` alone.
    static func split(_ b: [UInt8]) -> Split {
        var k = 0
        var line = 1
        while k < b.count, b[k] == 0x0A || b[k] == 0x20 || b[k] == 0x09 {
            if b[k] == 0x0A { line += 1 }
            k += 1
        }
        // Back up to the start of the line holding the first non-blank byte.
        while k > 0, b[k - 1] != 0x0A { k -= 1 }
        func isFence(_ s: Int, _ c: UInt8) -> (Bool, Int) {
            guard s + 3 <= b.count, b[s] == c, b[s + 1] == c, b[s + 2] == c else { return (false, s) }
            var e = s + 3
            while e < b.count, b[e] == 0x20 || b[e] == 0x09 { e += 1 }
            guard e == b.count || b[e] == 0x0A else { return (false, s) }
            return (true, e)
        }
        if isFence(k, 0x2B).0 { return .toml(line: line) }
        let (open, openEnd) = isFence(k, 0x2D)
        guard open else { return .none }
        let openLine = line
        let yamlStart = min(openEnd + 1, b.count)
        var s = yamlStart
        var l = openLine + 1
        while s < b.count {
            // The end of the line, with memchr: the block is looked for in every Markdown file.
            let e = b.withUnsafeBufferPointer { u in
                memchr(u.baseAddress! + s, 0x0A, u.count - s).map { u.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? u.count
            }
            let (dash, _) = isFence(s, 0x2D)
            let (dots, _) = isFence(s, 0x2E)
            if dash || dots {
                let yaml = yamlStart..<s
                let bodyStart = min(e + 1, b.count)
                return .found(yaml: yaml, yamlLine: openLine + 1, bodyStart: bodyStart, bodyLine: l + 1)
            }
            s = e + 1
            l += 1
        }
        return .unclosed(line: openLine)
    }

    struct Fields {
        var title: String?
        var date: (text: String, line: Int, key: String)?
        var source: String?
        var url: String?
        var urlLine = 0
        var author: String?
        var tickers: [String] = []
        var tickersLine = 0
        var tags: [String] = []
        var extra: [String: String] = [:]
    }

    /// Parses the block `b[range]`; any problem comes back as diagnostics with file line
    /// numbers. The common subset (see `FrontMatterFastPath`) is read by hand; anything else,
    /// and every error, goes through Yams, so messages and edge cases are Yams's.
    static func parse(_ b: [UInt8], _ range: Range<Int>, yamlLine: Int, path: String, yamsOnly: Bool = false) -> (Fields?, [Diagnostic]) {
        let fast = yamsOnly ? nil : b.withUnsafeBufferPointer { FrontMatterFastPath.entries(UnsafeBufferPointer(rebasing: $0[range])) }
        if let fast { return interpret(fast, yamlLine: yamlLine, path: path) }
        return parseWithYams(String(decoding: b[range], as: UTF8.self), yamlLine: yamlLine, path: path)
    }

    /// The reference path: Yams reads the block, then the same interpretation as the fast path.
    static func parseWithYams(_ yaml: String, yamlLine: Int, path: String) -> (Fields?, [Diagnostic]) {
        switch composeWithYams(yaml, yamlLine: yamlLine, path: path) {
        case .failure(let d): return (nil, [d])
        case .empty: return (Fields(), [])
        case .entries(let entries): return interpret(entries, yamlLine: yamlLine, path: path)
        }
    }

    enum Composed: Equatable {
        /// Nothing but blank lines and comments.
        case empty
        case entries([Entry])
        case failure(Diagnostic)
    }

    /// The block's top-level `key: value` pairs as Yams reads them.
    static func composeWithYams(_ yaml: String, yamlLine: Int, path: String) -> Composed {
        let root: Node?
        do {
            // The basic resolver (no regex tag resolution: we read every scalar as text
            // ourselves) and an explicit encoding (the default one reads the process
            // environment on every call) make this several times cheaper per file.
            root = try Yams.compose(yaml: yaml, Resolver.basic, Constructor.default, .utf8)
        } catch let e as YamlError {
            return .failure(describe(e, yaml: yaml, yamlLine: yamlLine, path: path))
        } catch {
            return .failure(Diagnostic(path: path, line: yamlLine, message: "invalid front matter: \(error)"))
        }
        guard let root else { return .empty }
        guard let mapping = root.mapping else {
            return .failure(Diagnostic(path: path, line: (root.mark?.line ?? 1) + yamlLine - 1,
                message: "front matter must be `key: value` lines (e.g. `title: \"…\"`), found \(kind(root))"))
        }
        return .entries(mapping.map { Entry(key: $0.key.scalar?.string ?? "", value: Value($0.value)) })
    }

    /// Reads the fields Bellwether knows from the pairs, in order; wrongly typed values come
    /// back as diagnostics (and no fields).
    static func interpret(_ entries: [Entry], yamlLine: Int, path: String) -> (Fields?, [Diagnostic]) {
        var f = Fields()
        var problems: [Diagnostic] = []
        let at = Place(path: path, yamlLine: yamlLine)
        for entry in entries {
            let key = entry.key, value = entry.value
            let lower = key.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) ? key.lowercased() : key
            switch knownKeys[lower] {
            case .title: f.title = text(key, value, at, &problems)
            case .date:
                if let t = text(key, value, at, &problems) {
                    // `datetime` (an instant) wins over a plain `date` when both are given.
                    if f.date == nil || lower != "date" { f.date = (t, at.fileLine(value.line), key) }
                }
            case .source: f.source = text(key, value, at, &problems)
            case .url: f.url = text(key, value, at, &problems); f.urlLine = at.fileLine(value.line)
            case .author:
                if case .sequence = value { f.author = list(key, value, at, &problems).joined(separator: ", ") } else { f.author = text(key, value, at, &problems) }
            case .tickers: f.tickers = list(key, value, at, &problems); f.tickersLine = at.fileLine(value.line)
            case .tags: f.tags = list(key, value, at, &problems)
            case nil:
                if let s = value.flattened { f.extra[key] = s }
            }
        }
        if !problems.isEmpty { return (nil, problems) }
        return (f, [])
    }

    /// The fields Bellwether reads, by lower-cased key (one hash lookup per key instead of a
    /// string comparison per case).
    enum Known { case title, date, source, url, author, tickers, tags }
    static let knownKeys: [String: Known] = [
        "title": .title,
        "date": .date, "datetime": .date, "published": .date, "published_at": .date, "pubdate": .date,
        "source": .source,
        "url": .url, "link": .url,
        "author": .author, "authors": .author,
        "tickers": .tickers, "ticker": .tickers, "symbols": .tickers,
        "tags": .tags, "tag": .tags, "keywords": .tags,
    ]

    /// Where the block sits, for diagnostics.
    struct Place {
        let path: String
        let yamlLine: Int
        func fileLine(_ line: Int) -> Int { line + yamlLine - 1 }
    }

    static func text(_ key: String, _ value: Value, _ at: Place, _ problems: inout [Diagnostic]) -> String? {
        switch value {
        case .scalar(let s, let plain, _):
            if plain, s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" { return nil }
            return s
        default:
            problems.append(Diagnostic(path: at.path, line: at.fileLine(value.line),
                message: "front matter `\(key)` must be text, found \(value.kind); write it as `\(key): \"…\"`"))
            return nil
        }
    }

    static func list(_ key: String, _ value: Value, _ at: Place, _ problems: inout [Diagnostic]) -> [String] {
        switch value {
        case .scalar(let s, _, _):
            return s.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmingASCIISpaces }.filter { !$0.isEmpty }
        case .sequence(let items, _):
            var out: [String] = []
            for item in items {
                if case .scalar(let s, _, _) = item { if !s.isEmpty { out.append(s) } }
                else {
                    problems.append(Diagnostic(path: at.path, line: at.fileLine(item.line),
                        message: "front matter `\(key)` must be a list of words, found \(item.kind) in it; write `\(key): [A, B]`"))
                }
            }
            return out
        case .node:
            problems.append(Diagnostic(path: at.path, line: at.fileLine(value.line),
                message: "front matter `\(key)` must be a list like `\(key): [A, B]`, found \(value.kind)"))
            return []
        }
    }

    /// One top-level pair of the block, in file order.
    struct Entry: Equatable {
        /// The key as written; "" when the key is not text (e.g. `[a, b]: x`).
        var key: String
        var value: Value
    }

    /// A value as the interpretation needs it. Lines are 1-based within the block, where the
    /// value starts (for a block list, its first `-`), as Yams marks them.
    enum Value: Equatable {
        /// `plain` is false for quoted and block scalars (`"~"` is the text `~`, `~` is nothing).
        case scalar(String, plain: Bool, line: Int)
        case sequence([Value], line: Int)
        /// Anything else (a set of pairs): only Yams produces these.
        case node(Node)

        init(_ node: Node) {
            switch node {
            case .scalar(let s): self = .scalar(s.string, plain: s.style == .plain, line: node.mark?.line ?? 1)
            case .sequence(let seq): self = .sequence(seq.map(Value.init), line: node.mark?.line ?? 1)
            default: self = .node(node)
            }
        }

        var line: Int {
            switch self {
            case .scalar(_, _, let l), .sequence(_, let l): return l
            case .node(let n): return n.mark?.line ?? 1
            }
        }

        var kind: String {
            switch self {
            case .scalar: return "text"
            case .sequence: return "a list"
            case .node(let n): return FrontMatter.kind(n)
            }
        }

        /// Keys we do not interpret are kept for templates as plain strings.
        var flattened: String? {
            switch self {
            case .scalar(let s, _, _): return s
            case .sequence(let items, _):
                return items.compactMap { if case .scalar(let s, _, _) = $0 { return s }; return nil }.joined(separator: ", ")
            case .node(let n): return (try? Yams.serialize(node: n))?.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: return "text"
        case .mapping: return "a set of `key: value` pairs"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Turns a Yams error into one line at the right file line, with a hint for the usual
    /// mistakes (an unquoted colon, a tab, an unclosed quote).
    static func describe(_ e: YamlError, yaml: String, yamlLine: Int, path: String) -> Diagnostic {
        var problem = "\(e)"
        var mark: Mark?
        var contextText = ""
        switch e {
        case .scanner(let context, let p, let m, _), .parser(let context, let p, let m, _), .composer(let context, let p, let m, _):
            problem = p; mark = m; contextText = context?.text ?? ""
            // "End of stream while scanning a quoted scalar" is reported at the end of the
            // block; the line to fix is where the quote opened.
            if p.contains("end of stream"), let c = context { mark = c.mark }
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the mapping; point at the second occurrence of the key instead.
            var line = context.mark.line + yamlLine - 1
            if let key = duplicates.first {
                var seen = 0
                for (k, l) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let t = l.drop { $0 == " " }
                    if t.hasPrefix(key), t.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                        seen += 1
                        if seen == 2 { line = k + yamlLine; break }
                    }
                }
            }
            return Diagnostic(path: path, line: line,
                message: "front matter repeats the key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")); keep one of them")
        case .reader(let p, _, _, _):
            problem = p
        default: break
        }
        let line = (mark?.line ?? 1) + yamlLine - 1
        let column = mark.map { ", column \($0.column)" } ?? ""
        var hint = "check the YAML syntax"
        if problem.contains("mapping values are not allowed") {
            hint = "a value containing ': ' must be quoted, e.g. title: \"Apple: record quarter\""
        } else if problem.contains("cannot start any token") {
            hint = "YAML does not allow tabs or this character at the start of a value; use spaces, or quote the value"
        } else if problem.contains("end of stream") || problem.contains("unexpected end") || contextText.contains("quoted scalar") {
            hint = "a quote is probably not closed"
        } else if problem.contains("could not find expected ':'") {
            hint = "every front matter line needs `key: value`; quote values that span lines"
        } else if problem.contains("did not find expected key") || problem.contains("block end") {
            hint = "check the indentation: every key starts at the same column"
        }
        let context = contextText.isEmpty ? "" : " (\(contextText))"
        return Diagnostic(path: path, line: line, message: "invalid front matter\(column): \(problem)\(context); \(hint)")
    }
}
