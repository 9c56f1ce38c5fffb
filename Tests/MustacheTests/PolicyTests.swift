import Mustache
import Testing

/// Behaviour the spec leaves to the engine. Each choice is documented in docs/mustache.md;
/// these tests pin it so a template author can rely on it.
@Suite("Implementation-defined behaviour")
struct PolicyTests {
    func render(_ template: String, _ data: MustacheValue, name: String = "t.html") throws -> String {
        try Template(template, name: name).render(data)
    }

    @Test func emptyStringAndZeroAreFalsey() throws {
        let t = "{{#v}}yes{{/v}}{{^v}}no{{/v}}"
        #expect(try render(t, ["v": ""]) == "no")
        #expect(try render(t, ["v": 0]) == "no")
        #expect(try render(t, ["v": 0.0]) == "no")
        #expect(try render(t, ["v": " "]) == "yes")
        #expect(try render(t, ["v": -1]) == "yes")
        #expect(try render(t, ["v": 0.01]) == "yes")
    }

    @Test func emptyObjectIsTruthyAndPushed() throws {
        let t = "{{#v}}yes{{/v}}{{^v}}no{{/v}}"
        #expect(try render(t, ["v": [:]]) == "yes")
        // Names it lacks are found further down the stack.
        #expect(try render("<{{#context}}{{subject}}{{/context}}>", ["subject": "---", "context": [:]]) == "<--->")
    }

    @Test func trueDoesNotPushItselfButNumbersDo() throws {
        #expect(try render("<{{#object}}{{#subject}}{{.}}{{/subject}}{{/object}}>", ["subject": true, "object": "---"]) == "<--->")
        #expect(try render("<{{#n}}{{.}} items{{/n}}>", ["n": 3]) == "<3 items>")
        #expect(try render("<{{#s}}[{{.}}]{{/s}}>", ["s": "text"]) == "<[text]>")
    }

    @Test func listsInATagPrintTheirItemsEachEscaped() throws {
        let data: MustacheValue = ["list": ["&", "\"", "<", ">", 0, 1, 2.5]]
        #expect(try render("<{{list}}>", data) == "<&amp;&quot;&lt;&gt;012.5>")
        #expect(try render("<{{{list}}}>", data) == "<&\"<>012.5>")
    }

    @Test func apostropheBecomesNumericReference() throws {
        #expect(try render("{{v}}", ["v": "it's"]) == "it&#39;s")
    }

    @Test func scalarsPrintPlainly() throws {
        let t = "{{t}} {{f}} [{{n}}] {{i}} {{d}} {{w}} {{big}} {{small}} {{neg}}"
        let data: MustacheValue = ["t": true, "f": false, "n": nil, "i": 85, "d": 1.21, "w": 3.0,
                                   "big": 1e21, "small": 1e-7, "neg": -0.0]
        #expect(try render(t, data) == "true false [] 85 1.21 3 1e+21 1e-7 0")
    }

    @Test func objectsPrintNothing() throws {
        #expect(try render("[{{o}}]", ["o": ["a": 1]]) == "[]")
    }

    @Test func tripleMustacheWorksWithCustomDelimiters() throws {
        let t = "{{=<% %>=}}<% foo %> {{foo}} <%{bar}%> {{{bar}}}\n"
        #expect(try render(t, ["foo": "f", "bar": "<b>"]) == "f {{foo}} <b> {{{bar}}}\n")
    }

    @Test func emptyLinesOfAnIndentedPartialAreIndentedToo() throws {
        // The spec indents "each line" of a standalone partial; an empty line is a line.
        let set = try TemplateSet(sources: ["page.html": "<div>\n  {{> p}}\n</div>\n", "p": "a\n\nb\n"])
        #expect(try set.render("page.html", [:]) == "<div>\n  a\n  \n  b\n</div>\n")
    }

    @Test func everyPassOfALoopInAnIndentedPartialIsIndented() throws {
        // swift-mustache 2.1.1 indents only the first pass; the spec indents every line.
        let set = try TemplateSet(sources: [
            "page.html": "<main>\n  {{#cards}}\n  {{> card}}\n  {{/cards}}\n</main>\n",
            "card": "<ul>\n  {{#points}}\n  <li>{{.}}</li>\n  {{/points}}\n</ul>\n",
        ])
        let data: MustacheValue = ["cards": [["points": ["a", "b"]], ["points": ["c"]]]]
        #expect(try set.render("page.html", data) == """
            <main>
              <ul>
                <li>a</li>
                <li>b</li>
              </ul>
              <ul>
                <li>c</li>
              </ul>
            </main>

            """)
    }

    @Test func nestedStandalonePartialsAddUpTheirIndentation() throws {
        let set = try TemplateSet(sources: ["a.html": "A\n  {{> b}}\n", "b": "B\n  {{> c}}\n", "c": "C1\nC2\n"])
        #expect(try set.render("a.html", [:]) == "A\n  B\n    C1\n    C2\n")
    }

    @Test func singleSpaceTemplateRendersAsASpace() throws {
        #expect(try render(" ", [:]) == " ")
        #expect(try render("  \n", [:]) == "  \n")
    }

    @Test func twoSectionTagsOnOneLineAreNotStandalone() throws {
        // Only one tag per line can be standalone (parent/block pairs excepted).
        #expect(try render("a\n{{#t}}{{/t}}\nb", ["t": true]) == "a\n\nb")
    }
}
