import Foundation

extension MustacheValue {
    /// Decodes JSON data (RFC 8259) into a value. Integral numbers become `.int` (so `85`
    /// renders as `85`), others `.double`. Errors name the line and column of the problem.
    ///
    /// We parse JSON ourselves because Foundation's decoders lose what templates need:
    /// `JSONSerialization` blurs booleans and numbers on Linux, and its errors carry no line.
    public init(json: Data, name: String = "JSON data") throws {
        var parser = JSONParser(bytes: Array(json), name: name)
        self = try parser.parseDocument()
    }

    /// Decodes JSON text; see `init(json:name:)`.
    public init(jsonString: String, name: String = "JSON data") throws {
        var parser = JSONParser(bytes: Array(jsonString.utf8), name: name)
        self = try parser.parseDocument()
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    let name: String
    var i = 0
    var depth = 0
    static let maxDepth = 512

    init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    func fail(_ message: String, at offset: Int? = nil) -> MustacheError {
        MustacheError(kind: .invalidJSON, message: message, templateName: name, source: bytes, offset: offset ?? i)
    }

    mutating func parseDocument() throws -> MustacheValue {
        // A UTF-8 byte order mark is tolerated.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipSpace()
        let v = try parseValue()
        skipSpace()
        if i < bytes.count { throw fail("unexpected text after the JSON value") }
        return v
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func parseValue() throws -> MustacheValue {
        guard i < bytes.count else { throw fail("unexpected end of data: a value is missing") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fail("unexpected character: expected a JSON value")
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard i + w.count <= bytes.count, bytes[i..<(i + w.count)].elementsEqual(w) else {
            throw fail("unexpected word: expected \(word)")
        }
        i += w.count
    }

    mutating func enter() throws {
        depth += 1
        if depth > JSONParser.maxDepth { throw fail("JSON nested more than \(JSONParser.maxDepth) levels deep") }
    }

    mutating func parseObject() throws -> MustacheValue {
        try enter()
        i += 1
        var object: [String: MustacheValue] = [:]
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(object) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key in double quotes") }
            let key = try parseString()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after the key") }
            i += 1
            skipSpace()
            object[key] = try parseValue()
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of data: '}' is missing") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw fail("expected ',' or '}' in the object")
        }
        depth -= 1
        return .object(object)
    }

    mutating func parseArray() throws -> MustacheValue {
        try enter()
        i += 1
        var items: [MustacheValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try parseValue())
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of data: ']' is missing") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            throw fail("expected ',' or ']' in the list")
        }
        depth -= 1
        return .array(items)
    }

    mutating func parseString() throws -> String {
        let start = i
        i += 1
        var out: [UInt8] = []
        var run = i
        while true {
            guard i < bytes.count else { throw fail("unterminated string", at: start) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: bytes[run..<i])
                i += 1
                break
            }
            if b < 0x20 { throw fail("control character in a string: write it as an escape such as \\n") }
            if b != UInt8(ascii: "\\") { i += 1; continue }
            out.append(contentsOf: bytes[run..<i])
            i += 1
            guard i < bytes.count else { throw fail("unterminated string", at: start) }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count,
                   bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let save = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = save
                    }
                }
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string", at: i - 2)
            }
            run = i
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 0x41 + 10)
            default: throw fail("invalid hex digit in a \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    mutating func parseNumber() throws -> MustacheValue {
        let start = i
        var integral = true
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits() -> Int {
            let s = i
            while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            return i - s
        }
        guard digits() > 0 else { throw fail("invalid number: digits expected", at: start) }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard digits() > 0 else { throw fail("invalid number: digits expected after '.'", at: start) }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            integral = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("invalid number: digits expected in the exponent", at: start) }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if integral, let n = Int(text) { return .int(n) }
        guard let d = Double(text) else { throw fail("invalid number", at: start) }
        return .double(d)
    }
}

extension MustacheValue {
    /// The value of an `Encodable` model, as its JSON form would decode: lets the site turn
    /// its model types into template data without a hand-written mapping. Pass an encoder
    /// configured for dates (e.g. `.iso8601`) when the model has any.
    public init<T: Encodable>(encoding value: T, using encoder: JSONEncoder = JSONEncoder()) throws {
        try self.init(json: encoder.encode(value), name: String(describing: T.self))
    }
}
