import Foundation
import Articles
import Analysis
import Briefing
import Mustache

/// What a build did, for the summary line and `--json`.
public struct BuildReport: Sendable {
    public var articlesRead = 0
    public var pagesWritten = 0
    public var pagesUnchanged = 0
    public var pagesRemoved = 0
    public var diagnostics: [Diagnostic] = []
    /// Things the reader of the build's output should know once (not problems with inputs).
    public var notes: [String] = []
    public var seconds = 0.0
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// A site build as a pipeline of small steps: load → brief (parallel, article pages written as
/// each is analysed) → plan the day/index pages from briefs alone → write → publish.
public struct SiteBuilder: Sendable {
    public let options: SiteOptions
    public let library: TemplateLibrary
    public let version: String

    public init(options: SiteOptions, library: TemplateLibrary, version: String) {
        self.options = options; self.library = library; self.version = version
    }

    public func build(articles: URL, output: URL) throws -> BuildReport {
        let start = Date()
        var report = BuildReport()
        let loaded = ArticleLoader(options: LoadOptions(timeZone: options.timeZone, maxFileSize: options.maxFileSize))
            .loadFolder(articles)
        report.diagnostics = loaded.diagnostics
        let articles = loaded.articles
        report.articlesRead = articles.count
        if options.baseURL == nil {
            report.notes.append("no --base-url: feeds use relative links and tag: ids, and sitemap.xml is not written; pass --base-url https://… for absolute links")
        }

        let writer = try OutputWriter(output: output)
        do {
            let briefs = try briefAndWriteArticlePages(articles, writer: writer)
            let model = SiteModel(briefs: briefs)
            try writeListingPages(model, writer: writer)
            try writer.publish()
            report.pagesWritten = writer.written
            report.pagesUnchanged = writer.unchanged
            report.pagesRemoved = writer.removed
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    var context: PageContext { PageContext(options: options, version: version) }

    /// Analyses every article on all cores and writes its pages right away, so full texts are
    /// dropped as soon as their page is written.
    func briefAndWriteArticlePages(_ articles: [Article], writer: OutputWriter) throws -> [Brief] {
        let briefer = ArticleBriefer(options: options)
        let body = BodyRenderer()
        let context = self.context
        return try Parallel.map(articles.count) { i in
            let brief = briefer.brief(articles[i])
            let value = context.articlePage(brief, bodyHTML: body.html(articles[i]))
            try writer.write(brief.sitePath + ".html", text: render("article.html", value))
            try writer.write(brief.sitePath + ".md", text: render("article.md", value))
            return brief
        }
    }

    /// Every page kind planned from the model. Order does not matter: paths are disjoint.
    var planners: [PagePlanner] {
        [HomePages(), DayPages(), AssetPages(assets: library.assets),
         TickerPages(), SiteFeedPages(), APIPages(), SitemapPage(), SearchPages()]
    }

    /// Plans the listing pages from briefs alone and renders them on all cores.
    func writeListingPages(_ model: SiteModel, writer: OutputWriter) throws {
        let context = self.context
        let pages = planners.flatMap { $0.pages(for: model, context: context) }
        _ = try Parallel.map(pages.count) { i in
            let page = pages[i]
            switch page.content {
            case .template(let name, let value): try writer.write(page.path, text: render(name, value))
            case .text(let text): try writer.write(page.path, text: text)
            case .bytes(let bytes): try writer.write(page.path, bytes)
            }
        }
    }

    func render(_ name: String, _ value: MustacheValue) throws -> String {
        do {
            return try library.templates.render(name, value, strict: options.strictTemplates)
        } catch {
            throw SiteError.render("\(error)")
        }
    }
}

