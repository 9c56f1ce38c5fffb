import Testing
import Foundation
@testable import Articles

@Suite("Dates and days")
struct DateTests {
    let body = "Markets were calm.\n"

    @Test func dayIsWrittenWithFourDigitYearAndTwoDigitMonthAndDay() {
        #expect(Day(year: 7, month: 3, day: 9)!.description == "0007-03-09")
        #expect(Day(year: 2026, month: 11, day: 24)!.pathComponent == "2026/11/24")
        #expect(Day(year: 9999, month: 12, day: 31)!.description == "9999-12-31")
        #expect(Day("2026-02-01")!.description == "2026-02-01")
    }

    @Test func frontMatterDateWinsOverFolder() throws {
        let a = try #require(parse("---\ndate: 2026-11-20\n---\n" + body, path: "2026-11-24/a.md").articles.first)
        #expect(a.day == Day("2026-11-20"))
        #expect(a.published == nil && a.publishedOffset == nil)
    }

    @Test func folderNameGivesTheDay() throws {
        #expect(parse(body, path: "2026-11-24/a.txt").articles.first?.day == Day("2026-11-24"))
        #expect(parse(body, path: "archive/2026/11/23/a.txt").articles.first?.day == Day("2026-11-23"))
        // The nearest dated folder counts.
        #expect(parse(body, path: "2026-11-01/late/2026-11-24/a.txt").articles.first?.day == Day("2026-11-24"))
    }

    @Test func fileNameGivesTheDayWhenTheFolderDoesNot() throws {
        #expect(parse(body, path: "inbox/2026-11-22-fed.txt").articles.first?.day == Day("2026-11-22"))
        #expect(parse(body, path: "inbox/fed_2026_11_21.txt").articles.first?.day == Day("2026-11-21"))
        #expect(parse(body, path: "inbox/wire-20261119-0042.txt").articles.first?.day == Day("2026-11-19"))
        // A long number is an id, not a date.
        #expect(parse(body, path: "inbox/story-1202611241.txt").articles.isEmpty)
    }

    @Test func noDateAnywhereIsAnErrorSayingHowToFixIt() throws {
        let r = parse(body, path: "inbox/story.txt")
        #expect(r.articles.isEmpty)
        let e = try #require(r.errors.first)
        #expect(e.line == 1)
        #expect(e.message.contains("no date"))
        #expect(e.message.contains("folder named YYYY-MM-DD"))
    }

    @Test func timeZoneDecidesTheDayOfATimestamp() throws {
        let md = "---\ndatetime: 2026-11-24T23:30:00-05:00\n---\n" + body
        let inUTC = try #require(parse(md, path: "a.md").articles.first)
        #expect(inUTC.day == Day("2026-11-25"))
        let inNY = try #require(parse(md, path: "a.md", options: LoadOptions(timeZone: TimeZone(identifier: "America/New_York")!)).articles.first)
        #expect(inNY.day == Day("2026-11-24"))
        // The instant and its original offset are kept whatever the zone.
        #expect(inUTC.published == utc(2026, 11, 25, 4, 30) && inNY.published == inUTC.published)
        #expect(inUTC.publishedOffset == -5 * 3600)
        let tokyo = try #require(parse(md, path: "a.md", options: LoadOptions(timeZone: TimeZone(identifier: "Asia/Tokyo")!)).articles.first)
        #expect(tokyo.day == Day("2026-11-25"))
    }

    @Test func timeWithoutOffsetIsReadInTheConfiguredZone() throws {
        let md = "---\ndate: 2026-07-01 08:00\n---\n" + body
        let a = try #require(parse(md, path: "a.md", options: LoadOptions(timeZone: TimeZone(identifier: "Europe/Paris")!)).articles.first)
        #expect(a.published == utc(2026, 7, 1, 6, 0))
        #expect(a.publishedOffset == nil)
        #expect(a.day == Day("2026-07-01"))
    }

    @Test(arguments: [
        ("2026-11-24", "2026-11-24"),
        ("2026-11-24T14:30:00Z", "2026-11-24T14:30:00Z"),
        ("2026-11-24T14:30:00.250+02:00", "2026-11-24T12:30:00Z"),
        ("2026-11-24 14:30", "2026-11-24T14:30:00Z"),
        ("2026-11-24T14:30:00+0530", "2026-11-24T09:00:00Z"),
        ("20261124T143000", "2026-11-24T14:30:00Z"),
        ("20261124T1430", "2026-11-24T14:30:00Z"),
        ("Tue, 24 Nov 2026 14:30:00 +0100", "2026-11-24T13:30:00Z"),
        ("24 Nov 2026 14:30 GMT", "2026-11-24T14:30:00Z"),
    ])
    func acceptedDateForms(_ input: String, _ expected: String) throws {
        let parsed = Timestamps.parse(input, zone: Timestamps.utc)
        switch try parsed.get() {
        case .day(let d): #expect(d.description == expected)
        case .instant(let date, _):
            let f = ISO8601DateFormatter()
            f.timeZone = Timestamps.utc
            #expect(f.string(from: date.addingTimeInterval(-date.timeIntervalSince1970.truncatingRemainder(dividingBy: 1))) == expected)
        }
    }

    @Test func impossibleDatesAreErrorsNamingTheLine() throws {
        let r = parse("---\ntitle: Leap\ndate: 2026-02-30\n---\n" + body, path: "a.md")
        #expect(r.articles.isEmpty)
        let e = try #require(r.errors.first)
        #expect(e.line == 3)
        #expect(e.message == "`date`: '2026-02-30' is not a real day: February 2026 has 28 days; fix the date")
        #expect(parse("---\ndate: 2028-02-29\n---\n" + body, path: "a.md").articles.first?.day == Day("2028-02-29"))
        let month = try #require(parse("---\ndate: 2026-13-01\n---\n" + body, path: "a.md").errors.first)
        #expect(month.message.contains("month 13"))
        let time = try #require(parse("---\ndate: 2026-11-24T25:00:00Z\n---\n" + body, path: "a.md").errors.first)
        #expect(time.message.contains("impossible time"))
        let words = try #require(parse("---\ndate: next Tuesday\n---\n" + body, path: "a.md").errors.first)
        #expect(words.message.contains("write it as YYYY-MM-DD"))
    }

    @Test func impossibleFolderDateIsAnError() throws {
        let r = parse(body, path: "2026-02-30/a.txt")
        #expect(r.articles.isEmpty)
        #expect(r.errors.first?.message.contains("folder name '2026-02-30'") == true)
        #expect(r.errors.first?.message.contains("February 2026 has 28 days") == true)
    }

    @Test func jsonDateErrorsNameTheElementLine() throws {
        let json = "[\n{\"title\": \"A\", \"date\": \"2026-11-24\", \"body\": \"x\"},\n{\"title\": \"B\",\n \"time_published\": \"20260230T100000\", \"body\": \"y\"}\n]"
        let r = parse(json, path: "f.json")
        #expect(r.articles.map(\.title) == ["A"])
        let e = try #require(r.errors.first)
        #expect(e.line == 4)
        #expect(e.message.hasPrefix("article 2: `time_published`: '20260230T100000' is not a real day"))
    }

    @Test func dayArithmeticRoundTrips() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let c = Timestamps.civilFromDays(days)
            #expect(Timestamps.daysFromCivil(year: c.year, month: c.month, day: c.day) == days)
        }
        #expect(Timestamps.day(of: utc(2026, 11, 24, 23, 59, 59), in: Timestamps.utc) == Day("2026-11-24"))
        #expect(Timestamps.day(of: Date(timeIntervalSince1970: -1), in: Timestamps.utc) == Day("1969-12-31"))
    }
}
