import Testing
@testable import Analysis

/// The key figures a reader sees beside the key points: the number and what it measures.
@Suite struct KeyFiguresTests {
    func figures(_ text: String, limit: Int = 5) -> [KeyFigure] {
        KeyFigures.extract(from: SentenceSplitter.split(text), keyPoints: [], limit: limit)
    }
    func pairs(_ text: String) -> [String] { figures(text).map { "\($0.figure) | \($0.context)" } }

    @Test func seedFiguresComeWithTheirNounPhrases() {
        let p = pairs(ArticleAnalysisTests.seed)
        #expect(p.contains("12–24 month | runway"))
        #expect(p.contains("15–30% | incremental capacity demand"))
        #expect(p.contains("3–9 month | catalysts"))
        // "over 2–3 years" is a duration with nothing after it: not a figure worth listing.
        #expect(!p.contains { $0.hasPrefix("2–3") })
    }

    @Test func amountsSkipABracketedConversion() {
        #expect(pairs("Shell has signed a $6bn (£3.12bn) deal with Qatar to supply gas.") == ["$6bn | deal"])
        #expect(pairs("Alibaba priced $5 billion of convertible bonds overnight.") == ["$5 billion | of convertible bonds overnight"])
        #expect(pairs("Microsoft won a $9.1 billion, seven-year contract from the Pentagon.") == ["$9.1 billion | seven-year contract"])
    }

    @Test func countsNeedANounAndSize() {
        #expect(pairs("Up to 2,500 jobs are to go at the insurance broker.") == ["2,500 | jobs"])
        #expect(pairs("Tesla is recalling 386,412 Model Y vehicles in the US.") == ["386,412 | Model Y vehicles"])
        #expect(pairs("Two patients and 3 doctors were there.").isEmpty)
    }

    @Test func yearsDatesTimesAndModelNamesAreNotFigures() {
        #expect(pairs("The plan runs to 2030 and results are due on Nov. 26 at 1900 GMT.").isEmpty)
        #expect(pairs("Pfizer stopped a Phase 3 trial and Tesla cut the Model 3 price.").isEmpty)
        #expect(pairs("The airline ordered 787-9 Dreamliners and the iPhone 18 sold well.").isEmpty)
    }

    @Test func withoutAFollowingNounThePhraseBeforeExplainsIt() {
        #expect(pairs("Total revenue fell 2% from a year earlier.") == ["2% | Total revenue fell"])
        #expect(pairs("The bank declared a quarterly common dividend of $1.60 a share.") == ["$1.60 | quarterly common dividend"])
        #expect(pairs("The bank said card charge-offs would be about 3.4% for the year.") == ["3.4% | card charge-offs"])
    }

    @Test func rangesKeepBothEnds() {
        #expect(pairs("Capital spending will be $28 billion to $30 billion in capital projects.").first?.hasPrefix("$28 billion to $30 billion") == true)
        #expect(pairs("Revenue guidance of 27.6 billion to 28.7 billion yuan was in line.").first?.hasPrefix("27.6 billion to 28.7 billion yuan") == true)
        // "from X to Y" is a change, not a range.
        #expect(!pairs("Its forecast was cut from $13.3 billion to $12.6 billion.").contains { $0.contains(" to $12.6") })
    }

    @Test func figuresInKeyPointsComeFirstAndOrderFollowsTheArticle() {
        let text = """
        Sales rose 5% to 80,600 cars in the quarter.
        The company hired 1,200 engineers for its new plant.
        Its profit margin widened to 9.5% on cheaper batteries.
        """
        let sentences = SentenceSplitter.split(text)
        let chosen = [KeyPoint(text: sentences[2].text, sentiment: Sentiment(score: 0), sentenceIndex: 2)]
        let two = KeyFigures.extract(from: sentences, keyPoints: chosen, limit: 2)
        #expect(two.count == 2)
        #expect(two.last?.figure == "9.5%")
        let all = KeyFigures.extract(from: sentences, keyPoints: chosen)
        #expect(all.map(\.figure) == ["5%", "80,600", "1,200", "9.5%"])
    }

    @Test func furnitureFiguresAreIgnored() {
        #expect(pairs("Sentiment Score\n0.20\nOverall Sentiment 0.20 of 100 readers").isEmpty)
    }

    // The cases below pin what the byte-level rules read, each the way the scalar rules read it.

    @Test func rangesAndSpansOfTime() {
        #expect(pairs("Capacity demand should rise 15–30% next year.") == ["15–30% | Capacity demand should rise"])
        #expect(pairs("The start-up has a 12–24 month runway.") == ["12–24 month | runway"])
        #expect(pairs("The Treasury sold a 10-year bond on Tuesday.") == ["10-year | bond"])
        #expect(pairs("Capital spending will be $28 billion to $30 billion in capital projects.")
                == ["$28 billion to $30 billion | Capital spending"])
    }

    @Test func namesAndYearsAreSkippedButTheRestOfTheSentenceIsRead() {
        #expect(pairs("Tesla cut the Model 3 price by 1,000 dollars.") == ["1,000 dollars | price"])
        #expect(pairs("Boeing raised 737 MAX production to 38 jets a month.") == ["38 | jets"])
        #expect(pairs("The company was founded in 1998 and sold 2024 units in 2025.").isEmpty)
    }

    @Test func aCommaAfterACountEndsNothingAfterAnArticle() {
        #expect(pairs("Microsoft won a 15, seven-year contracts.") == ["15 | seven-year contracts"])
    }

    @Test func nonASCIITextAroundFigures() {
        // Currency signs of two and three bytes, and a code before one: "HK$".
        #expect(pairs("Zürich-based UBS set aside €2.5bn for legal costs.") == ["€2.5bn | Zürich-based UBS set aside"])
        #expect(pairs("The HK$12.8 billion bond priced at 450 basis points over Treasuries.")
                == ["HK$12.8 billion | bond", "450 basis points | bond priced"])
        // Accented letters and a typographic apostrophe inside the phrase words.
        #expect(pairs("Nestlé’s organic growth was 7.5 per cent in Q3.") == ["7.5 per cent | Nestlé’s organic growth"])
        #expect(pairs("Profit at Société Générale fell 2%.") == ["2% | Société Générale fell"])
        #expect(pairs("The café chain plans 150 new stores.") == ["150 | new stores"])
        #expect(pairs("Le chiffre d’affaires a progressé de 12 % à 5,3 milliards d’euros.") == ["5,3 | milliards d’euros"])
        // U+212A KELVIN SIGN lower-cases to "k": a glued thousand, as `String.lowercased()` says.
        #expect(pairs("Sales rose 5\u{212A} units, and 40\u{212A} of new orders.") == ["5\u{212A} | units", "40\u{212A} | of new orders"])
    }
}
