import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders CommonMark to HTML through libcmark, for text we do not trust.
///
/// Article bodies are written by strangers, so the renderer is deliberately narrow:
/// - cmark's safe mode (the 0.30 default, never `CMARK_OPT_UNSAFE`): raw HTML becomes a comment,
///   `javascript:`-style URLs become empty;
/// - on top of that, links keep their target only for `http`, `https` and `mailto`; any other
///   target (relative, `ftp:`, `data:`…) is dropped and the link text stays as plain text;
/// - images become their alt text: a briefing page never loads a remote resource;
/// - headings are shifted down by `headingShift` levels so an article's `#` never competes
///   with the page's own `<h1>`.
///
/// Every C object is freed inside the call; no C pointer escapes.
public struct MarkdownRenderer: Sendable {
    public var smartPunctuation: Bool
    public var headingShift: Int

    public init(smartPunctuation: Bool = true, headingShift: Int = 1) {
        self.smartPunctuation = smartPunctuation
        self.headingShift = headingShift
    }

    public func html(_ markdown: String) -> String {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if smartPunctuation { options |= CMARK_OPT_SMART }
        let utf8 = Array(markdown.utf8)
        guard let document = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parse_document($0, buffer.count, options)
            }
        }) else { return "" }
        defer { cmark_node_free(document) }
        sanitize(document)
        guard let rendered = cmark_render_html(document, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// One pass to collect the nodes to change, then the changes: cmark iterators must not
    /// see the tree mutated under them.
    private func sanitize(_ document: OpaquePointer) {
        var images: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                _ = cmark_node_set_heading_level(node, Int32(min(6, level + headingShift)))
            case CMARK_NODE_IMAGE:
                images.append(node)
            case CMARK_NODE_LINK:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if !Self.isAllowedLink(url) { links.append(node) }
            default:
                break
            }
        }
        cmark_iter_free(iterator)
        for image in images { replaceWithText(image, Self.literalText(of: image)) }
        for link in links { unwrap(link) }
    }

    /// Only absolute web and mail links survive; everything else is text.
    public static func isAllowedLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
    }

    private static func literalText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iterator), let lit = cmark_node_get_literal(n) {
                text += String(cString: lit)
            }
        }
        cmark_iter_free(iterator)
        return text
    }

    private func replaceWithText(_ node: OpaquePointer, _ text: String) {
        if let replacement = cmark_node_new(CMARK_NODE_TEXT) {
            _ = cmark_node_set_literal(replacement, text)
            _ = cmark_node_insert_before(node, replacement)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Moves a link's children out in front of it and drops the link itself.
    private func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            _ = cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
