import Foundation
import Testing

/// The small commands as a user or a script calls them.
@Suite struct CommandTests {
    var seed: URL { repositoryRoot.appendingPathComponent("examples/articles/2026-11-24/baidu-ai-tokenization.txt") }

    @Test func briefJSONOfTheSeed() throws {
        let r = try run(["brief", seed.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let sentiment = try #require(o["sentiment"] as? [String: Any])
        let score = try #require(sentiment["score"] as? Double)
        #expect(score >= 0.15 && score < 0.35, "seed scored \(score)")
        #expect(sentiment["label"] as? String == "mildly positive")
        let points = try #require(o["key_points"] as? [[String: Any]])
        #expect(points.count == 3)
        let text = try String(contentsOf: seed, encoding: .utf8)
        for p in points { #expect(text.contains(p["text"] as? String ?? "\u{0}"), "key point not verbatim") }
        #expect((o["vendor_sentiment"] as? [String: Any])?["score"] as? Double == 0.2)
        #expect(o["tickers"] is [[String: Any]])
    }

    @Test func briefFromStandardInputAndOtherFormats() throws {
        let md = "---\ntitle: Acme beats estimates\ndate: 2026-11-24\n---\nAcme Corp said profit rose 20% to $1.2 billion, beating estimates.\n"
        let r = try run(["brief", "-", "--format", "markdown"], stdin: md)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("# Acme beats estimates"))
        let html = try run(["brief", "-", "--format", "html"], stdin: md)
        #expect(html.stdout.contains("<h1>Acme beats estimates</h1>"))
        #expect(html.stdout.contains("<style>"))
        #expect(try run(["brief", "/no/such/file.md"]).status == 1)
        #expect(try run(["brief", seed.path, "--format", "pdf"]).status == 2)
    }

    @Test func scoreLinesPrintsOneObjectPerLineInOrder() throws {
        let input = "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn.\nThe company cut 300 jobs after sales fell.\nThe meeting is on Tuesday.\n"
        let r = try run(["score", "--lines"], stdin: input)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let labels = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["label"] as? String }
        #expect(labels[0]?.hasSuffix("positive") == true)
        #expect(labels[1]?.hasSuffix("negative") == true)
        #expect(labels[2] == "neutral")
    }

    @Test func renderReportsTemplateErrorsWithLineColumnAndCaret() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanup() }
        let template = tmp.url.appendingPathComponent("page.html.mustache")
        try Data("<ul>\n{{#items}}\n  <li>{{name}}</li>\n{{/item}}\n</ul>\n".utf8).write(to: template)
        let data = tmp.url.appendingPathComponent("data.json")
        try Data(#"{"items": [{"name": "<b>A&B</b>"}]}"#.utf8).write(to: data)
        let bad = try run(["render", template.path, "--data", data.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("page.html.mustache:4:1"))
        #expect(bad.stderr.contains("^"))
        try Data("<ul>\n{{#items}}\n  <li>{{name}}</li>\n{{/items}}\n</ul>\n".utf8).write(to: template)
        let good = try run(["render", template.path, "--data", data.path])
        #expect(good.status == 0)
        #expect(good.stdout == "<ul>\n  <li>&lt;b&gt;A&amp;B&lt;/b&gt;</li>\n</ul>\n")
    }

    @Test func checkListsProblemsAndChangesNothing() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanup() }
        let day = tmp.url.appendingPathComponent("articles/2026-11-24")
        try FileManager.default.createDirectory(at: day, withIntermediateDirectories: true)
        try Data("---\ntitle: Good\n---\nProfit rose.\n".utf8).write(to: day.appendingPathComponent("good.md"))
        try Data("{\"title\": \"Broken\", ".utf8).write(to: day.appendingPathComponent("broken.json"))
        let before = snapshot(tmp.url)
        let r = try run(["check", tmp.url.appendingPathComponent("articles").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("2026-11-24/broken.json:1:"))
        #expect(snapshot(tmp.url) == before)
    }

    @Test func everyCommandHasHelp() throws {
        for command in ["build", "brief", "score", "render", "check", "init"] {
            let r = try run([command, "--help"])
            #expect(r.status == 0, "\(command) --help")
            #expect(r.stdout.contains("USAGE: bellwether \(command)"))
        }
    }
}
