/// Chooses an article's key points: the few sentences that carry the story, verbatim, in
/// article order. How it works (docs/key-points.md has the long version):
///
/// 1. **Candidates.** Page furniture (bylines, captions, marketing, disclaimers, vendor widgets)
///    is set aside entirely; headings, fragments under six words and sentences that repeat the
///    title still vote for others in the graph but are never picked.
/// 2. **Centrality.** A TextRank-style graph: sentences are nodes, an edge weighs the content
///    words two sentences share, normalised by their lengths; PageRank over it finds the
///    sentences the rest of the article keeps coming back to. That is what the story is about.
/// 3. **Facts over framing.** A small addition to centrality for a sentence that states a
///    figure (a fact rather than colour) and a deduction for questions, which frame rather
///    than report. Position gets no bonus: a news lead is central anyway (it is picked in about
///    70% of the BBC dev articles), and every position prior we measured picked scene-setting
///    leads over the sentences that carry the story.
/// 4. **No repeats.** Picked greedily by score; a sentence that mostly restates one already
///    picked is skipped, so three bullets say three things.
/// Each pick then gets its tag (risk, catalyst, outlook, result) from `KeyPointTags`.
public enum KeyPointSelector {
    /// Picks up to `count` sentences, returned in article order, each with its own sentiment
    /// (`sentiments[i]` belongs to `sentences[i]`) and, where clear, a tag. A dateline opening
    /// the lead ("LONDON (Reuters) - ") is left out; the rest is the sentence as written.
    public static func select(title: String, sentences: [Sentence], sentiments: [Sentiment], count: Int) -> [KeyPoint] {
        guard count > 0, !sentences.isEmpty else { return [] }
        let ranked = KeyPointRanker(title: title, sentences: sentences)
        return ranked.withSignpostedRisk(ranked.pick(count), sentences: sentences, count: count).map { i in
            let s = sentences[i]
            let cut = i == 0 ? KeyPointBoilerplate.datelineLength(s.text) : 0
            let text = cut > 0 ? String(String.UnicodeScalarView(s.text.unicodeScalars.dropFirst(cut))) : s.text
            return KeyPoint(text: text, sentiment: i < sentiments.count ? sentiments[i] : Sentiment(score: 0),
                            tag: KeyPointTags.tag(text), sentenceIndex: i)
        }
    }
}

/// The scores behind `KeyPointSelector`, kept as values so tests (and anyone tuning it) can
/// look at every sentence's centrality, score and eligibility.
struct KeyPointRanker {
    /// Additions to centrality (which is scaled to [0, 1]). Small on purpose: centrality
    /// decides, these break near-ties the way a reader would. Measured on the BBC business dev
    /// set (docs/key-points.md): a figure is worth about a tenth of the most central sentence.
    struct Weights: Sendable {
        var figure = 0.1
        var question = 0.3
        static let standard = Weights()
    }

    var terms: [KeyPointTerms]
    var furniture: [Bool]
    var eligible: [Bool]
    var centrality: [Double]
    var scores: [Double]

    init(title: String, sentences: [Sentence], weights: Weights = .standard) {
        let n = sentences.count
        let terms = sentences.map { KeyPointTerms($0.text) }
        let furniture = (0..<n).map { terms[$0].mayBeFurniture && KeyPointBoilerplate.isBoilerplate(sentences[$0].text) }
        let titleCheck = TitleRepeat(title)
        let eligible = (0..<n).map { i in
            !furniture[i] && sentences[i].kind != .heading && terms[i].wordCount >= 6 && !terms[i].terms.isEmpty
                && !titleCheck.repeats(sentences[i].text, terms[i])
        }
        let centrality = Self.centrality(terms, skip: furniture)
        var scores = [Double](repeating: -.infinity, count: n)
        for i in 0..<n where eligible[i] {
            var s = centrality[i]
            if terms[i].hasDigit, KeyFigures.hasFigure(sentences[i].text) { s += weights.figure }
            if sentences[i].text.unicodeScalars.last == "?" { s -= weights.question }
            scores[i] = s
        }
        self.terms = terms; self.furniture = furniture; self.eligible = eligible
        self.centrality = centrality; self.scores = scores
    }

    /// The best `count` eligible sentences, no two saying the same thing, in article order.
    func pick(_ count: Int) -> [Int] {
        let order = scores.indices.filter { eligible[$0] }
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var chosen: [Int] = []
        for i in order where chosen.count < count {
            if chosen.contains(where: { Self.nearDuplicate(terms[$0], terms[i]) }) { continue }
            chosen.append(i)
        }
        return chosen.sorted()
    }

    /// An analyst reading a long piece wants its risks: when the writer signposts them ("Key
    /// risks are…", "The main risk is…", "Risks include…") and none of the picks is a risk, the
    /// signposted sentence takes the place of the weakest pick, except a pick whose very next
    /// sentence is also picked: that one often states what the next refers back to ("that
    /// spending"), and dropping it would leave a bullet without its referent. Only with three or
    /// more picks and only for an eligible sentence that repeats no pick; news reports rarely
    /// signpost risks this way, so their picks do not change (BBC set: none did).
    func withSignpostedRisk(_ picks: [Int], sentences: [Sentence], count: Int) -> [Int] {
        guard count >= 3, picks.count >= 3,
              !picks.contains(where: { KeyPointTags.tag(sentences[$0].text) == .risk }),
              let j = sentences.indices.first(where: { eligible[$0] && Self.signpostsRisk(sentences[$0].text) }),
              !picks.contains(j),
              !picks.contains(where: { Self.nearDuplicate(terms[$0], terms[j]) })
        else { return picks }
        let weaker: (Int, Int) -> Bool = { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : $0 > $1 }
        let droppable = picks.filter { !picks.contains($0 + 1) }
        guard let dropped = droppable.min(by: weaker) ?? picks.min(by: weaker) else { return picks }
        return (picks.filter { $0 != dropped } + [j]).sorted()
    }

    /// Whether a sentence opens by announcing the risks: its first words are "key/main/biggest/
    /// principal risk(s)" or "risks include/are", possibly after "The".
    static func signpostsRisk(_ text: String) -> Bool {
        // Most sentences are told apart by their first three ASCII words without making a String:
        // this runs on every sentence of an article that has no signpost.
        if let quick = text.utf8.withContiguousStorageIfAvailable({ signpostsRiskASCII($0) }), let answer = quick {
            return answer
        }
        return signpostsRiskByWords(text)
    }

    /// The rule itself, on the sentence's first words (any script).
    static func signpostsRiskByWords(_ text: String) -> Bool {
        var words = leadingWords(text, count: 4)
        if words.first == "the" { words.removeFirst() }
        guard let first = words.first else { return false }
        if first == "risks", words.count > 1, ["include", "are", "to"].contains(words[1]) { return true }
        let lead: Set<String> = ["key", "main", "biggest", "principal", "major", "chief"]
        return lead.contains(first) && words.count > 1 && (words[1] == "risk" || words[1] == "risks")
    }

    /// `signpostsRisk` for a sentence whose first three words are ASCII; nil when a non-ASCII
    /// byte comes first (then whether it is a letter decides the words, and the full path runs).
    static func signpostsRiskASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var starts = (0, 0, 0), ends = (0, 0, 0), count = 0, i = 0
        @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        while count < 3 && i < b.count {
            let c = b[i]
            if c >= 0x80 { return nil }
            if !isLetter(c) { i += 1; continue }
            let start = i
            while i < b.count && b[i] < 0x80 && isLetter(b[i]) { i += 1 }
            if i < b.count && b[i] >= 0x80 { return nil }
            switch count {
            case 0: starts.0 = start; ends.0 = i
            case 1: starts.1 = start; ends.1 = i
            default: starts.2 = start; ends.2 = i
            }
            count += 1
        }
        func word(_ k: Int) -> UnsafeBufferPointer<UInt8>.SubSequence {
            switch k {
            case 0: return b[starts.0..<ends.0]
            case 1: return b[starts.1..<ends.1]
            default: return b[starts.2..<ends.2]
            }
        }
        func equals(_ k: Int, _ target: StaticString) -> Bool {
            guard k < count else { return false }
            let w = word(k)
            guard w.count == target.utf8CodeUnitCount else { return false }
            var p = target.utf8Start
            for c in w { if c | 0x20 != p.pointee { return false }; p += 1 }
            return true
        }
        var first = 0
        if equals(0, "the") { first = 1 }
        guard first < count else { return false }
        if equals(first, "risks"), equals(first + 1, "include") || equals(first + 1, "are") || equals(first + 1, "to") { return true }
        let lead = equals(first, "key") || equals(first, "main") || equals(first, "biggest") || equals(first, "principal")
            || equals(first, "major") || equals(first, "chief")
        return lead && (equals(first + 1, "risk") || equals(first + 1, "risks"))
    }

    /// The first `count` words of `text` (runs of letters), ASCII letters lowercased. Stops as
    /// soon as it has them: this runs on every sentence of every article, and splitting whole
    /// sentences into Characters was 15% of a clean build's CPU.
    static func leadingWords(_ text: String, count: Int) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        func flush() {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if b >= 0x41 && b <= 0x5A { word.append(b | 0x20) }
                else if b >= 0x61 && b <= 0x7A { word.append(b) }
                else { flush(); if words.count == count { break } }
            } else if Character(scalar).isLetter {
                word.append(contentsOf: String(scalar).utf8)
            } else {
                flush(); if words.count == count { break }
            }
        }
        flush()
        return Array(words.prefix(count))
    }

    /// Two sentences say the same thing when most of the shorter one's content words are in the
    /// longer one (a wire story's lead restated lower down, a pull quote).
    static func nearDuplicate(_ a: KeyPointTerms, _ b: KeyPointTerms) -> Bool {
        let shorter = min(a.terms.count, b.terms.count)
        guard shorter > 0 else { return false }
        return Double(KeyPointTerms.overlap(a.terms[...], b.terms[...])) >= 0.7 * Double(shorter)
    }

    /// PageRank over the sentence-similarity graph (damping 0.85), scaled so the most central
    /// sentence is 1. Edge weight: shared terms / (log |a| + log |b|), as in TextRank, so long
    /// sentences do not win on length alone.
    static func centrality(_ terms: [KeyPointTerms], skip: [Bool]) -> [Double] {
        let n = terms.count
        var logLen = [Double](repeating: 0, count: n)
        for i in 0..<n where terms[i].terms.count > 0 { logLen[i] = naturalLog(Double(terms[i].terms.count)) }
        // The graph is sparse (most sentence pairs share no content word), so each row keeps only
        // its edges, in column order: the sums below add the same terms in the same order as a
        // dense matrix would (skipped terms are zeros), so the result is bit for bit the same,
        // at a fraction of the work per iteration.
        var rows = [[(column: Int, weight: Double)]](repeating: [], count: n)
        var out = [Double](repeating: 0, count: n)
        let sets = TermBitsets(terms, skip: skip)
        for i in 0..<n where !skip[i] && !terms[i].terms.isEmpty {
            for j in (i + 1)..<max(i + 1, n) where !skip[j] && !terms[j].terms.isEmpty {
                let c = sets.overlap(i, j)
                guard c > 0 else { continue }
                let norm = logLen[i] + logLen[j]
                let v = norm > 1e-9 ? Double(c) / norm : Double(c)
                rows[i].append((j, v)); rows[j].append((i, v))
                out[i] += v; out[j] += v
            }
        }
        for i in 0..<n where rows[i].count > 1 { rows[i].sort { $0.column < $1.column } }
        let nodes = (0..<n).filter { !skip[$0] && !terms[$0].terms.isEmpty }
        guard !nodes.isEmpty else { return [Double](repeating: 0, count: n) }
        let d = 0.85, base = (1 - d) / Double(nodes.count)
        var p = [Double](repeating: 0, count: n)
        for i in nodes { p[i] = 1 / Double(nodes.count) }
        var next = p
        // Column-normalised transitions, precomputed once: share[j] = p[j] / out[j].
        var share = [Double](repeating: 0, count: n)
        for _ in 0..<100 {
            for j in nodes { share[j] = out[j] > 0 ? p[j] / out[j] : 0 }
            var delta = 0.0
            share.withUnsafeBufferPointer { share in
                for i in nodes {
                    var s = 0.0
                    rows[i].withUnsafeBufferPointer { row in
                        for e in row { s += e.weight * share[e.column] }
                    }
                    let v = base + d * s
                    delta += abs(v - p[i])
                    next[i] = v
                }
            }
            swap(&p, &next)
            if delta < 1e-7 { break }
        }
        let top = nodes.map { p[$0] }.max() ?? 1
        return p.map { top > 0 ? $0 / top : 0 }
    }
}

/// ln(x) for x > 0 without Foundation: x = m·2^e with m in [1, 2), ln m = 2·atanh((m−1)/(m+1))
/// by its series (|z| ≤ 1/3, so a dozen terms give full double precision).
func naturalLog(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return x == 0 ? -.infinity : .nan }
    let e = Double(x.exponent)
    let m = x.significand
    let z = (m - 1) / (m + 1), z2 = z * z
    var term = z, sum = 0.0
    for k in stride(from: 1, through: 25, by: 2) { sum += term / Double(k); term *= z2 }
    return e * 0.693_147_180_559_945_3 + 2 * sum
}

/// Recognises a sentence that repeats the title: the title truncated from that very sentence
/// ("Zhang Yaqin, former Baidu president…, said…"), or a sentence made mostly of the title's words.
struct TitleRepeat {
    /// The title's bytes, without a trailing ellipsis.
    var prefix: [UInt8] = []
    var terms: KeyPointTerms?

    init(_ title: String) {
        let t = title.trimmedWhitespace()
        guard !t.isEmpty else { return }
        var p = Array(t.utf8)
        if p.count > 3, p.suffix(3) == [0xE2, 0x80, 0xA6] { p.removeLast(3) }            // "…"
        else if p.count > 3, p.suffix(3) == [0x2E, 0x2E, 0x2E] { p.removeLast(3) }        // "..."
        while let l = p.last, l == 0x20 { p.removeLast() }
        prefix = p
        terms = KeyPointTerms(t)
    }

    func repeats(_ sentence: String, _ s: KeyPointTerms) -> Bool {
        guard let terms else { return false }
        if prefix.count >= 20, sentence.utf8.starts(with: prefix) { return true }
        guard !terms.terms.isEmpty, !s.terms.isEmpty else { return false }
        let shared = Double(KeyPointTerms.overlap(terms.terms[...], s.terms[...]))
        // Mostly title words, and not much more than the title.
        return shared >= 0.8 * Double(s.terms.count)
            || (shared >= 0.8 * Double(terms.terms.count) && Double(s.terms.count) <= 1.5 * Double(terms.terms.count))
    }
}
