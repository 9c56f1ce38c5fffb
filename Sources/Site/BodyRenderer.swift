import Foundation
import Articles
import Markdown

/// The article's own text as HTML for its page: Markdown through cmark (safe mode, see
/// `MarkdownRenderer`), plain text as escaped paragraphs. Never passes article markup through.
struct BodyRenderer: Sendable {
    let markdown = MarkdownRenderer()

    func html(_ article: Article) -> String {
        switch article.bodyFormat {
        case .markdown:
            return markdown.html(article.body)
        case .plain:
            var out = ""
            for paragraph in article.body.split(whereSeparator: \.isNewline) {
                let text = paragraph.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                out += "<p>" + HTMLText.escape(text) + "</p>\n"
            }
            return out
        }
    }
}

/// HTML escaping for text we place between tags or in attribute values ourselves.
enum HTMLText {
    static func escape(_ s: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
