/// Runs every analysis step over one article. Pure: same input, same output.
///
/// The article's text is read as UTF-8 bytes once: the splitter gives each sentence's byte
/// range, and scoring, quotation checks and ticker search all read the sentence in place, each
/// sentence scored once for the article, its tickers and its key points alike.
public struct Analyzer: Sendable {
    public var options: AnalysisOptions
    let scorer = SentimentScorer()
    let tickers: TickerFinder

    public init(options: AnalysisOptions = AnalysisOptions()) {
        self.options = options
        self.tickers = TickerFinder(extraAliases: options.extraAliases)
    }

    public func analyze(_ input: AnalysisInput) -> ArticleAnalysis {
        var text = input.text
        return text.withUTF8 { raw in
            let s = UTF8Text(raw)
            var sentences: [Sentence] = []
            var ranges: [Range<Int>] = []
            // About one sentence per 120 bytes of news prose.
            sentences.reserveCapacity(raw.count / 100 + 4)
            ranges.reserveCapacity(raw.count / 100 + 4)
            SentenceSplitter.split(s, into: &sentences, ranges: &ranges)

            let ws = ScoringWorkspace()
            var arena = ArticleScorer.PhraseArena()
            arena.bytes.reserveCapacity(raw.count / 4)
            arena.items.reserveCapacity(sentences.count * 2)
            var pending: [ArticleScorer.Pending] = []
            var scored: [ArticleScorer.Scored] = []
            scored.reserveCapacity(sentences.count)
            for (k, r) in ranges.enumerated() {
                var one = ArticleScorer.score(UnsafeBufferPointer(rebasing: raw[r]), slack: raw.count - r.upperBound,
                                              kind: sentences[k].kind, quoted: false, ws, &arena, &pending)
                // Quoting only changes the weight of a sentence that has one.
                if one.hasEvidence { one.quoted = ArticleScorer.isQuoted(s, r.lowerBound, r.upperBound, sentence: sentences[k].text) }
                scored.append(one)
            }
            var title = input.title.trimmedWhitespace()
            let titleScore: ArticleScorer.Scored? = title.isEmpty ? nil : title.withUTF8 {
                ArticleScorer.score($0, kind: .sentence, quoted: false, ws, &arena, &pending)
            }

            let article = ArticleScorer.combine(title: titleScore, sentences: scored, arena: arena)
            let keyPoints = KeyPointSelector.select(title: input.title, sentences: sentences,
                                                    sentiments: scored.map(\.sentiment), count: options.keyPoints)
            let tickerSentiments = tickerSentiments(input: input, title: title, titleScore: titleScore, text: s,
                                                    ranges: ranges, scored: scored, article: article.sentiment)
            return ArticleAnalysis(sentiment: article.sentiment, evidence: article.evidence, keyPoints: keyPoints,
                                   keyFigures: KeyFigures.extract(from: sentences, keyPoints: keyPoints), tickers: tickerSentiments)
        }
    }

    /// Each ticker's relevance and sentiment from the sentences that mention it.
    func tickerSentiments(input: AnalysisInput, title: String, titleScore: ArticleScorer.Scored?, text: UTF8Text,
                          ranges: [Range<Int>], scored: [ArticleScorer.Scored], article: Sentiment) -> [TickerSentiment] {
        // Symbol → sentence indices, -1 for the title, in first-mention order (a handful per article).
        var mentions: [(symbol: String, at: [Int])] = []
        func mention(_ symbol: String, _ i: Int) {
            if let m = mentions.firstIndex(where: { $0.symbol == symbol }) { mentions[m].at.append(i) } else { mentions.append((symbol, [i])) }
        }
        var scratch = TickerScratch()
        if !title.isEmpty {
            var t = title
            t.withUTF8 { bytes in
                tickers.find(UTF8Text(bytes), 0, bytes.count, &scratch)
            }
            for sym in scratch.found { mention(sym, -1) }
        }
        for (i, r) in ranges.enumerated() {
            tickers.find(text, r.lowerBound, r.upperBound, &scratch)
            for sym in scratch.found { mention(sym, i) }
        }
        var declared: [String] = []
        for d in input.declaredTickers {
            let sym = d.trimmedWhitespace().uppercased()
            if !sym.isEmpty, !declared.contains(sym) { declared.append(sym) }
        }
        for sym in declared where !mentions.contains(where: { $0.symbol == sym }) { mentions.append((sym, [])) }
        let count = max(1, ranges.count)
        var out: [TickerSentiment] = []
        for (sym, where_) in mentions {
            let inTitle = where_.contains(-1)
            let body = where_.filter { $0 >= 0 }
            let early = body.first.map { $0 < max(2, count / 5) } ?? false
            // Centrality: named in the title, declared by the source, mentioned often and early.
            let raw = (inTitle ? 2.0 : 0) + (declared.contains(sym) ? 1.5 : 0) + Double(min(body.count, 6)) * 0.6 + (early ? 1 : 0)
            let relevance = (raw / (raw + 2) * 1000).rounded() / 1000
            let sentiment = where_.isEmpty ? article
                : ArticleScorer.sentiment(title: inTitle ? titleScore : nil, sentences: scored, indices: body)
            out.append(TickerSentiment(symbol: sym, relevance: relevance, sentiment: sentiment))
        }
        out.sort { $0.relevance != $1.relevance ? $0.relevance > $1.relevance : $0.symbol < $1.symbol }
        return out
    }
}
