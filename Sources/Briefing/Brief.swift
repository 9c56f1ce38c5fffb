import Foundation
import Articles
import Analysis

/// One article's brief: the article's facts and what analysis found, without its full text.
///
/// Briefs are small on purpose: a site build keeps every brief of the archive in memory to plan
/// the day, ticker and feed pages, so the body is rendered once (the article page) and dropped.
public struct Brief: Sendable, Hashable, Codable {
    /// Unique, URL-safe name of the article within the site.
    public var slug: String
    /// Input file relative to the article folder (and position inside it for multi-article files).
    public var path: String
    public var title: String
    public var day: Day
    public var published: Date?
    public var publishedOffset: Int?
    public var source: String?
    public var url: String?
    public var author: String?
    public var tags: [String]
    public var vendorSentiment: VendorSentiment?
    public var extra: [String: String]
    public var analysis: ArticleAnalysis

    public init(article: Article, slug: String, analysis: ArticleAnalysis) {
        self.slug = slug
        self.path = article.index.map { "\(article.path)#\($0)" } ?? article.path
        self.title = article.title
        self.day = article.day
        self.published = article.published
        self.publishedOffset = article.publishedOffset
        self.source = article.source
        self.url = article.url
        self.author = article.author
        self.tags = article.tags
        self.vendorSentiment = article.vendorSentiment
        self.extra = article.extra
        self.analysis = analysis
    }

    public var sentiment: Sentiment { analysis.sentiment }

    /// Site-relative path of the article page without extension: `2026/11/24/slug`.
    public var sitePath: String { "\(day.pathComponent)/\(slug)" }

    /// Newest first, then by title, then slug: a total order so listings are stable.
    public static func newestFirst(_ a: Brief, _ b: Brief) -> Bool {
        if a.day != b.day { return a.day > b.day }
        let ta = a.published?.timeIntervalSince1970 ?? 0, tb = b.published?.timeIntervalSince1970 ?? 0
        if ta != tb { return ta > tb }
        if a.title != b.title { return a.title < b.title }
        return a.slug < b.slug
    }
}
