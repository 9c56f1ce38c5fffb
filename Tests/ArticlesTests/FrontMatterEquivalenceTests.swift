import Foundation
import Testing
@testable import Articles

/// The hand-written front matter reader must give exactly what Yams gives whenever it answers,
/// and must answer nil (leaving the block to Yams) for anything it does not fully understand.
/// Checked on hand-written blocks, on thousands of generated ones built from YAML's awkward
/// corners, on mutations of those, and on whole files (articles and diagnostics).
@Suite("Front matter fast path agrees with Yams")
struct FrontMatterEquivalenceTests {
    /// What the fast path says, checked against Yams: nil when it declined.
    @discardableResult
    static func checkAgainstYams(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> [FrontMatter.Entry]? {
        let bytes = Array(yaml.utf8)
        let fast = bytes.withUnsafeBufferPointer { FrontMatterFastPath.entries($0) }
        guard let fast else { return nil }
        let reference = FrontMatter.composeWithYams(yaml, yamlLine: 2, path: "x.md")
        let expected: FrontMatter.Composed = fast.isEmpty ? .empty : .entries(fast)
        #expect(reference == expected, "fast path disagrees with Yams on \(yaml.debugDescription)", sourceLocation: sourceLocation)
        return fast
    }

    /// Front matter as our own corpus generator and most tools write it.
    static let common: [String] = [
        "title: \"Harborview downgrades Westfield: \\\"sluggish\\\" first quarter\"\ndate: 2024-02-03\nsource: \"Finance Journal\"\nurl: \"https://financejournal.example.org/2024/02/03/x-03247\"\ntickers: []\n",
        "title: Apple beats estimates\ndate: 2026-11-24T14:30:00+01:00\ntickers: [AAPL, MSFT]\n",
        "title: 'It''s a record'\nauthor: Jane Doe\ntags: [earnings, tech]\n",
        "title: Q3\ntickers:\n  - AAPL\n  - \"BRK.B\"\n",
        "title: Q3\ntickers:\n- AAPL\n- $MSFT\n",
        "# a comment\ntitle: Q3 # trailing comment\n\nsource: Reuters\n",
        "title: \"Café \\u00e9t\\u00E9 \\U0001F680 \\x41\\/\\\\ \\_\"\n",
        "title: Société Générale résultats\n",
        "title: \"日本株が上昇\"\nurl: https://example.com/a?b=c#frag\n",
        "title: C# and F#\nsummary: a  b   \n",
        "title:\nurl: ~\nauthor: null\ntickers:\n",
        "title: \"\"\nsource: ''\n",
        "change: -5%\nscore: 0.25\n",
        "tickers: ['AAPL', \"MSFT\", O'Neil, a\"b]\n",
        "",
        "# only a comment\n\n",
    ]

    @Test func commonFrontMatterTakesTheFastPathAndAgrees() {
        for yaml in Self.common {
            #expect(Self.checkAgainstYams(yaml) != nil, "expected the fast path to read \(yaml.debugDescription)")
        }
    }

    /// Outside the subset, or invalid: the fast path must decline so Yams decides (and words
    /// any error).
    static let declined: [String] = [
        "title: a\n  continued\n",                     // multi-line plain scalar
        "title: \"a\n  b\"\n",                          // multi-line quoted scalar
        "title: |\n  block\n", "title: >\n  folded\n",  // block scalars
        "a: &x v\nb: *x\n", "a: !!str 5\n",             // anchors, aliases, tags
        "meta:\n  sub: x\n", "meta: {a: b}\n",          // nested pairs, flow map
        "title: Apple: record\n", "title: Note:\n",     // `: ` inside a plain value
        "title: a\ntitle: b\n",                          // repeated key: Yams reports it
        "\ttitle: a\n", "title:\ta\n", "title: a\tb\n",  // tabs
        " title: a\n",                                   // indented key
        "- a\n- b\n",                                    // a list, not pairs
        "title: \"unclosed\n", "title: 'unclosed\n",
        "title: \"a\" b\n", "title: \"a\"#c\n",
        "title: \"\\e\"\n", "title: \"\\0\"\n", "title: \"\\N\"\n", "title: \"\\q\"\n", "title: \"\\uD800\"\n", "title: \"\\x4\"\n",
        "tickers: [A, B,]\n", "tickers: [A,, B]\n", "tickers: [A\n", "tickers: [A, [B]]\n", "tickers: [CRYPTO:BTC]\n", "tickers: [a # c]\n",
        "tickers:\n- \n", "tickers:\n  - A\n - B\n", "tickers:\n  - A\n    more\n",
        "title: @x\n", "title: `x\n", "title: %x\n", "title: *x\n", "title: ? x\n", "title: - x\n",
        "key:value\n", "key :value\n", "\"quoted\": key\n", "[a]: b\n", "? complex\n", "%YAML 1.2\n", "--- x\n",
        "title: a\u{85}b\n", "title: a\u{2028}b\n", "title: \u{FEFF}x\n", "title: a\u{7F}\n", "title: a\u{1}b\n",
    ]

    @Test func unusualFrontMatterIsLeftToYams() {
        for yaml in Self.declined {
            let fast = Array(yaml.utf8).withUnsafeBufferPointer { FrontMatterFastPath.entries($0) }
            #expect(fast == nil, "expected the fast path to decline \(yaml.debugDescription)")
        }
    }

    @Test func generatedFrontMatterAgrees() {
        var rng = SplitMix(seed: 20261124)
        var accepted = 0, declined = 0
        var acceptedSamples: [String] = []
        for _ in 0..<6000 {
            let yaml = FrontMatterGenerator.document(&rng)
            if let _ = Self.checkAgainstYams(yaml) {
                accepted += 1
                if acceptedSamples.count < 1500 { acceptedSamples.append(yaml) }
            } else {
                declined += 1
            }
        }
        // Both sides of the subset must be exercised for the comparison to mean anything.
        #expect(accepted > 1500, "only \(accepted) generated blocks took the fast path")
        #expect(declined > 1500, "only \(declined) generated blocks were declined")

        // Mutations of blocks the fast path accepted: one YAML-significant character inserted,
        // deleted or replaced. Most become invalid or change meaning; the fast path must then
        // either decline or still agree.
        var mutatedAccepted = 0
        for (n, yaml) in acceptedSamples.enumerated() {
            for m in 0..<3 {
                let mutated = FrontMatterGenerator.mutate(yaml, &rng, salt: n * 3 + m)
                if Self.checkAgainstYams(mutated) != nil { mutatedAccepted += 1 }
            }
        }
        #expect(mutatedAccepted > 500)
    }

    /// Whole files: same articles, same diagnostics (type errors, ticker and URL warnings, dates
    /// with their lines) whether the front matter went through the fast path or through Yams.
    @Test func wholeFilesParseTheSameEitherWay() {
        var rng = SplitMix(seed: 7)
        var fastAccepted = 0
        for k in 0..<1500 {
            let yaml = FrontMatterGenerator.document(&rng, articleKeys: true)
            let body = k % 5 == 0 ? "" : "# Heading \(k)\n\nSome text about AAPL, in a paragraph.\n\nAnother one.\n"
            let file = "---\n" + yaml + "---\n" + body
            let path = "2026-11-\(10 + k % 20)/story-\(k).md"
            let data = Data(file.utf8)
            let fast = ArticleParser.parse(data: data, path: path, options: LoadOptions(), yamsOnly: false)
            let reference = ArticleParser.parse(data: data, path: path, options: LoadOptions(), yamsOnly: true)
            #expect(fast == reference, "whole-file results differ for \(file.debugDescription)")
            if Array(yaml.utf8).withUnsafeBufferPointer({ FrontMatterFastPath.entries($0) }) != nil { fastAccepted += 1 }
        }
        #expect(fastAccepted > 400)
    }
}

/// A small deterministic generator (SplitMix64): the same cases on every run and machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// Front matter lines built from the forms articles use and from YAML's awkward corners.
enum FrontMatterGenerator {
    static let keys = ["title", "Title", "date", "datetime", "published", "url", "link", "source", "author", "authors",
                       "tickers", "symbols", "tags", "keywords", "summary", "og-title", "a.b", "_x", "2024", "TITLE",
                       "key with space", "k:ey", "-dash", ".dot", "k#", String(repeating: "k", count: 140)]
    static let articleKeys = ["title", "date", "datetime", "url", "source", "author", "authors", "tickers", "tags", "summary", "Title"]

    static let plain = [
        "Apple", "Q3 results beat", "a  b", "C#", "a#b", "x # comment", "x #", "https://example.com/a?b=c#frag", "3.5%", "-5%",
        "- x", "-", "--", "~", "null", "Null", "NULL", "true", "no", "2024-01-02", "2024-01-02T10:00:00Z", "2026-02-30",
        "a: b", "a:b", "a:", ":a", "O'Neil", "say \"hi\"", "€5bn", "Société Générale", "日本", "rocket 🚀", "a,b;c",
        ",x", "[x", "{x", "}", "]", "*x", "&x", "!x", "|", ">", "%x", "@x", "`x", "?x", "? x", "#x", "x\t y", "a\u{85}b",
        "a\u{2028}b", "\u{FEFF}x", "a\u{7F}", "a\u{1}b", "trailing   ", "AAPL, MSFT", "AAPL; msft", "$AAPL", "BRK.B",
        "CRYPTO:BTC", "not a ticker!", "ftp://x", "javascript:alert(1)", "a [b] {c}", "a\\b", "x: y: z", "\u{A0}nbsp",
    ]
    static let doubleQuoted = [
        "\"plain\"", "\"with \\\"quote\\\"\"", "\"\\n\\t\\/\\\\\"", "\"\\x41\\u00e9\\U0001F680\"", "\"\\e\"", "\"\\0\"",
        "\"\\N\"", "\"\\_\"", "\"\\q\"", "\"\\x4\"", "\"\\uD800\"", "\"unclosed", "\"a\" b", "\"a\"#c", "\"a\" # c",
        "\"\\u0085\"", "\"\\u2028\"", "\"\\uFEFF\"", "\"\\x7f\"", "\"\\x1f\"", "\"\\x20\"", "\"\\ \"", "\"\"", "\"a: b # c\"",
        "\"\\U00110000\"", "\"\\u00A0\"", "\"\\'\"", "\"\\r\"", "\"tab\tin\"", "\"  padded  \"", "\"日本\\u65E5\"",
    ]
    static let singleQuoted = ["'x'", "'It''s'", "''", "''''", "'unclosed", "'a'b", "'a\\b'", "'a # b'", "'  sp  '", "'a''"]
    static let flow = [
        "[]", "[ ]", "[A]", "[A, B]", "[A,B]", "[ A , B ]", "[A, B,]", "[A,, B]", "[, A]", "[A B]", "[\"A\", 'B']",
        "[A, [B]]", "[A, {b: c}]", "[CRYPTO:BTC]", "[a: b]", "[A # c]", "[A", "[A] x", "[A] # c", "[-A]", "[- A]",
        "[A\"b]", "[O'Neil]", "[$AAPL, BRK.B]", "[?x]", "['a''b', \"c\\\"d\"]", "[\"a\" x]", "[aapl, not a ticker!]",
        "[\"\"]", "['']", "[~]", "[null]", "[A]]", "[[A]]", "[ \"A\" ]",
    ]
    static let comments = ["# c", "  # c", "#", "   ", "", "#no space"]
    static let odd = ["--- x", "...x", "%YAML 1.2", "? complex", "key:value", "key :value", "key::", "\tkey: v", " key: v",
                      "[a]: b", "\"q\": v", "'q': v", "  continued", "- item", "&a key: v", "key: v\t", "key: ", "key:  # c"]
    static let items = ["A", "'q'", "\"q\"", "", " ", "# c", "[A]", "a: b", "- x", "BRK.B", "x # c", "~", "\"unclosed"]

    /// Values as articles write them.
    static let usual = [
        "Apple beats estimates", "\"Harborview downgrades Westfield: \\\"sluggish\\\" quarter\"", "2024-02-03",
        "2026-11-24T14:30:00+01:00", "\"Finance Journal\"", "https://example.org/2024/02/03/story", "[]", "[AAPL, MSFT]",
        "['BRK.B', \"GOOG\"]", "'It''s a record'", "Jane Doe", "[earnings, tech]", "\"Café\"", "Société Générale",
    ]

    static func value(_ rng: inout SplitMix) -> String {
        if rng.chance(45) { return rng.pick(usual) }
        switch rng.below(10) {
        case 0...3: return rng.pick(plain)
        case 4, 5: return rng.pick(doubleQuoted)
        case 6: return rng.pick(singleQuoted)
        case 7, 8: return rng.pick(flow)
        default: return rng.pick(plain) + (rng.chance(50) ? " # note" : "  ")
        }
    }

    static func document(_ rng: inout SplitMix, articleKeys: Bool = false) -> String {
        var lines: [String] = []
        // Mostly distinct keys (a repeated key is an error, which Yams reports).
        var unused = Self.articleKeys
        for _ in 0..<(1 + rng.below(7)) {
            var key = articleKeys ? rng.pick(Self.articleKeys) : (rng.chance(80) ? rng.pick(Self.articleKeys) : rng.pick(keys))
            if rng.chance(85), !unused.isEmpty { key = unused.remove(at: rng.below(unused.count)) }
            switch rng.below(20) {
            case 0: lines.append(rng.pick(comments))
            case 1 where !articleKeys: lines.append(rng.pick(odd))
            case 2, 3:
                // A key alone, then `- item` lines (sometimes oddly indented or continued).
                lines.append(key + ":" + (rng.chance(20) ? "  # list" : ""))
                let indent = rng.pick(["", "  ", "    "])
                for _ in 0..<(1 + rng.below(3)) {
                    let ind = rng.chance(90) ? indent : rng.pick(["", " ", "  "])
                    lines.append(ind + "-" + (rng.chance(95) ? " " : "") + (rng.chance(85) ? rng.pick(["AAPL", "MSFT", "'BRK.B'", "\"GOOG\"", "$TSLA"]) : rng.pick(items)))
                    if rng.chance(5) { lines.append(rng.pick(comments)) }
                }
            case 4:
                lines.append(key + ":")
            default:
                lines.append(key + ": " + value(&rng))
            }
        }
        return lines.joined(separator: "\n") + (rng.chance(95) ? "\n" : "")
    }

    static let mutationAlphabet: [String] = [":", " ", "\"", "'", "#", "-", "[", "]", ",", "{", "\\", "\n", "\n  ", "\t", "&", "*", "!", "|", ">", "?", "é", "\u{2028}", "x"]

    static func mutate(_ yaml: String, _ rng: inout SplitMix, salt: Int) -> String {
        var s = Array(yaml.unicodeScalars)
        guard !s.isEmpty else { return rng.pick(mutationAlphabet) }
        let at = rng.below(s.count)
        let insert = Array(rng.pick(mutationAlphabet).unicodeScalars)
        switch (rng.below(3) + salt) % 3 {
        case 0: s.insert(contentsOf: insert, at: at)
        case 1: s.remove(at: at)
        default: s.replaceSubrange(at...at, with: insert)
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s)
        return String(out)
    }
}
