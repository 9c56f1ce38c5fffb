import Foundation

/// A folder's worth of templates and partials, parsed once and shared by every render.
///
/// Templates are keyed by their file name without `.mustache` (`day.html`, `card`,
/// `partials/card.md`). `{{> card}}` in a template rendered as format F resolves to the
/// first of `card.<F>`, `card`, `partials/card.<F>`, `partials/card` that exists, so one
/// folder can hold a partial per format next to a format-neutral one.
public struct TemplateSet: Sendable {
    private let templates: [String: Template]
    /// Templates that failed to parse, kept only when errors are deferred.
    private let broken: [String: MustacheError]

    /// Every `*.mustache` file under `directory` (subfolders included), read as UTF-8 and
    /// parsed. By default throws the first `MustacheError` (in name order) if a file cannot
    /// be read or parsed, so a broken template is reported before anything renders. With
    /// `deferringErrors`, broken templates are kept aside (see `errors`) and their error is
    /// thrown only when one is rendered or included, so one broken file does not stop the
    /// others (what `bellwether render` wants for a folder of drafts).
    public init(directory: URL, deferringErrors: Bool = false) throws {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MustacheError(kind: .unreadable, message: "template folder not found", templateName: directory.path)
        }
        var sources: [String: String] = [:]
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "mustache" { files.append(url.resolvingSymlinksInPath()) }
        }
        for url in files.sorted(by: { $0.path < $1.path }) {
            let relative = url.path.hasPrefix(prefix) ? String(url.path.dropFirst(prefix.count)) : url.lastPathComponent
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw MustacheError(kind: .unreadable, message: "cannot read the file", templateName: relative)
            }
            guard let text = String(validatingUTF8Data: data) else {
                throw MustacheError(kind: .unreadable, message: "the file is not valid UTF-8", templateName: relative)
            }
            sources[relative] = text
        }
        try self.init(sources: sources, deferringErrors: deferringErrors)
    }

    /// Templates from memory: name → source. A name may end in `.mustache` or not
    /// (`day.html` and `day.html.mustache` are the same template). This is how bundled
    /// templates merge with a user's overrides: merge the dictionaries, then build the set.
    public init(sources: [String: String], deferringErrors: Bool = false) throws {
        var templates: [String: Template] = [:]
        var broken: [String: MustacheError] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let key = TemplateSet.key(name)
            do {
                templates[key] = try Template(source, name: key + ".mustache")
            } catch let error as MustacheError where deferringErrors {
                broken[key] = error
            }
        }
        self.templates = templates
        self.broken = broken
    }

    /// Already parsed templates, keyed by their names.
    public init(templates: [Template]) {
        var all: [String: Template] = [:]
        for t in templates { all[TemplateSet.key(t.name)] = t }
        self.templates = all
        self.broken = [:]
    }

    static func key(_ name: String) -> String {
        name.hasSuffix(".mustache") ? String(name.dropLast(".mustache".count)) : name
    }

    /// The names of the templates in the set (without `.mustache`), sorted.
    public var names: [String] { templates.keys.sorted() }

    /// Parse errors of the templates set aside by `deferringErrors`, in name order.
    public var errors: [MustacheError] { broken.keys.sorted().compactMap { broken[$0] } }

    /// The template called `name` (with or without `.mustache`).
    public func template(named name: String) -> Template? {
        templates[TemplateSet.key(name)]
    }

    /// Renders the template called `templateName` with `value` as the root of the context.
    /// Escaping follows that template's format, also inside its partials. With `strict`, a
    /// name that resolves to nothing, or a missing partial, throws instead of rendering empty.
    public func render(_ templateName: String, _ value: MustacheValue, strict: Bool = false) throws -> String {
        if let error = broken[TemplateSet.key(templateName)] { throw error }
        guard let template = template(named: templateName) else {
            throw MustacheError(kind: .unknownTemplate(templateName),
                                message: "no template named '\(templateName)' (have: \(names.joined(separator: ", ")))",
                                templateName: templateName)
        }
        return try template.render(value, partials: self, strict: strict)
    }

    /// Renders `template` (which need not belong to the set) with this set's partials.
    public func render(_ template: Template, _ value: MustacheValue, strict: Bool = false) throws -> String {
        try template.render(value, partials: self, strict: strict)
    }

    /// The partial `{{> name}}` stands for, trying `name.<ext>` for each extension, then
    /// `name`, then the same under `partials/`. Throws the parse error of a broken match.
    func partial(named name: String, extensions: [String]) throws -> Template? {
        for base in [name, "partials/" + name] {
            for candidate in extensions.map({ base + "." + $0 }) + [base] {
                if let t = templates[candidate] { return t }
                if let error = broken[candidate] { throw error }
            }
        }
        return nil
    }
}

extension String {
    /// Decodes UTF-8, or `nil` if the bytes are not valid UTF-8 (rather than repairing them).
    init?(validatingUTF8Data data: Data) {
        let s = String(decoding: data, as: UTF8.self)
        guard s.utf8.elementsEqual(data) else { return nil }
        self = s
    }
}
