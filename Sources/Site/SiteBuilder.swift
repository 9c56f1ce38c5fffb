import Foundation
import Articles
import Analysis
import Briefing
import Mustache

/// What a build did, for the summary line and `--json`.
public struct BuildReport: Sendable {
    /// Input files found and considered.
    public var filesRead = 0
    /// Input files seen for the first time, changed since the last build, unchanged.
    public var filesNew = 0
    public var filesChanged = 0
    public var filesUnchanged = 0
    /// Input files gone since the last build (their pages are removed).
    public var filesRemoved = 0
    /// Files that gave no article, with the reason (first problem found in each).
    public var skipped: [Diagnostic] = []
    /// Articles published.
    public var articles = 0
    /// Articles analysed in this build (the rest came from the cache).
    public var articlesAnalysed = 0
    public var duplicatesMerged = 0
    public var pagesWritten = 0
    public var pagesUnchanged = 0
    public var pagesRemoved = 0
    public var diagnostics: [Diagnostic] = []
    /// One-off remarks about the build (e.g. no base URL for the feeds).
    public var notes: [String] = []
    public var seconds = 0.0

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// A site build as a pipeline of small steps:
///
/// 1. lock the output; scan the article folder;
/// 2. for each input file, on all cores: reuse the cached analysis when the file is unchanged,
///    else parse and analyse it and write its article pages right away (so its full text is
///    dropped as soon as its pages exist);
/// 3. assemble: merge duplicates, give every article its final, unique-per-day slug, and
///    render the few article pages that still need it (a slug that moved, a page whose
///    templates or options changed);
/// 4. save the analysis cache (complete by now); plan the listing pages (days, index, …) from
///    briefs alone and render them;
/// 5. publish the idle tree with one atomic exchange; save the page manifest.
public struct SiteBuilder: Sendable {
    public let options: SiteOptions
    public let library: TemplateLibrary
    public let version: String

    public init(options: SiteOptions, library: TemplateLibrary, version: String) {
        self.options = options; self.library = library; self.version = version
    }

    /// Called as input files are processed: (done, total).
    public typealias Progress = @Sendable (Int, Int) -> Void

    public func build(articles folder: URL, output: URL, progress: Progress? = nil) throws -> BuildReport {
        let start = Date()
        let output = output.standardizedFileURL
        let lock = try BuildLock.acquire(for: output, wait: options.lockWait)
        defer { lock.release() }

        var report = BuildReport()
        let loader = ArticleLoader(options: LoadOptions(timeZone: options.timeZone, maxFileSize: options.maxFileSize))
        let scan = loader.scan(folder)
        let cacheDir = options.cacheDirectory?.standardizedFileURL
            ?? output.deletingLastPathComponent().appendingPathComponent(".bellwether-cache")
        let cacheURL = cacheDir.appendingPathComponent("analysis.bin")
        var previous = BuildCache.load(cacheURL, key: options.analysisKey(version: version))
        let writer = try OutputWriter(output: output)
        let manifestURL = PageManifest.url(cache: cacheDir, tree: writer.idle)
        let oldManifest = PageManifest.load(manifestURL)
        let pages = ArticlePages(builder: self, writer: writer, renderBase: renderBase)

        // Step 2: every input file, in parallel.
        let files = scan.files
        let counter = ProgressCounter(total: files.count, report: progress)
        var outcomes = try Parallel.map(files.count) { i -> FileOutcome in
            defer { counter.advance() }
            return try pages.process(files[i], loader: loader, previous: previous.files[files[i].path])
        }

        // Step 3: assemble.
        var cache = BuildCache(key: previous.key)
        var candidates: [Candidate] = []
        var keys: [DeduplicationKey] = []
        var diagnostics = scan.diagnostics
        for (i, outcome) in outcomes.enumerated() {
            let record = outcome.record
            cache.files[record.path] = record
            diagnostics += record.diagnostics
            switch outcome.status {
            case .new: report.filesNew += 1
            case .changed: report.filesChanged += 1
            case .unchanged: report.filesUnchanged += 1
            }
            report.articlesAnalysed += outcome.analysed
            if record.articles.isEmpty, let first = record.diagnostics.first(where: { $0.severity == .error }) {
                report.skipped.append(first)
            }
            for (j, head) in try record.heads().enumerated() {
                candidates.append(Candidate(file: i, index: j, head: head))
                keys.append(head.deduplicationKey)
            }
        }
        report.filesRead = files.count
        report.filesRemoved = previous.files.keys.filter { cache.files[$0] == nil }.count
        report.skipped += scan.diagnostics.filter { $0.severity == .error }

        let (keptIndices, merges) = Deduplicator.deduplicate(keys: keys)
        keys = []
        report.duplicatesMerged = merges.count
        diagnostics += merges.map(\.diagnostic)
        var kept = keptIndices.map { candidates[$0] }
        candidates = []
        Self.assignSlugs(&kept)

        // Article pages: reuse what is current, render what is not.
        var speculative = Dictionary(grouping: outcomes.enumerated().flatMap { i, o in
            o.written.map { (path: $0.path, file: i, index: $0.index, key: $0.key, stamp: $0.stamp) }
        }, by: \.path)
        for i in outcomes.indices { outcomes[i].written = [] }
        let verified = AtomicCount()
        var finals = try Parallel.map(kept.count) { k -> [ManifestLine] in
            let c = kept[k]
            let key = pages.renderKey(record: outcomes[c.file].record, index: c.index, slug: c.slug)
            var lines: [ManifestLine] = []
            var missing = false
            for path in [c.sitePath + ".html", c.sitePath + ".md"] {
                if let claims = speculative[path] {
                    // Written in step 2: current only if this article alone wrote it, with this key.
                    if claims.count == 1, claims[0].file == c.file, claims[0].index == c.index, claims[0].key == key {
                        lines.append(ManifestLine(path: path, key: key, stamp: claims[0].stamp))
                        continue
                    }
                } else if let entry = oldManifest.entries[path], entry.key == key,
                          let stamp = writer.stamp(path), stamp == entry.stamp {
                    lines.append(ManifestLine(path: path, key: key, stamp: stamp))
                    verified.add(1)
                    continue
                }
                missing = true
            }
            guard missing else { return lines }
            let brief = try Self.brief(c, record: outcomes[c.file].record)
            return try pages.rerender(files[c.file], index: c.index, brief: brief, key: key, loader: loader)
        }
        speculative = [:]
        var manifest = PageManifest()
        var planned = Set<String>()
        for line in finals.joined() {
            manifest.entries[line.path] = PageManifest.Entry(key: line.key, stamp: line.stamp)
            planned.insert(line.path)
        }
        finals = []
        report.articles = kept.count
        report.articlesAnalysed = min(report.articlesAnalysed, kept.count + merges.count)

        // The analysis cache is complete: save it now and let go of it and of the loaded one,
        // so their encoded analyses are not resident while the listing pages are made (the
        // records keep theirs only until the site model is decoded from them). A build that
        // fails later still leaves a cache that is true to its inputs.
        if cache.files != previous.files { try cache.save(cacheURL) }
        cache = BuildCache(key: cache.key)
        previous = BuildCache(key: previous.key)

        // Step 4: listing pages from briefs alone. Nothing they depend on changed since the
        // idle tree was written (same site key, files as written): not even planned. Otherwise
        // each page job is made again only when its own key changed (a changed article
        // re-renders its day, its tickers, and the pages that list the whole site).
        if options.baseURL == nil {
            report.notes.append("no --base-url: feeds use relative links and tag: ids, and sitemap.xml is not written; pass --base-url https://… for absolute links")
        }
        let briefKeys = kept.map { pages.renderKey(record: outcomes[$0.file].record, index: $0.index, slug: $0.slug) }
        let listingKey = Self.listingKey(renderBase: renderBase, briefKeys: briefKeys, records: outcomes.map(\.record))
        manifest.listingKey = listingKey
        if oldManifest.listingKey == listingKey, let current = Self.currentListing(oldManifest, writer: writer) {
            verified.add(current.count)
            for (path, entry) in current { manifest.entries[path] = entry; planned.insert(path) }
        } else {
            let briefs = try Self.briefs(kept, records: outcomes.map(\.record))
            for i in outcomes.indices { outcomes[i].record.articles = EncodedArticles() }
            let keys = ListingKeys(base: renderBase, briefs: Dictionary(
                zip(briefs.map(ListingKeys.BriefID.init), briefKeys), uniquingKeysWith: { a, _ in a }))
            let lines = try writeListingPages(SiteModel(briefs: briefs), writer: writer,
                                              keys: keys, siteKey: listingKey, previous: oldManifest, verified: verified)
            for line in lines {
                manifest.entries[line.path] = PageManifest.Entry(key: line.key, stamp: line.stamp, listing: true)
                planned.insert(line.path)
            }
        }

        // Step 5: publish, then remember.
        try writer.publish(keeping: planned)
        report.pagesWritten = writer.written
        report.pagesUnchanged = writer.unchanged + verified.value
        report.pagesRemoved = writer.removed
        HeapTrim.now()
        // After the exchange the tree just written is the published one; its manifest is saved
        // under its folder's inode. Manifests of trees that no longer exist are dropped.
        // (The tree just published is the one whose manifest was loaded: unchanged, not rewritten.)
        if let url = PageManifest.url(cache: cacheDir, tree: output), manifest.entries != oldManifest.entries || manifest.listingKey != oldManifest.listingKey
            || oldManifest.entries.isEmpty {
            try manifest.save(url)
        }
        Self.dropStaleManifests(cacheDir, keeping: [output, writer.idle])

        report.diagnostics = Diagnostic.sorted(diagnostics)
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Hash of everything besides the article that its page depends on.
    var renderBase: UInt64 {
        var h = ContentHash()
        h.add(options.renderKey(version: version))
        h.add(options.analysisKey(version: version))
        h.add(library.fingerprint)
        return h.value
    }

    var context: PageContext { PageContext(options: options, version: version) }

    /// Slugs are unique within a day (pages live in the day's folder): the first article in
    /// (path, position) order keeps the slug its title gives; others get a stable suffix.
    static func assignSlugs(_ kept: inout [Candidate]) {
        let byDay = Dictionary(grouping: kept.indices, by: { kept[$0].day })
        for day in byDay.keys.sorted() {
            let indices = byDay[day]!
            // Slugs.assignUnique looks at day, path, position and the loader's slug only.
            var articles = indices.map { kept[$0].skeleton }
            Slugs.assignUnique(&articles, reserved: ["index"])
            for (n, i) in indices.enumerated() { kept[i].slug = articles[n].slug }
        }
    }

    /// Every page kind planned from the model. Order does not matter: paths are disjoint.
    var planners: [PagePlanner] {
        [HomePages(), DayPages(), AssetPages(assets: library.assets),
         TickerPages(), SiteFeedPages(), APIPages(), SitemapPage(), SearchPages()]
    }

    /// Plans the listing pages from briefs alone and renders, on all cores, the jobs whose key
    /// differs from the one `previous` recorded for their files (or whose files are no longer as
    /// written); returns every listing page with its key and stamp. A job without a key of its
    /// own takes `siteKey`.
    func writeListingPages(_ model: SiteModel, writer: OutputWriter, keys: ListingKeys, siteKey: UInt64,
                           previous: PageManifest, verified: AtomicCount) throws -> [ManifestLine] {
        var context = self.context
        context.keys = keys
        context.tickerHistories = TickerHistories(model)
        // One planner at a time: its planned values are dropped before the next one plans,
        // so peak memory is the largest page family, not all of them together.
        var lines: [ManifestLine] = []
        for planner in planners {
            let jobs = planner.jobs(for: model, context: context)
            let made = try Parallel.map(jobs.count) { i -> [ManifestLine] in
                let job = jobs[i]
                let key = job.key ?? siteKey
                let current = job.paths.map { path -> ManifestLine? in
                    guard let entry = previous.entries[path], entry.listing, entry.key == key,
                          let stamp = writer.stamp(path), stamp == entry.stamp else { return nil }
                    return ManifestLine(path: path, key: key, stamp: stamp)
                }
                if current.allSatisfy({ $0 != nil }) {
                    verified.add(current.count)
                    return current.map { $0! }
                }
                let pages = job.make()
                assert(pages.map(\.path) == job.paths, "a page job made other pages than it announced")
                return try pages.map { page in
                    let stamp: FileStamp
                    switch page.content {
                    case .template(let name, let value): stamp = try writer.write(page.path, text: render(name, value))
                    case .text(let text): stamp = try writer.write(page.path, text: text)
                    case .bytes(let bytes): stamp = try writer.write(page.path, bytes)
                    }
                    return ManifestLine(path: page.path, key: key, stamp: stamp)
                }
            }
            lines += made.joined()
            HeapTrim.now()
        }
        return lines
    }

    /// Everything the listing pages (days, index, tickers, feeds, API, search) depend on: the
    /// templates and options (`renderBase`), every published article's page key (its file's
    /// bytes, place, slug) in order, and every input file's bytes (a merged duplicate counts too).
    static func listingKey(renderBase: UInt64, briefKeys: [UInt64], records: [FileRecord]) -> UInt64 {
        var h = ContentHash(seed: renderBase)
        h.add("listing-v2")
        h.add(UInt64(briefKeys.count))
        for k in briefKeys { h.add(k) }
        h.add(UInt64(records.count))
        for r in records { h.add(r.path); h.add(r.contentHash) }
        return h.value
    }

    /// The listing pages of the idle tree when each is still exactly as written (size,
    /// modification time and inode as recorded); nil when any must be looked at again. With
    /// the site key unchanged, a nightly build with no new article skips planning them.
    static func currentListing(_ manifest: PageManifest, writer: OutputWriter) -> [(String, PageManifest.Entry)]? {
        let listing = manifest.entries.filter(\.value.listing)
        guard !listing.isEmpty else { return nil }
        for (path, entry) in listing {
            guard let stamp = writer.stamp(path), stamp == entry.stamp else { return nil }
        }
        return listing.map { ($0.key, $0.value) }
    }

    func render(_ name: String, _ value: MustacheValue) throws -> String {
        do {
            return try library.templates.render(name, value, strict: options.strictTemplates)
        } catch {
            throw SiteError.render("\(error)")
        }
    }

    static func dropStaleManifests(_ cacheDir: URL, keeping trees: [URL]) {
        let keep = Set(trees.compactMap { PageManifest.url(cache: cacheDir, tree: $0)?.lastPathComponent })
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: cacheDir.path) else { return }
        for name in names where name.hasPrefix("pages-") && name.hasSuffix(".bin") && !keep.contains(name) {
            try? FileManager.default.removeItem(at: cacheDir.appendingPathComponent(name))
        }
    }
}

/// One article on its way to the site: where its cached analysis is (file, position) and the
/// few fields slugs are assigned from. The rest stays encoded in the file's record until the
/// site model is built.
struct Candidate: Sendable {
    let file: Int
    let index: Int
    let day: Day
    /// The article's path and position as the loader gave them (slug order and suffixes).
    let path: String
    let articleIndex: Int?
    var slug: String

    init(file: Int, index: Int, head: CachedHead) {
        self.file = file; self.index = index; day = head.day; path = head.path
        articleIndex = head.index; slug = head.baseSlug
    }

    /// Its page's site path without extension; the same as `Brief.sitePath`.
    var sitePath: String { "\(day.pathComponent)/\(slug)" }

    /// What `Slugs.assignUnique` reads: day, path, position and the current slug.
    var skeleton: Article {
        Article(path: path, index: articleIndex, format: .text, title: "", day: day, body: "", bodyFormat: .plain, slug: slug)
    }
}

extension SiteBuilder {
    /// The brief of one candidate, decoded from its file's record.
    static func brief(_ c: Candidate, record: FileRecord) throws -> Brief {
        let cached = try record.article(c.index)
        return Brief(article: cached.article, slug: c.slug, analysis: cached.analysis)
    }

    /// Every candidate's brief, in order, decoded on all cores.
    static func briefs(_ kept: [Candidate], records: [FileRecord]) throws -> [Brief] {
        try Parallel.map(kept.count) { try brief(kept[$0], record: records[kept[$0].file]) }
    }
}

/// A page written, with the key it was rendered from and its stamp afterwards.
struct ManifestLine: Sendable {
    let path: String
    let key: UInt64
    let stamp: FileStamp
}

/// A counter shared by worker threads.
final class AtomicCount: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add(_ k: Int) { lock.lock(); n += k; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}

/// Counts processed files across threads and reports every 1% or so.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: SiteBuilder.Progress?
    private let step: Int

    init(total: Int, report: SiteBuilder.Progress?) {
        self.total = total; self.report = report; step = max(1, total / 100)
    }

    func advance() {
        guard let report else { return }
        lock.lock()
        done += 1
        let n = done
        lock.unlock()
        if n % step == 0 || n == total { report(n, total) }
    }
}

/// Hands the heap's free pages back to the system. glibc keeps memory freed by a build phase
/// (the analysis's scratch strings, one page family's values) mapped for reuse, but the next
/// phase's allocations rarely fit those holes, so without this the resident size climbs with
/// every phase even though live data does not.
enum HeapTrim {
    static func now() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
@_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
