import Foundation
import Testing
@testable import Site

/// An incremental build re-renders only the listing pages whose inputs changed; these tests
/// hold it to the only standard that matters: after any change, every file of the site is
/// byte for byte what a clean build of the same inputs writes into a fresh folder. Each change
/// is checked in both copies of the site (the two trees the build swaps), since each copy's
/// pages were written by a different earlier build.
@Suite(.serialized) struct IncrementalEquivalenceTests {
    let examples = repositoryRoot.appendingPathComponent("examples/articles")

    /// Inputs that may change between builds.
    struct Inputs {
        var templates: URL? = nil
        var options = SiteOptions()
    }

    func build(_ articles: URL, _ out: URL, _ inputs: Inputs) throws -> BuildReport {
        try SiteBuilder(options: inputs.options, library: try TemplateLibrary(overrides: inputs.templates), version: "test")
            .build(articles: articles, output: out)
    }

    func snapshot(_ site: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for f in listFiles(site) { out[f] = FileManager.default.contents(atPath: site.appendingPathComponent(f).path) }
        return out
    }

    /// Files that differ between two snapshots (missing on either side included).
    func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    /// Builds every example article into a site (twice, so both copies exist and the manifest
    /// of each is populated), applies `change`, then builds incrementally twice and compares
    /// each result with a clean build of the changed inputs. Returns the files the change made
    /// differ from the site before it, so a test can check it exercised what it meant to.
    @discardableResult
    func expectIncrementalEqualsClean(
        _ inputs: Inputs = Inputs(),
        change: (URL, TemporaryFolder, inout Inputs) throws -> Void
    ) throws -> [String] {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanup() }
        let articles = tmp.url.appendingPathComponent("articles")
        try FileManager.default.copyItem(at: examples, to: articles)
        var inputs = inputs
        let site = tmp.url.appendingPathComponent("inc/site")
        _ = try build(articles, site, inputs)
        _ = try build(articles, site, inputs)
        let before = snapshot(site)
        try change(articles, tmp, &inputs)

        let clean = tmp.url.appendingPathComponent("clean/site")
        _ = try build(articles, clean, inputs)
        let reference = snapshot(clean)
        #expect(!reference.isEmpty)

        for copy in 1...2 {
            _ = try build(articles, site, inputs)
            let diff = differences(snapshot(site), reference)
            #expect(diff.isEmpty, "copy \(copy) differs from a clean build in \(diff.count) files: \(diff.prefix(10))")
        }
        // And a build with nothing changed leaves it so.
        _ = try build(articles, site, inputs)
        #expect(differences(snapshot(site), reference).isEmpty)
        return differences(before, reference)
    }

    func edit(_ file: URL, _ f: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(f(text).utf8).write(to: file)
    }

    @Test func changedArticle() throws {
        let changed = try expectIncrementalEqualsClean { articles, _, _ in
            try edit(articles.appendingPathComponent("2026-11-24/exxon-2027-plan.md")) {
                $0 + "\nShares edged up 0.5% in late trading.\n"
            }
        }
        #expect(changed.contains("2026/11/24/index.html"))
    }

    /// An article on an earlier day moves its ticker's point there, which later days compare
    /// with (their movers) and the ticker's pages show: those pages change although none of
    /// their own articles did.
    @Test func changedArticleOnAnEarlierDay() throws {
        let changed = try expectIncrementalEqualsClean { articles, _, _ in
            try edit(articles.appendingPathComponent("2026-11-20/nvidia-analysts-lift-targets.md")) {
                $0.replacingOccurrences(of: "raised their price targets", with: "slashed their price targets")
                    + "\nNvidia shares collapsed after the warning, a disastrous loss; analysts fear a deep slump and mounting losses.\n"
            }
        }
        #expect(changed.contains("tickers/NVDA/index.html"))
        #expect(changed.contains { $0.hasPrefix("2026/11/2") && $0.hasSuffix("/index.html") && !$0.hasPrefix("2026/11/20/") },
                "the change should reach a later day's page through its movers: \(changed)")
    }

    @Test func addedArticle() throws {
        let changed = try expectIncrementalEqualsClean { articles, tmp, _ in
            try tmp.write("articles/2026-11-23/nvidia-new-chip.md", """
                ---
                title: Nvidia unveils a new chip
                date: 2026-11-23T10:00:00Z
                tickers: [NVDA, INTC]
                ---
                Nvidia (NASDAQ: NVDA) unveiled a faster accelerator on Monday, and analysts cheered the strong launch.
                Intel (NASDAQ: INTC) shares slipped on worries about competition.
                """)
        }
        #expect(changed.contains("2026/11/23/index.html"))
    }

    @Test func addedArticleOnANewDay() throws {
        try expectIncrementalEqualsClean { articles, tmp, _ in
            try tmp.write("articles/2026-11-27/apple-new-day.md", """
                ---
                title: Apple shares climb on holiday demand
                date: 2026-11-27T09:00:00Z
                tickers: [AAPL]
                ---
                Apple (NASDAQ: AAPL) shares climbed 2% as early holiday demand beat forecasts.
                """)
        }
    }

    @Test func deletedArticle() throws {
        let changed = try expectIncrementalEqualsClean { articles, _, _ in
            try FileManager.default.removeItem(at: articles.appendingPathComponent("2026-11-23/nvidia-export-curbs.md"))
        }
        #expect(changed.contains("2026/11/23/index.html"))
    }

    /// Every article of the oldest day gone: the next day loses its link to a previous day.
    @Test func deletedDay() throws {
        try expectIncrementalEqualsClean { articles, _, _ in
            try FileManager.default.removeItem(at: articles.appendingPathComponent("2026-11-20"))
        }
    }

    @Test func changedTemplate() throws {
        let changed = try expectIncrementalEqualsClean { _, tmp, inputs in
            let templates = tmp.url.appendingPathComponent("templates")
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            let original = BundledTemplates.files["ticker.html.mustache"]!
            try Data(("<!-- custom -->\n" + original).utf8).write(to: templates.appendingPathComponent("ticker.html.mustache"))
            inputs.templates = templates
        }
        #expect(changed.contains("tickers/NVDA/index.html"))
    }

    @Test func changedOption() throws {
        let changed = try expectIncrementalEqualsClean { _, _, inputs in
            inputs.options.title = "Desk briefings"
            inputs.options.baseURL = "https://briefings.example.com/"
        }
        #expect(changed.contains("2026/11/24/index.html"))
        #expect(changed.contains("sitemap.xml"))
    }
}
