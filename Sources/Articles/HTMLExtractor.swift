/// Pulls an article out of a saved news page: title, paragraphs, and the metadata pages
/// carry in `<meta>`/`<link>`/`<time>`. No HTML library is available, so this is a small
/// tolerant tokenizer in the spirit of the HTML spec: unclosed `<p>`/`<li>` close
/// implicitly, raw-text elements (`script`, `style`…) are skipped whole, comments and
/// `<!…>` declarations vanish, and stray end tags are ignored.
///
/// Navigation, headers, footers, asides, forms and figures are dropped; when the page marks
/// its story (`<article>`, `<main>`, `itemprop="articleBody"`), only paragraphs inside count.
struct HTMLExtractor {
    struct Paragraph { var text: String; var inArticle: Bool; var line: Int }

    struct Extract {
        var titleTag: String?
        var h1: String?
        var meta: [String: String] = [:]
        var canonical: String?
        var timeDatetime: String?
        var tags: [String] = []
        /// Paragraphs of the story, in order.
        var paragraphs: [String] = []
        /// Line of the first paragraph kept (for messages).
        var firstLine: Int = 1
    }

    static let rawText: Set<String> = ["script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"]
    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
    static let dropped: Set<String> = ["noscript", "template", "svg", "math", "nav", "header", "footer", "aside", "form", "button",
                                        "select", "object", "canvas", "figure", "dialog", "menu"]
    /// Elements whose text is a paragraph of the story.
    static let paragraphLike: Set<String> = ["p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt"]
    static let block: Set<String> = ["p", "div", "ul", "ol", "li", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                                      "blockquote", "pre", "section", "article", "main", "header", "footer", "nav", "aside",
                                      "hr", "dl", "dt", "dd", "figure", "figcaption", "form", "br", "body", "html"]
    static let inline: Set<String> = ["a", "span", "b", "i", "em", "strong", "small", "sup", "sub", "u", "s", "mark", "abbr",
                                       "cite", "q", "code", "time", "font", "label", "del", "ins", "kbd", "var", "bdi", "bdo"]

    private let b: [UInt8]
    private var i = 0
    private var stack: [(name: String, drops: Bool, article: Bool, noTitle: Bool)] = []
    private var dropCount = 0
    private var articleCount = 0
    private var noTitleCount = 0
    private var current: [UInt8] = []
    private var currentIsParagraph = false
    private var currentStart = 0
    private var h1Buffer: [UInt8]?
    private var result = Extract()
    private var proper: [Paragraph] = []
    private var loose: [Paragraph] = []
    private let lines: LineIndex

    init(_ bytes: [UInt8]) { b = bytes; lines = LineIndex(bytes) }

    static func extract(_ bytes: [UInt8]) -> Extract {
        var x = HTMLExtractor(bytes)
        x.run()
        return x.result
    }

    private mutating func run() {
        var textStart = 0
        while i < b.count {
            if b[i] != 0x3C { i += 1; continue }
            if textStart < i { text(textStart..<i) }
            tag()
            textStart = i
        }
        if textStart < b.count { text(textStart..<b.count) }
        flush()
        let inArticle = proper.contains { $0.inArticle }
        var chosen = proper.filter { !inArticle || $0.inArticle }
        if chosen.isEmpty {
            let looseInArticle = loose.contains { $0.inArticle }
            chosen = loose.filter { !looseInArticle || $0.inArticle }
        }
        result.paragraphs = chosen.map(\.text)
        result.firstLine = chosen.first?.line ?? 1
    }

    // MARK: text

    private mutating func text(_ r: Range<Int>) {
        if var h = h1Buffer { HTMLEntities.decode(b, r, into: &h); h1Buffer = h }
        guard dropCount == 0 else { return }
        if current.isEmpty {
            var k = r.lowerBound
            while k < r.upperBound, TextDecoding.isSpaceByte(b[k]) { k += 1 }
            if k == r.upperBound { return }
            currentStart = k
        }
        HTMLEntities.decode(b, r, into: &current)
    }

    private mutating func flush() {
        guard !current.isEmpty else { return }
        let t = HTMLExtractor.collapseSpaces(current)
        current.removeAll(keepingCapacity: true)
        guard !t.isEmpty else { return }
        let p = Paragraph(text: t, inArticle: articleCount > 0, line: lines.line(of: currentStart))
        if currentIsParagraph { proper.append(p) } else { loose.append(p) }
    }

    /// Collapses ASCII whitespace and no-break spaces into single spaces.
    static func collapseSpaces(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pending = false
        var k = 0
        while k < bytes.count {
            let c = bytes[k]
            if TextDecoding.isSpaceByte(c) { pending = !out.isEmpty; k += 1; continue }
            if c == 0xC2, k + 1 < bytes.count, bytes[k + 1] == 0xA0 { pending = !out.isEmpty; k += 2; continue }
            if pending { out.append(0x20); pending = false }
            out.append(c); k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: tags

    private mutating func tag() {
        let start = i
        guard i + 1 < b.count else { i += 1; appendLiteral(start); return }
        let n = b[i + 1]
        if n == 0x21 { // <!-- … --> or <!DOCTYPE …> / <![CDATA[…]]>
            if i + 3 < b.count, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                i = find([0x2D, 0x2D, 0x3E], from: i + 4).map { $0 + 3 } ?? b.count
            } else {
                i = find([0x3E], from: i + 2).map { $0 + 1 } ?? b.count
            }
            return
        }
        if n == 0x3F { i = find([0x3E], from: i + 2).map { $0 + 1 } ?? b.count; return }
        let closing = n == 0x2F
        var k = i + (closing ? 2 : 1)
        guard k < b.count, isLetter(b[k]) else { i += 1; appendLiteral(start); return }
        let nameStart = k
        while k < b.count, isNameByte(b[k]) { k += 1 }
        let name = String(decoding: b[nameStart..<k].map { $0 | (isLetter($0) ? 0x20 : 0) }, as: UTF8.self)
        var attributes: [(String, String)] = []
        var selfClosing = false
        // Attributes up to the closing `>`, honouring quotes (a `>` inside a value is text).
        while k < b.count, b[k] != 0x3E {
            if b[k] == 0x2F { selfClosing = true; k += 1; continue }
            if TextDecoding.isSpaceByte(b[k]) { k += 1; continue }
            let aStart = k
            while k < b.count, !TextDecoding.isSpaceByte(b[k]), b[k] != 0x3D, b[k] != 0x3E, b[k] != 0x2F || k == aStart { k += 1 }
            let aName = String(decoding: b[aStart..<k], as: UTF8.self).lowercased()
            selfClosing = false
            while k < b.count, TextDecoding.isSpaceByte(b[k]) { k += 1 }
            var value = ""
            if k < b.count, b[k] == 0x3D {
                k += 1
                while k < b.count, TextDecoding.isSpaceByte(b[k]) { k += 1 }
                if k < b.count, b[k] == 0x22 || b[k] == 0x27 {
                    let q = b[k]
                    let vs = k + 1
                    k = vs
                    while k < b.count, b[k] != q { k += 1 }
                    var v: [UInt8] = []
                    HTMLEntities.decode(b, vs..<min(k, b.count), into: &v)
                    value = String(decoding: v, as: UTF8.self)
                    if k < b.count { k += 1 }
                } else {
                    let vs = k
                    while k < b.count, !TextDecoding.isSpaceByte(b[k]), b[k] != 0x3E { k += 1 }
                    var v: [UInt8] = []
                    HTMLEntities.decode(b, vs..<k, into: &v)
                    value = String(decoding: v, as: UTF8.self)
                }
            }
            if !aName.isEmpty { attributes.append((aName, value)) }
        }
        i = min(k + 1, b.count)
        if closing { endTag(name); return }
        startTag(name, attributes, selfClosing: selfClosing)
    }

    private mutating func appendLiteral(_ at: Int) {
        if dropCount == 0 { if current.isEmpty { currentStart = at }; current.append(0x3C) }
        if h1Buffer != nil { h1Buffer!.append(0x3C) }
    }

    private mutating func startTag(_ name: String, _ attrs: [(String, String)], selfClosing: Bool) {
        func attr(_ a: String) -> String? { attrs.first { $0.0 == a }?.1 }
        switch name {
        case "meta":
            let key = (attr("property") ?? attr("name") ?? attr("itemprop") ?? "").lowercased()
            if let content = attr("content"), !key.isEmpty {
                if key == "article:tag" { result.tags.append(content) }
                else if result.meta[key] == nil { result.meta[key] = content }
            }
            return
        case "link":
            if (attr("rel") ?? "").lowercased().split(separator: " ").contains("canonical"), let href = attr("href"), result.canonical == nil {
                result.canonical = href
            }
            return
        case "title":
            let end = findEndTag("title")
            if result.titleTag == nil {
                var t: [UInt8] = []
                HTMLEntities.decode(b, i..<end.contentEnd, into: &t)
                result.titleTag = HTMLExtractor.collapseSpaces(t)
            }
            i = end.after
            return
        case "time":
            if result.timeDatetime == nil, let d = attr("datetime"), dropCount == 0 || articleCount > 0 { result.timeDatetime = d }
        default:
            break
        }
        if HTMLExtractor.rawText.contains(name) { i = findEndTag(name).after; return }
        if name == "br" { if dropCount == 0, !current.isEmpty { current.append(0x20) }; return }
        if HTMLExtractor.void.contains(name) || selfClosing {
            if HTMLExtractor.block.contains(name) { flush() }
            return
        }
        if HTMLExtractor.block.contains(name) {
            closeImplicitly(for: name)
            flush()
        }
        let role = (attr("role") ?? "").lowercased()
        let hidden = attr("hidden") != nil || (attr("aria-hidden") ?? "").lowercased() == "true"
        let drops = HTMLExtractor.dropped.contains(name) || hidden || ["navigation", "banner", "contentinfo", "complementary"].contains(role)
        let article = name == "article" || name == "main" || role == "main" || role == "article"
            || (attr("itemprop") ?? "").lowercased().contains("articlebody")
        let noTitle = name == "nav" || name == "aside" || name == "footer" || hidden
        stack.append((name, drops, article, noTitle))
        if drops { dropCount += 1 }
        if article { articleCount += 1 }
        if noTitle { noTitleCount += 1 }
        if HTMLExtractor.paragraphLike.contains(name) { currentIsParagraph = true }
        if name == "h1", result.h1 == nil, noTitleCount == 0, h1Buffer == nil { h1Buffer = [] }
    }

    /// `<p>` and `<li>` are often left open: a new block closes an open `<p>` (through inline
    /// elements), and a new `<li>` also closes the previous `<li>`.
    private mutating func closeImplicitly(for name: String) {
        var k = stack.count - 1
        while k >= 0 {
            let top = stack[k].name
            if top == "p" || (name == "li" && top == "li") || (["dt", "dd"].contains(name) && ["dt", "dd"].contains(top)) {
                popTo(k); return
            }
            if !HTMLExtractor.inline.contains(top) && top != "p" { return }
            k -= 1
        }
    }

    private mutating func endTag(_ name: String) {
        if HTMLExtractor.block.contains(name) { flush() }
        guard let k = stack.lastIndex(where: { $0.name == name }) else { return }
        popTo(k)
    }

    private mutating func popTo(_ k: Int) {
        if stack[k...].contains(where: { !HTMLExtractor.inline.contains($0.name) }) { flush() }
        while stack.count > k {
            let e = stack.removeLast()
            if e.drops { dropCount -= 1 }
            if e.article { articleCount -= 1 }
            if e.noTitle { noTitleCount -= 1 }
            if e.name == "h1", let h = h1Buffer {
                let t = HTMLExtractor.collapseSpaces(h)
                h1Buffer = nil
                if !t.isEmpty && result.h1 == nil { result.h1 = t }
            }
        }
        currentIsParagraph = stack.contains { HTMLExtractor.paragraphLike.contains($0.name) }
    }

    /// Where the content of a raw-text element ends and the index after its end tag.
    private func findEndTag(_ name: String) -> (contentEnd: Int, after: Int) {
        let pattern = Array(("</" + name).utf8)
        var k = i
        while k + pattern.count <= b.count {
            if b[k] == 0x3C, b[k + 1] == 0x2F {
                var match = true
                for j in 2..<pattern.count where (b[k + j] | 0x20) != pattern[j] { match = false; break }
                if match {
                    let end = find([0x3E], from: k + pattern.count) ?? (b.count - 1)
                    return (k, end + 1)
                }
            }
            k += 1
        }
        return (b.count, b.count)
    }

    private func find(_ p: [UInt8], from: Int) -> Int? {
        var k = from
        while k + p.count <= b.count {
            if b[k] == p[0] && (p.count == 1 || b[(k + 1)..<(k + p.count)].elementsEqual(p[1...])) { return k }
            k += 1
        }
        return nil
    }

    @inline(__always) private func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) private func isNameByte(_ c: UInt8) -> Bool {
        HTMLEntities.isAlnum(c) || c == 0x2D || c == 0x3A || c == 0x5F
    }
}
