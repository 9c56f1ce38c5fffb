import Testing
import Mustache

/// The official Mustache spec, run straight from its JSON files: one test per spec case,
/// so a new case in the files is a new test here.
@Suite("Mustache spec")
struct SpecTests {
    @Test("spec case", arguments: SpecFiles.cases)
    func specCase(_ c: SpecCase) throws {
        if let problem = c.loadError {
            Issue.record("\(c.file): \(problem)")
            return
        }
        let output: String
        do {
            output = try SpecFiles.render(c)
        } catch {
            Issue.record("""
                \(c.file) / \(c.name) failed to render: \(error)
                template: \(c.template.debugDescription)
                """)
            return
        }
        #expect(output == c.expected, """
            \(c.file) / \(c.name): \(c.desc)
            template: \(c.template.debugDescription)
            partials: \(c.partials.mapValues(\.debugDescription))
            expected: \(c.expected.debugDescription)
            actual:   \(output.debugDescription)
            """)
    }

    /// Guards against a silently shrinking suite: all nine files, 194 cases at the spec
    /// version we target (v1.4.2); more is fine when the spec grows.
    @Test func everySpecFileIsLoaded() {
        let files = Set(SpecFiles.cases.filter { $0.loadError == nil }.map(\.file))
        #expect(files.count >= 9)
        #expect(files == Set(SpecFiles.fileNames(in: SpecFiles.folder()!)))
        #expect(SpecFiles.cases.filter { $0.loadError == nil }.count >= 194)
    }
}
