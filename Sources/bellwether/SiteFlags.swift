import ArgumentParser
import Foundation
import Site

/// Options shared by the commands that analyse or render articles.
struct AnalysisFlags: ParsableArguments {
    @Option(help: "Key points per article.")
    var keyPoints: Int?

    @Option(help: "IANA time zone that decides an article's day and how times are shown (default UTC).")
    var timezone: String?

    func apply(to options: inout SiteOptions) throws {
        if let n = keyPoints {
            guard (0...20).contains(n) else { throw ValidationError("--key-points must be between 0 and 20") }
            options.keyPoints = n
        }
        if let tz = timezone {
            guard let zone = TimeZone(identifier: tz) else {
                throw ValidationError("unknown time zone '\(tz)': use an IANA name such as UTC, America/New_York or Asia/Shanghai")
            }
            options.timeZone = zone
        }
    }
}

/// The site settings `build` and `serve` share: the configuration file (given, or
/// `bellwether.yml` found beside the articles), then the flags over it.
struct SiteSettings {
    var options = SiteOptions()
    var outPath = "site"
    var templates: URL?
    /// The configuration file read, if any.
    var configURL: URL?

    init(articles: URL, config: String?, analysis: AnalysisFlags, out: String?, templates: String?,
         title: String?, palette: String?, baseURL: String?) throws {
        configURL = config.map { URL(fileURLWithPath: $0) } ?? Config.find(forArticles: articles)
        if let configURL {
            do {
                let file = try Config.load(configURL)
                file.apply(to: &options)
                if let o = file.out { outPath = file.resolve(o).path }
                if let t = file.templates { self.templates = file.resolve(t) }
            } catch {
                printError("bellwether: \(error)")
                throw ExitCode(2)
            }
        }
        try analysis.apply(to: &options)
        if let out { outPath = out }
        if let templates { self.templates = URL(fileURLWithPath: templates) }
        if let title { options.title = title }
        if let palette {
            guard let p = SiteOptions.Palette(rawValue: palette) else {
                throw ValidationError("--palette must be one of: standard, cn")
            }
            options.palette = p
        }
        if let baseURL {
            guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else {
                throw ValidationError("--base-url must start with https:// or http://")
            }
            options.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
    }
}

/// Writes one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
