import CCmark
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Site

/// Article text is data in every output. Builds the hostile fixtures (one article per input
/// format whose title, body, source, URL and extra keys carry HTML, scripts, event handlers,
/// `javascript:`/`data:` links and Mustache tags) and asserts on every file written.
@Suite(.serialized) struct HostileTextSiteTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/ArticlesTests/Fixtures/hostile")

    func buildHostile() throws -> (TemporaryFolder, URL) {
        let tmp = try TemporaryFolder()
        let site = tmp.url.appendingPathComponent("site")
        var options = SiteOptions()
        options.baseURL = "https://briefings.example.com/"
        let report = try SiteBuilder(options: options, library: try TemplateLibrary(), version: "test")
            .build(articles: Self.fixtures, output: site)
        #expect(report.articles >= 4)
        return (tmp, site)
    }

    /// Tags of an HTML document: `<name attr…>`.
    func tags(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            out.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    /// The problems an HTML document would have if article text had become markup.
    func markupProblems(_ html: String, allowScripts: Bool) -> [String] {
        var problems: [String] = []
        for tag in tags(html) {
            let lower = tag.lowercased()
            if lower.hasPrefix("<script") {
                // Only our own scripts, by reference.
                if !allowScripts || !(lower.contains("search.js\"") || lower.contains("search-index.js\"")) {
                    problems.append("script tag \(tag)")
                }
            }
            for bad in ["<img", "<iframe", "<object", "<embed", "<svg onload", "<b>", "<div onmouseover"] where lower.hasPrefix(bad) {
                problems.append("article markup \(tag)")
            }
            if lower.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil { problems.append("event handler in \(tag)") }
            for attr in ["href=\"", "src=\"", "action=\""] {
                guard let r = lower.range(of: attr) else { continue }
                let value = lower[r.upperBound...].prefix { $0 != "\"" }
                let absolute = value.hasPrefix("http://") || value.hasPrefix("https://") || value.hasPrefix("mailto:")
                let relative = !value.contains(":")
                if !absolute && !relative { problems.append("link with scheme \(value)") }
            }
        }
        return problems
    }

    @Test func htmlPagesShowArticleTextAsText() throws {
        let (tmp, site) = try buildHostile()
        defer { tmp.cleanup() }
        let pages = listFiles(site).filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 8)
        for page in pages {
            let html = read(site.appendingPathComponent(page))
            #expect(markupProblems(html, allowScripts: true) == [], "\(page)")
            #expect(!html.lowercased().contains("javascript:alert(document.cookie)\""), "\(page)")
        }
        // The hostile strings are there, as visible text.
        let article = try #require(pages.first { $0.contains("apex-title-body") && !$0.hasSuffix("index.html") })
        let html = read(site.appendingPathComponent(article))
        #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Apex {{title}} {{{body}}} &amp; &quot;quotes&quot;"))
        #expect(html.contains("&lt;img src=x onerror=alert(&#39;source&#39;)&gt;"))
        // The javascript: URL is never a link, not even to "the original".
        #expect(!html.contains("Read the original"))
    }

    @Test func markdownPagesNeverBecomeMarkup() throws {
        let (tmp, site) = try buildHostile()
        defer { tmp.cleanup() }
        let pages = listFiles(site).filter { $0.hasSuffix(".md") }
        #expect(pages.count >= 8)
        for page in pages {
            let md = read(site.appendingPathComponent(page))
            // Rendered with cmark in UNSAFE mode: any raw HTML or dangerous link that the
            // Markdown let through would show up here.
            let html = md.withCString { String(cString: cmark_markdown_to_html($0, strlen($0), CMARK_OPT_UNSAFE)) }
            #expect(markupProblems(html, allowScripts: false) == [], "\(page)")
            #expect(!html.contains("<h1>") || md.hasPrefix("# "), "\(page): a heading that is not ours")
        }
    }

    @Test func feedsAreWellFormedAndCarryTextAsText() throws {
        let (tmp, site) = try buildHostile()
        defer { tmp.cleanup() }
        let feeds = listFiles(site).filter { $0.hasSuffix(".xml") }
        #expect(feeds.contains("feed.xml"))
        for feed in feeds {
            let data = try #require(FileManager.default.contents(atPath: site.appendingPathComponent(feed).path))
            let parser = XMLParser(data: data)
            let collector = XMLTextCollector()
            parser.delegate = collector
            #expect(parser.parse(), "\(feed) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
            // HTML content (Atom type="html") is itself checked as HTML once decoded.
            for content in collector.htmlContents {
                #expect(markupProblems(content, allowScripts: false) == [], "\(feed)")
            }
            if feed == "feed.xml" {
                #expect(collector.titles.contains { $0.contains("<script>alert('title')</script> Apex {{title}}") })
            }
        }
    }

    @Test func jsonOutputsKeepTextVerbatimAsStrings() throws {
        let (tmp, site) = try buildHostile()
        defer { tmp.cleanup() }
        let files = listFiles(site).filter { $0.hasSuffix(".json") }
        #expect(files.contains("feed.json"))
        #expect(files.contains("api/2026-11-24.json"))
        for file in files {
            let data = try #require(FileManager.default.contents(atPath: site.appendingPathComponent(file).path))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(file) is not valid JSON")
        }
        let day = try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: site.appendingPathComponent("api/2026-11-24.json").path)!)
        let text = String(describing: day)
        #expect(text.contains("</script><script>alert(\\\"json\\\")</script> {{title}}") || text.contains("</script><script>alert(\"json\")</script> {{title}}"))
        // No link but http(s)/mailto is ever emitted, in JSON either.
        let all = files.map { read(site.appendingPathComponent($0)) }.joined()
        #expect(!all.contains("\"url\":\"javascript:"))
        #expect(!all.contains("\"url\": \"javascript:"))
        #expect(!all.contains("\"url\":\"data:"))
        #expect(!all.contains("\"url\": \"data:"))
    }
}

/// Collects Atom titles and HTML contents.
final class XMLTextCollector: NSObject, XMLParserDelegate {
    var titles: [String] = []
    var htmlContents: [String] = []
    private var current: String?
    private var buffer = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "title" { current = "title"; buffer = "" }
        else if name == "content", attributes["type"] == "html" { current = "content"; buffer = "" }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { if current != nil { buffer += string } }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title", current == "title" { titles.append(buffer); current = nil }
        if name == "content", current == "content" { htmlContents.append(buffer); current = nil }
    }
}
