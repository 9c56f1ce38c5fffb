/// How doubles print in templates.
///
/// Swift's `description` already finds the shortest digits that read back as the same double,
/// but lays them out its own way (`100.0`, `1e-05`). Templates are mostly written against
/// JSON data, so we lay those digits out the way JavaScript's `Number#toString` does: no
/// ".0" on whole numbers, fixed notation between 1e-7 and 1e21, exponent notation outside.
/// The output is deterministic and platform-independent.
enum NumberFormatting {
    static func shortest(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return "0" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        let description = d.description
        // Fast path: without an exponent, Swift's shortest form is already JavaScript's
        // (whole numbers, which Swift writes with ".0", were handled above).
        if !description.utf8.contains(UInt8(ascii: "e")) { return description }

        var text = Substring(description)
        var negative = false
        if text.first == "-" { negative = true; text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...].filter { $0 != "+" }) ?? 0
            text = text[..<e]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = parts.first ?? ""
        let fracPart = parts.count > 1 ? parts[1] : ""
        var digits = Array(intPart.utf8) + Array(fracPart.utf8)
        var point = intPart.count + exponent
        while let f = digits.first, f == UInt8(ascii: "0") { digits.removeFirst(); point -= 1 }
        while let l = digits.last, l == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { return "0" }
        return (negative ? "-" : "") + layout(digits: digits, point: point)
    }

    /// ECMAScript Number::toString layout of `0.digits × 10^point`.
    private static func layout(digits: [UInt8], point n: Int) -> String {
        let k = digits.count
        let zero = UInt8(ascii: "0")
        var out: [UInt8] = []
        if k <= n && n <= 21 {
            out = digits + [UInt8](repeating: zero, count: n - k)
        } else if 0 < n && n <= 21 {
            out = Array(digits[..<n]) + [UInt8(ascii: ".")] + Array(digits[n...])
        } else if -6 < n && n <= 0 {
            out = [zero, UInt8(ascii: ".")] + [UInt8](repeating: zero, count: -n) + digits
        } else {
            let e = n - 1
            out = [digits[0]]
            if k > 1 { out += [UInt8(ascii: ".")] + digits[1...] }
            out += Array("e\(e < 0 ? "-" : "+")\(abs(e))".utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
