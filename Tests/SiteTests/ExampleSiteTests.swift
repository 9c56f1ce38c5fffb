import Foundation
import Testing
@testable import Site

/// Builds the bundled example articles into a temporary folder, as `make site` does, and checks
/// what a reader would: every page kind exists, links resolve, badges show text and score.
@Suite(.serialized) struct ExampleSiteTests {
    static let examples = repositoryRoot.appendingPathComponent("examples/articles")

    func buildExamples(_ options: SiteOptions = SiteOptions()) throws -> (TemporaryFolder, URL, BuildReport) {
        let tmp = try TemporaryFolder()
        let out = tmp.url.appendingPathComponent("site")
        let builder = SiteBuilder(options: options, library: try TemplateLibrary(), version: "test")
        let report = try builder.build(articles: Self.examples, output: out)
        return (tmp, out, report)
    }

    @Test func buildsEveryPageKind() throws {
        let (tmp, site, report) = try buildExamples()
        defer { tmp.cleanup() }
        let files = listFiles(site)
        #expect(report.articles >= 24)
        #expect(files.contains("index.html"))
        #expect(files.contains("index.md"))
        #expect(files.contains("assets/style.css"))
        let dayPages = files.filter { $0.range(of: #"^\d{4}/\d{2}/\d{2}/index\.html$"#, options: .regularExpression) != nil }
        #expect(dayPages.count >= 5)
        for day in dayPages { #expect(files.contains(day.replacingOccurrences(of: ".html", with: ".md"))) }
        let articlePages = files.filter { $0.hasSuffix(".html") && !$0.hasSuffix("index.html") && $0.split(separator: "/").count == 4 }
        #expect(articlePages.count == report.articles)
        #expect(files.contains("2026/11/24/index.html"))
    }

    @Test func everyInternalLinkResolves() throws {
        let (tmp, site, _) = try buildExamples()
        defer { tmp.cleanup() }
        #expect(brokenInternalLinks(site: site) == [])
    }

    @Test func dayPageShowsBadgesWithLabelAndScore() throws {
        let (tmp, site, _) = try buildExamples()
        defer { tmp.cleanup() }
        let day = read(site.appendingPathComponent("2026/11/24/index.html"))
        #expect(day.contains("class=\"badge badge-"))
        // The label is written out next to a signed score, so the badge reads without colour.
        #expect(day.range(of: #"(negative|neutral|positive) <span class="badge-score">[+−]?\d\.\d\d</span>"#, options: .regularExpression) != nil)
        #expect(day.contains("Zhang Yaqin, former Baidu president"))   // the seed's card
        #expect(day.contains("Key risks are regulatory and supply-side"))
        #expect(day.contains("<ul class=\"key-points\">"))
    }

    @Test func seedArticleIsMildlyPositive() throws {
        let (tmp, site, _) = try buildExamples()
        defer { tmp.cleanup() }
        let dayFiles = listFiles(site).filter { $0.hasPrefix("2026/11/24/") && $0.hasSuffix(".html") && !$0.hasSuffix("index.html") }
        let seed = try #require(dayFiles.first { read(site.appendingPathComponent($0)).contains("Zhang Yaqin") })
        let page = read(site.appendingPathComponent(seed))
        #expect(page.contains("badge badge-mildly-positive"))
        // The vendor's own figure is shown beside ours, never scored as text.
        #expect(page.contains("Vendor"))
        #expect(!page.contains("Request a Demo"))
    }

    @Test func sameInputsGiveIdenticalBytes() throws {
        let (tmp1, a, _) = try buildExamples()
        defer { tmp1.cleanup() }
        let (tmp2, b, _) = try buildExamples()
        defer { tmp2.cleanup() }
        let files = listFiles(a)
        #expect(files == listFiles(b))
        for f in files {
            #expect(FileManager.default.contentsEqual(atPath: a.appendingPathComponent(f).path,
                                                      andPath: b.appendingPathComponent(f).path), "\(f) differs")
        }
    }
}
