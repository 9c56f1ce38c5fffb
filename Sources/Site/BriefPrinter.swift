import Foundation
import Articles
import Briefing
import Mustache

/// `bellwether brief`: one article's brief as Markdown, a standalone HTML page, or JSON.
public struct BriefPrinter: Sendable {
    public enum Format: String, Sendable { case markdown, html, json }

    public let options: SiteOptions
    public let library: TemplateLibrary
    public let version: String

    public init(options: SiteOptions, library: TemplateLibrary, version: String) {
        self.options = options; self.library = library; self.version = version
    }

    public struct Output: Sendable {
        public var output: String
        public var diagnostics: [Diagnostic]
    }

    /// Briefs every article in the file (a JSON feed may hold several): JSON prints one object
    /// for one article and an array for several; the other formats print them one after another.
    public func brief(data: Data, path: String, format: Format) throws -> Output {
        let loaded = ArticleLoader(options: LoadOptions(timeZone: options.timeZone, maxFileSize: options.maxFileSize))
            .load(data: data, path: path)
        let articles = loaded.articles
        let briefer = ArticleBriefer(options: options)
        let context = PageContext(options: options, version: version)
        var parts: [String] = []
        var json: [JSONValue] = []
        for article in articles {
            let brief = briefer.brief(article)
            switch format {
            case .json:
                json.append(BriefJSON.object(brief))
            case .markdown:
                let value = context.articlePage(brief, bodyHTML: "", root: "")
                parts.append(try library.templates.render("article.md", value, strict: options.strictTemplates))
            case .html:
                guard case .object(var o) = context.articlePage(brief, bodyHTML: BodyRenderer().html(article), root: "")
                else { continue }
                o["standalone"] = .bool(true)
                o["inline_css"] = .string(String(decoding: library.assets["assets/style.css"] ?? [], as: UTF8.self))
                parts.append(try library.templates.render("article.html", .object(o), strict: options.strictTemplates))
            }
        }
        let output: String
        switch format {
        case .json:
            output = json.isEmpty ? "" : (json.count == 1 ? json[0] : JSONValue.array(json)).serialized(pretty: true) + "\n"
        case .markdown:
            output = parts.joined(separator: "\n---\n\n")
        case .html:
            output = parts.joined()
        }
        return Output(output: output, diagnostics: loaded.diagnostics)
    }
}
