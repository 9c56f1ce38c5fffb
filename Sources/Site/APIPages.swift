import Briefing

/// Machine-readable days: `api/YYYY-MM-DD.json` holds the day's briefs in page order, each
/// exactly as `bellwether brief --format json` prints one (always an array, even for one
/// article), and `api/index.json` lists the days with their mood and file. A day's file is
/// keyed by that day's briefs alone; the index takes the key of the whole site.
struct APIPages: DeferredPagePlanner {
    func jobs(for model: SiteModel, context: PageContext) -> [PageJob] {
        var jobs: [PageJob] = []
        var days: [JSONValue] = []
        for day in model.days {
            let name = "\(day.day.description).json"
            let key = context.keys.map { keys -> UInt64 in
                var h = keys.hasher("api-day")
                h.add(day.day.description)
                keys.add(day.briefs, to: &h)
                return h.value
            }
            jobs.append(PageJob(paths: ["api/" + name], key: key) {
                let json = JSONValue.array(day.briefs.map(BriefJSON.object))
                return [PlannedPage("api/" + name, text: json.serialized(pretty: true) + "\n")]
            })
            var counts: [String: JSONValue] = [:]
            for (label, n) in day.mood.counts { counts[label.rawValue] = .number(Double(n)) }
            days.append(.object([
                "day": .string(day.day.description),
                "href": .string(name),
                "page": .string("../\(day.day.pathComponent)/index.html"),
                "articles": .number(Double(day.briefs.count)),
                "mood": .object(["score": .number(day.mood.average.score),
                                 "label": .string(day.mood.average.label.rawValue),
                                 "counts": .object(counts)]),
            ]))
        }
        let index = JSONValue.object(["title": .string(context.options.title), "days": .array(days)])
        jobs.append(PageJob(PlannedPage("api/index.json", text: index.serialized(pretty: true) + "\n")))
        return jobs
    }
}
