/// Runs every analysis step over one article. Pure: same input, same output.
public struct Analyzer: Sendable {
    public var options: AnalysisOptions
    let scorer = SentimentScorer()

    public init(options: AnalysisOptions = AnalysisOptions()) { self.options = options }

    public func analyze(_ input: AnalysisInput) -> ArticleAnalysis {
        let sentences = SentenceSplitter.split(input.text)
        let scored = sentences.map { scorer.score($0.text) }
        let titleScore = scorer.score(input.title)
        var sum = titleScore.sentiment.score * 2, weight = titleScore.evidence.isEmpty ? 0.0 : 2.0
        var evidence = titleScore.evidence
        for r in scored where !r.evidence.isEmpty {
            sum += r.sentiment.score; weight += 1; evidence += r.evidence
        }
        let article = Sentiment(score: weight > 0 ? sum / weight : 0)
        // Key points: first cut ranks by position and sentiment strength.
        let ranked = sentences.indices.sorted { a, b in
            let ra = Double(a) * 0.15 - abs(scored[a].sentiment.score)
            let rb = Double(b) * 0.15 - abs(scored[b].sentiment.score)
            return ra != rb ? ra < rb : a < b
        }
        let picked = ranked.prefix(options.keyPoints).sorted()
        let keyPoints = picked.map { KeyPoint(text: sentences[$0].text, sentiment: scored[$0].sentiment, sentenceIndex: $0) }
        let tickers = input.declaredTickers.map { TickerSentiment(symbol: $0, relevance: 1, sentiment: article) }
        evidence.sort { abs($0.contribution) > abs($1.contribution) }
        return ArticleAnalysis(sentiment: article, evidence: Array(evidence.prefix(5)), keyPoints: keyPoints,
                               keyFigures: [], tickers: tickers)
    }
}
