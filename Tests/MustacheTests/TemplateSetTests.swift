import Foundation
import Mustache
import Testing

/// Loading a folder of templates and finding partials by output format.
@Suite("Template sets and partial lookup")
struct TemplateSetTests {
    @Test func formatComesFromTheFileName() {
        #expect(OutputFormat(fileName: "day.html.mustache") == .html)
        #expect(OutputFormat(fileName: "page.md.mustache") == .markdown)
        #expect(OutputFormat(fileName: "feed.xml.mustache") == .xml)
        #expect(OutputFormat(fileName: "x.json.mustache") == .json)
        #expect(OutputFormat(fileName: "mail.txt.mustache") == .text)
        #expect(OutputFormat(fileName: "name.mustache") == .html)
        #expect(OutputFormat(fileName: "templates/v1.2/page.mustache") == .html)
        #expect(OutputFormat(fileName: "a.MD.mustache") == .markdown)
    }

    @Test func partialForTheRootFormatWinsOverTheGenericOne() throws {
        let set = try TemplateSet(sources: [
            "day.html": "{{> card}}", "day.md": "{{> card}}", "day.xml": "{{> card}}",
            "card.html": "html card", "card.md": "md card", "card": "generic card",
        ])
        #expect(try set.render("day.html", [:]) == "html card")
        #expect(try set.render("day.md.mustache", [:]) == "md card")
        #expect(try set.render("day.xml", [:]) == "generic card")
    }

    @Test func partialsFolderIsSearchedToo() throws {
        let set = try TemplateSet(sources: ["page.html": "[{{> card}}]", "partials/card": "c"])
        #expect(try set.render("page.html", [:]) == "[c]")
    }

    @Test func partialsEscapeForTheRootFormatWhateverTheirName() throws {
        let set = try TemplateSet(sources: ["feed.xml": "{{> row.html}}", "row.html": "{{v}}"])
        #expect(try set.render("feed.xml", ["v": "'"]) == "&apos;")
    }

    @Test func loadsAFolderRecursively() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mustache-set-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try "<h1>{{title}}</h1>\n{{> card}}".write(to: dir.appendingPathComponent("day.html.mustache"), atomically: true, encoding: .utf8)
        try "# {{title}}\n{{> card}}".write(to: dir.appendingPathComponent("day.md.mustache"), atomically: true, encoding: .utf8)
        try "<p>{{body}}</p>\n".write(to: dir.appendingPathComponent("partials/card.html.mustache"), atomically: true, encoding: .utf8)
        try "{{body}}\n".write(to: dir.appendingPathComponent("partials/card.mustache"), atomically: true, encoding: .utf8)
        try "ignored".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)

        let set = try TemplateSet(directory: dir)
        #expect(set.names == ["day.html", "day.md", "partials/card", "partials/card.html"])
        let data: MustacheValue = ["title": "A & B", "body": "*x*"]
        #expect(try set.render("day.html", data) == "<h1>A &amp; B</h1>\n<p>*x*</p>\n")
        #expect(try set.render("day.md", data) == "# A & B\n\\*x\\*\n")
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: MustacheError.self) {
            try TemplateSet(directory: URL(fileURLWithPath: "/nonexistent/templates-\(UUID().uuidString)"))
        }
    }

    @Test func overridesMergeBySourceDictionary() throws {
        let bundled = ["day.html": "bundled {{> card}}", "card": "bundled card"]
        let user = ["card.mustache": "user card"]
        var merged = bundled
        for (k, v) in user { merged[k.hasSuffix(".mustache") ? String(k.dropLast(9)) : k] = v }
        let set = try TemplateSet(sources: merged)
        #expect(try set.render("day.html", [:]) == "bundled user card")
    }

    @Test func standaloneTemplateRendersWithoutPartials() throws {
        let t = try Template("a{{> nothing}}b", name: "x.html")
        #expect(try t.render([:]) == "ab")
        #expect(t.format == .html)
        #expect(try Template("{{v}}", name: "x", format: .markdown).render(["v": "*"]) == "\\*")
    }

    @Test func inheritanceAcrossFiles() throws {
        let set = try TemplateSet(sources: [
            "layout.html": "<html>\n<head><title>{{$title}}Default{{/title}}</title></head>\n<body>\n  {{$body}}\n  <p>empty</p>\n  {{/body}}\n</body>\n</html>\n",
            "day.html": "{{<layout.html}}\n{{$title}}{{date}}{{/title}}\n{{$body}}\n<h1>{{date}}</h1>\n<p>{{summary}}</p>\n{{/body}}\n{{/layout.html}}\n",
        ])
        #expect(try set.render("day.html", ["date": "2025-01-15", "summary": "Up & down"]) == """
            <html>
            <head><title>2025-01-15</title></head>
            <body>
              <h1>2025-01-15</h1>
              <p>Up &amp; down</p>
            </body>
            </html>

            """)
    }
}
