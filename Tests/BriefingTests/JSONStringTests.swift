import Testing
@testable import Briefing

/// `JSONValue.writeString` copies runs of plain bytes; it must escape exactly as the plain
/// scalar-by-scalar definition below does, on any text.
struct JSONStringTests {
    static func reference(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    @Test func escapesLikeTheScalarDefinition() {
        let pieces = ["a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}",
                      "\u{2027}", "\u{202A}", "€", "–", "é", "e\u{301}", "📈", "🇨🇳", "</script>", "\u{0}", "‚", "₂"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            var out = ""
            JSONValue.writeString(s, into: &out)
            #expect(out == Self.reference(s), "\(Array(s.unicodeScalars))")
        }
    }
}
