import Mustache
import Testing

/// Every parse error names the template, line and column, and shows the line with a caret
/// under the spot, so a template author can fix it without guessing.
@Suite("Template errors")
struct ErrorTests {
    func parseError(_ source: String, name: String = "page.html.mustache") -> MustacheError? {
        do {
            _ = try Template(source, name: name)
            return nil
        } catch let e as MustacheError {
            return e
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let source: String
        let kind: MustacheError.Kind
        let line: Int
        let column: Int
        let says: String
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n</ul>\n", kind: .unclosedSection("items"),
             line: 2, column: 3, says: "add {{/items}}"),
        Case(source: "{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}\n", kind: .mismatchedClose(expected: "b", found: "a"),
             line: 3, column: 1, says: "opened on line 2"),
        Case(source: "text\n  {{/orphan}}\n", kind: .unexpectedClose("orphan"), line: 2, column: 3, says: "no section named 'orphan'"),
        Case(source: "Hello {{name\n", kind: .unclosedTag, line: 1, column: 7, says: "no matching '}}'"),
        Case(source: "Hello {{name\nworld}}\n", kind: .invalidName("name\nworld"), line: 1, column: 7, says: "runs into the next line"),
        Case(source: "a\nb {{{raw}} c\n", kind: .unclosedTag, line: 2, column: 3, says: "must end with '}}}'"),
        Case(source: "{{=<% %>}}\n", kind: .badDelimiters, line: 1, column: 1, says: "{{=<open> <close>=}}"),
        Case(source: "x\n\t{{= only =}}\n", kind: .badDelimiters, line: 2, column: 2, says: "exactly two delimiters"),
        Case(source: "{{=<% %>=}}\n<% name \n", kind: .unclosedTag, line: 2, column: 1, says: "'<%' has no matching '%>'"),
        Case(source: "a {{}} b", kind: .invalidName(""), line: 1, column: 3, says: "empty tag"),
        Case(source: "{{first name}}", kind: .invalidName("first name"), line: 1, column: 1, says: "cannot contain spaces"),
        Case(source: "{{a..b}}", kind: .invalidName("a..b"), line: 1, column: 1, says: "dotted names"),
        Case(source: "{{<layout}}{{$title}}x{{/layout}}", kind: .mismatchedClose(expected: "title", found: "layout"),
             line: 1, column: 23, says: "{{/title}}"),
        Case(source: "{{$block}}\ndefault\n", kind: .unclosedSection("block"), line: 1, column: 1, says: "{{$block}}"),
        Case(source: "café {{#ünï}}", kind: .unclosedSection("ünï"), line: 1, column: 6, says: "{{/ünï}}"),
    ]

    @Test(arguments: ErrorTests.cases)
    func errorNamesKindPositionAndFix(_ c: Case) throws {
        let e = try #require(parseError(c.source))
        #expect(e.kind == c.kind)
        #expect(e.templateName == "page.html.mustache")
        #expect(e.line == c.line)
        #expect(e.column == c.column)
        #expect(e.message.contains(c.says), "\(e.message)")
        #expect(e.description.hasPrefix("page.html.mustache:\(c.line):\(c.column): error: "))
    }

    @Test func descriptionShowsTheLineAndACaretUnderTheSpot() throws {
        let e = try #require(parseError("<main>\n\t  <p>{{#articles}}</p>\n</main>\n"))
        let lines = e.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0] == "page.html.mustache:2:7: error: unclosed section {{#articles}}: add {{/articles}} to close it")
        #expect(lines[1] == "    \t  <p>{{#articles}}</p>")
        // Tabs are copied so the caret lines up in any terminal.
        #expect(lines[2] == "    \t     ^")
    }

    @Test func longLinesAreCutAroundTheSpot() throws {
        let source = String(repeating: "x", count: 300) + "{{/nope}}" + String(repeating: "y", count: 300)
        let e = try #require(parseError(source))
        let lines = e.description.split(separator: "\n")
        #expect(lines[1].count < 120)
        #expect(lines[1].contains("{{/nope}}"))
        let caret = try #require(lines[2].firstIndex(of: "^"))
        let tag = try #require(lines[1].range(of: "{{/nope}}"))
        #expect(lines[2].distance(from: lines[2].startIndex, to: caret) == lines[1].distance(from: lines[1].startIndex, to: tag.lowerBound))
    }

    @Test func crlfTemplatesReportTheLineWithoutItsCarriageReturn() throws {
        let e = try #require(parseError("a\r\n{{#s}}\r\nb\r\n"))
        #expect(e.line == 2)
        #expect(e.lineText == "{{#s}}")
    }

    @Test func errorsInATemplateSetNameTheFile() throws {
        #expect(throws: MustacheError.self) {
            try TemplateSet(sources: ["good.html": "ok", "partials/bad": "{{#x}}"])
        }
        do {
            _ = try TemplateSet(sources: ["good.html": "ok", "partials/bad": "{{#x}}"])
        } catch let e as MustacheError {
            #expect(e.templateName == "partials/bad.mustache")
        }
    }

    @Test func deferredErrorsSurfaceWhenTheBrokenTemplateIsUsed() throws {
        let set = try TemplateSet(sources: ["good.html": "ok {{> bad}}", "fine.html": "fine", "bad": "{{#x}}"],
                                  deferringErrors: true)
        #expect(try set.render("fine.html", [:]) == "fine")
        #expect(set.errors.map(\.templateName) == ["bad.mustache"])
        #expect(throws: MustacheError.self) { try set.render("good.html", [:]) }
        #expect(throws: MustacheError.self) { try set.render("bad", [:]) }
    }

    @Test func unknownTemplateNamesWhatExists() throws {
        let set = try TemplateSet(sources: ["day.html": "", "index.html": ""])
        do {
            _ = try set.render("days.html", [:])
            Issue.record("expected an error")
        } catch let e as MustacheError {
            #expect(e.kind == .unknownTemplate("days.html"))
            #expect(e.message.contains("day.html, index.html"))
        }
    }

    @Test func invalidJSONDataNamesLineAndColumn() throws {
        do {
            _ = try MustacheValue(jsonString: "{\n  \"a\": [1, 2,]\n}", name: "day.json")
            Issue.record("expected an error")
        } catch let e as MustacheError {
            #expect(e.kind == .invalidJSON)
            #expect((e.line, e.column) == (2, 14))
            #expect(e.description.hasPrefix("day.json:2:14: error:"))
        }
    }
}
