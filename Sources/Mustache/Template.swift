import Foundation

/// A parsed template: parse once, render many times, from any thread.
///
/// Parsing does all the work that depends only on the text (tags, standalone lines,
/// indentation, dotted names), so rendering only walks the tree. The tree is immutable and
/// each render keeps its own state, which makes concurrent renders safe without locks.
public struct Template: Sendable {
    let storage: TemplateStorage

    /// Parses `source`. `name` is used in error messages and for partial lookup; `format`
    /// decides how `{{x}}` escapes (by default, from the name: `day.html.mustache` → html).
    /// Throws `MustacheError` for malformed templates.
    public init(_ source: String, name: String, format: OutputFormat? = nil) throws {
        let format = format ?? OutputFormat(fileName: name)
        let bytes = Array(source.utf8)
        let nodes = try Parser.parse(bytes, name: name)
        storage = TemplateStorage(name: name, format: format, nodes: nodes, bytes: bytes)
    }

    /// The name given at creation (a file name, for templates loaded from a folder).
    public var name: String { storage.info.name }

    /// The output format, which decides escaping when this template is the one rendered.
    public var format: OutputFormat { storage.format }

    /// Renders with `value` as the root of the context stack. Partials render as nothing
    /// (use a `TemplateSet` to supply them). With `strict`, a name that resolves to nothing
    /// throws instead of rendering empty.
    public func render(_ value: MustacheValue, strict: Bool = false) throws -> String {
        try render(value, partials: nil, strict: strict)
    }

    func render(_ value: MustacheValue, partials: TemplateSet?, strict: Bool) throws -> String {
        var renderer = Renderer(root: self, value: value, library: partials, strict: strict)
        return try renderer.renderRoot(self)
    }
}

final class TemplateStorage: Sendable {
    let info: SourceInfo
    /// The size of the last output, so the next render allocates its buffer once.
    let sizeHint = SizeHint()
    let format: OutputFormat
    let nodes: [Node]
    /// The format extension written in the name (`md` in `page.md.mustache`), if it names
    /// this template's format: partials with the same extension are preferred.
    let formatExtension: String?

    init(name: String, format: OutputFormat, nodes: [Node], bytes: [UInt8]) {
        info = SourceInfo(name: name, bytes: bytes)
        self.format = format
        self.nodes = nodes
        var base = Substring(name)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if base.hasSuffix(".mustache") { base = base.dropLast(".mustache".count) }
        if let dot = base.lastIndex(of: "."), let ext = Optional(String(base[base.index(after: dot)...])),
           OutputFormat(extension: ext) == format {
            formatExtension = ext
        } else {
            formatExtension = nil
        }
    }
}

/// The output size of a template's latest render, shared by concurrent renders.
final class SizeHint: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = 0

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }

    func record(_ size: Int) {
        lock.lock()
        bytes = size + size / 8
        lock.unlock()
    }
}
