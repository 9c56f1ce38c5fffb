import Foundation

/// URL-safe names for article pages. Inputs arrive with spaces, accents, CJK and shell
/// metacharacters in titles and file names; a slug is only `[a-z0-9-]`, never empty, and
/// `assignUnique` makes it unique across the site.
public enum Slugs {
    static let maxLength = 60

    /// The slug an article would like: from its title, else its file name, else `article`.
    public static func base(title: String, path: String) -> String {
        let fromTitle = slugify(title)
        if !fromTitle.isEmpty { return fromTitle }
        var name = path.split(separator: "/").last.map(String.init) ?? ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        let fromName = slugify(name)
        return fromName.isEmpty ? "article" : fromName
    }

    /// Lower-case ASCII letters and digits, runs of anything else become one `-`; accents are
    /// folded (`Société Générale` → `societe-generale`); cut at a `-` within `maxLength`.
    public static func slugify(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(s.utf8.count, maxLength * 2))
        var dash = false
        func emit(_ c: UInt8) {
            if dash && !out.isEmpty { out.append(0x2D) }
            dash = false
            out.append(c)
        }
        func ascii(_ c: UInt8) {
            if c >= 0x61 && c <= 0x7A || c >= 0x30 && c <= 0x39 { emit(c) }
            else if c >= 0x41 && c <= 0x5A { emit(c | 0x20) }
            else { dash = true }
        }
        if let slug = asciiSlug(s) { return slug }
        let source = s.folding(options: [.diacriticInsensitive], locale: nil)
        for scalar in source.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                ascii(UInt8(v))
            } else if let t = transliteration[v] {
                for c in t.utf8 { emit(c) }
            } else {
                dash = true
            }
            if out.count > maxLength * 2 { break }
        }
        return finish(&out)
    }

    /// `slugify` for ASCII text (most titles): bytes are scalars and need no folding. Nil when
    /// the text is not ASCII.
    private static func asciiSlug(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { u -> String? in
            // At most two bytes (a dash and a letter) are added before the length check.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength * 2 + 2) { out -> String? in
                var n = 0
                var dash = false
                for c in u {
                    if c >= 0x80 { return nil }
                    var l = c
                    if c >= 0x41 && c <= 0x5A { l = c | 0x20 }
                    else if !(c >= 0x61 && c <= 0x7A || c >= 0x30 && c <= 0x39) { dash = true; continue }
                    if dash && n > 0 { out[n] = 0x2D; n += 1 }
                    dash = false
                    out[n] = l; n += 1
                    if n > maxLength * 2 { break }
                }
                if n > maxLength {
                    var cut = maxLength
                    while cut > maxLength / 2 && out[cut] != 0x2D { cut -= 1 }
                    if cut <= maxLength / 2 { cut = maxLength }
                    n = cut
                    while n > 0 && out[n - 1] == 0x2D { n -= 1 }
                }
                return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
            }
        }
    }

    /// Cuts a slug that is too long at a `-` within `maxLength`.
    private static func finish(_ out: inout [UInt8]) -> String {
        if out.count > maxLength {
            var cut = maxLength
            while cut > maxLength / 2 && out[cut] != 0x2D { cut -= 1 }
            if cut <= maxLength / 2 { cut = maxLength }
            out.removeSubrange(cut...)
            while out.last == 0x2D { out.removeLast() }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Letters that diacritic folding leaves alone.
    static let transliteration: [UInt32: String] = [
        0xDF: "ss", 0xC6: "ae", 0xE6: "ae", 0x152: "oe", 0x153: "oe", 0xD8: "o", 0xF8: "o", 0x141: "l", 0x142: "l",
        0x110: "d", 0x111: "d", 0xDE: "th", 0xFE: "th", 0xD0: "d", 0xF0: "d", 0x131: "i", 0x20AC: "eur", 0x24: "usd",
    ]

    /// Makes every slug unique. Articles are taken in (day, path, index) order: the first keeps
    /// its slug, later ones get `-` plus six hex digits from their path, which does not change
    /// when other articles come and go, so a page's address stays put across builds.
    /// `reserved` holds names the site already uses (e.g. `index`).
    public static func assignUnique(_ articles: inout [Article], reserved: Set<String> = []) {
        var taken = reserved
        let order = articles.indices.sorted { a, b in
            let x = articles[a], y = articles[b]
            if x.day != y.day { return x.day < y.day }
            if x.path != y.path { return x.path.utf8Precedes(y.path) }
            return (x.index ?? 0) < (y.index ?? 0)
        }
        for i in order {
            let base = articles[i].slug.isEmpty ? "article" : articles[i].slug
            var slug = base
            if taken.contains(slug) {
                let key = articles[i].path + "#" + String(articles[i].index ?? 0)
                slug = base + "-" + String(fnv1a(key) & 0xFFFFFF, radix: 16).leftPadded(to: 6)
                var n = 2
                while taken.contains(slug) { slug = base + "-" + String(fnv1a(key) & 0xFFFFFF, radix: 16).leftPadded(to: 6) + "-\(n)"; n += 1 }
            }
            taken.insert(slug)
            articles[i].slug = slug
        }
    }

    /// FNV-1a 64: a stable hash (Swift's `Hasher` is seeded per process).
    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in s.utf8 { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return h
    }
}

extension String {
    func leftPadded(to n: Int) -> String {
        count >= n ? self : String(repeating: "0", count: n - count) + self
    }
}
