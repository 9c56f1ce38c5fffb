import Foundation
import Articles
import Analysis
import Briefing

/// What step 2 of a build made of one input file.
struct FileOutcome: Sendable {
    enum Status: Sendable { case new, changed, unchanged }
    var record: FileRecord
    var status: Status
    /// Articles analysed now (0 when the cache had them).
    var analysed: Int
    /// Article pages written now, under the slug the article's title gives.
    var written: [(path: String, index: Int, key: UInt64, stamp: FileStamp)]
}

/// Reads, analyses and renders article pages for one input file at a time.
struct ArticlePages: Sendable {
    let builder: SiteBuilder
    let writer: OutputWriter
    let renderBase: UInt64
    let briefer: ArticleBriefer
    let body = BodyRenderer()
    let context: PageContext

    init(builder: SiteBuilder, writer: OutputWriter, renderBase: UInt64) {
        self.builder = builder; self.writer = writer; self.renderBase = renderBase
        briefer = ArticleBriefer(options: builder.options)
        context = builder.context
    }

    /// The key of an article page: the file's bytes, the article's place in it, its slug, and
    /// everything else a page depends on (templates, options, version).
    func renderKey(record: FileRecord, index: Int, slug: String) -> UInt64 {
        var h = ContentHash(seed: renderBase)
        h.add(record.contentHash); h.add(UInt64(index)); h.add(slug); h.add(record.path)
        return h.value
    }

    /// Step 2 for one file: unchanged (by stamp, then by content hash) → the cached record;
    /// otherwise parse, analyse, and write the article pages at once.
    func process(_ file: InputFile, loader: ArticleLoader, previous: FileRecord?) throws -> FileOutcome {
        let stamp = FileStamp(path: file.url.path)
        if let previous, let stamp, previous.stamp == stamp {
            return FileOutcome(record: previous, status: .unchanged, analysed: 0, written: [])
        }
        let data: Data
        do {
            data = try Data(contentsOf: file.url)
        } catch {
            let d = Diagnostic(path: file.path, line: 1, message: "cannot read the file (\(error.localizedDescription)); check its permissions")
            let record = FileRecord(path: file.path, stamp: stamp ?? FileStamp(size: 0, modifiedNanos: 0, inode: 0),
                                    contentHash: 0, articles: EncodedArticles(), diagnostics: [d])
            return FileOutcome(record: record, status: previous == nil ? .new : .changed, analysed: 0, written: [])
        }
        var hasher = ContentHash()
        hasher.add(data)
        let hash = hasher.value
        let newStamp = stamp ?? FileStamp(size: data.count, modifiedNanos: 0, inode: 0)
        if let previous, previous.contentHash == hash {
            var record = previous
            record.stamp = newStamp
            return FileOutcome(record: record, status: .unchanged, analysed: 0, written: [])
        }
        let parse = loader.parse(data, path: file.path)
        var cached: [CachedArticle] = []
        var written: [(path: String, index: Int, key: UInt64, stamp: FileStamp)] = []
        let recordShell = FileRecord(path: file.path, stamp: newStamp, contentHash: hash, articles: EncodedArticles(), diagnostics: [])
        for (i, article) in parse.articles.enumerated() {
            let brief = briefer.brief(article)
            cached.append(CachedArticle(article: article, analysis: brief.analysis))
            let key = renderKey(record: recordShell, index: i, slug: article.slug)
            for (path, stamp) in try write(brief, body: article) {
                written.append((path, i, key, stamp))
            }
        }
        var record = recordShell
        record.articles = EncodedArticles(cached)
        record.diagnostics = parse.diagnostics
        return FileOutcome(record: record, status: previous == nil ? .new : .changed, analysed: cached.count, written: written)
    }

    /// Renders an article's page in both formats and writes them.
    func write(_ brief: Brief, body article: Article) throws -> [(String, FileStamp)] {
        let value = context.articlePage(brief, bodyHTML: body.html(article))
        let html = brief.sitePath + ".html", md = brief.sitePath + ".md"
        return [(html, try writer.write(html, text: builder.render("article.html", value))),
                (md, try writer.write(md, text: builder.render("article.md", value)))]
    }

    /// Step 3 for an article whose page is not current: read its file again (the cache keeps
    /// no full texts) and render it under its final slug.
    func rerender(_ file: InputFile, index: Int, brief: Brief, key: UInt64, loader: ArticleLoader) throws -> [ManifestLine] {
        let data = try Data(contentsOf: file.url)
        let parse = loader.parse(data, path: file.path)
        guard index < parse.articles.count else {
            throw SiteError.input("\(file.path) changed while the site was being built; run the build again")
        }
        return try write(brief, body: parse.articles[index]).map { ManifestLine(path: $0.0, key: key, stamp: $0.1) }
    }
}
