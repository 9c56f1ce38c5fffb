import Foundation
import Articles

/// When a file was last seen: if size, modification time and inode all match, the file is
/// taken as unchanged without reading it (as make and git do); otherwise its bytes are hashed.
struct FileStamp: Sendable, Hashable {
    var size: Int
    var modifiedNanos: Int64
    var inode: UInt64

    init(size: Int, modifiedNanos: Int64, inode: UInt64) {
        self.size = size; self.modifiedNanos = modifiedNanos; self.inode = inode
    }

    /// nil when the path cannot be stat'ed.
    init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.init(st)
    }

    init(_ st: stat) {
        size = Int(st.st_size)
        modifiedNanos = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        inode = UInt64(st.st_ino)
    }

    func write(to w: inout BinaryWriter) { w.int(size); w.int(Int(modifiedNanos)); w.u64(inode) }
    static func read(_ r: inout BinaryReader) throws -> FileStamp {
        FileStamp(size: try r.int(), modifiedNanos: Int64(try r.int()), inode: try r.u64())
    }
}

/// What one input file gave the last time it was read.
struct FileRecord: Sendable, Hashable {
    var path: String
    var stamp: FileStamp
    var contentHash: UInt64
    /// The file's articles, encoded (decoded on demand: see `EncodedArticles`).
    var articles: EncodedArticles
    /// Problems found in the file; repeated every build until the file is fixed.
    var diagnostics: [Diagnostic]
}

/// The analysis cache: one record per input file, valid only for the Bellwether version and
/// analysis options it was made with (`key`). Stored as one binary file, replaced atomically.
struct BuildCache: Sendable {
    /// "BELLWET2": articles stored as length-prefixed, checksummed bytes, head fields first.
    static let magic: UInt64 = 0x42454C4C57455432
    var key: UInt64
    var files: [String: FileRecord]

    init(key: UInt64, files: [String: FileRecord] = [:]) { self.key = key; self.files = files }

    /// The cache at `url` if it was made with `key`; an empty one otherwise (missing, other
    /// version or options, or damaged: a cache is never trusted over the inputs).
    static func load(_ url: URL, key: UInt64) -> BuildCache {
        guard let bytes = AtomicFile.contents(url) else { return BuildCache(key: key) }
        var r = BinaryReader(bytes)
        do {
            guard try r.u64() == magic, try r.u64() == key else { return BuildCache(key: key) }
            let n = try r.count()
            var files: [String: FileRecord] = [:]
            files.reserveCapacity(n)
            for _ in 0..<n {
                let path = try r.string()
                let stamp = try FileStamp.read(&r)
                let hash = try r.u64()
                let count = try r.count()
                let articles = try EncodedArticles(count: count, bytes: try r.slice(try r.count()))
                guard try r.u64() == articles.checksum else { return BuildCache(key: key) }
                let diagnostics = try r.array { r in
                    Diagnostic(path: try r.string(), line: try r.optional { try $0.int() },
                               severity: try r.bool() ? .warning : .error, message: try r.string())
                }
                files[path] = FileRecord(path: path, stamp: stamp, contentHash: hash, articles: articles, diagnostics: diagnostics)
            }
            return BuildCache(key: key, files: files)
        } catch {
            return BuildCache(key: key)
        }
    }

    /// Writes the cache in pieces of about `chunk` bytes to `sink`.
    func encode(chunk: Int = 1 << 20, to sink: ([UInt8]) throws -> Void) rethrows {
        var w = BinaryWriter()
        w.u64(Self.magic); w.u64(key)
        w.uint(UInt64(files.count))
        for path in files.keys.sorted() {
            let f = files[path]!
            w.string(path); f.stamp.write(to: &w); w.u64(f.contentHash)
            w.uint(UInt64(f.articles.count)); w.uint(UInt64(f.articles.bytes.count)); w.raw(f.articles.bytes)
            w.u64(f.articles.checksum)
            w.array(f.diagnostics) { w, d in
                w.string(d.path); w.optional(d.line) { $0.int($1) }; w.bool(d.severity == .warning); w.string(d.message)
            }
            if w.bytes.count >= chunk { try sink(w.take()) }
        }
        try sink(w.take())
    }

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        encode { out += $0 }
        return out
    }

    /// Streams the cache to a temporary file renamed over `url`: the encoded cache is never
    /// held whole in memory.
    func save(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var file = try AtomicFile(url)
        do {
            try encode { try file.append($0) }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

/// For each page in one copy of the site: the key of what it was rendered from and the file's
/// stamp after writing. A page whose key and stamp both still match is current and is neither
/// rendered nor read again.
///
/// Article pages are keyed by their article's render key, listing pages by their job's key
/// (`PageJob.key`: what that page is made from). `listingKey` is the key of the whole site the
/// listing pages were last made for: when it is unchanged, the listing pages (`listing` set)
/// are all current and are not even planned.
struct PageManifest: Sendable {
    struct Entry: Sendable, Hashable {
        var key: UInt64
        var stamp: FileStamp
        /// A listing page (planned from the whole site) rather than an article page.
        var listing: Bool = false
    }
    var entries: [String: Entry] = [:]
    var listingKey: UInt64 = 0

    /// Version 2 added per-page listing keys: a version 1 manifest is not read (its listing
    /// pages are all made again once).
    static let magic: UInt64 = 0x42454C4C50414732 // "BELLPAG2"

    /// The manifest file of a tree is named after the tree folder's inode, which follows the
    /// folder through the exchange that publishes it.
    static func url(cache: URL, tree: URL) -> URL? {
        guard let st = FileStamp(path: tree.path) else { return nil }
        return cache.appendingPathComponent("pages-\(st.inode).bin")
    }

    static func load(_ url: URL?) -> PageManifest {
        guard let url, let bytes = AtomicFile.contents(url) else { return PageManifest() }
        var r = BinaryReader(bytes)
        var m = PageManifest()
        do {
            guard try r.u64() == magic else { return PageManifest() }
            m.listingKey = try r.u64()
            let n = try r.count()
            m.entries.reserveCapacity(n)
            for _ in 0..<n {
                let path = try r.string()
                m.entries[path] = Entry(key: try r.u64(), stamp: try FileStamp.read(&r), listing: try r.bool())
            }
            return m
        } catch {
            return PageManifest()
        }
    }

    func save(_ url: URL) throws {
        var w = BinaryWriter()
        w.u64(Self.magic)
        w.u64(listingKey)
        w.uint(UInt64(entries.count))
        for path in entries.keys.sorted() {
            let e = entries[path]!
            w.string(path); w.u64(e.key); e.stamp.write(to: &w); w.bool(e.listing)
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try OutputWriter.replace(url, with: w.bytes)
    }
}

extension FileRecord {
    /// The heads of the file's articles (what dedup and slugs need), in order.
    func heads() throws -> [CachedHead] {
        do { return try articles.heads() } catch { throw damaged }
    }

    /// Article `i` of the file, decoded.
    func article(_ i: Int) throws -> CachedArticle {
        do { return try articles.article(i) } catch { throw damaged }
    }

    /// Checksums make this all but impossible; it is an error, not a crash, all the same.
    private var damaged: SiteError {
        .input("the cached analysis of \(path) cannot be read; delete the build cache (.bellwether-cache) and build again")
    }
}
