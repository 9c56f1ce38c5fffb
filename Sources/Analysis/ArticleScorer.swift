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
///
/// Speed: each sentence is scored once, in place in the article's bytes, and its evidence
/// phrases are kept as bytes in a `PhraseArena`; Strings are made only for the five phrases
/// an article shows. Ticker scores reuse the same scored sentences.
enum ArticleScorer {
    /// What the article and ticker scores need of one scored sentence (or the title).
    struct Scored {
        var sentiment: Sentiment
        /// Sum of contributions before squashing.
        var raw: Double
        var certainty: Double
        /// Some contribution was not zero: the sentence says something.
        var hasEvidence: Bool
        var kind: Sentence.Kind
        var quoted: Bool
        /// Its evidence in `PhraseArena.items`, in the order `SentimentScorer.score` lists it.
        var evidence: Range<Int>
    }

    /// Evidence phrases of an article as bytes, with their sentence-level contributions.
    struct PhraseArena {
        struct Item {
            var start: Int
            var end: Int
            var contribution: Double
            /// How the phrase is compared with others (`PhraseMerger.Spelling`).
            var spelling: PhraseMerger.Spelling
            /// Hash of the bytes of a `.plain` phrase (its spelling), taken while they are at hand.
            var hash: UInt64 = 0
        }
        var bytes: [UInt8] = []
        var items: [Item] = []

        func string(_ item: Item) -> String { String(decoding: bytes[item.start..<item.end], as: UTF8.self) }
    }

    /// A contribution waiting for its place in evidence order.
    struct Pending { var contribution: Double; var from: Int; var to: Int }

    /// Scores one sentence given as bytes, appending its evidence phrases to `arena`.
    static func score(_ bytes: UnsafeBufferPointer<UInt8>, slack: Int = 0, kind: Sentence.Kind, quoted: Bool, _ ws: ScoringWorkspace,
                      _ arena: inout PhraseArena, _ pending: inout [Pending]) -> Scored {
        SentimentScorer.contributions(bytes, slack: slack, ws)
        var total = 0.0
        pending.removeAll(keepingCapacity: true)
        for c in ws.contribs where c.value != 0 {
            total += c.value
            pending.append(Pending(contribution: SentimentScorer.rounded(c.value), from: c.from, to: c.to))
        }
        // The same sort over the same keys in the same order as `score`'s evidence sort, so
        // phrases land in the same order (which decides how equal phrases add up).
        pending.sort { abs($0.contribution) > abs($1.contribution) }
        let first = arena.items.count
        let toks = ws.toks
        let text = UTF8Text(bytes)
        for p in pending {
            let start = arena.bytes.count
            // The phrase `SentimentScorer.phrase` quotes: the span, or both ends around " … ".
            let spelling: PhraseMerger.Spelling
            if p.to - p.from <= 6 {
                arena.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[toks[p.from].start..<toks[p.to].end]))
                spelling = PhraseMerger.spelling(text, toks[p.from].start, toks[p.to].end)
            } else {
                arena.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[toks[p.from].start..<toks[p.from].end]))
                arena.bytes.append(contentsOf: " … ".utf8)
                arena.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[toks[p.to].start..<toks[p.to].end]))
                spelling = max(PhraseMerger.spelling(text, toks[p.from].start, toks[p.from].end),
                               PhraseMerger.spelling(text, toks[p.to].start, toks[p.to].end))
            }
            var item = PhraseArena.Item(start: start, end: arena.bytes.count, contribution: p.contribution, spelling: spelling)
            if spelling == .plain {
                item.hash = arena.bytes.withUnsafeBufferPointer {
                    WordTable.hash($0.baseAddress! + start, item.end - start, fold: false, readable: item.end - start).hash
                }
            }
            arena.items.append(item)
        }
        return Scored(sentiment: Sentiment(score: SentimentScorer.squash(total)), raw: total, certainty: ws.certainty,
                      hasEvidence: !pending.isEmpty, kind: kind, quoted: quoted, evidence: first..<arena.items.count)
    }

    /// The weight of a sentence in a combination, or nil when it carries none.
    @inline(__always)
    static func weight(_ r: Scored, position: Double) -> Double? {
        guard r.hasEvidence else { return nil }
        let strength = 0.5 + min(1.5, abs(r.raw))
        return position * strength * max(0.25, r.certainty)
    }

    /// Position weight of the `k`-th sentence of a combination.
    @inline(__always)
    static func position(_ s: Scored, _ k: Int) -> Double {
        var position = k < 2 ? 1.5 : 1.0
        if s.kind == .heading { position = 1.2 }
        if s.quoted { position *= 0.7 }
        return position
    }

    /// The article's score and its five strongest evidence phrases.
    static func combine(title: Scored?, sentences: [Scored], arena: PhraseArena) -> (sentiment: Sentiment, evidence: [Evidence]) {
        var sum = 0.0, weights = 1.0
        var merger = PhraseMerger(arena: arena)
        func add(_ r: Scored, position: Double) {
            guard let w = weight(r, position: position) else { return }
            sum += w * r.sentiment.score
            weights += w
            let scale = w / max(1e-9, abs(r.raw)) * abs(r.sentiment.score)
            for k in r.evidence { merger.add(k, arena.items[k].contribution * scale) }
        }
        if let t = title { add(t, position: 2) }
        for (k, s) in sentences.enumerated() { add(s, position: position(s, k)) }
        let score = sum / weights
        let evidence = merger.strongest(5, weights: weights)
        return (Sentiment(score: (score * 10000).rounded() / 10000), evidence)
    }

    /// The score of the title (when given) and the sentences at `indices`, weighted as in an
    /// article of just those sentences: a ticker's score from the sentences that name it.
    static func sentiment(title: Scored?, sentences: [Scored], indices: [Int]) -> Sentiment {
        var sum = 0.0, weights = 1.0
        if let t = title, let w = weight(t, position: 2) { sum += w * t.sentiment.score; weights += w }
        for (k, i) in indices.enumerated() {
            let s = sentences[i]
            if let w = weight(s, position: position(s, k)) { sum += w * s.sentiment.score; weights += w }
        }
        let score = sum / weights
        return Sentiment(score: (score * 10000).rounded() / 10000)
    }

    /// A sentence that is mostly someone's words: it opens with a quotation mark or carries a
    /// quoted clause followed by an attribution ("…," he said).
    static func isQuoted(_ text: String) -> Bool {
        guard let f = text.unicodeScalars.first else { return false }
        if f == "\"" || f == "“" || f == "‘" || f == "`" || f == "'" { return true }
        for marker in quoteMarkers where text.contains(marker) { return true }
        return false
    }
    static let quoteMarkers = ["\" he said", "\" she said", "\" said", "” said", "” he said", "” she said", ",\" ", ",” "]

    /// `isQuoted` of `sentence`, whose bytes are `s[a..<b]`. The markers are searched as bytes;
    /// `String.contains` matched them as Characters, which only differs when a combining mark
    /// clings to one, so a hit in text that is not ASCII is confirmed on the String.
    static func isQuoted(_ s: UTF8Text, _ a: Int, _ b: Int, sentence: String) -> Bool {
        guard a < b else { return false }
        let f = s[a]
        if f == 0x22 || f == 0x60 || f == 0x27 { return true }
        if f == 0xE2, s[a + 1] == 0x80, s[a + 2] == 0x9C || s[a + 2] == 0x98 { return true } // “ ‘
        var i = a
        var hit = false
        while i < b, !hit {
            i = s.firstIndex(from: i, to: b, mask: { UTF8Text.equalBytes($0, 0x22) | UTF8Text.equalBytes($0, 0xE2) }, wanted: { $0 == 0x22 || $0 == 0xE2 })
            guard i < b else { break }
            let c = s[i]
            var after = 0
            if c == 0x22 { after = i + 1 } else if c == 0xE2, s[i + 1] == 0x80, s[i + 2] == 0x9D { after = i + 3 }
            if after > 0 {
                if i > a, s[i - 1] == UInt8(ascii: ","), after < b, s[after] == 0x20 { hit = true }
                else if has(s, after, b, " said") || has(s, after, b, " he said") || has(s, after, b, " she said") { hit = true }
            }
            i += 1
        }
        guard hit else { return false }
        return s.isASCII(a, b) ? true : isQuoted(sentence)
    }

    @inline(__always)
    static func has(_ s: UTF8Text, _ at: Int, _ end: Int, _ marker: StaticString) -> Bool {
        let n = marker.utf8CodeUnitCount
        guard at + n <= end else { return false }
        let p = marker.utf8Start
        for k in 0..<n where s[at + k] != p[k] { return false }
        return true
    }
}

/// Merges evidence phrases that read the same, in first-seen order, as a `[String: Double]`
/// keyed by phrase did: Swift compares Strings by canonical equivalence, so phrases merge on a
/// canonical spelling (their NFD, which for the phrases below is plain bytes).
///
/// A phrase of ASCII and of the typographic scalars news uses (’ “ ” – — … € and a few more:
/// none has a decomposition, combines, or is the decomposition of another scalar, checked over
/// all of Unicode) is its own NFD: its bytes are its spelling. Where it also holds one of the
/// three scalars whose decomposition is ASCII (U+037E `;`, U+1FEF `` ` ``, U+212A `K`), those
/// are spelled as that ASCII. Any other phrase can only equal another such phrase (its NFD
/// keeps a scalar outside those sets), and those are keyed by String.
struct PhraseMerger {
    enum Spelling: UInt8, Comparable {
        /// The bytes are the spelling.
        case plain
        /// The bytes are the spelling once U+037E, U+1FEF and U+212A are written as ASCII.
        case mapped
        /// Compared as Strings.
        case string
        static func < (a: Spelling, b: Spelling) -> Bool { a.rawValue < b.rawValue }
    }

    /// Scalars besides ASCII whose bytes are their own canonical spelling.
    static func isInert(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "…", "’", "‘", "“", "”", "–", "—", "€", "£", "¥", "\u{00A0}", "•", "«", "»", "°", "×", "½", "™", "®", "©", "§": true
        default: false
        }
    }

    static func spelling(_ s: UTF8Text, _ a: Int, _ b: Int) -> Spelling {
        if s.isASCII(a, b) { return .plain }
        var result = Spelling.plain
        var i = a
        while i < b {
            let lead = s[i]
            if lead < 0x80 { i += 1; continue }
            let c = s.scalar(at: i)
            if c == "\u{037E}" || c == "\u{1FEF}" || c == "\u{212A}" { result = .mapped } else if !isInert(c) { return .string }
            i += UTF8Text.length(lead: lead)
        }
        return result
    }

    let arena: ArticleScorer.PhraseArena
    /// A merged phrase: its first item (whose bytes it shows), the sum of its weighted
    /// contributions, and its key (a hash and a byte range of its spelling, in the arena or,
    /// for a `.mapped` phrase, in `mappedBytes`; a `.string` phrase is keyed in `stringKeys`).
    struct Group {
        var item: Int
        var total: Double
        var hash: UInt64
        var keyStart: Int
        var keyEnd: Int
        var inMapped: Bool
        var byBytes: Bool
    }
    private(set) var groups: [Group] = []
    private var mappedBytes: [UInt8] = []
    private var stringKeys: [String: Int] = [:]

    init(arena: ArticleScorer.PhraseArena) {
        self.arena = arena
        groups.reserveCapacity(arena.items.count)
    }

    /// Adds `value` to the phrase of `item`. An article has a few dozen phrases, so a key is
    /// found by comparing hashes along the list.
    mutating func add(_ item: Int, _ value: Double) {
        let it = arena.items[item]
        switch it.spelling {
        case .plain:
            let g = byteGroup(item, it.start, it.end, inMapped: false, hash: it.hash)
            groups[g].total += value
        case .mapped:
            let start = mappedBytes.count
            Self.appendMapped(arena.bytes, it.start, it.end, to: &mappedBytes)
            let h = mappedBytes.withUnsafeBufferPointer {
                WordTable.hash($0.baseAddress! + start, $0.count - start, fold: false, readable: $0.count - start).hash
            }
            let g = byteGroup(item, start, mappedBytes.count, inMapped: true, hash: h)
            if groups[g].item != item || !groups[g].inMapped || groups[g].keyStart != start { mappedBytes.removeLast(mappedBytes.count - start) }
            groups[g].total += value
        case .string:
            let key = arena.string(it)
            if let g = stringKeys[key] { groups[g].total += value; return }
            stringKeys[key] = groups.count
            groups.append(Group(item: item, total: value, hash: 0, keyStart: 0, keyEnd: 0, inMapped: false, byBytes: false))
        }
    }

    /// The group whose spelling is `buffer[start..<end]` (the arena's bytes, or `mappedBytes`),
    /// made when new; the total of a new group starts at 0.
    private mutating func byteGroup(_ item: Int, _ start: Int, _ end: Int, inMapped: Bool, hash h: UInt64) -> Int {
        let found: Int? = arena.bytes.withUnsafeBufferPointer { arenaBytes in
            mappedBytes.withUnsafeBufferPointer { mapped in
                let key = UnsafeBufferPointer(rebasing: (inMapped ? mapped : arenaBytes)[start..<end])
                for g in groups.indices where groups[g].hash == h && groups[g].byBytes && groups[g].keyEnd - groups[g].keyStart == end - start {
                    let x = groups[g]
                    if UnsafeBufferPointer(rebasing: (x.inMapped ? mapped : arenaBytes)[x.keyStart..<x.keyEnd]).elementsEqual(key) { return g }
                }
                return nil
            }
        }
        if let found { return found }
        groups.append(Group(item: item, total: 0, hash: h, keyStart: start, keyEnd: end, inMapped: inMapped, byBytes: true))
        return groups.count - 1
    }

    /// A `.mapped` phrase's spelling: U+037E, U+1FEF and U+212A as `;`, `` ` `` and `K`.
    static func appendMapped(_ bytes: [UInt8], _ a: Int, _ b: Int, to out: inout [UInt8]) {
        var i = a
        while i < b {
            let c = bytes[i]
            if c == 0xCD, bytes[i + 1] == 0xBE { out.append(UInt8(ascii: ";")); i += 2; continue }      // U+037E
            if c == 0xE1, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xAF { out.append(0x60); i += 3; continue } // U+1FEF
            if c == 0xE2, bytes[i + 1] == 0x84, bytes[i + 2] == 0xAA { out.append(UInt8(ascii: "K")); i += 3; continue } // U+212A
            out.append(c); i += 1
        }
    }

    /// The `count` strongest merged phrases, contributions scaled to the article
    /// (÷ `weights`, three decimals), zeros dropped, ties broken by phrase as Strings order.
    func strongest(_ count: Int, weights: Double) -> [Evidence] {
        var list: [(group: Int, contribution: Double)] = []
        list.reserveCapacity(groups.count)
        for (g, x) in groups.enumerated() {
            let c = (x.total / weights * 1000).rounded() / 1000
            if c != 0 { list.append((g, c)) }
        }
        // The order is total (merged phrases differ as Strings), so picking the strongest
        // `count` one by one gives exactly the head of a full sort.
        func before(_ a: (group: Int, contribution: Double), _ b: (group: Int, contribution: Double)) -> Bool {
            abs(a.contribution) != abs(b.contribution) ? abs(a.contribution) > abs(b.contribution) : phraseLess(a.group, b.group)
        }
        var picked: [Evidence] = []
        picked.reserveCapacity(min(count, list.count))
        var k = 0
        while k < min(count, list.count) {
            var best = k
            for j in (k + 1)..<list.count where before(list[j], list[best]) { best = j }
            list.swapAt(k, best)
            picked.append(Evidence(phrase: arena.string(arena.items[groups[list[k].group].item]), contribution: list[k].contribution))
            k += 1
        }
        return picked
    }

    /// String order of two groups' phrases: byte order when both are `.plain` (the same thing:
    /// such a phrase is in NFC, and UTF-8 bytes order as scalars do).
    private func phraseLess(_ a: Int, _ b: Int) -> Bool {
        let x = arena.items[groups[a].item], y = arena.items[groups[b].item]
        if x.spelling == .plain, y.spelling == .plain {
            return arena.bytes[x.start..<x.end].lexicographicallyPrecedes(arena.bytes[y.start..<y.end])
        }
        return arena.string(x) < arena.string(y)
    }
}
