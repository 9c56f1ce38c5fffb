import Foundation

/// A calendar day, `YYYY-MM-DD`, independent of any time zone once decided.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String { formatted(separator: UInt8(ascii: "-")) }

    /// `YYYY/MM/DD`, the day's folder in the site.
    public var pathComponent: String { formatted(separator: UInt8(ascii: "/")) }

    /// `YYYY?MM?DD` written digit by digit: every page path and date a build prints goes
    /// through here (tens of thousands of times), so no interpolation or Foundation search.
    private func formatted(separator: UInt8) -> String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            func digit(_ n: Int) -> UInt8 { UInt8(truncatingIfNeeded: 48 + n % 10) }
            buffer[0] = digit(year / 1000); buffer[1] = digit(year / 100); buffer[2] = digit(year / 10); buffer[3] = digit(year)
            buffer[4] = separator
            buffer[5] = digit(month / 10); buffer[6] = digit(month)
            buffer[7] = separator
            buffer[8] = digit(day / 10); buffer[9] = digit(day)
            return 10
        }
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = Day(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD day: \(s)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
