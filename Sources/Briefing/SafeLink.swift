/// The only links Bellwether ever emits: `http`, `https` and `mailto`. A source URL of any other
/// kind (`javascript:`, `data:`, a relative path…) is kept in the article but never becomes a
/// link or a `url` field in any output.
public enum SafeLink {
    /// The URL made safe to place in an attribute, a Markdown link or JSON, or nil when it is
    /// not an absolute web or mail address. Characters that could end a Markdown link
    /// destination or an attribute are percent-encoded; control characters are dropped.
    public static func url(_ url: String?) -> String? {
        guard let raw = url else { return nil }
        var s = Substring(raw)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        let lower = s.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:"),
              lower.count > (lower.hasPrefix("mailto:") ? 7 : 8) else { return nil }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "\"": out += "%22"
            case "'": out += "%27"
            case "\\": out += "%5C"
            case "`": out += "%60"
            default:
                if u.value < 0x20 || u.value == 0x7f { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

extension Brief {
    /// The article's original address when it is one we may link to.
    public var link: String? { SafeLink.url(url) }
}
