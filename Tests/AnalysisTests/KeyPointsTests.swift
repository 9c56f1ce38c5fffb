import Testing
@testable import Analysis

/// What a reader of a briefing sees in the key points: the article's own sentences, the ones
/// that carry the story, in order, never page furniture, never the same thing twice.
@Suite struct KeyPointsTests {
    func keyPoints(_ text: String, title: String = "", count: Int = 3) -> [KeyPoint] {
        let sentences = SentenceSplitter.split(text)
        let sentiments = sentences.map { SentimentScorer().score($0.text).sentiment }
        return KeyPointSelector.select(title: title, sentences: sentences, sentiments: sentiments, count: count)
    }

    /// The seed is an analyst's note whose title is its own first sentence, cut short (how plain
    /// text without a headline gets its title). The points are its thesis, with the figures.
    @Test func seedArticleGetsItsThesisNotItsTitleAgain() {
        let title = "Zhang Yaqin, former Baidu president and head of Tsinghua's Institute of AI Industry Research, said…"
        let points = keyPoints(ArticleAnalysisTests.seed, title: title)
        let sentences = SentenceSplitter.split(ArticleAnalysisTests.seed).map(\.text)
        #expect(points.count == 3)
        #expect(points.allSatisfy { sentences.contains($0.text) })
        #expect(points.map(\.sentenceIndex) == points.map(\.sentenceIndex).sorted())
        #expect(!points.contains { $0.text.hasPrefix("Zhang Yaqin") })
        #expect(points.contains { $0.text.contains("12–24 month runway") && $0.tag == .outlook })
        // The writer signposts the risks; an analyst's three points include them.
        #expect(points.contains { $0.text.hasPrefix("Key risks are regulatory") && $0.tag == .risk })
    }

    @Test func onlyAnOpeningThatAnnouncesRisksIsASignpost() {
        for s in ["Key risks are regulatory and supply-side.", "The main risk is a slower recovery in China.",
                  "Risks include tighter export controls and a weaker yuan.", "The biggest risks to the outlook are tariffs."] {
            #expect(KeyPointRanker.signpostsRisk(s), "\(s)")
        }
        for s in ["Investors see key risks ahead.", "Risky bets paid off for the fund.", "The key question is demand.",
                  "Risk appetite returned to markets on Friday."] {
            #expect(!KeyPointRanker.signpostsRisk(s), "\(s)")
        }
    }

    @Test func leadingWordsAreTheFirstRunsOfLetters() {
        #expect(KeyPointRanker.leadingWords("“Key risks” — as ever — include $BIDU's 2.5% drop.", count: 4) == ["key", "risks", "as", "ever"])
        #expect(KeyPointRanker.leadingWords("  Über-risks, née Müller", count: 3) == ["Über", "risks", "née"])
        #expect(KeyPointRanker.leadingWords("12.5% — ", count: 2).isEmpty)
        #expect(KeyPointRanker.leadingWords("The main risk", count: 9) == ["the", "main", "risk"])
    }

    @Test func theQuickSignpostCheckAgreesWithTheRule() {
        let pieces = ["The", "the", "Key", "KEY", "main", "Risks", "risks", "risk", "include", "are", "to", "biggest",
                      "chief", "major", "principal", "“", "”", "—", "-", "2.5%", "$BIDU", "Über", "née", ",", "(", "x"]
        var state: UInt64 = 42
        for _ in 0..<5000 {
            var words: [String] = []
            for _ in 0..<6 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                words.append(pieces[Int(state >> 33) % pieces.count])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let sentence = words.joined(separator: state >> 63 == 0 ? " " : "")
            #expect(KeyPointRanker.signpostsRisk(sentence) == KeyPointRanker.signpostsRiskByWords(sentence), "\(sentence)")
        }
    }

    @Test func countIsRespected() {
        let text = ArticleAnalysisTests.seed
        #expect(keyPoints(text, count: 0).isEmpty)
        #expect(keyPoints(text, count: 1).count == 1)
        #expect(keyPoints(text, count: 5).count == 5)
        #expect(keyPoints("", count: 3).isEmpty)
    }

    /// Bylines, captions, marketing, disclaimers and the vendor's widget are on the page, but a
    /// reader must never see them as a key point, however many points are asked for.
    @Test func furnitureIsNeverAKeyPoint() {
        let text = """
        By Jane Doe and John Roe
        Photo: Workers at the Wolfsburg plant, March 2025. Getty Images
        Volkswagen cut its full-year delivery forecast on Tuesday after sales in China fell for a third quarter.
        The carmaker now expects deliveries to fall 3% this year, against an earlier forecast of flat sales.
        Sales in China dropped 12% in the third quarter as local rivals cut prices on electric models.
        Subscribe to our newsletter for the morning's top stories.
        This article is for informational purposes only and does not constitute investment advice.
        Volkswagen shares fell 4% in Frankfurt as investors weighed the weaker China outlook.
        AI-powered research, real-time alerts, and portfolio analytics for institutional investors.
        Request a DemoOverall Sentiment
        Reporting by Anna Lee; Editing by Mark Potter
        """
        let points = keyPoints(text, count: 20)
        #expect(points.count == 4)
        for p in points {
            #expect(!p.text.contains("Jane Doe") && !p.text.contains("Photo") && !p.text.contains("newsletter"))
            #expect(!p.text.contains("informational") && !p.text.contains("AI-powered") && !p.text.contains("Demo"))
            #expect(!p.text.contains("Reporting by"))
        }
    }

    @Test func newsAboutSubscriptionsIsStillNews() {
        let text = "Netflix said 9 million new subscribers signed up in the quarter, well above forecasts. " +
            "The company ended its free trial in more markets and raised prices in the US. " +
            "Meta changed its privacy policy to let users opt out of AI training on their posts in Europe."
        #expect(keyPoints(text, count: 3).count == 3)
    }

    /// A wire story often restates its lead lower down; the reader should see it once.
    @Test func nearDuplicatesAreShownOnce() {
        let text = """
        Shell agreed to buy rival BG Group for $70bn in the biggest oil deal in a decade.
        The deal gives Shell access to large gas fields in Brazil and Australia.
        Shares in BG Group jumped 30% in London trading after the announcement.
        Analysts said the price was high but that Shell needed new reserves.
        Shell has agreed to buy rival BG Group for $70bn, the biggest oil deal in a decade.
        """
        let points = keyPoints(text, count: 4)
        let restated = points.filter { $0.text.contains("BG Group for $70bn") }
        #expect(restated.count == 1)
    }

    @Test func theTitleIsNotRepeated() {
        let text = """
        Shell to buy BG Group for $70bn.
        The deal gives Shell access to large gas fields in Brazil and Australia and adds to its output.
        Shares in BG Group jumped 30% in London trading after the announcement of the deal.
        """
        let points = keyPoints(text, title: "Shell to buy BG Group for $70bn", count: 3)
        #expect(!points.contains { $0.text.hasPrefix("Shell to buy") })
    }

    @Test func aDatelineIsLeftOutOfTheLead() {
        let text = "LONDON (Reuters) - Shell agreed to buy BG Group for $70bn in the biggest oil deal in a decade.\n" +
            "Shares in BG Group jumped 30% after the oil deal was announced on Wednesday."
        let points = keyPoints(text, count: 2)
        #expect(points.first?.text == "Shell agreed to buy BG Group for $70bn in the biggest oil deal in a decade.")
        #expect(KeyPointBoilerplate.datelineLength("EADS - Airbus' majority owner - admitted the delay.") == 0)
    }

    @Test func headingsAndQuestionsGiveWayToReporting() {
        let text = """
        ## Results at a glance
        Is this the end of the chip boom for Nvidia and its suppliers?
        Nvidia's revenue for the quarter rose 48% to a record $84.2 billion on data-centre demand.
        Data-centre revenue climbed 52% to $76.8 billion as cloud providers bought more chips.
        The company forecast fourth-quarter revenue of $93 billion, above the chip market's estimates.
        """
        let points = keyPoints(text, count: 3)
        #expect(!points.contains { $0.text.hasSuffix("?") || $0.text.hasPrefix("Results") })
        #expect(points.count == 3)
    }

    /// The sentence the rest of the article keeps returning to beats a long aside.
    @Test func centralSentencesBeatAsides() {
        let text = """
        BMW's global car sales rose 9% in 2004 as demand for its new models grew in China and the US.
        Sales of BMW cars in China more than doubled, helped by new models built with a local partner.
        In the US, BMW sales rose 4%, with demand for new models and the X3 off-roader strong.
        The company's headquarters in Munich, a landmark shaped like four cylinders, was built for the 1972 Olympics nearby.
        BMW expects car sales to grow again this year as it launches more new models.
        """
        let points = keyPoints(text, count: 3)
        #expect(!points.contains { $0.text.contains("1972 Olympics") })
    }

    @Test func outputIsDeterministicAndVerbatim() {
        let a = keyPoints(ArticleAnalysisTests.seed, count: 4)
        #expect(keyPoints(ArticleAnalysisTests.seed, count: 4) == a)
        let text = ArticleAnalysisTests.seed
        #expect(a.allSatisfy { text.contains($0.text) })
    }
}
