import ArgumentParser
import Articles
import Foundation
import Site

/// `bellwether check`: reads every article exactly as a build would and lists each problem
/// as `path:line: message` on standard error. Changes nothing on disk.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read every article and report problems without building anything.",
        discussion: """
        Prints each problem as `path:line: message` on standard error and a one-line summary \
        on standard output. Exits 0 when no article has an error (warnings allowed), 1 when \
        some do, or also on warnings with --strict.
        """
    )

    @Argument(help: "The article folder (or a single article file).")
    var articles: String = "articles"

    @Option(help: "IANA time zone that decides the day of a timestamp, e.g. America/New_York (default: bellwether.yml's, else UTC).")
    var timezone: String?

    @Option(name: .customLong("max-size"), help: "Largest file read, in bytes (default: bellwether.yml's, else 5 MiB).")
    var maxSize: Int?

    @Option(help: "Configuration file (default: bellwether.yml beside the article folder, if present).")
    var config: String?

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    func validate() throws {
        if let timezone, TimeZone(identifier: timezone) == nil {
            throw ValidationError("unknown time zone '\(timezone)'; use an IANA name such as UTC, Europe/London or America/New_York")
        }
        if let maxSize, maxSize <= 0 { throw ValidationError("--max-size must be a positive number of bytes") }
    }

    func run() throws {
        // The same settings a build of this folder would use: bellwether.yml, then flags.
        var site = SiteOptions()
        if let url = config.map({ URL(fileURLWithPath: $0) }) ?? Config.find(forArticles: URL(fileURLWithPath: articles)) {
            do { try Config.load(url).apply(to: &site) } catch {
                FileHandle.standardError.write(Data("bellwether: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        if let timezone { site.timeZone = TimeZone(identifier: timezone)! }
        if let maxSize { site.maxFileSize = maxSize }
        let options = LoadOptions(timeZone: site.timeZone, maxFileSize: site.maxFileSize)
        let loader = ArticleLoader(options: options)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: articles, isDirectory: &isDirectory)
        let result: LoadResult
        let prefix: String?
        if exists && !isDirectory.boolValue {
            result = loader.loadFile(URL(fileURLWithPath: articles), displayPath: articles)
            prefix = nil
        } else {
            result = loader.loadFolder(URL(fileURLWithPath: articles, isDirectory: true))
            prefix = exists ? articles : nil
        }
        var report = ""
        for d in result.diagnostics { report += d.rendered(under: prefix) + "\n" }
        FileHandle.standardError.write(Data(report.utf8))

        let errors = result.errorCount, warnings = result.warningCount
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var summary = "read \(plural(result.filesRead, "file")): \(plural(result.articles.count, "article")) ready, "
            + "\(plural(errors, "error")), \(plural(warnings, "warning"))"
        if !result.merges.isEmpty { summary += " (\(plural(result.merges.count, "duplicate")) merged)" }
        summary += " [time zone \(site.timeZoneName)]"
        print(summary)
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}
