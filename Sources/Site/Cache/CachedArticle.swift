import Foundation
import Articles
import Analysis

/// What the cache keeps of one article between builds: its facts without the full text, its
/// analysis, and what deduplication needs. Enough to plan every listing page; the article's own
/// page is re-rendered from the file when it has to be.
struct CachedArticle: Sendable, Hashable {
    /// The article with `body` and `text` emptied.
    var article: Article
    var analysis: ArticleAnalysis
    /// The slug the loader gave (before site-wide uniqueness), to detect a changed final slug.
    var baseSlug: String
    var normalizedURL: String?
    var textHash: UInt64
    var textLength: Int

    init(article full: Article, analysis: ArticleAnalysis) {
        let key = DeduplicationKey(full)
        var slim = full
        slim.body = ""
        slim.text = ""
        article = slim
        self.analysis = analysis
        baseSlug = full.slug
        normalizedURL = key.url
        textHash = key.textHash
        textLength = key.textLength
    }

    init(article: Article, analysis: ArticleAnalysis, baseSlug: String, normalizedURL: String?, textHash: UInt64, textLength: Int) {
        self.article = article; self.analysis = analysis; self.baseSlug = baseSlug
        self.normalizedURL = normalizedURL; self.textHash = textHash; self.textLength = textLength
    }

    var deduplicationKey: DeduplicationKey {
        DeduplicationKey(location: ArticleLocation(article), url: normalizedURL, rawURL: article.url,
                         textHash: textHash, textLength: textLength)
    }
}

/// What deduplication and slug assignment need of a cached article. It is encoded first, so
/// it is read without decoding (and allocating) the rest of the article and its analysis.
struct CachedHead: Sendable, Hashable {
    var path: String
    var index: Int?
    var line: Int
    var day: Day
    var url: String?
    var baseSlug: String
    var normalizedURL: String?
    var textHash: UInt64
    var textLength: Int

    /// An article with only the head's fields (no title, text or analysis): what
    /// `ArticleLocation` and `Slugs.assignUnique` look at, with the loader's slug.
    var skeleton: Article {
        Article(path: path, index: index, line: line, format: .text, title: "", day: day, url: url,
                body: "", bodyFormat: .plain, slug: baseSlug)
    }

    var deduplicationKey: DeduplicationKey {
        DeduplicationKey(location: ArticleLocation(skeleton), url: normalizedURL,
                         rawURL: url, textHash: textHash, textLength: textLength)
    }
}

/// Field-by-field encoding of cached articles. `CacheCodecTests` fails when a stored property
/// is added to one of these types without being added here.
enum CacheCodec {
    static func write(_ c: CachedArticle, to w: inout BinaryWriter) {
        let a = c.article
        // The head (`CachedHead`) first.
        w.string(a.path); w.optional(a.index) { $0.int($1) }; w.int(a.line)
        w.int(a.day.year); w.int(a.day.month); w.int(a.day.day)
        w.optional(a.url) { $0.string($1) }
        w.string(c.baseSlug); w.optional(c.normalizedURL) { $0.string($1) }
        w.u64(c.textHash); w.int(c.textLength)
        // Then the rest.
        w.string(a.format.rawValue); w.string(a.title)
        w.optional(a.published) { $0.double($1.timeIntervalSince1970) }
        w.optional(a.publishedOffset) { $0.int($1) }
        w.optional(a.source) { $0.string($1) }
        w.optional(a.author) { $0.string($1) }
        w.array(a.tags) { $0.string($1) }; w.array(a.tickers) { $0.string($1) }
        w.string(a.bodyFormat.rawValue)
        w.optional(a.vendorSentiment) { w, v in
            w.optional(v.score) { $0.double($1) }; w.optional(v.label) { $0.string($1) }
            w.doubleMap(v.tickers); w.doubleMap(v.relevance)
        }
        w.stringMap(a.extra)
        w.string(a.slug)
        writeAnalysis(c.analysis, to: &w)
    }

    static func readHead(_ r: inout BinaryReader) throws -> CachedHead {
        let path = try r.string()
        let index = try r.optional { try $0.int() }
        let line = try r.int()
        guard let day = Day(year: try r.int(), month: try r.int(), day: try r.int()) else { throw BinaryReader.Truncated() }
        let url = try r.optional { try $0.string() }
        return CachedHead(path: path, index: index, line: line, day: day, url: url, baseSlug: try r.string(),
                          normalizedURL: try r.optional { try $0.string() }, textHash: try r.u64(), textLength: try r.int())
    }

    static func read(_ r: inout BinaryReader) throws -> CachedArticle {
        let head = try readHead(&r)
        guard let format = ArticleFormat(rawValue: try r.string()) else { throw BinaryReader.Truncated() }
        let title = try r.string()
        let published = try r.optional { Date(timeIntervalSince1970: try $0.double()) }
        let offset = try r.optional { try $0.int() }
        let source = try r.optional { try $0.string() }
        let author = try r.optional { try $0.string() }
        let tags = try r.array { try $0.string() }
        let tickers = try r.array { try $0.string() }
        guard let bodyFormat = BodyFormat(rawValue: try r.string()) else { throw BinaryReader.Truncated() }
        let vendor = try r.optional { r in
            VendorSentiment(score: try r.optional { try $0.double() }, label: try r.optional { try $0.string() },
                            tickers: try r.doubleMap(), relevance: try r.doubleMap())
        }
        let extra = try r.stringMap()
        let slug = try r.string()
        let article = Article(path: head.path, index: head.index, line: head.line, format: format, title: title,
                              published: published, publishedOffset: offset, day: head.day, source: source, url: head.url,
                              author: author, tags: tags, tickers: tickers, body: "", bodyFormat: bodyFormat, text: "",
                              vendorSentiment: vendor, extra: extra, slug: slug)
        let analysis = try readAnalysis(&r)
        return CachedArticle(article: article, analysis: analysis, baseSlug: head.baseSlug,
                             normalizedURL: head.normalizedURL, textHash: head.textHash, textLength: head.textLength)
    }

    static func writeAnalysis(_ a: ArticleAnalysis, to w: inout BinaryWriter) {
        w.double(a.sentiment.score)
        w.array(a.evidence) { $0.string($1.phrase); $0.double($1.contribution) }
        w.array(a.keyPoints) { w, k in
            w.string(k.text); w.double(k.sentiment.score); w.optional(k.tag) { $0.string($1.rawValue) }; w.int(k.sentenceIndex)
        }
        w.array(a.keyFigures) { $0.string($1.figure); $0.string($1.context) }
        w.array(a.tickers) { w, t in w.string(t.symbol); w.double(t.relevance); w.double(t.sentiment.score) }
    }

    static func readAnalysis(_ r: inout BinaryReader) throws -> ArticleAnalysis {
        let sentiment = Sentiment(score: try r.double())
        let evidence = try r.array { Evidence(phrase: try $0.string(), contribution: try $0.double()) }
        let keyPoints = try r.array { r in
            KeyPoint(text: try r.string(), sentiment: Sentiment(score: try r.double()),
                     tag: try r.optional { KeyPoint.Tag(rawValue: try $0.string()) } ?? nil, sentenceIndex: try r.int())
        }
        let figures = try r.array { KeyFigure(figure: try $0.string(), context: try $0.string()) }
        let tickers = try r.array { r in
            TickerSentiment(symbol: try r.string(), relevance: try r.double(), sentiment: Sentiment(score: try r.double()))
        }
        return ArticleAnalysis(sentiment: sentiment, evidence: evidence, keyPoints: keyPoints, keyFigures: figures, tickers: tickers)
    }
}
