/// Combines sentence scores into an article score and its evidence.
///
/// A weighted mean of the sentences that say something (neutral boilerplate carries no weight,
/// so a disclaimer or a list of offices cannot dilute the score), where
/// - the title counts double and the lead (first two sentences) one and a half times, because
///   that is where news writers put the news;
/// - sentences with stronger evidence count more (up to twice), as they are the ones that matter;
/// - hedged sentences count by their certainty ("could", "may" weigh less than what happened);
/// - quoted statements count 0.7: they are someone's view, reported.
/// A fixed neutral prior of weight 1 keeps one weak phrase in a long article from reading as a
/// verdict. Evidence phrases are weighted the same way, merged by phrase, strongest five first.
enum ArticleScorer {
    struct Combined { var sentiment: Sentiment; var evidence: [Evidence] }

    static func combine(title: SentimentScorer.Result?, sentences: [Sentence], results: [SentimentScorer.Result]) -> Combined {
        var sum = 0.0, weights = 1.0
        var byPhrase: [String: Double] = [:]
        var order: [String] = []
        func add(_ r: SentimentScorer.Result, position: Double) {
            guard !r.evidence.isEmpty else { return }
            let strength = 0.5 + min(1.5, abs(r.raw))
            let w = position * strength * max(0.25, r.certainty)
            sum += w * r.sentiment.score
            weights += w
            let scale = w / max(1e-9, abs(r.raw)) * abs(r.sentiment.score)
            for e in r.evidence {
                if byPhrase[e.phrase] == nil { order.append(e.phrase) }
                byPhrase[e.phrase, default: 0] += e.contribution * scale
            }
        }
        if let t = title { add(t, position: 2) }
        for (k, s) in sentences.enumerated() where k < results.count {
            var position = k < 2 ? 1.5 : 1.0
            if s.kind == .heading { position = 1.2 }
            if isQuoted(s.text) { position *= 0.7 }
            add(results[k], position: position)
        }
        let score = sum / weights
        // The per-phrase weights are on the sentence scale; normalise them to the article's.
        var evidence = order.map { Evidence(phrase: $0, contribution: (byPhrase[$0]! / weights * 1000).rounded() / 1000) }
        evidence = evidence.filter { $0.contribution != 0 }
        evidence.sort { abs($0.contribution) != abs($1.contribution) ? abs($0.contribution) > abs($1.contribution) : $0.phrase < $1.phrase }
        return Combined(sentiment: Sentiment(score: (score * 10000).rounded() / 10000), evidence: Array(evidence.prefix(5)))
    }

    /// A sentence that is mostly someone's words: it opens with a quotation mark or carries a
    /// quoted clause followed by an attribution ("…," he said).
    static func isQuoted(_ text: String) -> Bool {
        guard let f = text.unicodeScalars.first else { return false }
        if f == "\"" || f == "“" || f == "‘" || f == "`" || f == "'" { return true }
        for marker in ["\" he said", "\" she said", "\" said", "” said", "” he said", "” she said", ",\" ", ",” "] where text.contains(marker) { return true }
        return false
    }
}
