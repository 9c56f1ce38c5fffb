import CCmark
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Mustache
import Testing

/// Hostile data must stay data in every output format: what a reader would see if escaping
/// failed is markup, a script, a broken feed or a broken JSON file.
@Suite("Escaping by output format")
struct EscapingTests {
    static let hostile: [String] = [
        "<script>alert(\"x\")</script>",
        "Tom & Jerry's \"deal\" <b>bold</b>",
        "&amp; &#35; &#x41; &copy;",
        "' onmouseover='alert(1)",
        "line one\nline two\r\nline three",
        "tab\there, nul-free control \u{1}\u{8}\u{1F} and \u{7F}",
        "unicode: café – 日本 – 🚀 – \u{2028}\u{2029}",
        "back\\slash and \"quotes\"",
    ]

    func render(_ template: String, name: String, _ value: MustacheValue) throws -> String {
        try Template(template, name: name).render(value)
    }

    // MARK: HTML

    @Test func htmlEscapesTheFiveSpecialCharacters() throws {
        let out = try render("<p title=\"{{v}}\">{{v}}</p>", name: "p.html.mustache",
                             ["v": "<script>alert(\"x\")</script> & 'q'"])
        #expect(out == "<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>")
    }

    @Test(arguments: EscapingTests.hostile)
    func htmlOutputNeverContainsRawMarkupCharacters(_ s: String) throws {
        let out = try render("{{v}}", name: "x.html.mustache", ["v": .string(s)])
        #expect(!out.contains("<") && !out.contains(">") && !out.contains("\"") && !out.contains("'"))
        #expect(htmlUnescape(out) == s, "escaping must lose nothing")
    }

    @Test func tripleMustacheAndAmpersandAreRawInEveryFormat() throws {
        for name in ["x.html.mustache", "x.md.mustache", "x.xml.mustache", "x.json.mustache", "x.txt.mustache", "x.mustache"] {
            let out = try render("{{{v}}}|{{&v}}", name: name, ["v": "<b>&\"*[x]*\"</b>"])
            #expect(out == "<b>&\"*[x]*\"</b>|<b>&\"*[x]*\"</b>", "\(name)")
        }
    }

    @Test func plainMustacheFileEscapesAsHTML() throws {
        #expect(try render("{{v}}", name: "page.mustache", ["v": "<&>"]) == "&lt;&amp;&gt;")
        #expect(try render("{{v}}", name: "page.csv.mustache", ["v": "<&>"]) == "&lt;&amp;&gt;")
    }

    // MARK: XML

    @Test(arguments: EscapingTests.hostile)
    func xmlOutputIsWellFormedAndLosesNoText(_ s: String) throws {
        let out = try render("<item><title>{{v}}</title><link href=\"{{v}}\"/></item>", name: "feed.xml.mustache", ["v": .string(s)])
        let document = try XMLDocument(xmlString: out)
        let title = try document.nodes(forXPath: "/item/title").first?.stringValue
        let expected = String(String.UnicodeScalarView(s.unicodeScalars.map {
            ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") ? "\u{FFFD}" : $0
        }))
        // XML parsers normalise \r\n to \n.
        #expect(title == expected.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test func xmlUsesPredefinedEntities() throws {
        #expect(try render("{{v}}", name: "f.xml.mustache", ["v": "<a href='x'>&\"</a>"])
                == "&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;")
    }

    // MARK: JSON

    @Test(arguments: EscapingTests.hostile)
    func jsonStringContentRoundTrips(_ s: String) throws {
        let out = try render("{\"title\": \"{{v}}\", \"n\": {{n}}}", name: "x.json.mustache", ["v": .string(s), "n": 2.5])
        let decoded = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        #expect(decoded?["title"] as? String == s)
        #expect(!out.contains("</script"), "safe to embed in an HTML script element")
    }

    @Test func jsonEscapesQuotesBackslashesAndControls() throws {
        #expect(try render("{{v}}", name: "x.json.mustache", ["v": "a\"b\\c\nd\u{1}</"])
                == "a\\\"b\\\\c\\nd\\u0001\\u003c/")
    }

    // MARK: Text

    @Test func textFormatDoesNotEscape() throws {
        #expect(try render("{{v}}", name: "mail.txt.mustache", ["v": "<a> & *b*"]) == "<a> & *b*")
    }

    // MARK: Markdown, checked against libcmark

    static let markdownHostile: [String] = [
        "# Heading", "  ## Indented heading", "\n# After a newline", "Title\n===",
        "> quote", "- item", "+ item", "* item", "1. item", "2) item", "---", "***", "___", "- - -",
        "*emphasis*", "_emphasis_", "**strong**", "__strong__", "intra*word*emphasis",
        "`code`", "```\nfenced\n```", "~~~\nfenced\n~~~", "    four-space code",
        "[link](http://evil.example)", "![image](http://evil.example/x.png)", "[ref][1]\n\n[1]: http://evil.example",
        "<script>alert(1)</script>", "<b>bold</b>", "<http://autolink.example>", "<!-- comment -->",
        "&amp; &#35; &copy; &#x41;", "S&P 500 & AT&T", "hard\\\nbreak", "trailing backslash\\",
        "| a | b |", "~~strike~~", "https://bare.example/path_with_underscores",
    ]

    /// What cmark builds from a document, as HTML.
    func cmark(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        guard let html = bytes.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                cmark_markdown_to_html($0, buf.count, CMARK_OPT_DEFAULT)
            }
        }) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    @Test(arguments: EscapingTests.markdownHostile)
    func markdownValueStaysPlainTextAtLineStart(_ s: String) throws {
        let md = try render("Intro paragraph.\n\n{{v}}\n", name: "page.md.mustache", ["v": .string(s)])
        let html = cmark(md)
        for tag in ["<h1", "<h2", "<h3", "<a ", "<img", "<em>", "<strong>", "<code>", "<pre>", "<ul>", "<ol>",
                    "<blockquote>", "<hr", "<script", "<b>", "<!--", "<del>", "<table"] {
            #expect(!html.contains(tag), "\(s.debugDescription) became markup: \(html.debugDescription)")
        }
        #expect(html.hasPrefix("<p>Intro paragraph.</p>\n<p>"), "one paragraph: \(html.debugDescription)")
        #expect(html.components(separatedBy: "<p>").count == 3, "still one paragraph: \(html.debugDescription)")
        // The words survive (cmark shows them as text).
        let visible = htmlUnescape(html.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: ""))
        for word in s.split(whereSeparator: { !$0.isLetter }) where word.count > 2 {
            #expect(visible.contains(word), "\(word) lost from \(s.debugDescription): \(visible.debugDescription)")
        }
    }

    @Test(arguments: EscapingTests.markdownHostile)
    func markdownValueStaysPlainTextInsideALinkAndListItem(_ s: String) throws {
        let md = try render("- [{{v}}](https://example.com/) by {{v}}\n", name: "list.md.mustache", ["v": .string(s)])
        let html = cmark(md)
        #expect(html.components(separatedBy: "<a ").count == 2, "exactly the template's link: \(html.debugDescription)")
        #expect(html.components(separatedBy: "<li>").count == 2, "exactly the template's list item: \(html.debugDescription)")
        for tag in ["<h1", "<h2", "<img", "<em>", "<strong>", "<code>", "<script", "<b>", "<blockquote>"] {
            #expect(!html.contains(tag), "\(s.debugDescription) became markup: \(html.debugDescription)")
        }
    }

    @Test func markdownURLsInLinkDestinationsStayIntact() throws {
        let url = "https://example.com/a_b/(c)?utm_source=x&id=1#frag"
        let md = try render("[{{t}}]({{u}})", name: "x.md.mustache", ["t": "T", "u": .string(url)])
        #expect(cmark(md) == "<p><a href=\"https://example.com/a_b/(c)?utm_source=x&amp;id=1#frag\">T</a></p>\n")
    }

    @Test func markdownKeepsOrdinaryTextReadable() throws {
        let out = try render("{{v}}", name: "x.md.mustache", ["v": "S&P 500 rose 1.5% (AAPL +2.1%); see page 3. Done!"])
        #expect(out == "S&P 500 rose 1.5% (AAPL +2.1%); see page 3. Done!")
        #expect(try render("{{n}}", name: "x.md.mustache", ["n": -0.12]) == "-0.12")
    }

    // MARK: Partials follow the root's format

    @Test func partialsEscapeForTheTemplateBeingRendered() throws {
        let set = try TemplateSet(sources: [
            "page.md": "{{> row}}",
            "page.html": "{{> row}}",
            "row": "{{v}}",
        ])
        #expect(try set.render("page.html", ["v": "*<x>*"]) == "*&lt;x&gt;*")
        #expect(try set.render("page.md", ["v": "*<x>*"]) == "\\*\\<x>\\*")
    }
}

/// Reverses the five HTML entities we emit, to check that escaping loses nothing.
func htmlUnescape(_ s: String) -> String {
    s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}
