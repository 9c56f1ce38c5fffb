import Articles
import Briefing
import Mustache

/// One file a build writes: a template filled with a value, or bytes as they are.
struct PlannedPage: Sendable {
    enum Content: Sendable {
        case template(String, MustacheValue)
        case text(String)
        case bytes([UInt8])
    }
    let path: String
    let content: Content

    init(_ path: String, template: String, _ value: MustacheValue) {
        self.path = path; content = .template(template, value)
    }
    init(_ path: String, text: String) { self.path = path; content = .text(text) }
    init(_ path: String, bytes: [UInt8]) { self.path = path; content = .bytes(bytes) }
}

/// Pages whose paths are known at once but whose content is made only when the job runs:
/// a build renders a day's or a ticker's pages, writes them and drops their values before the
/// next job makes its own, so memory holds a few pages at a time, not a whole page family
/// (at 10,000 articles the day and ticker values alone held over 100 MB).
///
/// `key` is a hash of everything the job's pages are made from, so an incremental build can
/// leave them alone when it has not changed (see `ListingKeys`); nil means the pages may
/// depend on any article (the home page, the archive, feeds, search) and take the key of the
/// whole site.
struct PageJob: Sendable {
    let paths: [String]
    let key: UInt64?
    let make: @Sendable () -> [PlannedPage]

    init(paths: [String], key: UInt64? = nil, make: @escaping @Sendable () -> [PlannedPage]) {
        self.paths = paths; self.key = key; self.make = make
    }

    /// A page already made.
    init(_ page: PlannedPage) {
        paths = [page.path]
        key = nil
        make = { [page] }
    }
}

/// A family of pages planned from the whole site (briefs only, never full texts).
/// A build is the article pages plus every planner's pages; adding a page kind means adding
/// a planner to `SiteBuilder.planners`. Large families plan `jobs` (made one at a time);
/// small ones just list their `pages`.
protocol PagePlanner: Sendable {
    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage]
    func jobs(for model: SiteModel, context: PageContext) -> [PageJob]
}

extension PagePlanner {
    func jobs(for model: SiteModel, context: PageContext) -> [PageJob] {
        pages(for: model, context: context).map(PageJob.init)
    }
}

/// Planners that make jobs list their pages by running them (tests, small sites).
protocol DeferredPagePlanner: PagePlanner {}

extension DeferredPagePlanner {
    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage] {
        jobs(for: model, context: context).flatMap { $0.make() }
    }
}

/// `index.html`/`index.md` (the latest day and the archive) and `archive.html`.
struct HomePages: PagePlanner {
    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage] {
        let index = context.indexPage(model, histories: context.histories(model))
        return [
            PlannedPage("index.html", template: "index.html", index),
            PlannedPage("index.md", template: "index.md", index),
            PlannedPage("archive.html", template: "archive.html", context.archivePage(model)),
        ]
    }
}

/// One briefing page per day, `YYYY/MM/DD/index.html` and `index.md`.
///
/// A day page shows its own articles and mood, links to the days before and after it, and its
/// movers: each of the day's tickers compared with the last earlier day it appeared on. Its
/// key covers exactly that, so a changed article on another day leaves it alone unless it moves
/// one of those earlier points.
struct DayPages: DeferredPagePlanner {
    func jobs(for model: SiteModel, context: PageContext) -> [PageJob] {
        let histories = context.histories(model)
        return model.days.indices.map { i -> PageJob in
            let dir = model.days[i].day.pathComponent
            let key = context.keys.map { Self.key(model, at: i, histories: histories, keys: $0) }
            return PageJob(paths: [dir + "/index.html", dir + "/index.md"], key: key) {
                let value = context.dayPage(model, at: i, histories: histories)
                return [PlannedPage(dir + "/index.html", template: "day.html", value),
                        PlannedPage(dir + "/index.md", template: "day.md", value)]
            }
        }
    }
}

extension DayPages {
    /// Everything `PageContext.dayPage` reads: the day, its neighbours' dates, its briefs in
    /// page order, and for each of its tickers the previous point `Movers` compares with.
    static func key(_ model: SiteModel, at i: Int, histories: TickerHistories, keys: ListingKeys) -> UInt64 {
        let day = model.days[i]
        var h = keys.hasher("day")
        h.add(day.day.description)
        h.add(i + 1 < model.days.count ? model.days[i + 1].day.description : "-")
        h.add(i > 0 ? model.days[i - 1].day.description : "-")
        keys.add(day.briefs, to: &h)
        let symbols = Set(day.briefs.flatMap { $0.analysis.tickers.map(\.symbol) }).sorted()
        for symbol in symbols {
            h.add(symbol)
            if let p = histories[symbol]?.point(before: day.day) { ListingKeys.add(p, to: &h) } else { h.add("-") }
        }
        return h.value
    }
}

/// What each listing page is made from, as hashes: an incremental build re-renders a page only
/// when its job's key differs from the one its file was written under (kept in the
/// `PageManifest`). A brief is known by its article page's render key, which covers its input
/// file's bytes, its place in the file, its slug and `base`; so a key built from the render
/// keys of the briefs a page shows changes whenever any of them does.
struct ListingKeys: Sendable {
    /// A published brief: its day and its slug (unique within the day).
    struct BriefID: Hashable, Sendable {
        let day: Day
        let slug: String
        init(_ b: Brief) { day = b.day; slug = b.slug }
    }

    /// Templates, options and version (`SiteBuilder.renderBase`).
    let base: UInt64
    /// Render key of each published brief.
    let briefs: [BriefID: UInt64]

    /// A hash seeded with `base` and the page kind (two kinds never share a key).
    func hasher(_ kind: String) -> ContentHash {
        var h = ContentHash(seed: base)
        h.add("listing-job-v1:" + kind)
        return h
    }

    /// The briefs' render keys in the given order (a render key covers the brief's day and slug
    /// too). A brief this build does not know (never the case in a build) adds a value no
    /// earlier build's key was made with.
    func add(_ list: [Brief], to h: inout ContentHash) {
        h.add(UInt64(list.count))
        // By index: `for b in list` copies each brief (a dozen reference counts apiece).
        for i in list.indices { add(list[i], to: &h) }
    }

    func add(_ brief: Brief, to h: inout ContentHash) {
        h.add(briefs[BriefID(brief)] ?? UInt64.random(in: 0...UInt64.max))
    }

    /// A ticker's point on a day, as a page shows it.
    static func add(_ p: TickerDay, to h: inout ContentHash) {
        h.add(p.day.description)
        h.add(p.sentiment.score.bitPattern)
        h.add(p.sentiment.label.rawValue)
        h.add(UInt64(p.articles))
    }
}

/// The stylesheet and any other static file of the template folder.
struct AssetPages: PagePlanner {
    let assets: [String: [UInt8]]
    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage] {
        assets.keys.sorted().map { PlannedPage($0, bytes: assets[$0]!) }
    }
}
