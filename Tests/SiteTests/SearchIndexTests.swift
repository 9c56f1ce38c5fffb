import Foundation
import Testing
import Briefing
@testable import Site

/// The search index is written straight to text rather than through a `JSONValue` tree (for
/// speed at tens of thousands of articles); it must still be exactly what that tree serializes
/// to, escapes included.
@Suite struct SearchIndexTests {
    @Test func scriptIsTheJSONValueSerializationOfItsDocuments() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanup() }
        let articles = tmp.url.appendingPathComponent("articles")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/articles"), to: articles)
        try tmp.write("articles/2026-11-24/hostile.md", """
            ---
            title: "Quotes \\" back\\\\slash \\u2028 separator and a\\ttab"
            date: 2026-11-24T08:00:00Z
            tickers: [NVDA]
            ---
            Nvidia (NASDAQ: NVDA) shares "soared" 9% on a record quarter \\ with strong \u{2029} demand.
            """)
        let site = tmp.url.appendingPathComponent("site")
        _ = try SiteBuilder(options: SiteOptions(), library: try TemplateLibrary(overrides: nil), version: "test")
            .build(articles: articles, output: site)
        let bytes = try #require(FileManager.default.contents(atPath: site.appendingPathComponent("search/search-index.js").path))
        let text = try #require(String(data: bytes, encoding: .utf8))
        #expect(text.hasPrefix(SearchPages.scriptPrefix) && text.hasSuffix(";\n"))
        let json = text.dropFirst(SearchPages.scriptPrefix.count).dropLast(2)
        let index = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let docs = try #require(index["docs"] as? [[String]])
        #expect(docs.contains { $0[0].contains("\"") && $0[0].contains("\\") })
        let tree = JSONValue.object([
            "version": .number(1),
            "fields": .array(SearchPages.fields.map(JSONValue.string)),
            "docs": .array(docs.map { .array($0.map(JSONValue.string)) }),
        ])
        #expect(String(json) == tree.serialized())
    }
}
