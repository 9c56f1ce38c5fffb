import Foundation

/// A date as written in an input: either a bare day or an instant (with the offset it was
/// written with, when it had one).
enum WrittenDate: Equatable {
    case day(Day)
    /// `offset` is nil when the text had no zone: then it was read in the configured zone.
    case instant(Date, offset: Int?)
}

/// Why a date string was refused, worded for the user.
struct DateProblem: Error, Equatable {
    var message: String
}

/// Reads the date forms inputs actually use, without `DateFormatter` (slow, and
/// locale-dependent) and without ever consulting the machine's zone.
enum Timestamps {
    static let utc = TimeZone(identifier: "UTC")!
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// Accepts `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM|±HH]`,
    /// Alpha Vantage `YYYYMMDDTHHMM[SS][Z]`, and RFC 2822 (`Tue, 24 Nov 2026 14:30:00 +0000`).
    /// A time without a zone is read in `zone`.
    static func parse(_ text: String, zone: TimeZone) -> Result<WrittenDate, DateProblem> {
        let shown = text.trimmingASCIISpaces
        let s = Array(shown.utf8)
        guard !s.isEmpty else { return .failure(DateProblem(message: "date is empty; write it as YYYY-MM-DD")) }
        var p = Scanner8(s)
        let unreadable = DateProblem(message: "'\(shown)' is not a date Bellwether can read; write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+01:00")

        if s.count >= 4, s[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard let year = p.digits(4) else { return .failure(unreadable) }
            let compact = p.peek != 0x2D
            if !compact { p.skip() }
            guard let month = p.digits(2) else { return .failure(unreadable) }
            if !compact { guard p.eat(0x2D) else { return .failure(unreadable) } }
            guard let dayNum = p.digits(2) else { return .failure(unreadable) }
            if let problem = checkDay(year: year, month: month, day: dayNum, shown: shown) { return .failure(problem) }
            let day = Day(year: year, month: month, day: dayNum)!
            if p.atEnd { return compact ? .failure(unreadable) : .success(.day(day)) }
            guard p.eat(0x54) || p.eat(0x74) || p.eat(0x20) else { return .failure(unreadable) }
            guard let hour = p.digits(2) else { return .failure(unreadable) }
            if !compact { guard p.eat(0x3A) else { return .failure(unreadable) } }
            guard let minute = p.digits(2) else { return .failure(unreadable) }
            var second = 0
            var fraction = 0.0
            if compact {
                if let sec = p.digits(2) { second = sec }
            } else if p.eat(0x3A) {
                guard let sec = p.digits(2) else { return .failure(unreadable) }
                second = sec
                if p.eat(0x2E) || p.eat(0x2C) {
                    var scale = 0.1
                    var any = false
                    while let d = p.digit() { fraction += Double(d) * scale; scale /= 10; any = true }
                    if !any { return .failure(unreadable) }
                }
            }
            guard hour <= 23, minute <= 59, second <= 60 else {
                return .failure(DateProblem(message: "'\(shown)' has an impossible time of day; hours go 00–23, minutes and seconds 00–59"))
            }
            _ = p.eat(0x20)
            let offset: Int?
            if p.atEnd { offset = nil }
            else if let o = p.zoneOffset() { offset = o }
            else { return .failure(unreadable) }
            guard p.atEnd else { return .failure(unreadable) }
            let local = Double(epochSeconds(year: year, month: month, day: dayNum, hour: hour, minute: minute, second: second)) + fraction
            if let offset {
                return .success(.instant(Date(timeIntervalSince1970: local - Double(offset)), offset: offset))
            }
            return .success(.instant(instant(fromLocal: local, in: zone), offset: nil))
        }
        return parseRFC2822(s, shown: shown, unreadable: unreadable)
    }

    /// `Tue, 24 Nov 2026 14:30:00 +0000` (RSS `pubDate`, some HTML meta tags).
    private static func parseRFC2822(_ s: [UInt8], shown: String, unreadable: DateProblem) -> Result<WrittenDate, DateProblem> {
        var p = Scanner8(s)
        if p.letters().count == 3 {
            guard p.eat(0x2C) else { return .failure(unreadable) }
            p.spaces()
        } else {
            p = Scanner8(s)
        }
        var dayDigits = 0
        var dayNum = 0
        while let d = p.digit() { dayNum = dayNum * 10 + d; dayDigits += 1 }
        guard dayDigits >= 1 && dayDigits <= 2 else { return .failure(unreadable) }
        p.spaces()
        let monthName = String(decoding: p.letters(), as: UTF8.self).lowercased()
        guard let month = monthNames.firstIndex(where: { $0.lowercased().hasPrefix(monthName) && monthName.count >= 3 }).map({ $0 + 1 }) else {
            return .failure(unreadable)
        }
        p.spaces()
        guard let year = p.digits(4) else { return .failure(unreadable) }
        if let problem = checkDay(year: year, month: month, day: dayNum, shown: shown) { return .failure(problem) }
        p.spaces()
        guard let hour = p.digits(2), p.eat(0x3A), let minute = p.digits(2) else { return .failure(unreadable) }
        var second = 0
        if p.eat(0x3A) { guard let sec = p.digits(2) else { return .failure(unreadable) }; second = sec }
        guard hour <= 23, minute <= 59, second <= 60 else {
            return .failure(DateProblem(message: "'\(shown)' has an impossible time of day; hours go 00–23, minutes and seconds 00–59"))
        }
        p.spaces()
        guard let offset = p.zoneOffset(), p.atEnd else { return .failure(unreadable) }
        let local = epochSeconds(year: year, month: month, day: dayNum, hour: hour, minute: minute, second: second)
        return .success(.instant(Date(timeIntervalSince1970: Double(local - offset)), offset: offset))
    }

    static func checkDay(year: Int, month: Int, day: Int, shown: String) -> DateProblem? {
        guard (1...12).contains(month) else {
            return DateProblem(message: "'\(shown)' has month \(month), which does not exist; months go 01–12 (YYYY-MM-DD)")
        }
        let n = Day.daysIn(month: month, year: year)
        guard (1...n).contains(day) else {
            return DateProblem(message: "'\(shown)' is not a real day: \(monthNames[month - 1]) \(year) has \(n) days; fix the date")
        }
        guard (1...9999).contains(year) else { return DateProblem(message: "'\(shown)' has year \(year); use a four-digit year") }
        return nil
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        daysFromCivil(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second
    }

    /// The calendar day of an instant as seen in `zone`.
    static func day(of date: Date, in zone: TimeZone) -> Day {
        let t = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let c = civilFromDays(days)
        return Day(year: c.year, month: c.month, day: c.day) ?? Day(year: 1970, month: 1, day: 1)!
    }

    /// The instant a wall-clock time (given as seconds since the epoch as if in UTC) names in
    /// `zone`. Two passes settle the offset across a daylight-saving change.
    static func instant(fromLocal local: Double, in zone: TimeZone) -> Date {
        let guess = Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local))))
        return Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: guess)))
    }
}

/// A tiny cursor over ASCII bytes for the date grammar.
struct Scanner8 {
    let s: [UInt8]
    var i = 0
    init(_ s: [UInt8]) { self.s = s }
    var atEnd: Bool { i >= s.count }
    var peek: UInt8? { i < s.count ? s[i] : nil }
    mutating func skip() { i += 1 }
    mutating func eat(_ c: UInt8) -> Bool { if peek == c { i += 1; return true }; return false }
    mutating func digit() -> Int? {
        guard let c = peek, c >= 0x30, c <= 0x39 else { return nil }
        i += 1
        return Int(c - 0x30)
    }
    mutating func digits(_ n: Int) -> Int? {
        let save = i
        var v = 0
        for _ in 0..<n { guard let d = digit() else { i = save; return nil }; v = v * 10 + d }
        return v
    }
    mutating func letters() -> ArraySlice<UInt8> {
        let start = i
        while let c = peek, (c | 0x20) >= 0x61, (c | 0x20) <= 0x7A { i += 1 }
        return s[start..<i]
    }
    mutating func spaces() { while peek == 0x20 { i += 1 } }
    /// `Z`, `UTC`, `GMT`, `±HH:MM`, `±HHMM`, `±HH`, in seconds east of UTC.
    mutating func zoneOffset() -> Int? {
        let save = i
        if eat(0x5A) || eat(0x7A) { return 0 }
        let word = String(decoding: letters(), as: UTF8.self).uppercased()
        if word == "UTC" || word == "GMT" || word == "UT" { return 0 }
        i = save
        let sign: Int
        if eat(0x2B) { sign = 1 } else if eat(0x2D) { sign = -1 } else { return nil }
        guard let h = digits(2), h <= 18 else { i = save; return nil }
        var m = 0
        if eat(0x3A) { guard let mm = digits(2) else { i = save; return nil }; m = mm }
        else if let mm = digits(2) { m = mm }
        guard m <= 59 else { i = save; return nil }
        return sign * (h * 3600 + m * 60)
    }
}
