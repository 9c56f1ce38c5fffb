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
    public var keyPoints: Int = 3
    public var palette: Palette = .standard
    /// Absolute base for feeds and sitemaps (`https://briefings.example.com/`); pages stay relative.
    public var baseURL: String? = nil
    /// Report template names that resolve to nothing instead of rendering them empty.
    public var strictTemplates: Bool = false
    public var maxFileSize: Int = 5 * 1024 * 1024
    /// User additions to the company-name → ticker table.
    public var extraAliases: [String: String] = [:]

    public init() {}
}
