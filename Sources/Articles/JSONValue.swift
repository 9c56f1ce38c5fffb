/// A JSON value that remembers where it was written, so a message can name the line of the
/// array element or field that is wrong. Foundation's parsers keep no positions.
indirect enum JSONValue {
    case object([(key: String, value: JSONNode)])
    case array([JSONNode])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    var kindName: String {
        switch self {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "text"
        case .number: return "a number"
        case .bool: return "true/false"
        case .null: return "null"
        }
    }
}

struct JSONNode {
    var value: JSONValue
    /// Byte offset of the value's first byte.
    var offset: Int

    subscript(key: String) -> JSONNode? {
        if case .object(let members) = value { return members.first { $0.key == key }?.value }
        return nil
    }
}

/// A strict JSON reader (RFC 8259) over UTF-8 bytes with errors that say where and what.
struct JSONReader {
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    private let b: [UInt8]
    private var i = 0
    private var depth = 0
    static let maxDepth = 256

    init(_ bytes: [UInt8]) { b = bytes }

    static func parse(_ bytes: [UInt8]) -> Result<JSONNode, Failure> {
        var r = JSONReader(bytes)
        do {
            r.skipSpace()
            let v = try r.value()
            r.skipSpace()
            if r.i < bytes.count {
                throw Failure(offset: r.i, message: "unexpected \(r.describe(r.i)) after the end of the JSON value; a file holds one value — wrap several articles in [ … ] separated by commas")
            }
            return .success(v)
        } catch let f as Failure {
            return .failure(f)
        } catch {
            return .failure(Failure(offset: 0, message: "\(error)"))
        }
    }

    private func describe(_ k: Int) -> String {
        guard k < b.count else { return "end of file" }
        let c = b[k]
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x\(TextDecoding.hex(c))"
    }

    private mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
    }

    private func truncated(_ what: String, opened: Int) -> Failure {
        Failure(offset: b.count, message: "the JSON ends before \(what) opened at \(JSONReader.position(opened, in: b)) is closed; the file looks truncated — restore its end")
    }

    private mutating func value() throws -> JSONNode {
        guard i < b.count else { throw Failure(offset: i, message: "the JSON ends where a value was expected; the file looks truncated — restore its end") }
        let start = i
        switch b[i] {
        case 0x7B: return JSONNode(value: try object(), offset: start)
        case 0x5B: return JSONNode(value: try array(), offset: start)
        case 0x22: return JSONNode(value: .string(try string()), offset: start)
        case 0x74: try literal("true"); return JSONNode(value: .bool(true), offset: start)
        case 0x66: try literal("false"); return JSONNode(value: .bool(false), offset: start)
        case 0x6E: try literal("null"); return JSONNode(value: .null, offset: start)
        case 0x2D, 0x30...0x39: return JSONNode(value: .number(try number()), offset: start)
        case 0x27: throw Failure(offset: i, message: "JSON text needs double quotes, found a single quote; replace ' with \"")
        case 0x5D, 0x7D: throw Failure(offset: i, message: "expected a value but found \(describe(i)); remove the trailing comma before it")
        default: throw Failure(offset: i, message: "expected a value but found \(describe(i)); text must be in double quotes")
        }
    }

    private mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        let n = w.count
        guard i + n <= b.count, b[i..<(i + n)].elementsEqual(w) else {
            throw Failure(offset: i, message: "expected a value but found \(describe(i)); text must be in double quotes")
        }
        i += n
    }

    private mutating func enter(_ what: String) throws {
        depth += 1
        if depth > JSONReader.maxDepth { throw Failure(offset: i, message: "\(what)s nested more than \(JSONReader.maxDepth) deep; an article never needs that") }
    }

    private mutating func object() throws -> JSONValue {
        let open = i
        try enter("object")
        defer { depth -= 1 }
        i += 1
        var members: [(key: String, value: JSONNode)] = []
        skipSpace()
        if i < b.count, b[i] == 0x7D { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < b.count else { throw truncated("the object", opened: open) }
            guard b[i] == 0x22 else {
                if b[i] == 0x7D { throw Failure(offset: i, message: "trailing comma before '}'; remove it") }
                throw Failure(offset: i, message: "expected a field name in double quotes but found \(describe(i))")
            }
            let key = try string()
            skipSpace()
            guard i < b.count else { throw truncated("the object", opened: open) }
            guard b[i] == 0x3A else { throw Failure(offset: i, message: "expected ':' after the field name \"\(key)\" but found \(describe(i))") }
            i += 1
            skipSpace()
            guard i < b.count else { throw truncated("the object", opened: open) }
            members.append((key, try value()))
            skipSpace()
            guard i < b.count else { throw truncated("the object", opened: open) }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { i += 1; return .object(members) }
            throw Failure(offset: i, message: "expected ',' or '}' after the value of \"\(key)\" but found \(describe(i)); a comma is probably missing")
        }
    }

    private mutating func array() throws -> JSONValue {
        let open = i
        try enter("list")
        defer { depth -= 1 }
        i += 1
        var items: [JSONNode] = []
        skipSpace()
        if i < b.count, b[i] == 0x5D { i += 1; return .array(items) }
        while true {
            skipSpace()
            guard i < b.count else { throw truncated("the list", opened: open) }
            items.append(try value())
            skipSpace()
            guard i < b.count else { throw truncated("the list", opened: open) }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x5D { i += 1; return .array(items) }
            throw Failure(offset: i, message: "expected ',' or ']' after a list element but found \(describe(i)); a comma is probably missing")
        }
    }

    private mutating func string() throws -> String {
        let open = i
        i += 1
        let start = i
        while i < b.count, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
        if i < b.count, b[i] == 0x22 {
            let s = String(decoding: b[start..<i], as: UTF8.self)
            i += 1
            return s
        }
        var out = Array(b[start..<i])
        while true {
            guard i < b.count else { throw truncated("the quoted text", opened: open) }
            let c = b[i]
            if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
            if c < 0x20 {
                if c == 0x0A { throw Failure(offset: i, message: "line break inside text that started at \(JSONReader.position(open, in: b)); close the quote, or write the break as \\n") }
                throw Failure(offset: i, message: "control character 0x\(TextDecoding.hex(c)) inside text; escape it as \\u00\(TextDecoding.hex(c))")
            }
            if c != 0x5C { out.append(c); i += 1; continue }
            guard i + 1 < b.count else { throw truncated("the quoted text", opened: open) }
            let e = b[i + 1]
            i += 2
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var v = try hex4()
                if v >= 0xD800 && v < 0xDC00 {
                    if i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
                        i += 2
                        let low = try hex4()
                        if low >= 0xDC00 && low < 0xE000 { v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00) } else { v = 0xFFFD }
                    } else { v = 0xFFFD }
                } else if v >= 0xDC00 && v < 0xE000 { v = 0xFFFD }
                TextDecoding.appendScalar(v, to: &out)
            default:
                throw Failure(offset: i - 2, message: "unknown escape \\\(Character(Unicode.Scalar(e))) inside text; write a backslash as \\\\")
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count else { throw Failure(offset: i, message: "\\u needs four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            if c >= 0x30 && c <= 0x39 { d = UInt32(c - 0x30) }
            else if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 { d = UInt32((c | 0x20) - 0x61 + 10) }
            else { throw Failure(offset: i, message: "\\u needs four hex digits, found \(describe(i))") }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private mutating func number() throws -> Double {
        let start = i
        if b[i] == 0x2D { i += 1 }
        func digits() -> Int { let s = i; while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }; return i - s }
        let intStart = i
        guard digits() > 0 else { throw Failure(offset: i, message: "'-' must be followed by digits") }
        if b[intStart] == 0x30 && i - intStart > 1 { throw Failure(offset: intStart, message: "numbers cannot start with 0; remove the leading zero or quote the value") }
        if i < b.count, b[i] == 0x2E { i += 1; guard digits() > 0 else { throw Failure(offset: i, message: "expected digits after the decimal point") } }
        if i < b.count, b[i] | 0x20 == 0x65 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard digits() > 0 else { throw Failure(offset: i, message: "expected digits in the exponent") }
        }
        return Double(String(decoding: b[start..<i], as: UTF8.self)) ?? 0
    }

    /// `line L, column C` of a byte offset (columns count characters, not bytes).
    static func position(_ offset: Int, in b: [UInt8]) -> String {
        let (l, c) = lineColumn(offset, in: b)
        return "line \(l), column \(c)"
    }

    static func lineColumn(_ offset: Int, in b: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0
        let end = min(offset, b.count)
        for k in 0..<end where b[k] == 0x0A { line += 1; lineStart = k + 1 }
        var col = 1
        for k in lineStart..<end where b[k] & 0xC0 != 0x80 { col += 1 }
        return (line, col)
    }
}

/// Byte offset → 1-based line, by binary search over line starts computed once per file.
struct LineIndex {
    private var starts: [Int] = [0]
    init(_ b: [UInt8]) {
        for k in 0..<b.count where b[k] == 0x0A { starts.append(k + 1) }
    }
    func line(of offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }
}
