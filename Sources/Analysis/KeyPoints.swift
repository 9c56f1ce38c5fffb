/// Chooses an article's key points. Kept behind one small function so key-point selection can
/// be rewritten on its own without touching sentence splitting or scoring.
public enum KeyPointSelector {
    /// Picks up to `count` sentences, returned in article order, each with its own sentiment.
    /// First cut: prefers early sentences and strongly scored ones; headings are never picked.
    public static func select(title: String, sentences: [Sentence], sentiments: [Sentiment], count: Int) -> [KeyPoint] {
        guard count > 0 else { return [] }
        let candidates = sentences.indices.filter { sentences[$0].kind != .heading }
        let ranked = candidates.sorted { a, b in
            let ra = Double(a) * 0.15 - abs(sentiments[a].score)
            let rb = Double(b) * 0.15 - abs(sentiments[b].score)
            return ra != rb ? ra < rb : a < b
        }
        return ranked.prefix(count).sorted().map {
            KeyPoint(text: sentences[$0].text, sentiment: sentiments[$0], sentenceIndex: $0)
        }
    }
}
