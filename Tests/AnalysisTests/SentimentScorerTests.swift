import Testing
@testable import Analysis

/// Sentence-level rules, each on sentences written for the test (not taken from evaluation data).
@Suite struct SentimentScorerTests {
    let scorer = SentimentScorer()
    func label(_ s: String) -> SentimentLabel { scorer.score(s).sentiment.label }
    func polarity(_ s: String) -> Int {
        let v = scorer.score(s).sentiment.score
        return v >= 0.15 ? 1 : v <= -0.15 ? -1 : 0
    }

    @Test func directionTimesWhatMoves() {
        #expect(polarity("Quarterly revenue rose 8% to USD 3.1bn.") == 1)
        #expect(polarity("Operating costs rose 8% in the quarter.") == -1)
        #expect(polarity("Order intake decreased by 12 percent.") == -1)
        #expect(polarity("Administrative expenses decreased by 12 percent.") == 1)
        #expect(polarity("The bank cut its full-year forecast.") == -1)
        #expect(polarity("The retailer cut costs across its stores.") == 1)
        #expect(polarity("The group raised its dividend.") == 1)
    }

    @Test func lossNarrowedAndWidened() {
        #expect(polarity("The net loss narrowed to EUR 2 mn from EUR 9 mn.") == 1)
        #expect(polarity("The net loss widened to EUR 9 mn from EUR 2 mn.") == -1)
        #expect(polarity("The operating margin narrowed to 4 percent.") == -1)
    }

    @Test func upFromAndDownFrom() {
        #expect(polarity("Pre-tax profit was EUR 7.1 mn, up from EUR 5.0 mn a year earlier.") == 1)
        #expect(polarity("Pre-tax profit was EUR 5.0 mn, down from EUR 7.1 mn a year earlier.") == -1)
        #expect(polarity("Profit before taxes fell to EUR 3 mn.") == -1)
    }

    @Test func comparisonsWithoutADirectionWord() {
        #expect(polarity("Earnings per share were EUR 0.61 versus EUR 0.40.") == 1)
        #expect(polarity("Earnings per share were EUR 0.40 versus EUR 0.61.") == -1)
        #expect(polarity("The unit posted a net profit of EUR 3 mn compared to a net loss of EUR 1 mn.") == 1)
        #expect(polarity("The unit posted a net loss of EUR 3 mn compared to a net profit of EUR 1 mn.") == -1)
    }

    @Test func outcomes() {
        #expect(polarity("The shipyard swung to a net loss in the third quarter.") == -1)
        #expect(polarity("The carrier returned to profit last year.") == 1)
    }

    @Test func analystActions() {
        #expect(polarity("Broker upgrades the miner to Buy.") == 1)
        #expect(polarity("Bank cuts the retailer to Sell.") == -1)
        #expect(polarity("Analysts lowered the price target on the stock.") == -1)
        #expect(polarity("The chipmaker beat estimates for the quarter.") == 1)
        #expect(polarity("Quarterly revenue came in below expectations.") == -1)
    }

    @Test func negationFlipsWithinItsScope() {
        #expect(polarity("Sales did not improve in the period.") == -1)
        #expect(polarity("The company does not expect layoffs.") >= 0)
    }

    @Test func hedgesShrink() {
        let fact = scorer.score("Profit rose sharply.").sentiment.score
        let hedged = scorer.score("Profit could rise sharply.").sentiment.score
        #expect(hedged > 0 && hedged < fact)
        #expect(scorer.score("Profit could rise sharply.").certainty < 1)
    }

    @Test func contrastFavoursWhatFollowsBut() {
        #expect(polarity("Sales fell slightly, but operating profit jumped to a record.") == 1)
        #expect(polarity("Despite weaker demand, net sales increased.") == 1)
    }

    @Test func neutralFactsStayNeutral() {
        #expect(label("The company employs about 1,200 people in Finland.") == .neutral)
        #expect(label("The contract is worth EUR 25 mn.") == .neutral)
        #expect(label("The dividend record date is 14 March.") == .neutral)
        #expect(label("") == .neutral)
    }

    @Test func questionsAssertLittle() {
        #expect(abs(scorer.score("Should you worry about the stock?").sentiment.score) < 0.15)
    }

    @Test func signedMovesInHeadlines() {
        #expect(polarity("Retailer -6% after weak guidance") == -1)
        #expect(polarity("Chipmaker +4% after results") == 1)
    }

    @Test func evidenceQuotesTheText() {
        let r = scorer.score("Net sales decreased by 6.3 percent.")
        #expect(r.evidence.first?.phrase == "sales decreased")
        #expect((r.evidence.first?.contribution ?? 0) < 0)
    }

    @Test func scoresStayInRangeAndLabelsMatchTheScale() {
        let s = scorer.score("Record profit, record sales, record orders, surging demand and a strong outlook beat every estimate.")
        #expect(s.sentiment.score <= 1 && s.sentiment.score >= 0.35 && s.sentiment.label == .positive)
        #expect(SentimentLabel(score: 0.15) == .mildlyPositive && SentimentLabel(score: -0.35) == .negative)
    }

    @Test func fastPathAgreesWithFullScore() {
        for s in ["Operating profit rose to EUR 5 mn.", "Shares slumped 9%.", "The board met on Monday."] {
            #expect(scorer.scoreValue(s) == scorer.score(s).sentiment.score)
        }
    }
}
