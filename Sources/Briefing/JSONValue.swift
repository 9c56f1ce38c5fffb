/// A minimal JSON tree with a deterministic serializer: keys sorted, numbers rounded to
/// three decimals, `/` not escaped. Foundation's encoder is avoided for byte stability and speed.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    /// Appends the serialization to `out`: a large document (the search index) is written
    /// straight into the page's string instead of being built apart and copied in.
    public func serialize(into out: inout String, pretty: Bool = false) {
        write(into: &out, pretty: pretty, indent: 0)
    }

    /// Appends `items` as a compact JSON array (as `serialized()` writes one), making and
    /// writing one element at a time: a large array (the search index's documents) is never
    /// held whole as a tree.
    public static func writeArray<S: Sequence>(_ items: S, into out: inout String, element: (S.Element) -> JSONValue) {
        out += "["
        var first = true
        for item in items {
            if !first { out += "," }
            first = false
            element(item).write(into: &out, pretty: false, indent: 1)
        }
        out += "]"
    }

    func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += JSONValue.format(n)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{"
            for (i, key) in fields.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                JSONValue.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                fields[key]!.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    /// Three decimals, shortest form, no negative zero; integers without a fraction.
    public static func format(_ n: Double) -> String {
        guard n.isFinite else { return "0" }
        let r = (n * 1000).rounded() / 1000
        if r == 0 { return "0" }
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        return String(r)
    }

    public static func writeString(_ s: String, into out: inout String) {
        // Runs of bytes that need no escape are copied whole: API pages and feeds write every
        // brief's text through here, and a scalar-at-a-time append showed up in profiles.
        out += "\""
        let utf8 = s.utf8
        var runStart = utf8.startIndex
        var i = runStart
        while i != utf8.endIndex {
            let b = utf8[i]
            var escape: String? = nil
            var width = 1
            if b < 0x20 || b == 0x22 || b == 0x5C {
                switch b {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                default:
                    let hex = String(b, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            } else if b == 0xE2 {
                // U+2028 and U+2029 (E2 80 A8/A9): valid JSON, but they end a line in JavaScript.
                let j = utf8.index(after: i)
                if j != utf8.endIndex, utf8[j] == 0x80 {
                    let k = utf8.index(after: j)
                    if k != utf8.endIndex, utf8[k] == 0xA8 || utf8[k] == 0xA9 {
                        escape = utf8[k] == 0xA8 ? "\\u2028" : "\\u2029"
                        width = 3
                    }
                }
            }
            if let escape {
                out += s[runStart..<i]
                out += escape
                i = utf8.index(i, offsetBy: width)
                runStart = i
            } else {
                i = utf8.index(after: i)
            }
        }
        out += s[runStart..<utf8.endIndex]
        out += "\""
    }
}
