import Foundation

/// One input file's cached articles, kept encoded between the cache and the build.
///
/// Decoded, a cached article with its analysis takes about 3.3 KB of heap (a string or array
/// allocation per field); encoded it is about 1.3 KB. A build at 50,000 articles holds every
/// file's record from the moment its file is checked until the cache is saved, so records keep
/// the bytes and builds decode an article's head (dedup and slug fields) or the whole of it
/// only when a step needs it. Records loaded from the cache share the loaded file's buffer (a
/// slice of it, no copy), and a save writes the bytes back as they are.
///
/// Layout: each article as `CacheCodec` writes it, prefixed by its length, so any article is
/// reached by hopping over the ones before it without decoding them.
struct EncodedArticles: Sendable, Hashable {
    private(set) var bytes: ArraySlice<UInt8>
    let count: Int

    init() { bytes = []; count = 0 }

    init(_ articles: [CachedArticle]) {
        var w = BinaryWriter()
        var one = BinaryWriter()
        for a in articles {
            CacheCodec.write(a, to: &one)
            let encoded = one.take()
            w.uint(UInt64(encoded.count)); w.raw(encoded[...])
        }
        bytes = w.bytes[...]
        count = articles.count
    }

    /// Bytes read back from a cache file; throws unless they hold `count` length-prefixed parts.
    init(count: Int, bytes: ArraySlice<UInt8>) throws {
        var r = BinaryReader(bytes)
        for _ in 0..<count { try r.skip(try r.count()) }
        guard r.atEnd else { throw BinaryReader.Truncated() }
        self.bytes = bytes; self.count = count
    }

    var isEmpty: Bool { count == 0 }

    /// A reader over article `i` alone.
    private func reader(_ i: Int) throws -> BinaryReader {
        precondition(i >= 0 && i < count, "article \(i) of \(count)")
        var r = BinaryReader(bytes)
        for _ in 0..<i { try r.skip(try r.count()) }
        return BinaryReader(try r.slice(try r.count()))
    }

    func article(_ i: Int) throws -> CachedArticle {
        var r = try reader(i)
        return try CacheCodec.read(&r)
    }

    func head(_ i: Int) throws -> CachedHead {
        var r = try reader(i)
        return try CacheCodec.readHead(&r)
    }

    /// Every article's head, in order.
    func heads() throws -> [CachedHead] { try each(CacheCodec.readHead) }

    /// Every article decoded, in order (for tests and tools; a build decodes one at a time).
    func decoded() throws -> [CachedArticle] { try each(CacheCodec.read) }

    /// `read` applied to each article's own bytes, in order.
    private func each<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        var r = BinaryReader(bytes)
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            var one = BinaryReader(try r.slice(try r.count()))
            out.append(try read(&one))
        }
        return out
    }

    /// A checksum of the bytes, stored beside them: damage inside an article would otherwise
    /// only show when it is decoded, long after the cache was trusted.
    var checksum: UInt64 { var h = ContentHash(); h.add(bytes); return h.value }
}
