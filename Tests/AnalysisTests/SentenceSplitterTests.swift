import Testing
@testable import Analysis

/// The splitter decides what a key point and a sentence score are, so each case here is one a
/// reader would notice: a sentence cut in half, or two glued together.
@Suite struct SentenceSplitterTests {
    func texts(_ s: String) -> [String] { SentenceSplitter.split(s).map(\.text) }

    @Test func plainSentencesSplit() {
        #expect(texts("Sales rose. Profit fell! Why? Nobody knows.") == ["Sales rose.", "Profit fell!", "Why?", "Nobody knows."])
    }

    @Test func abbreviationsThatNeverEndASentence() {
        #expect(texts("Mr. Smith met Dr. Jones. They talked about No. 1 vs. No. 2 rankings.") ==
                ["Mr. Smith met Dr. Jones.", "They talked about No. 1 vs. No. 2 rankings."])
        #expect(texts("Costs, e.g. Freight, rose. Margins fell.") == ["Costs, e.g. Freight, rose.", "Margins fell."])
    }

    @Test func companySuffixesAndCountriesStayInsideTheSentence() {
        #expect(texts("Apple Inc. Chief Executive Tim Cook spoke in the U.S. Senate today.") ==
                ["Apple Inc. Chief Executive Tim Cook spoke in the U.S. Senate today."])
        #expect(texts("Nokia Corp. and Acme Co. Ltd. signed a deal with U.K. Regulators.") ==
                ["Nokia Corp. and Acme Co. Ltd. signed a deal with U.K. Regulators."])
    }

    @Test func companySuffixesEndASentenceBeforeATypicalOpener() {
        #expect(texts("The stake was sold to Acme Inc. The deal closed in the U.S. It took a year.") ==
                ["The stake was sold to Acme Inc.", "The deal closed in the U.S.", "It took a year."])
    }

    @Test func monthAbbreviationsBeforeDaysDoNotSplit() {
        #expect(texts("The results are due on Jan. 15 and the call on Feb. 2. Shares were flat.") ==
                ["The results are due on Jan. 15 and the call on Feb. 2.", "Shares were flat."])
    }

    @Test func decimalsAndAmountsAreNotBoundaries() {
        #expect(texts("Revenue rose to $4.2bn from EUR 1.2 mn. The dividend is 0.20 per share.") ==
                ["Revenue rose to $4.2bn from EUR 1.2 mn.", "The dividend is 0.20 per share."])
        #expect(texts("Demand may rise 15–30% by 2026. Amazon.com agreed.") == ["Demand may rise 15–30% by 2026.", "Amazon.com agreed."])
    }

    @Test func sentenceEndingInAnAmountSplits() {
        #expect(texts("Net sales reached EUR 167.8 m. Teleste said the rest came from acquisitions.") ==
                ["Net sales reached EUR 167.8 m.", "Teleste said the rest came from acquisitions."])
    }

    @Test func initialsAndDottedNamesStayWhole() {
        #expect(texts("J.P. Morgan raised its target. John D. Rockefeller would approve.") ==
                ["J.P. Morgan raised its target.", "John D. Rockefeller would approve."])
    }

    @Test func tickersAndExchangePrefixes() {
        #expect(texts("Baidu (NASDAQ: BIDU) rose 3%. Afarak (HEL: AFE1V) fell. $AAPL gained.") ==
                ["Baidu (NASDAQ: BIDU) rose 3%.", "Afarak (HEL: AFE1V) fell.", "$AAPL gained."])
    }

    @Test func quotesStayWithTheirAttribution() {
        #expect(texts("\"We grew. We hired,\" he said. Shares rose.") == ["\"We grew. We hired,\" he said.", "Shares rose."])
        #expect(texts("He said: “Demand is strong.” The stock rose.") == ["He said: “Demand is strong.”", "The stock rose."])
    }

    @Test func bracketsKeepTheirContents() {
        #expect(texts("Profit rose (see note 4. Restated figures) to EUR 5m. Sales fell.") ==
                ["Profit rose (see note 4. Restated figures) to EUR 5m.", "Sales fell."])
    }

    @Test func lowerCaseContinuationIsNotABoundary() {
        #expect(texts("The plant makes approx. five tonnes a day.") == ["The plant makes approx. five tonnes a day."])
    }

    @Test func ellipsisAndRepeatedMarks() {
        #expect(texts("Shares fell... Then they rose?! Odd.") == ["Shares fell...", "Then they rose?!", "Odd."])
    }

    @Test func newlinesAreHardBoundariesAndBlankLinesAreSkipped() {
        let s = SentenceSplitter.split("First para, no stop\n\n  Second para. Two sentences.\n")
        #expect(s.map(\.text) == ["First para, no stop", "Second para.", "Two sentences."])
        #expect(s.map(\.paragraph) == [0, 1, 1])
        #expect(s.map(\.index) == [0, 1, 2])
    }

    @Test func bulletsAndHeadingsLoseTheirMarkers() {
        let s = SentenceSplitter.split("## Key Risks Ahead\n- Margins may compress. Costs rise.\n* Second point\n1. Numbered item\nQuarterly Results Summary\n2.5 million units shipped.")
        #expect(s.map(\.text) == ["Key Risks Ahead", "Margins may compress.", "Costs rise.", "Second point", "Numbered item",
                                  "Quarterly Results Summary", "2.5 million units shipped."])
        #expect(s.map(\.kind) == [.heading, .bullet, .bullet, .bullet, .bullet, .heading, .sentence])
    }

    /// BBC-style long quotes reopen at each sentence; amounts in "bn" end sentences. Both were
    /// glued to the next sentence and surfaced as two-sentence key points.
    @Test func reopenedQuotesAndAmountsEndSentences() {
        #expect(texts("Mr Walton said: \"It has been phenomenal. \"Every week footfall has grown.\"") ==
                ["Mr Walton said: \"It has been phenomenal.", "\"Every week footfall has grown.\""])
        #expect(texts("The deal is worth $17bn. Directors have approved it.") ==
                ["The deal is worth $17bn.", "Directors have approved it."])
        #expect(texts("It has net assets of $96bn. \"This deal uses capital,\" said an analyst.") ==
                ["It has net assets of $96bn.", "\"This deal uses capital,\" said an analyst."])
        #expect(texts("\"We grew. That is all,\" he said.") == ["\"We grew. That is all,\" he said."])
    }
}
