/// Runs every analysis step over one article. Pure: same input, same output.
public struct Analyzer: Sendable {
    public var options: AnalysisOptions
    let scorer = SentimentScorer()
    let tickers: TickerFinder

    public init(options: AnalysisOptions = AnalysisOptions()) {
        self.options = options
        self.tickers = TickerFinder(extraAliases: options.extraAliases)
    }

    public func analyze(_ input: AnalysisInput) -> ArticleAnalysis {
        let sentences = SentenceSplitter.split(input.text)
        let scored = sentences.map { scorer.score($0.text) }
        let title = input.title.trimmedWhitespace()
        let titleResult = title.isEmpty ? nil : scorer.score(title)

        let article = ArticleScorer.combine(title: titleResult, sentences: sentences, results: scored)
        let keyPoints = KeyPointSelector.select(title: input.title, sentences: sentences,
                                                sentiments: scored.map(\.sentiment), count: options.keyPoints)
        let tickerSentiments = tickerSentiments(input: input, title: title, titleResult: titleResult,
                                                sentences: sentences, results: scored, article: article.sentiment)
        return ArticleAnalysis(sentiment: article.sentiment, evidence: article.evidence, keyPoints: keyPoints,
                               keyFigures: KeyFigures.extract(from: sentences, keyPoints: keyPoints), tickers: tickerSentiments)
    }

    /// Each ticker's relevance and sentiment from the sentences that mention it.
    func tickerSentiments(input: AnalysisInput, title: String, titleResult: SentimentScorer.Result?,
                          sentences: [Sentence], results: [SentimentScorer.Result], article: Sentiment) -> [TickerSentiment] {
        var mentions: [String: [Int]] = [:]   // symbol → sentence indices, -1 for the title
        if !title.isEmpty { for s in tickers.find(in: title) { mentions[s, default: []].append(-1) } }
        for (i, s) in sentences.enumerated() { for sym in tickers.find(in: s.text) { mentions[sym, default: []].append(i) } }
        var declared: [String] = []
        for d in input.declaredTickers {
            let sym = d.trimmedWhitespace().uppercased()
            if !sym.isEmpty, !declared.contains(sym) { declared.append(sym) }
        }
        for sym in declared where mentions[sym] == nil { mentions[sym] = [] }
        let count = max(1, sentences.count)
        var out: [TickerSentiment] = []
        for (sym, where_) in mentions {
            let inTitle = where_.contains(-1)
            let body = where_.filter { $0 >= 0 }
            let early = body.first.map { $0 < max(2, count / 5) } ?? false
            // Centrality: named in the title, declared by the source, mentioned often and early.
            let raw = (inTitle ? 2.0 : 0) + (declared.contains(sym) ? 1.5 : 0) + Double(min(body.count, 6)) * 0.6 + (early ? 1 : 0)
            let relevance = (raw / (raw + 2) * 1000).rounded() / 1000
            let sentiment: Sentiment
            if where_.isEmpty {
                sentiment = article
            } else {
                let subset = body.map { sentences[$0] }
                let combined = ArticleScorer.combine(title: inTitle ? titleResult : nil, sentences: subset, results: body.map { results[$0] })
                sentiment = combined.sentiment
            }
            out.append(TickerSentiment(symbol: sym, relevance: relevance, sentiment: sentiment))
        }
        out.sort { $0.relevance != $1.relevance ? $0.relevance > $1.relevance : $0.symbol < $1.symbol }
        return out
    }
}
