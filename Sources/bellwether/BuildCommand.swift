import ArgumentParser
import Foundation
import Briefing
import Site

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render a folder of articles into a static briefing site.",
        discussion: """
        Reads every article under ARTICLES, scores and summarises each, and writes daily briefing \
        pages, article pages and an index as HTML and Markdown into the output folder. Problems with \
        single files are reported as `path:line: message` and the build goes on with the rest.

        Options can also live in bellwether.yml in the folder that holds ARTICLES (see \
        `bellwether init`); flags override it.

        The build is incremental (unchanged articles are not analysed again, unchanged pages not \
        rewritten), atomic (the new site replaces the old one in one step, only once every page \
        is written) and locked (one build per output folder at a time).

        Exit status: 0 the site was published (problems with single files are reported); \
        1 the build failed and the previous site was left exactly as it was, another build holds \
        the lock, or --strict and some input had an error (the site is still published); \
        2 usage error or invalid bellwether.yml.
        """
    )

    @Argument(help: "Folder of articles.")
    var articles: String = "articles"

    @Option(name: .shortAndLong, help: "Output folder (default: site).")
    var out: String?

    @Option(help: "Folder of templates overriding the bundled ones (same file names).")
    var templates: String?

    @Option(help: "Configuration file (default: bellwether.yml beside the article folder, if present).")
    var config: String?

    @Option(help: "Site title.")
    var title: String?

    @Option(help: "Badge colours: standard (green up) or cn (red up).")
    var palette: String?

    @Option(help: "Absolute URL the site is served from (for feeds and the sitemap), e.g. https://briefings.example.com/.")
    var baseURL: String?

    @Option(help: "Folder for the analysis cache (default: .bellwether-cache beside the output).")
    var cache: String?

    @Option(help: "Skip input files larger than this many bytes (default 5 MiB).")
    var maxSize: Int?

    @Option(help: "Seconds to wait for another build of the same output to finish (default 0: fail at once).")
    var wait: Double?

    @Flag(help: "Exit 1 when any input had an error; report template names that resolve to nothing.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each step's figures.")
    var verbose = false

    @Flag(help: "Print the summary as one JSON object on standard output (for monitoring).")
    var json = false

    @OptionGroup var analysis: AnalysisFlags

    func run() throws {
        let articlesURL = URL(fileURLWithPath: articles)
        let settings = try SiteSettings(articles: articlesURL, config: config, analysis: analysis, out: out,
                                        templates: templates, title: title, palette: palette, baseURL: baseURL)
        var options = settings.options
        let outPath = settings.outPath, templatesPath = settings.templates, configURL = settings.configURL
        if let cache { options.cacheDirectory = URL(fileURLWithPath: cache) }
        if let maxSize {
            guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of bytes") }
            options.maxFileSize = maxSize
        }
        if let wait {
            guard wait >= 0 else { throw ValidationError("--wait must be zero or more seconds") }
            options.lockWait = wait
        }
        if strict { options.strictTemplates = true }
        let strictInputs = strict || (options.strictTemplates && configURL != nil)

        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: articlesURL.path, isDirectory: &isDir), isDir.boolValue else {
            printError("bellwether: articles folder '\(articles)' does not exist")
            throw ExitCode(1)
        }
        let bar = (!quiet && !json && isatty(2) != 0) ? ProgressBar() : nil
        let report: BuildReport
        do {
            let library = try TemplateLibrary(overrides: templatesPath)
            var progress: SiteBuilder.Progress?
            if let bar { progress = { done, total in bar.show(done, total) } }
            report = try SiteBuilder(options: options, library: library, version: BellwetherVersion.string)
                .build(articles: articlesURL, output: URL(fileURLWithPath: outPath), progress: progress)
            bar?.finish()
        } catch SiteError.busy(let message) {
            bar?.finish()
            printError("bellwether: \(message)")
            throw ExitCode(1)
        } catch {
            bar?.finish()
            printError("bellwether: build failed, the previous site is unchanged: \(error)")
            throw ExitCode(1)
        }
        for d in report.diagnostics where !quiet || d.severity == .error { printError(d.rendered(under: articles)) }
        if !quiet { for note in report.notes { printError("bellwether: note: \(note)") } }
        if json {
            print(Self.summaryJSON(report, output: outPath).serialized())
        } else if !quiet {
            print(Self.summaryLine(report, output: outPath))
            if verbose { print(Self.details(report)) }
        }
        if strictInputs && report.errorCount > 0 { throw ExitCode(1) }
    }

    static func seconds(_ s: Double) -> String { String((s * 100).rounded() / 100) }

    static func summaryLine(_ r: BuildReport, output: String) -> String {
        var parts = ["\(r.articles) article\(r.articles == 1 ? "" : "s") from \(r.filesRead) file\(r.filesRead == 1 ? "" : "s")",
                     "\(r.filesNew) new, \(r.filesChanged) changed, \(r.filesUnchanged) unchanged, \(r.filesRemoved) removed"]
        if !r.skipped.isEmpty { parts.append("\(r.skipped.count) skipped (see above)") }
        if r.duplicatesMerged > 0 { parts.append("\(r.duplicatesMerged) duplicate\(r.duplicatesMerged == 1 ? "" : "s") merged") }
        parts.append("\(r.pagesWritten) pages written, \(r.pagesUnchanged) unchanged, \(r.pagesRemoved) removed in \(output)/")
        parts.append("\(r.errorCount) error\(r.errorCount == 1 ? "" : "s"), \(r.warningCount) warning\(r.warningCount == 1 ? "" : "s")")
        return "bellwether: " + parts.joined(separator: "; ") + "; \(seconds(r.seconds)) s"
    }

    static func details(_ r: BuildReport) -> String {
        "bellwether: \(r.articlesAnalysed) articles analysed, \(r.articles - min(r.articles, r.articlesAnalysed)) from the cache"
    }

    static func summaryJSON(_ r: BuildReport, output: String) -> JSONValue {
        .object([
            "output": .string(output),
            "articles": .number(Double(r.articles)),
            "files": .object([
                "read": .number(Double(r.filesRead)), "new": .number(Double(r.filesNew)),
                "changed": .number(Double(r.filesChanged)), "unchanged": .number(Double(r.filesUnchanged)),
                "removed": .number(Double(r.filesRemoved)),
            ]),
            "skipped": .array(r.skipped.map { d in
                .object(["path": .string(d.path), "line": d.line.map { .number(Double($0)) } ?? .null, "reason": .string(d.message)])
            }),
            "analysed": .number(Double(r.articlesAnalysed)),
            "duplicates_merged": .number(Double(r.duplicatesMerged)),
            "pages": .object([
                "written": .number(Double(r.pagesWritten)), "unchanged": .number(Double(r.pagesUnchanged)),
                "removed": .number(Double(r.pagesRemoved)),
            ]),
            "errors": .number(Double(r.errorCount)),
            "warnings": .number(Double(r.warningCount)),
            "problems": .array(r.diagnostics.map { d in
                .object(["path": .string(d.path), "line": d.line.map { .number(Double($0)) } ?? .null,
                         "severity": .string(d.severity.rawValue), "message": .string(d.message)])
            }),
            "notes": .array(r.notes.map { .string($0) }),
            "seconds": .number(r.seconds),
        ])
    }
}

/// A one-line progress bar on standard error, for people watching a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var shown = false

    func show(_ done: Int, _ total: Int) {
        lock.lock(); defer { lock.unlock() }
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r  reading and analysing [\(bar)] \(done)/\(total) files".utf8))
        shown = true
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); shown = false }
    }
}
