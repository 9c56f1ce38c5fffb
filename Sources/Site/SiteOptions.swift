import Foundation

/// Everything that changes what a build writes. Defaults match `bellwether build` with no flags.
public struct SiteOptions: Sendable, Hashable {
    public enum Palette: String, Sendable, Hashable, CaseIterable {
        /// Green means up, red means down.
        case standard
        /// Red means up, as in mainland China, Hong Kong, Japan, Korea and Taiwan.
        case cn
    }

    public var title: String = "Bellwether briefings"
    /// Decides the day of a timestamp and how times are shown. Never the machine's zone by default.
    public var timeZone: TimeZone = TimeZone(identifier: "UTC")!
    /// The zone's name as pages state it: "UTC" rather than Foundation's "GMT" alias.
    public var timeZoneName: String { timeZone.identifier == "GMT" ? "UTC" : timeZone.identifier }
    public var keyPoints: Int = 3
    public var palette: Palette = .standard
    /// Absolute base for feeds and sitemaps (`https://briefings.example.com/`); pages stay relative.
    public var baseURL: String? = nil
    /// Report template names that resolve to nothing instead of rendering them empty.
    public var strictTemplates: Bool = false
    public var maxFileSize: Int = 5 * 1024 * 1024
    /// User additions to the company-name → ticker table.
    public var extraAliases: [String: String] = [:]
    /// Where the analysis cache and page manifests live; nil: `.bellwether-cache` beside the output.
    public var cacheDirectory: URL? = nil
    /// Seconds to wait for another build of the same output to finish (0: fail at once).
    public var lockWait: Double = 0

    /// Everything that changes what loading and analysis produce: a cache made with other
    /// values is not used.
    func analysisKey(version: String) -> UInt64 {
        var h = ContentHash()
        h.add("analysis-v1|\(version)|\(keyPoints)|\(timeZone.identifier)")
        for k in extraAliases.keys.sorted() { h.add(k); h.add(extraAliases[k]!) }
        return h.value
    }

    /// Everything besides the article and the templates that changes a rendered page.
    func renderKey(version: String) -> UInt64 {
        var h = ContentHash()
        h.add("render-v1|\(version)|\(title)|\(timeZone.identifier)|\(palette.rawValue)|\(baseURL ?? "")|\(strictTemplates)")
        return h.value
    }

    public init() {}
}
