import Mustache
import Testing

/// Strict mode is opt-in: by default a missing name renders empty, as the spec says; with
/// `strict: true` it is an error pointing at the tag.
@Suite("Strict mode")
struct StrictModeTests {
    let data: MustacheValue = [
        "article": ["title": "T", "sentiment": ["label": "up", "score": 0.5]],
        "articles": [["title": "A"]],
        "empty": nil,
    ]

    func strictError(_ source: String, partials: [String: String] = [:]) throws -> MustacheError? {
        var sources = partials
        sources["page.html"] = source
        let set = try TemplateSet(sources: sources)
        do {
            _ = try set.render("page.html", data, strict: true)
            return nil
        } catch let e as MustacheError {
            return e
        }
    }

    @Test func defaultFollowsTheSpecAndRendersEmpty() throws {
        let t = try Template("[{{missing}}][{{article.nope}}][{{#nope}}x{{/nope}}][{{^nope}}y{{/nope}}]", name: "p.html")
        #expect(try t.render(data) == "[][][][y]")
    }

    @Test func unresolvedVariableReportsItsPosition() throws {
        let e = try #require(try strictError("<h1>{{article.title}}</h1>\n<p>{{article.sentiment.lable}}</p>\n"))
        #expect(e.kind == .unresolvedName("article.sentiment.lable"))
        #expect((e.line, e.column) == (2, 4))
        #expect(e.message.contains("'article.sentiment' has no key 'lable'"))
        #expect(e.message.contains("did you mean 'label'?"))
    }

    @Test func unresolvedSectionAndInvertedSectionAreReported() throws {
        let e1 = try #require(try strictError("{{#artciles}}{{title}}{{/artciles}}"))
        #expect(e1.kind == .unresolvedName("artciles"))
        #expect(e1.message.contains("did you mean 'articles'?"))
        let e2 = try #require(try strictError("x\n  {{^nothing}}none{{/nothing}}"))
        #expect((e2.line, e2.column) == (2, 3))
    }

    @Test func namesInsideSectionsSeeTheWholeStack() throws {
        #expect(try strictError("{{#articles}}{{title}} {{article.title}}{{/articles}}") == nil)
        let e = try #require(try strictError("{{#articles}}{{titel}}{{/articles}}"))
        #expect(e.message.contains("did you mean 'title'?"))
    }

    @Test func nullIsAValueNotAMiss() throws {
        #expect(try strictError("[{{empty}}]{{^empty}}none{{/empty}}") == nil)
    }

    @Test func descendingIntoAScalarIsExplained() throws {
        let e = try #require(try strictError("{{article.title.length}}"))
        #expect(e.message.contains("'article.title' is a string, so it has no key 'length'"))
    }

    @Test func missingPartialIsAnErrorOnlyWhenStrict() throws {
        let set = try TemplateSet(sources: ["page.html": "a{{> card}}b"])
        #expect(try set.render("page.html", data) == "ab")
        let e = try #require(try strictError("a\n{{> card}}b"))
        #expect(e.kind == .missingPartial("card"))
        #expect((e.line, e.column) == (2, 1))
        #expect(e.message.contains("card.html.mustache, card.mustache"))
    }

    @Test func errorsInsidePartialsNameThePartial() throws {
        let e = try #require(try strictError("{{> card}}", partials: ["card": "line one\n  {{nope}}\n"]))
        #expect(e.templateName == "card.mustache")
        #expect((e.line, e.column) == (2, 3))
    }

    @Test func dynamicPartialNameMustResolve() throws {
        let e = try #require(try strictError("{{>*kind}}"))
        #expect(e.kind == .unresolvedName("kind"))
    }

    @Test func runawayRecursionIsAnErrorNotACrash() throws {
        let set = try TemplateSet(sources: ["loop.html": "x{{> loop.html}}"])
        #expect(throws: MustacheError.self) { try set.render("loop.html", [:]) }
    }
}
