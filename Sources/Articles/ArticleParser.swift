import Foundation

/// Parses one file's bytes into articles. Pure: no file system, no clock, no local zone, so
/// the site can hash the bytes and reuse the result for unchanged files.
public enum ArticleParser {
    static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn"]
    static let textExtensions: Set<String> = ["txt", "text"]
    static let jsonExtensions: Set<String> = ["json"]
    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml"]

    /// Extensions the folder scan reads. Files without an extension are read too (by content).
    public static let supportedExtensions = markdownExtensions.union(textExtensions).union(jsonExtensions).union(htmlExtensions)

    /// Lower-cased extension of a path's last component, or "" when it has none.
    public static func fileExtension(_ path: String) -> String {
        var path = path
        return path.withUTF8 { u in
            // The last `.` after the last `/`, not first in the name.
            var k = u.count
            while k > 0, u[k - 1] != 0x2F, u[k - 1] != 0x2E { k -= 1 }
            guard k > 0, u[k - 1] == 0x2E, k - 1 > 0, u[k - 2] != 0x2F else { return "" }
            let ext = UnsafeBufferPointer(rebasing: u[k...])
            let s = String(decoding: ext, as: UTF8.self)
            return ext.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? s.lowercased() : s
        }
    }

    /// Parses `data`, the content of the file at `path` (relative to the article folder; its
    /// folder and file name supply the day when the content has no date).
    public static func parse(data: Data, path: String, options: LoadOptions = LoadOptions()) -> FileParse {
        parse(data: data, path: path, options: options, yamsOnly: false)
    }

    /// `yamsOnly` sends every front matter block through Yams: the reference the fast path is
    /// tested against.
    static func parse(data: Data, path: String, options: LoadOptions, yamsOnly: Bool) -> FileParse {
        if data.count > options.maxFileSize {
            return FileParse(diagnostics: [ArticleParser.tooLarge(path: path, size: data.count, limit: options.maxFileSize)])
        }
        let decoded: TextDecoding.Decoded
        switch TextDecoding.decode(data, path: path) {
        case .success(let d): decoded = d
        case .failure(.empty):
            return FileParse(diagnostics: [Diagnostic(path: path, line: 1, message: "file is empty; add the article, or delete the file")])
        case .failure(.whitespaceOnly):
            return FileParse(diagnostics: [Diagnostic(path: path, line: 1, message: "file holds only blank lines; add the article, or delete the file")])
        case .failure(.binary(let kind)):
            return FileParse(diagnostics: [Diagnostic(path: path, line: 1,
                message: "this is \(kind), not an article; Bellwether reads Markdown, plain text, JSON and HTML — move it out of the article folder")])
        }
        var context = ParseContext(path: path, options: options, bytes: decoded.bytes)
        context.diagnostics = decoded.diagnostics
        context.yamsOnly = yamsOnly
        switch detectFormat(path: path, bytes: decoded.bytes) {
        case .markdown: context.parseFrontMatterFile(bodyFormat: .markdown)
        case .text: context.parseFrontMatterFile(bodyFormat: .plain)
        case .json: context.parseJSON()
        case .html: context.parseHTML()
        }
        return FileParse(articles: context.articles, diagnostics: Diagnostic.sorted(context.diagnostics))
    }

    /// Starts with `http://` or `https://`, in any case. Compares bytes when the address is
    /// ASCII (then that is exactly what lower-casing and comparing characters gives).
    static func isHTTP(_ url: String) -> Bool {
        var url = url
        let ascii: Bool? = url.withUTF8 { u in
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            func lower(_ k: Int) -> UInt8 { u[k] >= 0x41 && u[k] <= 0x5A ? u[k] | 0x20 : u[k] }
            let http: [UInt8] = [0x68, 0x74, 0x74, 0x70]
            guard u.count >= 7, (0..<4).allSatisfy({ lower($0) == http[$0] }) else { return false }
            var k = 4
            if lower(k) == 0x73 { k += 1 }
            return k + 3 <= u.count && u[k] == 0x3A && u[k + 1] == 0x2F && u[k + 2] == 0x2F
        }
        if let ascii { return ascii }
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    static func tooLarge(path: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(path: path, line: 1,
            message: "file is \(formatSize(size)), over the \(formatSize(limit)) limit; split it into smaller files, or raise the limit with --max-size BYTES")
    }

    static func formatSize(_ n: Int) -> String {
        if n >= 1024 * 1024 {
            let tenths = (n * 10 + 512 * 1024) / (1024 * 1024)
            return "\(tenths / 10).\(tenths % 10) MiB (\(n) bytes)"
        }
        return "\(n) bytes"
    }

    /// By extension first; content decides for files without a known one (and for `-`).
    static func detectFormat(path: String, bytes: [UInt8]) -> ArticleFormat {
        let ext = fileExtension(path)
        if markdownExtensions.contains(ext) { return .markdown }
        if textExtensions.contains(ext) { return .text }
        if jsonExtensions.contains(ext) { return .json }
        if htmlExtensions.contains(ext) { return .html }
        var k = 0
        while k < bytes.count, TextDecoding.isSpaceByte(bytes[k]) { k += 1 }
        guard k < bytes.count else { return .text }
        let c = bytes[k]
        if c == 0x7B || c == 0x5B { return .json }
        if c == 0x3C {
            let head = String(decoding: bytes[k..<min(bytes.count, k + 15)], as: UTF8.self).lowercased()
            for tag in ["<!doctype html", "<html", "<head", "<body", "<article", "<meta", "<title", "<p>", "<div", "<!--"] where head.hasPrefix(tag) {
                return .html
            }
        }
        if case .found = FrontMatter.split(bytes) { return .markdown }
        if bytes[k...].starts(with: [0x23, 0x20]) { return .markdown }
        return .text
    }
}

/// An article before the shared finishing steps (title fallback, day, tickers, slug).
struct Draft {
    var index: Int?
    var line = 1
    var format: ArticleFormat
    var title: String?
    var titleFromText = false
    var date: (text: String, line: Int, key: String)?
    var source: String?
    var url: String?
    var urlLine = 1
    var author: String?
    var tags: [String] = []
    var tickers: [String] = []
    var tickersLine = 1
    var body = ""
    var bodyFormat: BodyFormat = .plain
    /// Paragraphs for analysis, already cleaned.
    var paragraphs: [String] = []
    /// The paragraphs joined by `\n` when the reader made that string directly (Markdown and
    /// text files); then `paragraphs` is left empty.
    var text: String?
    var vendorSentiment: VendorSentiment?
    var extra: [String: String] = [:]
}

/// One file being parsed: its decoded bytes, and the articles and problems found so far.
/// Each format's reader is an extension that ends every article in `finish`.
struct ParseContext {
    let path: String
    let options: LoadOptions
    let bytes: [UInt8]
    var articles: [Article] = []
    var diagnostics: [Diagnostic] = []
    var yamsOnly = false

    init(path: String, options: LoadOptions, bytes: [UInt8]) {
        self.path = path; self.options = options; self.bytes = bytes
    }

    mutating func error(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(path: path, line: line, message: message))
    }

    mutating func warning(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(path: path, line: line, severity: .warning, message: message))
    }

    // MARK: Markdown and plain text (both may carry front matter)

    mutating func parseFrontMatterFile(bodyFormat: BodyFormat) {
        var draft = Draft(format: bodyFormat == .markdown ? .markdown : .text)
        var bodyStart = 0
        switch FrontMatter.split(bytes) {
        case .none: break
        case .toml(let line):
            error(line, "front matter in TOML (+++) is not supported; write it in YAML between --- lines")
            return
        case .unclosed(let line):
            error(line, "front matter opened with --- is never closed; add a line with just --- after the last key")
            return
        case .found(let yaml, let yamlLine, let start, _):
            let (fields, problems) = FrontMatter.parse(bytes, yaml, yamlLine: yamlLine, path: path, yamsOnly: yamsOnly)
            diagnostics += problems
            guard let fields else { return }
            draft.title = fields.title
            draft.date = fields.date
            draft.source = fields.source
            draft.url = fields.url
            draft.urlLine = fields.urlLine
            draft.author = fields.author
            draft.tags = fields.tags
            draft.tickers = fields.tickers
            draft.tickersLine = fields.tickersLine
            draft.extra = fields.extra
            bodyStart = start
        }
        let body = DocumentBody.read(bytes, from: bodyStart, title: draft.title, format: bodyFormat)
        draft.title = body.title
        draft.body = body.body
        draft.bodyFormat = bodyFormat
        draft.text = body.text
        draft.vendorSentiment = body.vendorSentiment
        finish(draft)
    }

    // MARK: HTML

    mutating func parseHTML() {
        let x = HTMLExtractor.extract(bytes)
        var draft = Draft(format: .html)
        let meta = x.meta
        draft.title = [x.h1, meta["og:title"], meta["twitter:title"], x.titleTag.map(stripSiteName)]
            .compactMap { $0 }.first { !$0.isEmpty }
        if let d = meta["article:published_time"] ?? meta["og:article:published_time"] ?? meta["datepublished"]
            ?? meta["date"] ?? meta["pubdate"] ?? meta["publishdate"] ?? meta["dc.date"] ?? meta["parsely-pub-date"] ?? x.timeDatetime {
            draft.date = (d, 1, "published date")
        }
        draft.url = x.canonical ?? meta["og:url"]
        draft.source = meta["og:site_name"]
        draft.author = meta["author"] ?? meta["article:author"]
        var tags = x.tags
        if tags.isEmpty, let k = meta["news_keywords"] ?? meta["keywords"] {
            tags = k.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        draft.tags = tags
        let cleaned = VendorFooter.clean(x.paragraphs)
        draft.vendorSentiment = cleaned.sentiment
        draft.paragraphs = cleaned.lines
        draft.body = cleaned.lines.joined(separator: "\n\n")
        if draft.paragraphs.isEmpty {
            error(1, "no paragraphs found in this HTML page (scripts, navigation, headers and footers are skipped); save the article page itself, with its text in <p> elements")
            return
        }
        finish(draft)
    }

    /// `Headline | Site` → `Headline` when the last segment is short (a site name).
    func stripSiteName(_ t: String) -> String {
        for sep in [" | ", " – ", " — ", " - "] {
            if let r = t.range(of: sep, options: .backwards) {
                let head = t[..<r.lowerBound], tail = t[r.upperBound...]
                if tail.count <= 30 && head.count > tail.count { return String(head) }
            }
        }
        return t
    }

    // MARK: finishing

    /// Title fallback, tickers, URL check, day; appends the article or its error.
    mutating func finish(_ d: Draft) {
        var d = d
        let at = d.line
        let which = d.index.map { "article \($0): " } ?? ""
        if d.text?.isEmpty ?? d.paragraphs.isEmpty {
            error(at, "\(which)no article text found; add the story's text\(d.format == .json ? " in a \"body\" (or \"text\", \"summary\") field" : " below the front matter")")
            return
        }
        let text = d.text ?? d.paragraphs.joined(separator: "\n")
        if d.title.map(PlainText.isBlank) ?? true {
            d.title = PlainText.titleFromText(text)
            d.titleFromText = true
        }
        // Day: the date written in the file, else the folder, else the file name.
        var published: Date?
        var offset: Int?
        let day: Day
        if let date = d.date {
            switch Timestamps.parse(date.text, zone: options.timeZone) {
            case .success(.day(let dd)): day = dd
            case .success(.instant(let instant, let off)):
                published = instant; offset = off
                day = Timestamps.day(of: instant, in: options.timeZone)
            case .failure(let p):
                error(date.line, "\(which)`\(date.key)`: \(p.message)")
                return
            }
        } else {
            switch DayFromPath.find(path) {
            case .folder(let dd), .fileName(let dd): day = dd
            case .impossible(let what, let problem):
                error(at, "\(which)\(what) gives the day but \(problem)")
                return
            case .none:
                let how = d.format == .markdown || d.format == .text
                    ? "add `date: YYYY-MM-DD` in front matter at the top, or put the file in a folder named YYYY-MM-DD"
                    : d.format == .json ? "add a \"date\" (or \"time_published\") field, or put the file in a folder named YYYY-MM-DD"
                    : "put the file in a folder named YYYY-MM-DD, or start its name with the date (2026-11-24-story.html)"
                error(at, "\(which)no date: the day of this article is unknown; \(how)")
                return
            }
        }
        var tickers: [String] = []
        for raw in d.tickers {
            var t = raw.trimmingASCIISpaces.uppercased()
            if t.hasPrefix("$") { t.removeFirst() }
            let ok = !t.isEmpty && t.utf8.count <= 20 && t.utf8.allSatisfy {
                ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x3A || $0 == 0x5F || $0 == 0x5E || $0 == 0x3D
            }
            if !ok {
                warning(d.tickersLine, "\(which)'\(raw)' is not a ticker symbol and was left out; use symbols like AAPL, BRK.B or CRYPTO:BTC")
                continue
            }
            if !tickers.contains(t) { tickers.append(t) }
        }
        if let u = d.url?.trimmingASCIISpaces, !u.isEmpty {
            d.url = u
            if !ArticleParser.isHTTP(u) {
                warning(d.urlLine, "\(which)url '\(u)' is not an http(s) address; it is kept as text and never made a link — write the full https:// address")
            }
        } else {
            d.url = nil
        }
        articles.append(Article(path: path, index: d.index, line: d.line, format: d.format, title: d.title!,
                                published: published, publishedOffset: offset, day: day,
                                source: d.source.flatMap { $0.isEmpty ? nil : $0 }, url: d.url,
                                author: d.author.flatMap { $0.isEmpty ? nil : $0 }, tags: d.tags, tickers: tickers,
                                body: d.body, bodyFormat: d.bodyFormat, text: text,
                                vendorSentiment: d.vendorSentiment, extra: d.extra))
    }
}
