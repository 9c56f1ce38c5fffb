import Testing
@testable import Analysis

@Suite struct TickerTests {
    func symbols(_ title: String, _ text: String, declared: [String] = [], extra: [String: String] = [:]) -> [String] {
        Analyzer(options: AnalysisOptions(extraAliases: extra)).analyze(AnalysisInput(title: title, text: text, declaredTickers: declared)).tickers.map(\.symbol)
    }

    @Test func cashtagsAndExchangePrefixes() {
        let found = Set(symbols("", "$BIDU jumped. Apple (NASDAQ: AAPL) rose. Afarak (HEL: AFE1V) fell. Okmetic Oyj ( OMX Helsinki : OKM1V ) reported."))
        #expect(found == ["BIDU", "AAPL", "AFE1V", "OKM1V"])
    }

    @Test func dollarAmountsAreNotCashtags() {
        #expect(symbols("", "Revenue was $4.2bn and $B is not a symbol either way.").contains("4") == false)
    }

    @Test func companyNamesThroughTheAliasTable() {
        #expect(Set(symbols("", "Baidu's cloud unit grew while Goldman Sachs cut its target on Alibaba.")) == ["BIDU", "GS", "BABA"])
    }

    @Test func namesAreCaseSensitive() {
        #expect(symbols("", "He ate an apple and read about amazon rainforests.").isEmpty)
    }

    @Test func usersAddAliases() {
        #expect(symbols("", "Afarak Group said sales rose.", extra: ["Afarak Group": "afe1v"]) == ["AFE1V"])
    }

    @Test func relevanceFavoursTheTitleAndFrequentMentions() {
        let a = Analyzer().analyze(AnalysisInput(
            title: "Baidu profit beats estimates",
            text: "Baidu said revenue rose 12%. Baidu raised its outlook. Shares of Alibaba were flat. Baidu plans more AI spending."))
        #expect(a.tickers.map(\.symbol) == ["BIDU", "BABA"])
        #expect(a.tickers[0].relevance > a.tickers[1].relevance)
        #expect(a.tickers.allSatisfy { $0.relevance >= 0 && $0.relevance <= 1 })
    }

    @Test func tickerSentimentComesFromItsOwnSentences() {
        let a = Analyzer().analyze(AnalysisInput(
            title: "",
            text: "Alibaba shares plunged after revenue missed estimates. Baidu net profit rose 40% and beat forecasts."))
        let byName = Dictionary(uniqueKeysWithValues: a.tickers.map { ($0.symbol, $0.sentiment) })
        #expect(byName["BABA"]!.score < -0.15)
        #expect(byName["BIDU"]!.score > 0.15)
    }

    @Test func declaredTickersWithoutMentionsTakeTheArticleScore() {
        let a = Analyzer().analyze(AnalysisInput(title: "", text: "Net sales rose 20 percent.", declaredTickers: ["xyz"]))
        #expect(a.tickers.map(\.symbol) == ["XYZ"])
        #expect(a.tickers[0].sentiment == a.sentiment)
    }
}
