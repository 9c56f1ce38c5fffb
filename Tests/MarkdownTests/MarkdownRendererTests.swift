import Testing
@testable import Markdown

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersParagraphsAndEmphasis() {
        let html = renderer.html("Shares *rose* 4%.\n\nSecond paragraph.")
        #expect(html == "<p>Shares <em>rose</em> 4%.</p>\n<p>Second paragraph.</p>\n")
    }

    @Test func rawHTMLNeverPassesThrough() {
        let html = renderer.html("Hello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<div"))
        #expect(!html.contains("onerror="))
    }

    @Test func onlyWebAndMailLinksKeepTheirTarget() {
        let html = renderer.html("[a](https://example.com/x) [b](javascript:alert(1)) [c](mailto:desk@example.com) [d](/etc/passwd) [e](ftp://x)")
        #expect(html.contains("<a href=\"https://example.com/x\">a</a>"))
        #expect(html.contains("<a href=\"mailto:desk@example.com\">c</a>"))
        #expect(!html.contains("javascript"))
        #expect(!html.contains("/etc/passwd"))
        #expect(!html.contains("ftp:"))
        #expect(html.contains(" b ") && html.contains(" d ") && html.contains(" e"))
    }

    @Test func imagesBecomeTheirAltText() {
        let html = renderer.html("Chart: ![Revenue by quarter](https://tracker.example.com/pixel.png)")
        #expect(html == "<p>Chart: Revenue by quarter</p>\n")
    }

    @Test func headingsShiftBelowThePageTitle() {
        #expect(renderer.html("# Outlook") == "<h2>Outlook</h2>\n")
        #expect(renderer.html("###### Deep") == "<h6>Deep</h6>\n")
    }

    @Test func smartPunctuation() {
        #expect(renderer.html("\"Quoted\" -- dash") == "<p>“Quoted” – dash</p>\n")
    }

    @Test func invalidUTF8AndEmptyInputDoNotCrash() {
        #expect(renderer.html("") == "")
        #expect(renderer.html("\u{0}nul").contains("nul"))
    }
}
