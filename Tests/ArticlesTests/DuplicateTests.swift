import Testing
import Foundation
@testable import Articles

@Suite("Duplicates")
struct DuplicateTests {
    @Test func sameURLIsMergedAndTheMessageNamesBothFiles() throws {
        let folder = TempFolder()
        folder.write("2026-11-24/b-wire.md", "---\ntitle: Apex beats\nurl: https://www.news.example.com/apex/?utm_source=feed#top\n---\nWire copy of the story.\n")
        folder.write("2026-11-24/a-site.md", "---\ntitle: Apex beats estimates\nurl: http://news.example.com/apex\n---\nSite copy, edited differently.\n")
        let r = folder.load()
        #expect(r.articles.map(\.path) == ["2026-11-24/a-site.md"])
        let m = try #require(r.merges.first)
        #expect(m.kept.path == "2026-11-24/a-site.md" && m.dropped.path == "2026-11-24/b-wire.md")
        let w = try #require(r.warnings.first)
        #expect(w.path == "2026-11-24/b-wire.md")
        #expect(w.message.hasPrefix("duplicate of 2026-11-24/a-site.md (same URL https://www.news.example.com/apex/?utm_source=feed#top); merged: 2026-11-24/a-site.md is kept"))
    }

    @Test func sameNormalizedTextAcrossFormatsIsMerged() throws {
        let folder = TempFolder()
        folder.write("2026-11-24/story.txt", "Oil prices FELL 3% on Monday.\nTraders cited supply.\n")
        folder.write("2026-11-24/story.json", "{\"title\": \"Oil falls\", \"body\": \"Oil prices fell 3% on Monday!  Traders   cited supply\"}")
        folder.write("2026-11-24/story.html", "<html><body><article><p>Oil prices <em>fell</em> 3% on Monday.</p><p>Traders cited supply.</p></article></body></html>")
        folder.write("2026-11-24/other.txt", "Oil prices fell 3% on Tuesday.\nTraders cited supply.\n")
        let r = folder.load()
        #expect(r.articles.map(\.path) == ["2026-11-24/other.txt", "2026-11-24/story.html"])
        #expect(r.merges.map(\.dropped.path) == ["2026-11-24/story.json", "2026-11-24/story.txt"])
        #expect(r.merges.allSatisfy { $0.kept.path == "2026-11-24/story.html" && $0.reason == .sameText })
    }

    @Test func keptCopyDoesNotDependOnInputOrder() {
        let a = Article(path: "a.md", format: .markdown, title: "A", day: Day("2026-11-24")!, url: "https://x.example.com/1", body: "One", bodyFormat: .markdown)
        let b = Article(path: "b.md", format: .markdown, title: "B", day: Day("2026-11-24")!, url: "https://x.example.com/1", body: "Two", bodyFormat: .markdown)
        let c = Article(path: "c.md", format: .markdown, title: "C", day: Day("2026-11-24")!, body: "two", bodyFormat: .markdown)
        let forward = Deduplicator.deduplicate([a, b, c])
        let backward = Deduplicator.deduplicate([c, b, a])
        #expect(forward.kept.map(\.path) == ["a.md"])
        #expect(backward.kept.map(\.path) == ["a.md"])
        // c matches b by text, and b was merged into a: c is merged into a, through b.
        let viaB = forward.merges.first { $0.dropped.path == "c.md" }
        #expect(viaB?.kept.path == "a.md" && viaB?.matched.path == "b.md")
        #expect(viaB?.diagnostic.message.contains("through b.md") == true)
    }

    @Test func feedElementsAreDeduplicatedWithTheirIndex() throws {
        let json = """
        {"feed": [
          {"title": "One", "url": "https://n.example.com/1", "time_published": "20261124T100000", "summary": "First."},
          {"title": "One again", "url": "https://n.example.com/1", "time_published": "20261124T110000", "summary": "First, updated."}
        ]}
        """
        let r = ArticleLoader().load(data: Data(json.utf8), path: "feed.json")
        #expect(r.articles.map(\.title) == ["One"])
        #expect(r.warnings.first?.message.hasPrefix("duplicate of feed.json (article 1) (same URL") == true)
        #expect(r.warnings.first?.line == 3)
    }

    @Test func urlNormalization() {
        #expect(Deduplicator.normalizeURL("HTTPS://WWW.Example.com/a/b/?utm_medium=x&id=3#frag") == "example.com/a/b?id=3")
        #expect(Deduplicator.normalizeURL("  ") == nil)
    }
}

@Suite("Duplicates by key")
struct DeduplicationKeyTests {
    /// The site's cache deduplicates over keys, not texts: it must decide exactly as
    /// `deduplicate(_:)` does over the articles themselves.
    @Test func keysDecideLikeArticles() {
        let day = Day("2026-11-24")!
        func a(_ path: String, _ url: String?, _ body: String) -> Article {
            Article(path: path, format: .text, title: path, day: day, url: url, body: body, bodyFormat: .plain)
        }
        let articles = [a("d.txt", nil, "Same TEXT here."), a("b.txt", "https://x.example.com/1", "One"),
                        a("c.txt", "http://www.x.example.com/1/", "Two"), a("a.txt", nil, "same text, here!"),
                        a("e.txt", nil, "Société générale"), a("f.txt", nil, "SOCIÉTÉ GÉNÉRALE"), a("g.txt", nil, "...")]
        let byArticles = Deduplicator.deduplicate(articles)
        let byKeys = Deduplicator.deduplicate(keys: articles.map(DeduplicationKey.init))
        #expect(byKeys.kept.map { articles[$0].path } == byArticles.kept.map(\.path))
        #expect(byKeys.merges == byArticles.merges)
        #expect(byArticles.kept.map(\.path) == ["b.txt", "a.txt", "e.txt", "g.txt"])
        #expect(DeduplicationKey(articles[4]).textHash == Deduplicator.fnv(Deduplicator.normalizeText("société générale")))
    }
}
