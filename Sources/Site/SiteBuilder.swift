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

        let writer = try OutputWriter(output: output)
        do {
            let briefs = try briefAndWriteArticlePages(articles, writer: writer)
            let model = SiteModel(briefs: briefs)
            try writeListingPages(model, writer: writer)
            for (path, bytes) in library.assets.sorted(by: { $0.key < $1.key }) { try writer.write(path, bytes) }
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

    func writeListingPages(_ model: SiteModel, writer: OutputWriter) throws {
        let context = self.context
        let index = context.indexPage(model)
        try writer.write("index.html", text: render("index.html", index))
        try writer.write("index.md", text: render("index.md", index))
        try writer.write("archive.html", text: render("archive.html", context.archivePage(model)))
        _ = try Parallel.map(model.days.count) { i in
            let value = context.dayPage(model, at: i)
            let dir = model.days[i].day.pathComponent
            try writer.write(dir + "/index.html", text: render("day.html", value))
            try writer.write(dir + "/index.md", text: render("day.md", value))
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

