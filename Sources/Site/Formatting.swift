import Foundation
import Articles
import Analysis
import Briefing

/// How numbers, dates and times read on the pages. Pure functions, no locale, no local zone,
/// so the same inputs always give the same bytes.
enum Formatting {
    /// `+0.20`, `−0.41`, `0.00`: always a sign and two decimals, with a real minus sign.
    /// Cut toward zero, not rounded, so the shown figure never crosses a label threshold
    /// (0.149 shows as +0.14 beside "neutral", never as +0.15).
    static func score(_ value: Double) -> String {
        let hundredths = Int((value * 100 + (value >= 0 ? 1e-9 : -1e-9)).rounded(.towardZero))
        if hundredths == 0 { return "0.00" }
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        let text = "\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
        return (hundredths > 0 ? "+" : "−") + text
    }

    /// Relevance or any share in [0, 1] with two decimals.
    static func share(_ value: Double) -> String {
        let hundredths = Int((min(1, max(0, value)) * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    static let weekdays = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// `Tuesday, 24 November 2026`.
    static func longDate(_ day: Day) -> String {
        let n = daysSinceEpoch(day)
        let weekday = weekdays[((n % 7) + 7) % 7]
        return "\(weekday), \(day.day) \(months[day.month - 1]) \(day.year)"
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func daysSinceEpoch(_ d: Day) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// `14:30 UTC` (or the configured zone's abbreviation/offset) for a published instant.
    static func time(_ date: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let secs = ((local % 86400) + 86400) % 86400
        let hh = secs / 3600, mm = secs % 3600 / 60
        return "\(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm) \(zoneName(zone, offset: offset))"
    }

    static func zoneName(_ zone: TimeZone, offset: Int) -> String {
        if zone.identifier == "UTC" || zone.identifier == "GMT" { return "UTC" }
        let sign = offset < 0 ? "−" : "+"
        let a = abs(offset)
        let h = a / 3600, m = a % 3600 / 60
        return "UTC\(sign)\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// ISO 8601 in the configured zone, for `<time datetime>` and feeds.
    static func iso(_ date: Date, in zone: TimeZone) -> String {
        BriefDates.iso8601(date, offset: zone.secondsFromGMT(for: date))
    }
}
