import Testing
@testable import Analysis

/// Article-level behaviour: what a reader sees in a brief.
@Suite struct ArticleAnalysisTests {
    /// Our seed article (vendor footer removed): cautious optimism about AI tokenization in China,
    /// with risks spelled out. A reader would call it mildly positive.
    static let seed = "Zhang Yaqin, former Baidu president and head of Tsinghua's Institute of AI Industry Research, said AI tokenization is \"exploding\" in China and has outpaced examples like OpenClaw earlier this year. This suggests accelerating tokenization and digital-asset activity that could benefit AI infrastructure, cloud providers, fintech and crypto-service firms in China. Near-term market impact is limited absent quantification or regulatory clarity, but investors should monitor adoption and policy developments closely.\nTokenization of AI outputs is evolving into an infrastructure-led growth vector rather than just a product gimmick: if developers and enterprises tokenize model outputs or access rights, cloud-hosting and secure runtime (TEE/SGX-style) fees become recurring, high-margin revenue rather than one-off API calls. That creates a 12–24 month runway for outsized capex cycles in data centers and AI chip supply — expect 15–30% incremental capacity demand in targeted AI clusters before broad consumer adoption arrives. Winners are the stack providers who control runtimes, custody and settlement — domestic AI-chip vendors, cloud/IDC operators, and regulated digital-asset custodians — because they capture the fixed-cost leverage of token-enabled monetization. Incumbent consumer platforms face a two-way dynamic: they can re-issue tokens and keep economics, or lose ad/transaction monetization to decentralized marketplaces; the latter would compress CPM-style monetization by mid-single digits to low-double digits over 2–3 years for exposed ad businesses. Key risks are regulatory and supply-side: an authoritative PBOC-like clarification, provincial sandbox pullback, or tightened export controls on advanced GPUs can unwind enthusiasm in weeks to months. Conversely, province-level pilot approvals, partnership announcements with state-owned financial infra, or a marquee token issuance by a major enterprise are 3–9 month catalysts. Contrarian view: consensus bullishness underprices friction — tokenization is more likely to see concentrated B2B adoption with high compliance overheads than rapid consumer ubiquity, meaning infrastructure winners will be fewer and more capital-intensive than the market currently assumes."

    @Test func seedArticleIsMildlyPositive() {
        let a = Analyzer().analyze(AnalysisInput(title: "", text: Self.seed))
        #expect(a.sentiment.score >= 0.15 && a.sentiment.score < 0.35)
        #expect(a.sentiment.label == .mildlyPositive)
        #expect(!a.evidence.isEmpty && a.evidence.count <= 5)
        #expect(a.evidence.contains { $0.phrase == "exploding" && $0.contribution > 0 })
    }

    @Test func seedArticleNamesBaidu() {
        let a = Analyzer().analyze(AnalysisInput(title: "", text: Self.seed))
        #expect(a.tickers.map(\.symbol) == ["BIDU"])
    }

    @Test func boilerplateDoesNotDilute() {
        let news = "Operating profit rose to EUR 12 mn from EUR 8 mn."
        let padded = news + "\nThe company has offices in Helsinki and Oslo.\nThe report is available on the website.\nThe meeting will be held on 5 May."
        let a = Analyzer().analyze(AnalysisInput(title: "", text: news))
        let b = Analyzer().analyze(AnalysisInput(title: "", text: padded))
        #expect(a.sentiment == b.sentiment)
        #expect(b.sentiment.label == .mildlyPositive || b.sentiment.label == .positive)
    }

    @Test func titleWeighsMoreThanABodySentence() {
        let text = "Sales fell 3% in the quarter. Margins improved sharply and orders rose."
        let good = Analyzer().analyze(AnalysisInput(title: "Profit beats estimates", text: text))
        let bad = Analyzer().analyze(AnalysisInput(title: "Profit misses estimates", text: text))
        #expect(good.sentiment.score > bad.sentiment.score + 0.2)
    }

    @Test func hedgedNewsWeighsLessThanFacts() {
        let fact = Analyzer().analyze(AnalysisInput(title: "", text: "Net sales rose 20 percent."))
        let hedge = Analyzer().analyze(AnalysisInput(title: "", text: "Net sales could rise 20 percent."))
        #expect(fact.sentiment.score > hedge.sentiment.score)
        #expect(hedge.sentiment.score > 0)
    }

    @Test func emptyArticleIsNeutral() {
        let a = Analyzer().analyze(AnalysisInput(title: "", text: ""))
        #expect(a.sentiment.label == .neutral && a.evidence.isEmpty && a.keyPoints.isEmpty && a.tickers.isEmpty)
    }

    @Test func outputIsDeterministic() {
        let input = AnalysisInput(title: "Baidu and Alibaba rally", text: Self.seed, declaredTickers: ["BABA", "bidu"])
        let a = Analyzer().analyze(input)
        for _ in 0..<5 { #expect(Analyzer().analyze(input) == a) }
    }

    @Test func keyPointsCarryTheirSentenceSentiment() {
        let a = Analyzer(options: AnalysisOptions(keyPoints: 2)).analyze(AnalysisInput(title: "", text: Self.seed))
        #expect(a.keyPoints.count == 2)
        for k in a.keyPoints {
            #expect(k.sentiment == SentimentScorer().score(k.text).sentiment)
        }
        #expect(a.keyPoints.map(\.sentenceIndex) == a.keyPoints.map(\.sentenceIndex).sorted())
    }
}
