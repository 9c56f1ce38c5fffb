import Mustache
import Testing

/// A template is a value: parsed once, then rendered from many threads at once with the
/// same result as a single-threaded render.
@Suite("Concurrent rendering")
struct ConcurrencyTests {
    @Test func oneTemplateSetRenderedFromManyTasks() async throws {
        let set = try TemplateSet(sources: [
            "page.html": "<ul>\n  {{#items}}\n  {{> item}}\n  {{/items}}\n</ul>\n",
            "item": "<li id=\"{{id}}\">{{name}}</li>\n",
        ])
        func data(_ n: Int) -> MustacheValue {
            .object(["items": .array((0..<n).map { .object(["id": .int($0), "name": .string("item <\($0)>")]) })])
        }
        let expected = try (0..<8).map { try set.render("page.html", data($0 * 5)) }
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for i in 0..<400 {
                group.addTask { (i % 8, try set.render("page.html", data((i % 8) * 5))) }
            }
            var all: [(Int, String)] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 400)
        for (k, out) in results { #expect(out == expected[k]) }
    }
}
