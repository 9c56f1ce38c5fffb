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

/// A family of pages planned from the whole site (briefs only, never full texts).
/// A build is the article pages plus every planner's pages; adding a page kind means adding
/// a planner to `SiteBuilder.planners`.
protocol PagePlanner: Sendable {
    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage]
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
struct DayPages: PagePlanner {
    func pages(for model: SiteModel, context: PageContext) -> [PlannedPage] {
        let histories = TickerHistories(model)
        return model.days.indices.flatMap { i -> [PlannedPage] in
            let value = context.dayPage(model, at: i, histories: histories)
            let dir = model.days[i].day.pathComponent
            return [PlannedPage(dir + "/index.html", template: "day.html", value),
                    PlannedPage(dir + "/index.md", template: "day.md", value)]
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
