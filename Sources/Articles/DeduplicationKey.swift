/// What deduplication needs to know of an article, without its text: a build that caches
/// articles across nights keeps these instead of full texts and still merges the same story
/// arriving twice, exactly as `Deduplicator.deduplicate(_:)` would.
public struct DeduplicationKey: Sendable, Hashable {
    public var location: ArticleLocation
    /// The URL as normalised for comparison (scheme, `www.`, tracking parameters dropped).
    public var url: String?
    /// The URL as written, for messages.
    public var rawURL: String?
    /// Hash and length of the normalised text; empty text never matches.
    public var textHash: UInt64
    public var textLength: Int

    public init(location: ArticleLocation, url: String?, rawURL: String?, textHash: UInt64, textLength: Int) {
        self.location = location; self.url = url; self.rawURL = rawURL
        self.textHash = textHash; self.textLength = textLength
    }

    public init(_ article: Article) {
        let (hash, length) = Deduplicator.normalizedHash(article.text)
        self.init(location: ArticleLocation(article), url: article.url.flatMap(Deduplicator.normalizeURL),
                  rawURL: article.url, textHash: hash, textLength: length)
    }
}

extension Deduplicator {
    /// The same rule as `deduplicate(_:)` over keys: the first copy by path then position is
    /// kept; a later one with the same URL or the same normalised text is merged into it.
    /// Returns the indices kept, in input order, and the merges.
    public static func deduplicate(keys: [DeduplicationKey]) -> (kept: [Int], merges: [DuplicateMerge]) {
        let order = keys.indices.sorted { a, b in
            let x = keys[a].location, y = keys[b].location
            if x.path != y.path { return x.path.utf8Precedes(y.path) }
            return (x.index ?? 0) < (y.index ?? 0)
        }
        var root = Array(keys.indices)
        func find(_ i: Int) -> Int { var i = i; while root[i] != i { i = root[i] }; return i }
        var byURL: [String: Int] = [:]
        struct TextKey: Hashable { let hash: UInt64; let length: Int }
        var byText: [TextKey: Int] = [:]
        var merges: [DuplicateMerge] = []
        for i in order {
            let k = keys[i]
            var match: (Int, DuplicateMerge.Reason)?
            if let url = k.url, let j = byURL[url] { match = (j, .sameURL(k.rawURL ?? url)) }
            let textKey = TextKey(hash: k.textHash, length: k.textLength)
            if match == nil, k.textLength > 0, let j = byText[textKey] { match = (j, .sameText) }
            if let (j, reason) = match {
                let r = find(j)
                root[i] = r
                merges.append(DuplicateMerge(kept: keys[r].location, dropped: k.location,
                                             matched: keys[j].location, reason: reason))
            }
            if let url = k.url, byURL[url] == nil { byURL[url] = i }
            if k.textLength > 0, byText[textKey] == nil { byText[textKey] = i }
        }
        return (keys.indices.filter { root[$0] == $0 }, merges)
    }
}
