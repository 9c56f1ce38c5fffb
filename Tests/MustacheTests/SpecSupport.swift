import Foundation
import Testing
import Mustache

/// One test of the official Mustache spec, read from its JSON file.
struct SpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let desc: String
    let template: String
    let partials: [String: String]
    let data: MustacheValue
    let expected: String
    /// Set when the spec folder or a file could not be loaded: the test fails with it.
    let loadError: String?

    var testDescription: String { "\(file): \(name)" }
}

/// Finds and reads the spec's JSON files.
///
/// The official spec files (MIT, see `spec/LICENSE`) are vendored in `Tests/MustacheTests/spec/`
/// so a fresh clone tests them; `BELLWETHER_MUSTACHE_SPEC` or a newer copy in
/// `shared/data/mustache-spec` beside the checkout takes precedence. Every `*.json` file of the
/// folder is run, so a new spec file or case is a new test. A missing folder is a failure.
enum SpecFiles {
    static func folder() -> URL? {
        if let env = ProcessInfo.processInfo.environment["BELLWETHER_MUSTACHE_SPEC"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("shared/data/mustache-spec")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("sections.json").path) {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        let vendored = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("spec")
        return FileManager.default.fileExists(atPath: vendored.path) ? vendored : nil
    }

    /// Every spec file of the folder, sorted; the list of implementation-defined cases is not a test file.
    static func fileNames(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && $0 != "implementation-defined-cases.json" }.sorted()
    }

    static let cases: [SpecCase] = load()

    static func load() -> [SpecCase] {
        guard let folder = folder() else {
            return [failure("spec folder", "mustache-spec not found: set BELLWETHER_MUSTACHE_SPEC or place shared/data/mustache-spec beside the repository")]
        }
        var all: [SpecCase] = []
        let files = fileNames(in: folder)
        if files.count < 9 { all.append(failure("spec folder", "only \(files.count) spec files in \(folder.path)")) }
        for file in files {
            let url = folder.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                all.append(failure(file, "cannot read \(url.path)"))
                continue
            }
            do {
                let root = try MustacheValue(json: data, name: file)
                guard case .array(let tests)? = root["tests"] else {
                    all.append(failure(file, "no 'tests' list"))
                    continue
                }
                for test in tests {
                    all.append(try specCase(file: file, test))
                }
            } catch {
                all.append(failure(file, "\(error)"))
            }
        }
        return all
    }

    static func failure(_ file: String, _ message: String) -> SpecCase {
        SpecCase(file: file, name: "load", desc: "", template: "", partials: [:], data: .null, expected: "", loadError: message)
    }

    static func string(_ v: MustacheValue?) -> String {
        if case .string(let s)? = v { return s }
        return ""
    }

    static func specCase(file: String, _ test: MustacheValue) throws -> SpecCase {
        let name = string(test["name"])
        var partials: [String: String] = [:]
        if case .object(let p)? = test["partials"] {
            for (k, v) in p { partials[k] = string(v) }
        }
        var data = test["data"] ?? .null
        if file == "~lambdas.json" { data = SpecLambdas.replacingCode(in: data, test: name) }
        return SpecCase(file: file, name: name, desc: string(test["desc"]), template: string(test["template"]),
                        partials: partials, data: data, expected: string(test["expected"]), loadError: nil)
    }

    /// Renders a spec case the way the spec's harness describes: the template with the
    /// test's partials, unknown partials rendering as empty.
    static func render(_ c: SpecCase) throws -> String {
        let rootName = "__spec_template__"
        var sources = c.partials
        sources[rootName] = c.template
        let set = try TemplateSet(sources: sources)
        return try set.render(rootName, c.data)
    }
}

/// The spec's lambdas are given in other languages; these are their Swift equivalents,
/// swapped in by test name (SPEC-GUIDE.md, "Lambdas").
enum SpecLambdas {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    static func lambda(for test: String) -> MustacheLambda? {
        switch test {
        case "Interpolation": return MustacheLambda { "world" }
        case "Interpolation - Expansion": return MustacheLambda { "{{planet}}" }
        case "Interpolation - Alternate Delimiters": return MustacheLambda { "|planet| => {{planet}}" }
        case "Interpolation - Multiple Calls":
            let counter = Counter()
            return MustacheLambda { .int(counter.next()) }
        case "Escaping": return MustacheLambda { ">" }
        case "Section": return MustacheLambda(section: { $0 == "{{x}}" ? "yes" : "no" })
        case "Section - Expansion": return MustacheLambda(section: { .string($0 + "{{planet}}" + $0) })
        case "Section - Alternate Delimiters": return MustacheLambda(section: { .string($0 + "{{planet}} => |planet|" + $0) })
        case "Section - Multiple Calls": return MustacheLambda(section: { .string("__" + $0 + "__") })
        case "Inverted Section": return MustacheLambda(section: { _ in false })
        default: return nil
        }
    }

    static func replacingCode(in value: MustacheValue, test: String) -> MustacheValue {
        switch value {
        case .object(let o):
            if case .string("code")? = o["__tag__"] {
                if let l = lambda(for: test) { return .lambda(l) }
                return .null
            }
            return .object(o.mapValues { replacingCode(in: $0, test: test) })
        case .array(let a):
            return .array(a.map { replacingCode(in: $0, test: test) })
        default:
            return value
        }
    }
}
