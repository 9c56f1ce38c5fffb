/// The kind of document a template produces, which decides how `{{x}}` escapes.
///
/// A template's format comes from its file name (`day.html.mustache`), so a user overriding a
/// template cannot forget to ask for escaping: it follows from what the file is. When a
/// template includes partials, the format of the template being rendered (the root) wins,
/// because the partial's text ends up in the root's document.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// `& < > " '` become entities.
    case html
    /// Data can never become a link, an image, raw HTML, emphasis or a heading.
    case markdown
    /// `& < > " '` become entities; characters XML 1.0 forbids become U+FFFD.
    case xml
    /// The value is escaped as the content of a JSON string (the template supplies the quotes).
    case json
    /// No escaping at all: for plain-text output such as e-mail bodies.
    case text

    /// The format named by a template file name: the extension before `.mustache`
    /// (`page.md.mustache` → markdown). A plain `name.mustache`, or an extension we do not
    /// know, escapes as HTML, as the Mustache spec expects of `{{x}}`.
    public init(fileName: String) {
        var base = Substring(fileName)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if base.hasSuffix(".mustache") { base = base.dropLast(".mustache".count) }
        guard let dot = base.lastIndex(of: ".") else { self = .html; return }
        self = OutputFormat(extension: String(base[base.index(after: dot)...])) ?? .html
    }

    /// The format for a file extension without its dot (`md`, `xml`), or `nil` when unknown.
    public init?(extension ext: String) {
        switch ext.lowercased() {
        case "html", "htm": self = .html
        case "md", "markdown": self = .markdown
        case "xml", "rss", "atom", "xhtml", "svg": self = .xml
        case "json": self = .json
        case "txt", "text": self = .text
        default: return nil
        }
    }

    /// The extension partials of this format carry (`card.md.mustache`).
    public var fileExtension: String {
        switch self {
        case .html: return "html"
        case .markdown: return "md"
        case .xml: return "xml"
        case .json: return "json"
        case .text: return "txt"
        }
    }
}
