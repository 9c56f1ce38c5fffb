import Testing
@testable import Analysis

/// Analysis reads text as UTF-8 bytes for speed, yet must treat text as Swift Strings do: two
/// spellings of the same characters are the same words, typographic apostrophes are
/// apostrophes, and the quick `score --lines` entry point agrees with the full one.
@Suite struct TextEncodingTests {
    @Test func canonicallyEquivalentPhrasesAreOneEvidenceLine() {
        // "Café" precomposed in one sentence, "e" + combining acute in the other.
        let text = "Sales at Caf\u{E9} rose sharply. Sales at Cafe\u{301} rose sharply."
        let a = Analyzer().analyze(AnalysisInput(title: "", text: text))
        let phrases = a.evidence.map(\.phrase)
        #expect(phrases.filter { $0 == "Sales at Café rose" }.count == 1)
        #expect(a.sentiment.score > 0)
    }

    @Test func typographicApostrophesNameTheCompany() {
        let a = Analyzer().analyze(AnalysisInput(title: "", text: "Baidu\u{2019}s cloud unit grew quickly."))
        #expect(a.tickers.map(\.symbol) == ["BIDU"])
    }

    @Test func abbreviationsWithAccentsStillDecideSentenceEnds() {
        // A non-ASCII word before a full stop takes the Unicode path; plain sentences still split.
        let s = SentenceSplitter.split("Revenue at Société Générale rose. The bank said so.")
        #expect(s.map(\.text) == ["Revenue at Société Générale rose.", "The bank said so."])
    }

    @Test func quickLineScoresMatchFullScores() {
        let lines = [
            "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn in the corresponding period in 2007.",
            "The company didn't meet expectations, and shares fell 5%.",
            "Net loss narrowed to $4.2bn; analysts cut their targets to Sell.",
            "Caf\u{E9} chain\u{2019}s sales jumped \u{2014} a record quarter!",
            "",
            "Should you worry about the stock?",
        ]
        let scorer = SentimentScorer()
        let workspace = ScoringWorkspace()
        var all = lines.joined(separator: "\n")
        all.withUTF8 { buffer in
            var start = 0
            for line in lines {
                let end = start + line.utf8.count
                let quick = SentimentScorer.scoreValue(bytes: UnsafeBufferPointer(rebasing: buffer[start..<end]),
                                                       readableAfter: buffer.count - end, workspace: workspace)
                #expect(quick == scorer.score(line).sentiment.score, "\(line)")
                #expect(quick == scorer.scoreValue(line), "\(line)")
                start = end + 1
            }
        }
    }
}
