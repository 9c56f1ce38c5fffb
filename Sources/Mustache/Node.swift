/// The parsed form of a template: a tree of nodes, built once and only read afterwards.
///
/// Big payloads live in final classes so a node is one pointer wide (arrays of nodes stay
/// compact) and rendering reads fields without copying. Everything is immutable, which is
/// what makes a `Template` safe to render from several threads at once.
enum Node: Sendable {
    /// Literal template text: a byte range of the template's source, so rendering it is a
    /// memory copy and costs no reference counting.
    case text(start: UInt32, count: UInt32)
    /// The start of a template line: where a standalone partial's indentation goes.
    /// Decided at parse time from the template text, never from rendered output.
    case lineStart
    case variable(VariableNode)
    case section(SectionNode)
    case partial(PartialNode)
    case parent(ParentNode)
    /// A block (`{{$name}}`) outside any parent tag: a slot the caller may override.
    case block(BlockNode)
}

/// The template a node came from, for error positions and lambda sources.
final class SourceInfo: Sendable {
    let name: String
    let bytes: [UInt8]
    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// A dotted name (`a.b.c`) split once at parse time, or the implicit iterator `.`.
final class Name: Sendable {
    let text: String
    let parts: [String]
    var isImplicit: Bool { parts.isEmpty }

    /// `nil` when `text` is not a valid name (empty parts such as `a..b`).
    init?(_ text: String) {
        self.text = text
        if text == "." {
            parts = []
            return
        }
        if !text.utf8.contains(UInt8(ascii: ".")) {
            parts = [text]
            return
        }
        let split = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if split.contains(where: \.isEmpty) { return nil }
        parts = split
    }
}

final class VariableNode: Sendable {
    let name: Name
    let escaped: Bool
    let offset: Int
    init(name: Name, escaped: Bool, offset: Int) {
        self.name = name
        self.escaped = escaped
        self.offset = offset
    }
}

/// The delimiters in force at a point of a template (`{{ }}` unless a `{{=<% %>=}}` changed
/// them); sections remember theirs because a section lambda's result is parsed with them.
struct Delimiters: Sendable, Equatable {
    var open: [UInt8]
    var close: [UInt8]
    static let standard = Delimiters(open: Array("{{".utf8), close: Array("}}".utf8))
}

final class SectionNode: Sendable {
    let name: Name
    let inverted: Bool
    let children: [Node]
    /// Byte range of the unrendered section body in the source, handed to section lambdas.
    let bodyStart: Int
    let bodyEnd: Int
    let delimiters: Delimiters
    let offset: Int
    let source: SourceInfo
    init(name: Name, inverted: Bool, children: [Node], bodyStart: Int, bodyEnd: Int,
         delimiters: Delimiters, offset: Int, source: SourceInfo) {
        self.name = name
        self.inverted = inverted
        self.children = children
        self.bodyStart = bodyStart
        self.bodyEnd = bodyEnd
        self.delimiters = delimiters
        self.offset = offset
        self.source = source
    }
    var rawBody: String { String(decoding: source.bytes[bodyStart..<bodyEnd], as: UTF8.self) }
}

/// The name of an included template: written in the tag, or looked up in the data (`*name`).
enum TemplateReference: Sendable {
    case fixed(String)
    case dynamic(Name)
}

/// How an included template's lines are indented.
///
/// The spec indents every line of a *standalone* partial by the whitespace before its tag;
/// an inline partial is not re-indented at all.
enum Indentation: Sendable {
    /// Inline tag: the included lines get no indentation.
    case none
    /// Standalone tag: current indentation plus these bytes, before every line.
    case standalone([UInt8])
}

final class PartialNode: Sendable {
    let reference: TemplateReference
    let indentation: Indentation
    let offset: Int
    init(reference: TemplateReference, indentation: Indentation, offset: Int) {
        self.reference = reference
        self.indentation = indentation
        self.offset = offset
    }
}

/// A block passed to a parent: `{{<parent}}{{$name}}content{{/name}}{{/parent}}`.
final class BlockArgument: Sendable {
    /// The content, already stripped of the block's own indentation ("intrinsic
    /// indentation") so it can take the indentation of the slot it fills.
    let children: [Node]
    let source: SourceInfo
    init(children: [Node], source: SourceInfo) {
        self.children = children
        self.source = source
    }
}

final class ParentNode: Sendable {
    let reference: TemplateReference
    let arguments: [String: BlockArgument]
    let indentation: Indentation
    let offset: Int
    init(reference: TemplateReference, arguments: [String: BlockArgument], indentation: Indentation, offset: Int) {
        self.reference = reference
        self.arguments = arguments
        self.indentation = indentation
        self.offset = offset
    }
}

/// Where a block slot sits on its line, which decides how an overriding argument is indented.
enum SlotPlacement: Sendable {
    /// The opening tag is standalone: every line of the argument gets this indentation (the
    /// leading whitespace of the line after the tag, i.e. the default content's indentation).
    case standalone([UInt8])
    /// The tag follows only whitespace on its line: that whitespace is already in the output,
    /// so the argument's later lines get it too.
    case inline([UInt8])
    /// The tag follows other text: the argument is not re-indented.
    case none
}

final class BlockNode: Sendable {
    let name: String
    let children: [Node]
    let placement: SlotPlacement
    init(name: String, children: [Node], placement: SlotPlacement) {
        self.name = name
        self.children = children
        self.placement = placement
    }
}
