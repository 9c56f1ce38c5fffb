import Testing
import Foundation
@testable import Articles

@Suite("Mutated inputs")
struct MutationTests {
    /// Truncations and random edits of valid files in every format: the parser must always
    /// answer with articles or diagnostics, never crash or hang.
    @Test func mutatedValidFilesNeverCrash() {
        let samples: [(String, String)] = [
            ("a.md", "---\ntitle: \"T: x\"\ndate: 2026-11-24T10:00:00+01:00\ntags: [a, b]\n---\n# H\n\n**b** [l](u) ![i](s) `c` <b>x</b> &amp;\n\n```\ncode\n```\n| a | b |\n"),
            ("a.json", "{\"feed\": [{\"title\": \"A\\u00e9\\ud83d\\ude00\", \"time_published\": \"20261124T143000\", \"summary\": \"S\", \"ticker_sentiment\": [{\"ticker\": \"X\", \"relevance_score\": \"0.5\"}]}]}"),
            ("a.html", "<!DOCTYPE html><html><head><title>T &amp; x</title><meta property=\"og:title\" content='Q'><script>if (a<b) {}</script></head><body><article><h1>H</h1><p>One <a href=x>l</a><p>Two &#x2019; &#8217;<!-- c --></article></body></html>"),
            ("2026-11-24/a.txt", seedArticle),
        ]
        var g = SystemRandomNumberGenerator()
        let specials: [UInt8] = Array("<>&;[](){}\"'`*_~#-:\\\n\r\t".utf8) + [0x00, 0x80, 0xC3, 0xFF]
        for (path, text) in samples {
            let bytes = Array(text.utf8)
            for cut in 0...bytes.count {
                let r = parse(bytes: Array(bytes[0..<cut]), path: path)
                #expect(!r.articles.isEmpty || !r.diagnostics.isEmpty)
            }
            for _ in 0..<400 {
                var m = bytes
                for _ in 0..<Int.random(in: 1...4, using: &g) {
                    let at = Int.random(in: 0..<m.count, using: &g)
                    if Bool.random(using: &g) { m[at] = specials.randomElement(using: &g)! } else { m.insert(specials.randomElement(using: &g)!, at: at) }
                }
                let r = parse(bytes: m, path: path)
                #expect(!r.articles.isEmpty || !r.diagnostics.isEmpty)
            }
        }
    }
}

@Suite("Pathological inputs")
struct PathologicalTests {
    /// A megabyte of unmatched delimiters in one paragraph must take linear time.
    @Test(.timeLimit(.minutes(1)), arguments: ["[", "<", "`", "![", "[^", "*", "&", "](", "\\"])
    func unmatchedDelimitersStayFast(_ unit: String) {
        let text = "---\ndate: 2026-11-24\n---\n" + String(repeating: unit + "x", count: 100_000) + "\n"
        let start = Date()
        let r = parse(text, path: "a.md")
        #expect(r.articles.count == 1)
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func deeplyNestedLinksDoNotOverflowTheStack() {
        let nested = String(repeating: "[", count: 50_000) + "x" + String(repeating: "](u)", count: 50_000)
        let r = parse("---\ndate: 2026-11-24\n---\n" + nested + "\n", path: "a.md")
        #expect(r.articles.count == 1)
    }

    @Test func deeplyNestedHTMLIsLinear() {
        let html = String(repeating: "<div><span>", count: 50_000) + "<p>deep text</p>"
        let r = parse(html, path: "2026-11-24/a.html")
        #expect(r.articles.first?.text == "deep text")
    }
}
