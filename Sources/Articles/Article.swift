import Foundation

/// One article as read from the input folder, after format detection and cleaning.
///
/// `body` is what a reader sees (Markdown or plain text, per `bodyFormat`); `text`
/// is the plain text handed to analysis: paragraphs separated by `\n`, with
/// scraped vendor footers and marketing lines already removed. A plain `body`
/// separates paragraphs with a blank line (`\n\n`), so a renderer can split on it.
///
/// Every string here is data exactly as the input gave it (after entity decoding
/// for HTML/JSON): nothing is escaped or sanitised at load time, because escaping
/// is the renderer's job and depends on the output format.
public struct Article: Sendable, Hashable, Codable {
    /// Path of the input file relative to the article folder (e.g. `2026-11-24/seed.txt`).
    public var path: String
    /// 1-based position inside a multi-article file (JSON array or feed), else nil.
    public var index: Int?
    /// 1-based line where this article starts in its file (for messages).
    public var line: Int
    public var format: ArticleFormat
    public var title: String
    /// The publication instant when known (front matter, JSON). Nil when only a day is known.
    public var published: Date?
    /// UTC offset, in seconds, the timestamp was written with, when it had one.
    public var publishedOffset: Int?
    /// The calendar day the article belongs to, `YYYY-MM-DD`.
    public var day: Day
    public var source: String?
    public var url: String?
    public var author: String?
    public var tags: [String]
    /// Tickers declared by the input (front matter, JSON `ticker_sentiment`), upper-cased.
    public var tickers: [String]
    public var body: String
    public var bodyFormat: BodyFormat
    /// Plain text for analysis: paragraphs separated by newlines.
    public var text: String
    /// The vendor's own sentiment when a scraped footer or feed carried one.
    public var vendorSentiment: VendorSentiment?
    /// Front-matter keys we do not interpret, kept as strings for templates.
    public var extra: [String: String]
    /// URL-safe name (`[a-z0-9-]`, never empty). Set from the title (or file name) at
    /// load time; only `Slugs.assignUnique` makes it unique across a whole site.
    public var slug: String

    public init(path: String, index: Int? = nil, line: Int = 1, format: ArticleFormat, title: String,
                published: Date? = nil, publishedOffset: Int? = nil, day: Day, source: String? = nil,
                url: String? = nil, author: String? = nil, tags: [String] = [], tickers: [String] = [],
                body: String, bodyFormat: BodyFormat, text: String? = nil,
                vendorSentiment: VendorSentiment? = nil, extra: [String: String] = [:], slug: String? = nil) {
        self.path = path; self.index = index; self.line = line; self.format = format
        self.title = title; self.published = published; self.publishedOffset = publishedOffset
        self.day = day; self.source = source; self.url = url; self.author = author
        self.tags = tags; self.tickers = tickers; self.body = body; self.bodyFormat = bodyFormat
        self.text = text ?? body; self.vendorSentiment = vendorSentiment; self.extra = extra
        self.slug = slug ?? Slugs.base(title: title, path: path)
    }
}

public enum ArticleFormat: String, Sendable, Hashable, Codable {
    case markdown, text, json, html
}

public enum BodyFormat: String, Sendable, Hashable, Codable {
    case markdown, plain
}

/// A sentiment figure published by the source (e.g. a scraped "Sentiment Score 0.20" footer,
/// or an Alpha Vantage feed's `overall_sentiment_score`). Shown beside ours, never mixed in.
public struct VendorSentiment: Sendable, Hashable, Codable {
    public var score: Double?
    public var label: String?
    /// Per-ticker sentiment score as the vendor gave it (upper-cased ticker → score).
    public var tickers: [String: Double]
    /// Per-ticker relevance in [0, 1] when the vendor gave one (Alpha Vantage `relevance_score`).
    public var relevance: [String: Double]
    public init(score: Double?, label: String?, tickers: [String: Double] = [:], relevance: [String: Double] = [:]) {
        self.score = score; self.label = label; self.tickers = tickers; self.relevance = relevance
    }
}
