import ArgumentParser
import Foundation
import Site

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render a folder of articles into a static briefing site.",
        discussion: """
        Reads every article under ARTICLES, scores and summarises each, and writes daily briefing \
        pages, article pages and an index as HTML and Markdown into the output folder. Problems with \
        single files are reported as `path:line: message` and the build goes on with the rest.

        Exit status: 0 the site was written (warnings and skipped files are reported); 1 the build \
        failed and the previous site was left as it was (or, with --strict, some input had errors); \
        2 usage error.
        """
    )

    @Argument(help: "Folder of articles.")
    var articles: String = "articles"

    @Option(name: .shortAndLong, help: "Output folder.")
    var out: String = "site"

    @Option(help: "Folder of templates overriding the bundled ones (same file names).")
    var templates: String?

    @Option(help: "Site title.")
    var title: String?

    @Option(help: "Badge colours: standard (green up) or cn (red up).")
    var palette: String?

    @Option(help: "Absolute URL the site is served from (for feeds and the sitemap), e.g. https://briefings.example.com/.")
    var baseURL: String?

    @Flag(help: "Exit 1 when any input had an error; report template names that resolve to nothing.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var analysis: AnalysisFlags

    func run() throws {
        var options = SiteOptions()
        try analysis.apply(to: &options)
        if let title { options.title = title }
        if let palette {
            guard let p = SiteOptions.Palette(rawValue: palette) else {
                throw ValidationError("--palette must be one of: standard, cn")
            }
            options.palette = p
        }
        options.strictTemplates = strict
        if let baseURL {
            guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else {
                throw ValidationError("--base-url must start with https:// or http://")
            }
            options.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        let articlesURL = URL(fileURLWithPath: articles)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: articlesURL.path, isDirectory: &isDir), isDir.boolValue else {
            printError("bellwether: articles folder '\(articles)' does not exist")
            throw ExitCode(1)
        }
        let report: BuildReport
        do {
            let library = try TemplateLibrary(overrides: templates.map { URL(fileURLWithPath: $0) })
            report = try SiteBuilder(options: options, library: library, version: BellwetherVersion.string)
                .build(articles: articlesURL, output: URL(fileURLWithPath: out))
        } catch {
            printError("bellwether: build failed, previous site left unchanged: \(error)")
            throw ExitCode(1)
        }
        for d in report.diagnostics { printError(d.description) }
        if !quiet {
            for note in report.notes { printError("bellwether: note: \(note)") }
            let secs = (report.seconds * 100).rounded() / 100
            print("bellwether: \(report.articlesRead) articles, \(report.pagesWritten) files written to \(out)/, \(report.errorCount) problems, \(secs) s")
        }
        if strict && report.errorCount > 0 { throw ExitCode(1) }
    }
}
