import Mustache
import Testing

/// Random and mutated templates: parsing and rendering must never crash, only succeed or throw
/// a `MustacheError` with a usable position. Seeded, so a failure reproduces exactly.
@Suite("Fuzz")
struct FuzzTests {
    /// SplitMix64: small, fast, and the same sequence on every platform.
    struct RNG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let fragments = [
        "{{", "}}", "{{{", "}}}", "{", "}", "{{a}}", "{{{b}}}", "{{&c}}", "{{.}}", "{{a.b}}", "{{a.b.c}}",
        "{{#a}}", "{{/a}}", "{{^a}}", "{{#list}}", "{{/list}}", "{{^list}}", "{{#b}}", "{{/b}}",
        "{{>p}}", "{{> self}}", "{{>*name}}", "{{<p}}", "{{/p}}", "{{<self}}", "{{/self}}", "{{$blk}}", "{{/blk}}",
        "{{!comment}}", "{{! multi\nline }}", "{{=<% %>=}}", "<%", "%>", "<%a%>", "<%={{ }}=%>", "{{=| |=}}", "|a|",
        "{{= =}}", "{{=}}", "{{#}}", "{{/}}", "{{ a }}", "{{a b}}", "{{a..b}}", "{{*x}}",
        "\n", "\r\n", "\r", "  ", "\t", "x", "text ", "é", "🚀", "<b>", "&", "\"", "'", "#", "*", "_", "[", "]",
    ]

    static let seeds = [
        "<ul>\n  {{#articles}}\n  {{> card}}\n  {{/articles}}\n</ul>\n",
        "{{<layout}}\n{{$title}}T{{/title}}\n{{$body}}\n  <p>{{x}}</p>\n{{/body}}\n{{/layout}}\n",
        "Hi,\n  {{$block}}\n  default\n  {{/block}}\n",
        "{{=<% %>=}}\n<% #a %>\n  <% b %>\n<% /a %>\n<%={{ }}=%>{{c}}",
        "{{#a}}{{#b}}{{.}}{{/b}}{{^b}}none{{/b}}{{/a}}\n",
        "| {{>*name}} |\n  {{>p}}\n\t{{{c}}}\r\n",
    ]

    /// A well-formed template: balanced sections, parents with blocks, partials, comments,
    /// delimiter changes, on standalone and inline lines, so rendering paths get exercised.
    static func structured(_ rng: inout RNG, depth: Int = 0) -> String {
        var out = ""
        for _ in 0..<(1 + rng.below(5)) {
            let indent = rng.pick(["", "", "  ", "\t"])
            let nl = rng.pick(["\n", "\n", "\r\n", ""])
            let name = rng.pick(["a", "b", "c", "list", "a.b", "."])
            switch rng.below(depth > 3 ? 6 : 11) {
            case 0: out += rng.pick(["text", "<p>", " & ", "é🚀", ""]) + nl
            case 1: out += indent + "{{\(name)}}" + nl
            case 2: out += indent + "{{{\(name)}}}" + rng.pick(["", " x"]) + nl
            case 3: out += indent + "{{! note }}" + nl
            case 4: out += indent + rng.pick(["{{> p}}", "{{> card}}", "{{>*name}}", "{{> self}}", "{{> none}}"]) + nl
            case 5: out += indent + "{{=<% %>=}}" + nl + "<% \(name) %>" + nl + "<%={{ }}=%>" + nl
            case 6, 7:
                let sigil = rng.pick(["#", "^"])
                let body = structured(&rng, depth: depth + 1)
                out += indent + "{{\(sigil)\(name)}}" + nl + body + indent + "{{/\(name)}}" + nl
            case 8:
                let body = structured(&rng, depth: depth + 1)
                out += indent + "{{$blk}}" + nl + body + indent + "{{/blk}}" + nl
            default:
                let parent = rng.pick(["p", "layout", "self"])
                let block = rng.pick(["blk", "title", "body"])
                let arg = structured(&rng, depth: depth + 1)
                out += indent + "{{<\(parent)}}" + nl + indent + "  {{$\(block)}}" + nl + arg
                    + indent + "  {{/\(block)}}" + nl + indent + "{{/\(parent)}}" + nl
            }
        }
        return out
    }

    static func randomData(_ rng: inout RNG, depth: Int = 0) -> MustacheValue {
        let strings: [MustacheValue] = ["", "x", "<&\"'>", "{{a}}", "p", "self", "*[x](y)*", "line\nbreak"]
        switch rng.below(depth > 2 ? 5 : 8) {
        case 0: return .null
        case 1: return .bool(rng.below(2) == 0)
        case 2: return .int(rng.below(5) - 2)
        case 3: return .double(Double(rng.below(100)) / 8)
        case 4: return rng.pick(strings)
        case 5, 6:
            var o: [String: MustacheValue] = [:]
            for key in ["a", "b", "c", "list", "name"] where rng.below(2) == 0 {
                o[key] = randomData(&rng, depth: depth + 1)
            }
            return .object(o)
        default:
            return .array((0..<rng.below(4)).map { _ in randomData(&rng, depth: depth + 1) })
        }
    }

    static func mutate(_ s: String, _ rng: inout RNG) -> String {
        var bytes = Array(s.utf8)
        for _ in 0..<(1 + rng.below(4)) {
            switch rng.below(4) {
            case 0 where !bytes.isEmpty: bytes.remove(at: rng.below(bytes.count))
            case 1: bytes.insert(rng.pick(Array("{}#/^>$<=!&. \n*".utf8)), at: rng.below(bytes.count + 1))
            case 2 where !bytes.isEmpty:
                let a = rng.below(bytes.count), b = min(bytes.count, a + rng.below(8))
                bytes.insert(contentsOf: bytes[a..<b], at: rng.below(bytes.count + 1))
            case 3 where !bytes.isEmpty: bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses and renders one template every way we can; returns a problem if any.
    static func exercise(_ source: String, _ rng: inout RNG) -> String? {
        let format = rng.pick(OutputFormat.allCases)
        let data = randomData(&rng)
        do {
            let set = try TemplateSet(sources: [
                "root": source, "self": source, "p": "[{{a}}{{$blk}}d{{/blk}}]\n", "layout": "{{$title}}{{/title}}{{$body}}{{/body}}",
                "card": "{{a}}\n",
            ])
            let root = try #require(set.template(named: "root"))
            let t = try Template(source, name: "fuzz", format: format)
            for strict in [false, true] {
                do {
                    let first = try set.render(t, data, strict: strict)
                    let second = try set.render(t, data, strict: strict)
                    if first != second { return "non-deterministic output for \(source.debugDescription)" }
                } catch let e as MustacheError {
                    if let p = checkPosition(e) { return p }
                }
            }
            if !source.contains("{{") && !source.contains("{") {
                let out = try root.render(data)
                if out != source { return "plain text changed: \(source.debugDescription) → \(out.debugDescription)" }
            }
        } catch let e as MustacheError {
            if let p = checkPosition(e) { return p }
        } catch {
            return "unexpected error \(error) for \(source.debugDescription)"
        }
        return nil
    }

    static func checkPosition(_ e: MustacheError) -> String? {
        if e.line >= 1 && e.column >= 1 && e.description.contains("^") { return nil }
        if e.line == 0 && e.kind == .unknownTemplate(e.templateName) { return nil }
        return "error without a usable position: \(e)"
    }

    @Test func randomTemplatesNeverCrash() {
        var rng = RNG(state: 20_250_115)
        var problems: [String] = []
        for i in 0..<2500 {
            let source: String
            if i % 2 == 0 {
                source = (0..<(1 + rng.below(24))).map { _ in rng.pick(FuzzTests.fragments) }.joined()
            } else {
                source = FuzzTests.structured(&rng)
            }
            if let p = FuzzTests.exercise(source, &rng) { problems.append(p) }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func mutatedTemplatesNeverCrash() {
        var rng = RNG(state: 42)
        var corpus = FuzzTests.seeds + (0..<200).map { _ in FuzzTests.structured(&rng) }
        corpus += SpecFiles.cases.filter { $0.loadError == nil }.map(\.template)
        corpus += SpecFiles.cases.flatMap { $0.partials.values }
        var problems: [String] = []
        for _ in 0..<2500 {
            let source = FuzzTests.mutate(rng.pick(corpus), &rng)
            if let p = FuzzTests.exercise(source, &rng) { problems.append(p) }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func pathologicalNestingIsAnError() {
        let deep = String(repeating: "{{#a}}", count: 10_000) + String(repeating: "{{/a}}", count: 10_000)
        #expect(throws: MustacheError.self) { try Template(deep, name: "deep.html") }
        let unclosed = String(repeating: "{{", count: 10_000)
        #expect(throws: MustacheError.self) { try Template(unclosed, name: "open.html") }
    }
}
