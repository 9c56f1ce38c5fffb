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
struct PageJob: Sendable {
    let paths: [String]
    let make: @Sendable () -> [PlannedPage]

    init(paths: [String], make: @escaping @Sendable () -> [PlannedPage]) {
        self.paths = paths; self.make = make
    }

    /// A page already made.
    init(_ page: PlannedPage) {
        paths = [page.path]
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
        let index = context.indexPage(model, histories: TickerHistories(model))
        return [
            PlannedPage("index.html", template: "index.html", index),
            PlannedPage("index.md", template: "index.md", index),
            PlannedPage("archive.html", template: "archive.html", context.archivePage(model)),
        ]
    }
}

/// One briefing page per day, `YYYY/MM/DD/index.html` and `index.md`.
struct DayPages: DeferredPagePlanner {
    func jobs(for model: SiteModel, context: PageContext) -> [PageJob] {
        let histories = TickerHistories(model)
        return model.days.indices.map { i -> PageJob in
            let dir = model.days[i].day.pathComponent
            return PageJob(paths: [dir + "/index.html", dir + "/index.md"]) {
                let value = context.dayPage(model, at: i, histories: histories)
                return [PlannedPage(dir + "/index.html", template: "day.html", value),
                        PlannedPage(dir + "/index.md", template: "day.md", value)]
            }
        }
    }
}

/// The stylesheet and any other static file of the template folder.
struct AssetPages: PagePlanner {
    let assets: [String: [UInt8]]
    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage] {
        assets.keys.sorted().map { PlannedPage($0, bytes: assets[$0]!) }
    }
}
