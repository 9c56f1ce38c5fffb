/// Where an article came from, for messages.
public struct ArticleLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var index: Int?
    public var line: Int
    public init(_ a: Article) { path = a.path; index = a.index; line = a.line }
    public var description: String { index.map { "\(path) (article \($0))" } ?? path }
}

/// One article dropped because the same story was already kept.
public struct DuplicateMerge: Sendable, Hashable, Codable {
    public enum Reason: Sendable, Hashable, Codable {
        case sameURL(String)
        case sameText
    }
    public var kept: ArticleLocation
    public var dropped: ArticleLocation
    /// The article the match was found with (the kept one, or another copy of it).
    public var matched: ArticleLocation
    public var reason: Reason

    /// The line the build log and `check` print, at the dropped copy.
    public var diagnostic: Diagnostic {
        let why: String
        switch reason {
        case .sameURL(let u): why = "same URL \(u)"
        case .sameText: why = "same text"
        }
        let via = matched == kept ? "" : ", through \(matched)"
        return Diagnostic(path: dropped.path, line: dropped.line, severity: .warning,
            message: "duplicate of \(kept) (\(why)\(via)); merged: \(kept) is kept and this copy skipped. Delete one of the two files to silence this")
    }
}

/// The same story twice (same URL, or the same text once case, punctuation and spacing are
/// ignored) is published once. The copy kept is the first by path then position, so the
/// choice does not depend on the order files were read in.
public enum Deduplicator {
    public static func deduplicate(_ articles: [Article]) -> (kept: [Article], merges: [DuplicateMerge]) {
        let order = articles.indices.sorted { a, b in
            let x = articles[a], y = articles[b]
            if x.path != y.path { return x.path.utf8Precedes(y.path) }
            return (x.index ?? 0) < (y.index ?? 0)
        }
        var root = Array(articles.indices)
        func find(_ i: Int) -> Int { var i = i; while root[i] != i { i = root[i] }; return i }
        // Keys are computed on every core: normalising every text is most of the work.
        let keys = ParallelMap.map(articles) { a -> (url: String?, text: UInt64, empty: Bool) in
            let (hash, length) = normalizedHash(a.text)
            return (a.url.flatMap(normalizeURL), hash, length == 0)
        }
        var byURL: [String: Int] = [:]
        var byText: [UInt64: [Int]] = [:]
        var merges: [DuplicateMerge] = []
        for i in order {
            let a = articles[i]
            let (url, h, empty) = keys[i]
            var match: (Int, DuplicateMerge.Reason)?
            if let url, let j = byURL[url] { match = (j, .sameURL(a.url!)) }
            if match == nil, !empty, let candidates = byText[h] {
                // Equal hashes: confirm on the normalised texts themselves.
                let norm = normalizeText(a.text)
                for j in candidates where normalizeText(articles[j].text) == norm { match = (j, .sameText); break }
            }
            if let (j, reason) = match {
                let r = find(j)
                root[i] = r
                merges.append(DuplicateMerge(kept: ArticleLocation(articles[r]), dropped: ArticleLocation(a),
                                             matched: ArticleLocation(articles[j]), reason: reason))
            }
            if let url, byURL[url] == nil { byURL[url] = i }
            if !empty { byText[h, default: []].append(i) }
        }
        let kept = articles.indices.filter { root[$0] == $0 }.map { articles[$0] }
        return (kept, merges)
    }

    /// `https://www.Example.com/a/?utm_source=x#top` and `http://example.com/a` are the same page.
    static func normalizeURL(_ raw: String) -> String? {
        if let ascii = normalizeASCIIURL(raw) { return ascii }
        return normalizeAnyURL(raw)
    }

    /// `normalizeURL` on bytes for an ASCII address (nearly all of them), where characters are
    /// bytes and lower-casing is A–Z only, so each step below is exactly the one in
    /// `normalizeAnyURL`. `.some(nil)` is an address that normalises to nothing; nil (not
    /// ASCII) sends it to `normalizeAnyURL`. Every article's URL goes through this on every
    /// build, and the character-by-character searches cost more than parsing the article.
    static func normalizeASCIIURL(_ raw: String) -> String?? {
        var raw = raw
        return raw.withUTF8 { all -> String?? in
            guard all.allSatisfy({ $0 < 0x80 }) else { return nil }
            @inline(__always) func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
            func hasPrefix(_ s: Slice<UnsafeBufferPointer<UInt8>>, lowercased prefix: String) -> Bool {
                guard s.count >= prefix.utf8.count else { return false }
                return zip(s, prefix.utf8).allSatisfy { lower($0) == $1 }
            }
            var s = all[...]
            while let f = s.first, f == 0x20 || f == 0x09 { s = s.dropFirst() }
            while let l = s.last, l == 0x20 || l == 0x09 { s = s.dropLast() }
            guard !s.isEmpty else { return .some(nil) }
            if let hash = s.firstIndex(of: 0x23) { s = s[..<hash] }
            var query: [UInt8] = []
            if let q = s.firstIndex(of: 0x3F) {
                let kept = s[(q + 1)...].split(separator: 0x26).filter { !hasPrefix($0, lowercased: "utm_") }
                if !kept.isEmpty {
                    query.append(0x3F)
                    for (n, part) in kept.enumerated() {
                        if n > 0 { query.append(0x26) }
                        query.append(contentsOf: part)
                    }
                }
                s = s[..<q]
            }
            for scheme in ["https://", "http://", "//"] where hasPrefix(s, lowercased: scheme) { s = s.dropFirst(scheme.utf8.count); break }
            // Scheme and host are case-insensitive; the path is not.
            let slash = s.firstIndex(of: 0x2F) ?? s.endIndex
            var host = s[..<slash].map(lower)
            if host.starts(with: [0x77, 0x77, 0x77, 0x2E]) { host.removeFirst(4) }
            var path = s[slash...]
            while path.last == 0x2F { path = path.dropLast() }
            let out = host + path + query
            return .some(out.isEmpty ? nil : String(decoding: out, as: UTF8.self))
        }
    }

    static func normalizeAnyURL(_ raw: String) -> String? {
        var s = raw.trimmingASCIISpaces
        guard !s.isEmpty else { return nil }
        if let hash = s.firstIndex(of: "#") { s = String(s[..<hash]) }
        var query = ""
        if let q = s.firstIndex(of: "?") {
            let kept = s[s.index(after: q)...].split(separator: "&").filter { !$0.lowercased().hasPrefix("utm_") }
            query = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
            s = String(s[..<q])
        }
        for scheme in ["https://", "http://", "//"] where s.lowercased().hasPrefix(scheme) { s.removeFirst(scheme.count); break }
        // Scheme and host are case-insensitive; the path is not.
        let slash = s.firstIndex(of: "/") ?? s.endIndex
        var host = s[..<slash].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var path = String(s[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        let out = host + path + query
        return out.isEmpty ? nil : out
    }

    /// Letters and digits only, lower-cased, single spaces between words.
    static func normalizeText(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        forEachNormalizedByte(text) { out.append($0) }
        return out
    }

    /// FNV-1a of `normalizeText(text)` without building it: the key every article needs,
    /// while the normalised bytes themselves are needed only to confirm a hash match.
    static func normalizedHash(_ text: String) -> (hash: UInt64, length: Int) {
        var h: UInt64 = 0xcbf29ce484222325
        var length = 0
        forEachNormalizedByte(text) { h = (h ^ UInt64($0)) &* 0x100000001b3; length += 1 }
        return (h, length)
    }

    /// ASCII byte → itself lower-cased when it is a letter or digit, else 0 (a separator).
    static let asciiWordBytes: [UInt8] = (0..<128).map { c in
        let c = UInt8(c)
        if c >= 0x41 && c <= 0x5A { return c | 0x20 }
        return (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) ? c : 0
    }

    /// Walks UTF-8 bytes with an ASCII fast path (a table lookup per byte): this runs over
    /// every article's full text on every build. A space is owed after a separator once some
    /// word has started, and paid before the next word byte.
    @inline(__always)
    static func forEachNormalizedByte(_ text: String, _ emit: (UInt8) -> Void) {
        var text = text
        text.withUTF8 { b in
            asciiWordBytes.withUnsafeBufferPointer { table in
                var spaceOwed = false
                var started = false
                var i = 0
                let n = b.count
                while i < n {
                    let c = b[i]
                    if c < 0x80 {
                        i += 1
                        let w = table[Int(c)]
                        if w == 0 { spaceOwed = started; continue }
                        if spaceOwed { emit(0x20); spaceOwed = false }
                        started = true
                        emit(w)
                        continue
                    }
                    // One multi-byte scalar (the string is valid UTF-8).
                    let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                    var v = UInt32(c) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
                    for k in 1..<len where i + k < n { v = v << 6 | UInt32(b[i + k] & 0x3F) }
                    let scalarStart = i
                    i = min(i + len, n)
                    guard let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                        spaceOwed = started; continue
                    }
                    if spaceOwed { emit(0x20); spaceOwed = false }
                    started = true
                    if scalar.properties.changesWhenLowercased {
                        for x in scalar.properties.lowercaseMapping.utf8 { emit(x) }
                    } else {
                        for k in scalarStart..<i { emit(b[k]) }
                    }
                }
            }
        }
    }

    static func fnv(_ b: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in b { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return h
    }
}
