/// An error a template author can act on: what is wrong, in which file, on which line and
/// column, with the offending line and a caret under the spot.
///
/// `description` reads like a compiler diagnostic, so editors and terminals can jump to it:
///
///     day.html.mustache:12:5: error: unclosed section {{#articles}}: add {{/articles}} to close it
///         {{#articles}}
///         ^
public struct MustacheError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, for code that wants to react to a particular failure.
    public enum Kind: Sendable, Equatable {
        /// An opening delimiter without its closing one.
        case unclosedTag
        /// `{{#name}}`, `{{^name}}`, `{{<name}}` or `{{$name}}` never closed.
        case unclosedSection(String)
        /// `{{/found}}` where `{{/expected}}` was due.
        case mismatchedClose(expected: String, found: String)
        /// `{{/name}}` with no section open.
        case unexpectedClose(String)
        /// A set-delimiter tag that is not `{{=open close=}}` with two delimiters.
        case badDelimiters
        /// A tag whose content is not a valid name (empty, or with spaces or empty dotted parts).
        case invalidName(String)
        /// Sections, partials or parents nested deeper than the engine allows.
        case tooDeep
        /// Strict mode: `{{> name}}` or `{{< name}}` names no template.
        case missingPartial(String)
        /// Strict mode: a tag's name resolves to nothing in the data.
        case unresolvedName(String)
        /// `render` was asked for a template the set does not hold.
        case unknownTemplate(String)
        /// Data that is not valid JSON.
        case invalidJSON
        /// A file could not be read.
        case unreadable
    }

    public let kind: Kind
    /// One sentence saying what is wrong and, where we can tell, how to fix it.
    public let message: String
    /// The template (or data file) the position refers to.
    public let templateName: String
    /// 1-based line, 0 when the error has no position.
    public let line: Int
    /// 1-based column in characters, 0 when the error has no position.
    public let column: Int
    /// The text of the offending line, without its line ending.
    public let lineText: String

    public init(kind: Kind, message: String, templateName: String, line: Int, column: Int, lineText: String) {
        self.kind = kind
        self.message = message
        self.templateName = templateName
        self.line = line
        self.column = column
        self.lineText = lineText
    }

    /// An error at byte `offset` of `source`: line, column and line text are worked out here.
    init(kind: Kind, message: String, templateName: String, source: [UInt8], offset: Int) {
        let offset = max(0, min(offset, source.count))
        var lineStart = 0
        var line = 1
        var i = 0
        while i < offset {
            if source[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        var lineEnd = offset
        while lineEnd < source.count, source[lineEnd] != 0x0A { lineEnd += 1 }
        if lineEnd > offset, source[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let prefix = String(decoding: source[lineStart..<offset], as: UTF8.self)
        let text = String(decoding: source[lineStart..<lineEnd], as: UTF8.self)
        self.init(kind: kind, message: message, templateName: templateName,
                  line: line, column: prefix.count + 1, lineText: text)
    }

    /// An error that belongs to no position (an unknown template name, an unreadable file).
    public init(kind: Kind, message: String, templateName: String) {
        self.init(kind: kind, message: message, templateName: templateName, line: 0, column: 0, lineText: "")
    }

    public var description: String {
        guard line > 0 else { return "\(templateName): error: \(message)" }
        var (shown, caretColumn) = (Array(lineText), column - 1)
        var lead = ""
        // Very long lines (minified templates) are cut to a window around the spot.
        if shown.count > 120 {
            let start = max(0, min(caretColumn - 60, shown.count - 100))
            let end = min(shown.count, start + 100)
            lead = start > 0 ? "…" : ""
            let tail = end < shown.count ? "…" : ""
            caretColumn -= start
            shown = Array(lead) + Array(shown[start..<end]) + Array(tail)
            caretColumn += lead.count
        }
        // Copy tabs so the caret lines up however the terminal expands them.
        let caretPad = shown.prefix(max(0, caretColumn)).map { $0 == "\t" ? "\t" : " " }.joined()
        return "\(templateName):\(line):\(column): error: \(message)\n    \(String(shown))\n    \(caretPad)^"
    }
}
