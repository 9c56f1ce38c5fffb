import Testing
import Foundation
@testable import Articles

/// The loader keeps hostile text as data, exactly as written: escaping is the renderer's job
/// (and the fixtures in `Fixtures/hostile` are for the site's rendering tests).
@Suite("Hostile text stays data")
struct HostileTextTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/hostile")

    let result = ArticleLoader().loadFolder(HostileTextTests.folder)

    @Test func everyFixtureLoads() {
        #expect(result.errors.isEmpty)
        #expect(result.articles.map(\.path) == ["2026-11-24/hostile.html", "2026-11-24/hostile.json", "2026-11-24/hostile.md", "2026-11-24/hostile.txt"])
    }

    @Test func markdownFieldsVerbatim() throws {
        let a = try #require(result.article(at: "2026-11-24/hostile.md"))
        #expect(a.title == "<script>alert('title')</script> Apex {{title}} {{{body}}} & \"quotes\"")
        #expect(a.source == "<img src=x onerror=alert('source')>")
        #expect(a.url == "javascript:alert(document.cookie)")
        #expect(a.author == "{{#author}}evil{{/author}}")
        #expect(a.tags == ["<b>bold</b>", "{{> partial}}"])
        #expect(a.extra["note"] == "<iframe src=javascript:alert('extra')></iframe>")
        #expect(a.body.contains("<script>alert('body')</script>"))
        #expect(a.body.contains("[click here](javascript:alert('link'))"))
        #expect(a.body.contains("{{=<% %>=}}"))
        // Plain text for analysis has no tags, no link targets.
        #expect(!a.text.contains("<script>") && !a.text.contains("javascript:alert('link')"))
        #expect(a.slug.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
        // The javascript: URL is reported, not silently dropped.
        #expect(result.warnings.contains { $0.path == a.path && $0.message.contains("not an http(s) address") })
    }

    @Test func textFieldsVerbatim() throws {
        let a = try #require(result.article(at: "2026-11-24/hostile.txt"))
        #expect(a.title == "<script>alert(\"title\")</script> Stocks {{fall}} as <b>yields</b> rise")
        #expect(a.body.contains("</p><script>alert(\"para\")</script>"))
        #expect(a.text.contains("<img src=x onerror=alert(\"img\")> tag and {{{triple}}} mustache"))
    }

    @Test func jsonFieldsVerbatim() throws {
        let a = try #require(result.article(at: "2026-11-24/hostile.json"))
        #expect(a.title == "</script><script>alert(\"json\")</script> {{title}}")
        #expect(a.source == "{{{source}}} <style>body{display:none}</style>")
        #expect(a.url == "data:text/html,<script>alert('data')</script>")
        #expect(a.text == "Text with <script>alert('escaped')</script> and ]]> and --> and {{#list}}{{/list}}.")
    }

    @Test func htmlEntitiesBecomeVisibleCharactersNotMarkup() throws {
        let a = try #require(result.article(at: "2026-11-24/hostile.html"))
        #expect(a.title == "<script>alert('title')</script> Banks {{rally}}")
        #expect(a.url == "javascript:alert('canonical')")
        #expect(a.text == "Visible <img src=x onerror=alert('entity')> text and {{{mustache}}}.\nA link and &lt;double-escaped&gt;.")
        #expect(!a.text.contains("injected by script"))
    }
}
