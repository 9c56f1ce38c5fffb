import Foundation
import Testing
@testable import Site

/// The nightly build's promises: only what changed is redone, removed inputs disappear,
/// one build at a time, and a failed build leaves the published site exactly as it was.
@Suite(.serialized) struct IncrementalBuildTests {
    let examples = repositoryRoot.appendingPathComponent("examples/articles")

    /// A private copy of a few example articles to modify.
    func workspace() throws -> (TemporaryFolder, URL, URL) {
        let tmp = try TemporaryFolder()
        let articles = tmp.url.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        for day in ["2026-11-23", "2026-11-24"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(day), to: articles.appendingPathComponent(day))
        }
        return (tmp, articles, tmp.url.appendingPathComponent("site"))
    }

    func build(_ articles: URL, _ out: URL, templates: URL? = nil, options: SiteOptions = SiteOptions()) throws -> BuildReport {
        try SiteBuilder(options: options, library: try TemplateLibrary(overrides: templates), version: "test")
            .build(articles: articles, output: out)
    }

    /// Every file of a site with its bytes.
    func snapshot(_ site: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for f in listFiles(site) { out[f] = FileManager.default.contents(atPath: site.appendingPathComponent(f).path) }
        return out
    }

    @Test func nothingChangedMeansNothingAnalysedOrWritten() throws {
        let (tmp, articles, site) = try workspace()
        defer { tmp.cleanup() }
        let first = try build(articles, site)
        #expect(first.articlesAnalysed == first.articles)
        #expect(first.filesNew == first.filesRead)
        _ = try build(articles, site)   // fills the second copy of the site
        let third = try build(articles, site)
        #expect(third.articlesAnalysed == 0)
        #expect(third.filesUnchanged == third.filesRead)
        #expect(third.pagesWritten == 0)
        #expect(third.pagesRemoved == 0)
        #expect(third.pagesUnchanged > 0)
    }

    /// With nothing changed the listing pages are not rendered at all, so the skip must notice
    /// a listing page that is no longer what was written, and must not survive a change of
    /// an article (its day page shows its new key points).
    @Test func skippedListingPagesAreStillCurrent() throws {
        let (tmp, articles, site) = try workspace()
        defer { tmp.cleanup() }
        _ = try build(articles, site)
        let reference = snapshot(site)
        _ = try build(articles, site)
        // The idle tree now holds the first build's pages; spoil one listing page in it.
        let idle = OutputWriter.idleTree(for: site.standardizedFileURL)
        try Data("stale".utf8).write(to: idle.appendingPathComponent("2026/11/24/index.html"))
        let third = try build(articles, site)
        #expect(third.pagesWritten == 1)
        #expect(snapshot(site) == reference)
        // A changed article: its day page follows even though the other pages are skipped.
        _ = try build(articles, site)
        let file = articles.appendingPathComponent("2026-11-24/exxon-2027-plan.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: ", with: "title: Revised ").utf8).write(to: file)
        _ = try build(articles, site)
        #expect(read(site.appendingPathComponent("2026/11/24/index.html")).contains("Revised Exxon"))
        let again = try build(articles, site)
        #expect(read(site.appendingPathComponent("2026/11/24/index.html")).contains("Revised Exxon"))
        #expect(again.articlesAnalysed == 0)
    }

    @Test func oneChangedArticleIsTheOnlyOneAnalysed() throws {
        let (tmp, articles, site) = try workspace()
        defer { tmp.cleanup() }
        _ = try build(articles, site)
        _ = try build(articles, site)
        let file = articles.appendingPathComponent("2026-11-24/exxon-2027-plan.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        text += "\nShares rose 3% in late trading after the plan was published.\n"
        try Data(text.utf8).write(to: file)
        let report = try build(articles, site)
        #expect(report.filesChanged == 1)
        #expect(report.articlesAnalysed == 1)
        #expect(report.pagesWritten >= 1)
        let page = listFiles(site).first { $0.contains("exxon") && $0.hasSuffix(".html") }
        #expect(page.map { read(site.appendingPathComponent($0)) }?.contains("Shares rose 3% in late trading") == true)
    }

    @Test func templateChangeRerendersWithoutReanalysing() throws {
        let (tmp, articles, site) = try workspace()
        defer { tmp.cleanup() }
        _ = try build(articles, site)
        let templates = tmp.url.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let original = BundledTemplates.files["article.html.mustache"]!
        try Data(original.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1 class=\"custom\">{{title}}</h1>").utf8)
            .write(to: templates.appendingPathComponent("article.html.mustache"))
        let report = try build(articles, site, templates: templates)
        #expect(report.articlesAnalysed == 0)
        let pages = listFiles(site).filter { $0.hasSuffix(".html") && !$0.hasSuffix("index.html") && $0.split(separator: "/").count == 4 }
        #expect(!pages.isEmpty)
        for p in pages { #expect(read(site.appendingPathComponent(p)).contains("<h1 class=\"custom\">"), "\(p)") }
    }

    @Test func removedInputsDisappearFromTheSite() throws {
        let (tmp, articles, site) = try workspace()
        defer { tmp.cleanup() }
        _ = try build(articles, site)
        #expect(listFiles(site).contains { $0.contains("pfizer") })
        try FileManager.default.removeItem(at: articles.appendingPathComponent("2026-11-24/pfizer-trial-halt.txt"))
        let report = try build(articles, site)
        #expect(report.filesRemoved == 1)
        #expect(!listFiles(site).contains { $0.contains("pfizer") })
        #expect(!read(site.appendingPathComponent("2026/11/24/index.html")).contains("Pfizer Halts"))
        #expect(brokenInternalLinks(site: site) == [])
    }

    @Test func secondBuildOfTheSameOutputIsRefused() throws {
        let (tmp, articles, site) = try workspace()
        defer { tmp.cleanup() }
        let held = try BuildLock.acquire(for: site.standardizedFileURL, wait: 0)
        defer { held.release() }
        do {
            _ = try build(articles, site)
            Issue.record("the build ran while another held the lock")
        } catch SiteError.busy(let message) {
            #expect(message.contains("another bellwether build"))
        }
        var options = SiteOptions()
        options.lockWait = 0.3
        let start = Date()
        #expect(throws: SiteError.self) { try build(articles, site, options: options) }
        #expect(Date().timeIntervalSince(start) >= 0.3)
    }

    @Test func failedBuildLeavesThePublishedSiteUntouched() throws {
        let (tmp, articles, site) = try workspace()
        defer { tmp.cleanup() }
        _ = try build(articles, site)
        let before = snapshot(site)
        // A change that fails half-way: strict templates and a day template naming a value
        // that does not exist; article pages are already written when the day pages fail.
        let templates = tmp.url.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("{{no_such_value}}".utf8).write(to: templates.appendingPathComponent("day.html.mustache"))
        try Data("\nAn added paragraph that changes the article page.\n".utf8)
            .write(to: articles.appendingPathComponent("2026-11-24/extra.md"))
        var options = SiteOptions()
        options.strictTemplates = true
        #expect(throws: (any Error).self) { try build(articles, site, templates: templates, options: options) }
        #expect(snapshot(site) == before)
        // The next good build recovers.
        try FileManager.default.removeItem(at: templates)
        _ = try build(articles, site)
        #expect(brokenInternalLinks(site: site) == [])
    }

    @Test func slugsStayUniqueWithinADay() throws {
        let (tmp, articles, site) = try workspace()
        defer { tmp.cleanup() }
        let story = "---\ntitle: Same headline\ndate: 2026-11-24\n---\nText number %d about markets.\n"
        for i in 1...3 {
            try Data(String(format: story, i).utf8).write(to: articles.appendingPathComponent("2026-11-24/same-\(i).md"))
        }
        let report = try build(articles, site)
        let pages = listFiles(site).filter { $0.hasPrefix("2026/11/24/same-headline") && $0.hasSuffix(".html") }
        #expect(pages.count == 3)
        #expect(report.articles == listFiles(site).filter { $0.hasSuffix(".md") && !$0.hasSuffix("index.md") && $0.split(separator: "/").count == 4 }.count)
        #expect(brokenInternalLinks(site: site) == [])
    }
}
