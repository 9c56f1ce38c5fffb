import Foundation
import Mustache
import Testing

/// The value model: JSON decoding, literals, lambdas from Swift.
@Suite("Values")
struct ValueTests {
    @Test func jsonNumbersKeepTheirKind() throws {
        let v = try MustacheValue(jsonString: #"{"i": 85, "neg": -3, "d": 1.21, "e": 2e3, "one": 1.0, "big": 12345678901234567890}"#)
        #expect(v["i"] == .int(85))
        #expect(v["neg"] == .int(-3))
        #expect(v["d"] == .double(1.21))
        #expect(v["e"] == .double(2000))
        #expect(v["one"] == .double(1))
        #expect(v["big"] == .double(Double("12345678901234567890")!))
        #expect(try Template("{{i}} {{d}} {{e}} {{one}}", name: "x").render(v) == "85 1.21 2000 1")
    }

    @Test func jsonStringsDecodeEscapesAndUnicode() throws {
        let v = try MustacheValue(jsonString: #"["a\"b\\c\/d\n\t", "\u00e9\u65e5", "\ud83d\ude80", "raw é 🚀"]"#)
        #expect(v == ["a\"b\\c/d\n\t", "é日", "🚀", "raw é 🚀"])
    }

    @Test func jsonLiteralsAndNesting() throws {
        let v = try MustacheValue(json: Data(#" {"t": true, "f": false, "n": null, "a": [[], {}], "s": ""} "#.utf8))
        #expect(v == ["t": true, "f": false, "n": nil, "a": [[], [:]], "s": ""])
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "01x", "\"unterminated", "\"bad \\q escape\"", "[1] 2", "-", "1.", "\"tab\tin string\""])
    func invalidJSONIsRejected(_ text: String) {
        #expect(throws: MustacheError.self) { try MustacheValue(jsonString: text) }
    }

    @Test func deeplyNestedJSONIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: MustacheError.self) { try MustacheValue(jsonString: deep) }
    }

    @Test func lambdasFromSwift() throws {
        let data: MustacheValue = [
            "name": "Ada",
            "upper": .lambda(MustacheLambda(section: { .string($0.uppercased()) })),
            "now": .lambda(MustacheLambda { "{{name}} at noon" }),
            "flag": .lambda(MustacheLambda { false }),
        ]
        let t = try Template("{{#upper}}hi {{name}}{{/upper}}|{{now}}|{{#flag}}shown{{/flag}}|{{^flag}}hidden{{/flag}}", name: "x.html")
        // The section lambda gets the raw text and its result is rendered: {{NAME}} is missing.
        #expect(try t.render(data) == "HI |Ada at noon||")
    }

    @Test func lambdaResultsAreEscapedForTheFormat() throws {
        let data: MustacheValue = ["l": .lambda(MustacheLambda { "<*{{x}}*>" }), "x": "&"]
        #expect(try Template("{{l}}", name: "a.html").render(data) == "&lt;*&amp;*&gt;")
        #expect(try Template("{{l}}", name: "a.md").render(data) == "\\<\\*&\\*>")
        // Raw tag: the lambda's own tags escape as usual.
        #expect(try Template("{{{l}}}", name: "a.html").render(data) == "<*&amp;*>")
    }

    @Test func brokenLambdaResultIsAnError() throws {
        let data: MustacheValue = ["l": .lambda(MustacheLambda { "{{#open}}" })]
        #expect(throws: MustacheError.self) { try Template("{{l}}", name: "a.html").render(data) }
    }

    @Test func selfExpandingLambdaStopsWithAnError() throws {
        let data: MustacheValue = ["l": .lambda(MustacheLambda(section: { _ in "{{#l}}x{{/l}}" }))]
        #expect(throws: MustacheError.self) { try Template("{{#l}}x{{/l}}", name: "a.html").render(data) }
    }
}

/// Swift model types become template data through their Encodable conformance.
@Suite("Values from Encodable")
struct EncodableValueTests {
    struct Article: Encodable {
        let title: String
        let score: Double
        let tickers: [String]
        let summary: String?
    }

    @Test func encodableModelRenders() throws {
        let value = try MustacheValue(encoding: ["articles": [Article(title: "A & B", score: -0.25, tickers: ["T"], summary: nil)]])
        let t = try Template("{{#articles}}{{title}} {{score}} {{#tickers}}[{{.}}]{{/tickers}}{{^summary}}-{{/summary}}{{/articles}}", name: "x.html")
        #expect(try t.render(value) == "A &amp; B -0.25 [T]-")
    }
}

@Suite("Lambdas and partials")
struct LambdaPartialTests {
    /// Each call returns a template naming a different partial; every one must resolve to its
    /// own partial (no stale resolution from an earlier lambda result).
    @Test func lambdaResultsIncludingDifferentPartials() throws {
        final class Names: @unchecked Sendable {
            let lock = NSLock()
            var i = 0
            func next() -> String { lock.lock(); defer { lock.unlock() }; i += 1; return "{{> p\(i % 3)}}" }
        }
        let names = Names()
        let set = try TemplateSet(sources: ["page.html": "{{#items}}{{l}},{{/items}}", "p0": "zero", "p1": "one", "p2": "two"])
        let data: MustacheValue = ["items": [1, 2, 3, 4, 5, 6], "l": .lambda(MustacheLambda { .string(names.next()) })]
        #expect(try set.render("page.html", data) == "one,two,zero,one,two,zero,")
    }
}
