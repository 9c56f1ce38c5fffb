import Testing
import Articles
@testable import Briefing

@Suite struct TickerHistoryTests {
    @Test func dayScoreWeighsEachArticleByTheTickersRelevanceThere() throws {
        // A passing mention (relevance 0.1, −0.9) moves the day much less than the story about
        // the company (relevance 0.9, +0.5): (0.9·0.5 + 0.1·−0.9) / 1.0 = 0.36.
        let model = SiteModel(briefs: [
            makeBrief("main", day: "2026-11-24", score: 0.4, tickers: [("ACME", 0.9, 0.5)]),
            makeBrief("roundup", day: "2026-11-24", score: -0.5, tickers: [("ACME", 0.1, -0.9)]),
        ])
        let acme = try #require(TickerHistories(model)["ACME"])
        #expect(acme.days.count == 1)
        #expect(acme.latest.articles == 2)
        #expect(abs(acme.latest.sentiment.score - 0.36) < 1e-9)
        #expect(acme.latest.sentiment.label == .positive)
        #expect(acme.trend == .new)
        #expect(acme.change == nil)
    }

    @Test func historyRunsOldestFirstAndMentionsNewestFirst() throws {
        let model = SiteModel(briefs: [
            makeBrief("b", day: "2026-11-23", score: 0.1, tickers: [("ACME", 1, -0.2)]),
            makeBrief("c", day: "2026-11-25", score: 0.1, tickers: [("ACME", 1, 0.3)]),
            makeBrief("a", day: "2026-11-20", score: 0.1, tickers: [("ACME", 1, 0.1)]),
        ])
        let acme = try #require(TickerHistories(model)["ACME"])
        #expect(acme.days.map(\.day.description) == ["2026-11-20", "2026-11-23", "2026-11-25"])
        #expect(acme.mentions.map(\.brief.slug) == ["c", "b", "a"])
        // Latest (+0.3) against the previous day it appeared (−0.2), not the calendar day before.
        #expect(abs(acme.change! - 0.5) < 1e-9)
        #expect(acme.trend == .up)
        #expect(acme.point(before: Day("2026-11-25")!)?.day.description == "2026-11-23")
        #expect(acme.point(before: Day("2026-11-21")!)?.day.description == "2026-11-20")
        #expect(acme.point(before: Day("2026-11-20")!) == nil)
        #expect(acme.point(on: Day("2026-11-24")!) == nil)
    }

    @Test func smallChangesReadAsSteady() {
        #expect(Trend(change: 0.049) == .steady)
        #expect(Trend(change: -0.049) == .steady)
        #expect(Trend(change: 0.05) == .up)
        #expect(Trend(change: -0.2) == .down)
        #expect(Trend(change: nil) == .new)
    }

    @Test func historiesAreSortedBySymbol() {
        let model = SiteModel(briefs: [
            makeBrief("x", day: "2026-11-24", score: 0, tickers: [("ZZZ", 1, 0), ("AAA", 1, 0), ("MMM", 1, 0)]),
        ])
        #expect(TickerHistories(model).all.map(\.symbol) == ["AAA", "MMM", "ZZZ"])
    }
}

@Suite struct MoversTests {
    static let model = SiteModel(briefs: [
        makeBrief("d1", day: "2026-11-20", score: 0, tickers: [("UP", 1, -0.4), ("DOWN", 1, 0.6), ("FLAT", 1, 0.2)]),
        makeBrief("d2", day: "2026-11-22", score: 0, tickers: [("UP", 1, 0.1), ("FLAT", 1, 0.22)]),
        makeBrief("d3", day: "2026-11-23", score: 0, tickers: [("DOWN", 1, -0.3), ("NEW", 1, 0.9), ("UP", 1, 0.2)]),
    ])

    func day(_ d: String) throws -> DayBriefing {
        try #require(Self.model.days.first { $0.day.description == d })
    }

    @Test func moversAreOrderedByTheSizeOfTheirChange() throws {
        let movers = Movers.on(try day("2026-11-23"), histories: TickerHistories(Self.model))
        // DOWN: +0.6 on the 20th → −0.3 (−0.9, against the last day it appeared);
        // UP: +0.1 → +0.2 (+0.1, against the 22nd, not the 20th). NEW has no earlier day.
        #expect(movers.map(\.symbol) == ["DOWN", "UP"])
        #expect(abs(movers[0].change + 0.9) < 1e-9)
        #expect(movers[0].previous.day.description == "2026-11-20")
        #expect(abs(movers[1].change - 0.1) < 1e-9)
    }

    @Test func changesBelowTheThresholdAreNotMovers() throws {
        // FLAT moved +0.02: noise. UP moved +0.5.
        #expect(Movers.on(try day("2026-11-22"), histories: TickerHistories(Self.model)).map(\.symbol) == ["UP"])
    }

    @Test func theFirstDayHasNoMovers() throws {
        #expect(Movers.on(try day("2026-11-20"), histories: TickerHistories(Self.model)).isEmpty)
    }

    @Test func limitKeepsTheBiggest() throws {
        #expect(Movers.on(try day("2026-11-23"), histories: TickerHistories(Self.model), limit: 1).map(\.symbol) == ["DOWN"])
    }
}

@Suite struct RelevanceTests {
    @Test func strongCompanyNewsLeadsTheDay() {
        let general = makeBrief("general", day: "2026-11-24", score: 0.5)
        let company = makeBrief("company", day: "2026-11-24", score: 0.5, tickers: [("ACME", 0.9, 0.5)])
        let mild = makeBrief("mild", day: "2026-11-24", score: 0.05, tickers: [("ACME", 0.9, 0.05)])
        let crash = makeBrief("crash", day: "2026-11-24", score: -0.8, tickers: [("ACME", 0.6, -0.8)])
        let day = DayBriefing(day: Day("2026-11-24")!, briefs: [mild, general, company, crash])
        // Strength counts for more than focus: a strong general piece beats a flat company note,
        // and of two equally strong articles the one about a company goes first.
        #expect(day.briefs.map(\.slug) == ["crash", "company", "general", "mild"])
        #expect(Relevance.score(crash) <= 1)
    }

    @Test func tiesFallBackToNewestThenTitle() {
        let a = makeBrief("alpha", day: "2026-11-24", score: 0.3)
        let b = makeBrief("beta", day: "2026-11-24", score: -0.3)
        let day = DayBriefing(day: Day("2026-11-24")!, briefs: [b, a])
        #expect(day.briefs.map(\.slug) == ["alpha", "beta"])
    }
}
