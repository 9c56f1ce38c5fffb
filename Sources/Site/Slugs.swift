import Articles

/// Unique, URL-safe names for articles (temporary until Articles provides its own).
enum Slugs {
    static func assign(_ articles: [Article]) -> [String] {
        var used: [String: Int] = [:]
        return articles.map { a in
            var base = ""
            var dash = false
            for c in a.title.lowercased().unicodeScalars {
                if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                    base.unicodeScalars.append(c); dash = false
                } else if !dash, !base.isEmpty { base += "-"; dash = true }
                if base.count >= 60 { break }
            }
            while base.hasSuffix("-") { base.removeLast() }
            if base.isEmpty { base = "article" }
            let n = used[base, default: 0]
            used[base] = n + 1
            return n == 0 ? base : "\(base)-\(n + 1)"
        }
    }
}
