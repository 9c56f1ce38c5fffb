/// Scores one sentence of financial text in [-1, 1] and says which phrases moved the score.
///
/// The rules, in the order they run (docs/sentiment.md has the full story):
/// 1. **Direction × what moves.** A direction word ("rose", "narrowed", "cut", "up") is paired
///    with the nearest thing that moves in its clause ("sales", "loss", "forecast"): verbs and
///    particles look left for their subject first ("operating profit … , up from"), nouns look
///    right through "in"/"of" ("a decline in orders") or at a compound ("job cuts"), adjectives
///    at the noun they precede ("higher costs"). The contribution is direction × the target's
///    sign (more sales good, more costs bad). A direction with nothing to move counts with its
///    own mild valence ("shares cut to Neutral", "rose 3%").
/// 2. **Outcomes.** "swung to a loss", "returned to profit": the state reached decides.
/// 3. **Comparisons.** After "versus", "compared with", "from", "against" comes the base: it is
///    not news by itself; profit now against a loss then is good, and with two amounts and no
///    direction word the larger-or-smaller decides ("EPS EUR 0.52 versus EUR 0.09").
/// 4. **Polar words** ("record", "weak", "lawsuit") and analyst ratings after "to"/"at".
/// 5. **Modifiers**: negation flips and halves within a few words of its clause; hedges
///    (may, could, expects) shrink what follows them; intensifiers and dampeners scale the
///    nearest cue; before "but"/"however" counts half, the clause of "despite"/"although" less.
///
/// The sum is squashed to [-1, 1] with x / √(x² + 4), so one clear cue reads "mildly" to
/// "positive" and a bare weak hint stays neutral.
public struct SentimentScorer: Sendable {
    public init() {}

    public struct Result: Sendable, Hashable {
        public var sentiment: Sentiment
        /// The phrases that moved the score, strongest first, with signed contributions.
        public var evidence: [Evidence]
        /// The smallest hedge factor applied (1 = stated as fact), so an article score can weigh
        /// "could" statements less than reports of what happened.
        public var certainty: Double
        /// Sum of contributions before squashing.
        public var raw: Double
    }

    public func score(_ sentence: String) -> Result {
        var s = sentence
        return s.withUTF8 { bytes in
            let ws = ScoringWorkspace()
            Self.contributions(bytes, ws)
            var total = 0.0
            var evidence: [Evidence] = []
            evidence.reserveCapacity(ws.contribs.count)
            for c in ws.contribs where c.value != 0 {
                total += c.value
                evidence.append(Evidence(phrase: Self.phrase(bytes, ws.toks, c.from, c.to), contribution: Self.rounded(c.value)))
            }
            evidence.sort { abs($0.contribution) > abs($1.contribution) }
            return Result(sentiment: Sentiment(score: Self.squash(total)), evidence: evidence, certainty: ws.certainty, raw: total)
        }
    }

    /// Builds the shared word tables now rather than on the first sentence, so a caller can pay
    /// for it on another thread while it waits for input (`score --lines` does, while stdin
    /// arrives). Safe to call from several threads; later calls cost nothing.
    public static func prepare() {
        withExtendedLifetime(CompiledLexicon.shared) {}
    }

    /// The score alone: the fast path for `bellwether score --lines`.
    public func scoreValue(_ sentence: String) -> Double {
        var s = sentence
        return s.withUTF8 { Self.scoreValue(bytes: $0) }
    }

    /// The score of a sentence given as UTF-8 bytes, without building any evidence strings.
    public static func scoreValue(bytes: UnsafeBufferPointer<UInt8>) -> Double {
        scoreValue(bytes: bytes, workspace: ScoringWorkspace())
    }

    /// The score of a sentence given as UTF-8 bytes, reusing `workspace`'s buffers: what a loop
    /// over many sentences on one thread calls, so that it allocates nothing per sentence.
    /// `readableAfter`: how many bytes after the sentence's last byte belong to the same buffer
    /// and may be read (never scored), which lets word lookups load whole words at once.
    public static func scoreValue(bytes: UnsafeBufferPointer<UInt8>, readableAfter: Int = 0, workspace: ScoringWorkspace) -> Double {
        contributions(bytes, slack: readableAfter, workspace)
        var total = 0.0
        for c in workspace.contribs { total += c.value }
        return squash(total)
    }

    static func squash(_ x: Double) -> Double {
        let v = x / (x * x + 4).squareRoot()
        return (v * 1000).rounded() / 1000
    }

    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// A verbatim phrase from token `a` to token `b`; long spans keep both ends with an ellipsis.
    static func phrase(_ bytes: UnsafeBufferPointer<UInt8>, _ toks: UnsafeMutablePointer<ScoringToken>, _ a: Int, _ b: Int) -> String {
        // Kept in step with `PhraseArena.append`, which builds the same bytes for article evidence.
        func text(_ x: Int, _ y: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[toks[x].start..<toks[y].end]), as: UTF8.self)
        }
        if b - a <= 6 { return text(a, b) }
        return text(a, a) + " … " + text(b, b)
    }

    struct Contribution {
        var value: Double
        /// Token range quoted as evidence.
        var from: Int
        var to: Int
        /// The token whose position decides which modifiers apply.
        var anchor: Int
    }

    // MARK: - Word classes used only by the rules

    /// Words skipped when looking right for a direction's object: "cut *its full-year* forecast".
    static let objectFillers: [String] = [
        "its", "their", "the", "a", "an", "his", "her", "our", "this", "that", "these", "net", "operating",
        "total", "annual", "quarterly", "full-year", "pre-tax", "pretax", "group", "company", "consolidated",
        "comparable", "gross", "overall", "own", "fiscal", "full", "year", "year-end", "first-quarter",
        "second-quarter", "third-quarter", "fourth-quarter", "first-half", "second-half", "adjusted",
        "underlying", "core", "organic", "diluted", "basic", "per", "price", "market", "sales", "order",
        "cash", "interest", "share", "some", "all", "both", "further", "stock", "global", "domestic",
    ]
    /// Prepositions through which a noun reaches its object: "a rise *in* sales", "an increase *of* 5% *in* orders".
    static let nounLinks: [String] = ["in", "of", "for", "on", "at"]
    /// Words that end a rightward search: the object of a direction never lies beyond them.
    static let rightStops: [String] = ["to", "from", "by", "than", "compared", "versus", "vs", "and", "as", "while", "which", "that", "after", "due", "thanks", "amid", "on", "with", "despite"]
    /// Verbs that name a change of state: "swung to a loss", "returned to profit".
    static let outcomeVerbs: [String] = ["turned", "turn", "turns", "swung", "swing", "swings", "returned", "return", "returns", "moved", "went", "plunged", "slipped", "fell", "dropped", "sank", "dipped", "slid", "tumbled", "fallen", "rose", "jumped", "climbed", "improved"]
    /// Targets that name a result, which "to"/"into" can turn into an outcome.
    static let outcomeTargets: [String] = ["loss", "losses", "profit", "profits", "deficit", "earnings", "eps", "income", "surplus", "profitability"]
    /// Words after which "up"/"down" is a phrasal particle, not a direction ("set up", "step down").
    static let particleVerbs: [String] = [
        "set", "sets", "setting", "sign", "signs", "signed", "signing", "build", "builds", "built", "building", "pick", "picks",
        "picked", "take", "takes", "took", "taken", "make", "makes", "made", "team", "teamed", "teams", "wrap", "wrapped",
        "back", "backed", "line", "lined", "open", "opened", "opens", "step", "steps", "stepped", "stepping", "shut", "shuts",
        "shutting", "break", "breaks", "broke", "broken", "turn", "turned", "close", "closed", "calm", "follow", "followed",
        "end", "ended", "ends", "come", "comes", "came", "bring", "brought", "sum", "summed", "catch", "caught", "keep",
        "kept", "speed", "sped", "scale", "scaled", "ramp", "ramped", "start", "started", "starts", "spin", "spun",
        "hold", "held", "narrow", "narrowed", "give", "gave", "given", "giving", "hang", "hanging", "pile", "piles", "bulk", "bulks", "sit", "sits", "boil", "pay", "paid", "roll", "rolled", "look", "looking", "cut", "write",
        "wrote", "written", "mark", "marked", "beef", "beefed", "gear", "geared", "drum", "drummed", "round", "rounded",
    ]
    /// Verbs that take a bad thing away: "settles lawsuit", "suspended a probe", "shrug off woes".
    static let removalVerbs: [String] = [
        "settle", "settles", "settled", "settling", "resolve", "resolves", "resolved", "resolving", "end", "ends", "ended",
        "ending", "avert", "averts", "averted", "avoid", "avoids", "avoided", "overcome", "overcomes", "overcame", "shrug",
        "shrugs", "shrugged", "suspend", "suspends", "suspended", "halt", "halts", "halted", "drop", "drops", "dropped",
        "dismiss", "dismisses", "dismissed", "postpone", "postpones", "postponed", "reduce", "reduces", "reduced", "lower",
        "lowers", "lowered", "ease", "eases", "eased", "easing", "cut", "cuts", "escape", "escapes", "escaped", "beat", "beats",
        "withdraw", "withdraws", "withdrew", "withdrawn", "lift", "lifts", "lifted", "clear", "clears", "cleared", "survive", "survives", "survived",
    ]
    /// Verbs of winning business and the business they win: "received a significant order".
    static let winVerbs: [String] = ["received", "receives", "receive", "won", "wins", "win", "secured", "secures", "secure", "landed", "lands", "inked", "inks", "signed", "signs", "awarded", "gets", "got", "bagged", "bags", "clinched", "clinches", "booked", "books"]
    static let businessNouns: [String] = ["order", "orders", "contract", "contracts", "deal", "deals", "agreement", "agreements", "project", "projects", "assignment", "tender", "commission"]
    /// What a forecast is measured against: "below expectations", "above consensus".
    static let expectationNouns: [String] = ["forecast", "forecasts", "expectations", "expectation", "estimates", "estimate", "consensus", "views", "guidance", "target", "targets"]
    /// Words before a rating that make it one: "cut *to* Sell", "initiated *at* Buy", "*a* Buy".
    static let ratingLeads: [String] = ["to", "at", "a", "rated", "rating", "reiterates", "reiterated", "reiterate", "maintains", "maintained", "initiates", "initiated", "starts", "started", "resumes", "resumed", "as", "strong"]
    /// Contributions before these words belong to a preamble: "…, up from EUR 4m *in* 2009".
    static let numberUnits: [String] = ["%", "percent", "per", "cent", "pct", "points", "basis", "bps", "pc", "percentage", "eur", "euro", "euros", "usd", "dollars", "sek", "nok", "dkk", "gbp", "pounds", "yen", "yuan", "rmb", "cny", "chf", "m", "mn"]



    // MARK: - Rules

    /// Runs every rule over one sentence, leaving its tokens, contributions and certainty in
    /// `ws` (whose buffers are reused, so scoring allocates nothing once they have grown).
    static func contributions(_ bytes: UnsafeBufferPointer<UInt8>, slack: Int = 0, _ ws: ScoringWorkspace) {
        ws.reserve(bytes.count + 1)
        let n = ScoringTokenizer.tokenize(bytes, slack: slack, into: ws.toks)
        ws.tokenCount = n
        ws.certainty = 1
        ws.contribs.removeAll(keepingCapacity: true)
        if n == 0 { return }
        let toks = ws.toks, consumed = ws.consumed, isBase = ws.isBase
        // Moved out of the workspace for the duration, so the array is uniquely referenced.
        var contribs = ws.contribs; ws.contribs = []
        defer { ws.contribs = contribs }

        let table = CompiledLexicon.shared.entries
        consumed.update(repeating: false, count: n)
        isBase.update(repeating: false, count: n)
        // The tokens each pass acts on, in order (a pass does nothing for the others): one
        // sweep over the sentence instead of one per pass.
        let moves = ws.lists, comparators = moves + n, targets = comparators + n, polars = targets + n, modifiers = polars + n
        var moveCount = 0, comparatorCount = 0, targetCount = 0, polarCount = 0, modifierCount = 0
        for i in 0..<n {
            let t = toks[i]
            var passes = (t.info & EntryBit.passMask) >> EntryBit.passShift
            if t.kind == .number && t.sign != 0 { passes |= 8 } // "-6%"
            guard passes != 0 else { continue }
            let k = Int32(truncatingIfNeeded: i)
            if passes & 1 != 0 { moves[moveCount] = k; moveCount += 1 }
            if passes & 2 != 0 { comparators[comparatorCount] = k; comparatorCount += 1 }
            if passes & 4 != 0 { targets[targetCount] = k; targetCount += 1 }
            if passes & 8 != 0 { polars[polarCount] = k; polarCount += 1 }
            if passes & 16 != 0 { modifiers[modifierCount] = k; modifierCount += 1 }
        }

        /// The token's whole lexicon entry (the empty one, index 0, when it has none): read
        /// only for values; the yes/no questions are answered by the token's `info` bits.
        @inline(__always) func en(_ i: Int) -> LexiconEntry { table[Int(toks[i].entry)] }
        @inline(__always) func bit(_ i: Int, _ b: UInt64) -> Bool { toks[i].info & b != 0 }
        @inline(__always) func hasEntry(_ i: Int) -> Bool { bit(i, EntryBit.exists) }
        /// The word id at `i`, -1 outside the sentence (as the empty word was).
        @inline(__always) func id(_ i: Int) -> Int32 { i >= 0 && i < n ? toks[i].id : -1 }
        @inline(__always) func word(_ i: Int, _ w: RuleWord) -> Bool { id(i) == w.rawValue }
        /// On a rule word list (the empty word outside the sentence is on none).
        @inline(__always) func inSet(_ i: Int, _ set: UInt64) -> Bool { i >= 0 && i < n && toks[i].info & set != 0 }
        @inline(__always) func has(_ i: Int, _ flag: UInt64) -> Bool { toks[i].info & flag != 0 }
        @inline(__always) func isBoundary(_ i: Int) -> Bool {
            toks[i].kind == .boundary || toks[i].info & RuleFlag.clauseBound != 0
        }

        // Targets right after a comparator are the base of a comparison ("from a loss").
        for q in 0..<comparatorCount {
            let i = Int(comparators[q])
            var k = i + 1, steps = 0
            while k < n, steps < 5, !isBoundary(k), toks[k].kind != .comma {
                if bit(k, EntryBit.target) { isBase[k] = true; break }
                if toks[k].kind == .number { break }
                k += 1; steps += 1
            }
        }

        // "profit before taxes", "earnings before interest": the tax is a qualifier, not what moved.
        for q in 0..<targetCount {
            let i = Int(targets[q])
            if inSet(i - 1, WordSet.qualifierLead) && inSet(i, WordSet.qualifier) && !word(i - 1, .net) { isBase[i] = true }
        }
        func eligibleTarget(_ j: Int) -> Bool {
            guard hasEntry(j), !consumed[j], !isBase[j] else { return false }
            return bit(j, EntryBit.target) || isMoveNoun(j)
        }
        /// A direction noun can itself be what moves: "growth slowed", "pared gains", "the decline eased".
        func isMoveNoun(_ j: Int) -> Bool {
            guard bit(j, EntryBit.direction), !bit(j, EntryBit.target) else { return false }
            let x = en(j)
            if x.role == .noun { return true }
            guard x.alsoNoun else { return false }
            return inSet(j - 1, WordSet.moveNounLead) || (j > 0 && bit(j - 1, EntryBit.target))
        }
        func targetValue(_ j: Int) -> (sign: Double, weight: Double) {
            guard hasEntry(j) else { return (0, 0) }
            let t = en(j)
            if t.isTarget { return (t.targetSign, t.targetWeight) }
            return (Double(t.direction), 1)
        }

        // 1–2. Directions and outcomes.
        for q in 0..<moveCount {
            let i = Int(moves[q])
            let w = toks[i].id
            // Outcomes: "turned to a loss", "returned to profit".
            // Only directions and outcome verbs act here.
            guard bit(i, EntryBit.direction | RuleFlag.outcome) else { continue }
            let entry = en(i)
            if entry.isDirection || entry.flags & RuleFlag.outcome != 0 {
                var k = i + 1
                if k < n, word(k, .to) || word(k, .into) || word(k, .back) {
                    k += 1
                    var steps = 0
                    while k < n, steps < 4, has(k, RuleFlag.filler) || word(k, .to) { k += 1; steps += 1 }
                    if k < n, inSet(k, WordSet.outcomeTarget), hasEntry(k), !consumed[k] {
                        consumed[k] = true
                        contribs.append(Contribution(value: en(k).targetSign * 1.1, from: i, to: k, anchor: i))
                        continue
                    }
                }
            }
            let e = entry
            guard e.isDirection, !consumed[i] else { continue }
            // "declined to comment" is a refusal, not a fall.
            if (w == RuleWord.declined.rawValue || w == RuleWord.declines.rawValue || w == RuleWord.decline.rawValue)
                && (word(i + 1, .to) || word(i + 1, .comment)) { continue }
            // Phrasal particles and limits: "set up", "step down", "up to 300 jobs".
            if e.role == .adverb {
                if inSet(i - 1, WordSet.particleVerb) { continue }
                // "up to 300 jobs" is a limit; "went up to EUR 8.6m" is a move.
                if w == RuleWord.up.rawValue, word(i + 1, .to), !inSet(i - 1, WordSet.upToMove),
                   !(i > 0 && bit(i - 1, EntryBit.target)) { continue }
            }
            // "top" is a direction only as a verb with an object ("tops estimates"), never as "top executives".
            if w == RuleWord.top.rawValue && !(word(i + 1, .estimates) || word(i + 1, .expectations) || word(i + 1, .forecasts)) { continue }
            let nounReading = e.role == .noun || (e.alsoNoun && (inSet(i - 1, WordSet.nounLead) || (i > 0 && toks[i - 1].kind == .number)))

            // A direction noun used as a modifier names the target, not a move: "growth forecast".
            if e.role == .noun, i + 1 < n, bit(i + 1, EntryBit.target), !(i > 0 && bit(i - 1, EntryBit.target)) { continue }
            // Leftward search for the subject.
            var left = -1, leftDist = 0
            do {
                var j = i - 1, d = 0
                let maxD = nounReading ? 2 : e.role == .adjective ? 12 : e.role == .adverb ? 20 : 12
                while j >= 0, d < maxD {
                    if isBoundary(j) { break }
                    if eligibleTarget(j) { left = j; leftDist = d; break }
                    if bit(j, EntryBit.direction), j != i - 1 || !nounReading { break }
                    if toks[j].kind == .comma { d += 2 } else { d += 1 }
                    j -= 1
                }
            }
            // Rightward search for the object.
            var right = -1, rightDist = 0, viaLink = false
            do {
                var k = i + 1, d = 0
                let maxD = nounReading ? 7 : 2
                while k < n, d < maxD {
                    let t = toks[k]
                    if isBoundary(k) || t.kind == .comma { break }
                    if eligibleTarget(k), !(has(k, RuleFlag.filler) && k + 1 < n && bit(k + 1, EntryBit.target)) {
                        right = k; rightDist = d; break
                    }
                    if bit(k, EntryBit.direction) { break }
                    if nounReading, has(k, RuleFlag.link) { viaLink = true; k += 1; continue }
                    if nounReading, t.kind == .number || has(k, RuleFlag.unit) { k += 1; continue }
                    if has(k, RuleFlag.rightStop) { break }
                    if !has(k, RuleFlag.filler) { d += 1 }
                    k += 1
                }
            }
            var target = -1
            if nounReading {
                if right >= 0 && (viaLink || rightDist == 0) { target = right } else if left >= 0 { target = left } else if right >= 0 { target = right }
            } else if e.role == .adjective {
                if right >= 0 && rightDist <= 1 { target = right } else if left >= 0 { target = left } else { target = right }
            } else {
                if left >= 0 && (right < 0 || leftDist <= 5 || rightDist > 1) { target = left } else { target = right }
            }
            _ = leftDist
            // "net loss was EUR 26m, down from a net profit": the states compared decide, not the word.
            if target >= 0, word(i + 1, .from) || word(i + 1, .than) {
                var k = i + 2
                while k < n, k - i <= 5, !isBoundary(k), !isBase[k] { k += 1 }
                if k < n, isBase[k], hasEntry(k), case let b = en(k), b.isTarget, b.targetSign != 0,
                   b.targetSign != targetValue(target).sign, targetValue(target).sign != 0 {
                    consumed[target] = true
                    contribs.append(Contribution(value: targetValue(target).sign * 1.0, from: min(i, target), to: max(i, target), anchor: i))
                    continue
                }
            }
            if target >= 0 {
                consumed[target] = true
                // A move noun already counted on its own now counts only through this pairing.
                if target < i { contribs.removeAll { $0.anchor == target } }
                let t = targetValue(target)
                let v = Double(e.direction) * t.sign * e.strength * t.weight
                contribs.append(Contribution(value: v, from: min(i, target), to: max(i, target), anchor: i))
            } else if e.inherent != 0 {
                // A bare "up"/"down" is a move next to a figure ("shares up 5%") or closing a
                // headline clause ("SONN up after hours"), not inside a phrase ("up his hat").
                var v = e.inherent
                if e.role == .adverb {
                    let nearFigure = (i + 1 < n && toks[i + 1].kind == .number)
                        || (i > 0 && (toks[i - 1].kind == .number || toks[i - 1].id == RuleWord.percentSign.rawValue))
                    let closing = i + 1 >= n || toks[i + 1].kind != .word || inSet(i + 1, WordSet.clauseCloser)
                    if nearFigure { v *= 1.6 } else if !closing { continue }
                }
                // "gains a bear", "adds another bull": the thing gained or lost carries the sentiment.
                var k = i + 1
                while k < n, k - i <= 3, inSet(k, WordSet.gainedLead) { k += 1 }
                if e.role == .verb, k < n, hasEntry(k), case let p = en(k), p.polar != 0, !p.isDirection, !consumed[k] {
                    consumed[k] = true
                    contribs.append(Contribution(value: Double(e.direction) * p.polar, from: i, to: k, anchor: i))
                    continue
                }
                contribs.append(Contribution(value: v, from: i, to: i, anchor: i))
            }
        }

        // 3. Comparisons without a direction word: "profit of EUR 2m compared to a loss", "EUR 0.52 versus EUR 0.09".
        for q in 0..<comparatorCount {
            let c = Int(comparators[q])
            // The current figure's target: nearest unconsumed target to the left, across commas.
            var cur = -1
            var j = c - 1
            while j >= 0, c - j <= 16 {
                if toks[j].kind == .boundary && bytes[toks[j].start] != UInt8(ascii: "(") && bytes[toks[j].start] != UInt8(ascii: ")") { break }
                if bit(j, EntryBit.direction) { cur = -2; break }
                if bit(j, EntryBit.target), en(j).targetSign != 0, !isBase[j] { cur = consumed[j] ? -2 : j; break }
                j -= 1
            }
            guard cur >= 0, hasEntry(cur) else { continue }
            let curEntry = en(cur)
            // The base: a target or an amount after the comparator.
            var base = -1, baseAmount: Double? = nil
            var k = c + 1
            while k < n, k - c <= 6 {
                if k == c + 1, toks[k].kind == .boundary, bytes[toks[k].start] == UInt8(ascii: ".") { k += 1; continue } // "vs."
                if isBoundary(k) { break }
                if isBase[k], hasEntry(k), en(k).targetSign != 0 { base = k; break }
                if toks[k].kind == .number, !toks[k].isYear {
                    // "compared to a negative EUR 0.83 mn"
                    let negated = (c + 1..<k).contains { inSet($0, WordSet.negativeAmount) }
                    baseAmount = negated ? -abs(toks[k].value) : toks[k].value
                    break
                }
                k += 1
            }
            // Words describing the base are not news of their own.
            for q in (c + 1)..<min(n, k + 1) where hasEntry(q) { consumed[q] = true }
            if base >= 0 {
                if en(base).targetSign != curEntry.targetSign {
                    consumed[cur] = true
                    contribs.append(Contribution(value: curEntry.targetSign * 1.0, from: cur, to: base, anchor: cur))
                }
                continue
            }
            guard let bv = baseAmount else { continue }
            var amount: Double? = nil
            var m = cur + 1
            while m < c { if toks[m].kind == .number, !toks[m].isYear { amount = toks[m].value; break }; m += 1 }
            guard let av = amount, av != bv, !word(c, .from), !word(c, .than) else { continue }
            consumed[cur] = true
            contribs.append(Contribution(value: (av > bv ? 1 : -1) * curEntry.targetSign * 0.8 * curEntry.targetWeight, from: cur, to: k, anchor: cur))
        }

        // 4. Polar words, ratings and signed percentages.
        for q in 0..<polarCount {
            let i = Int(polars[q])
            if toks[i].kind == .number, toks[i].sign != 0, word(i + 1, .percentSign) {
                // "Macy's -6%", "(+1.0% pre)": a headline's signed move.
                contribs.append(Contribution(value: Double(toks[i].sign) * 0.9, from: i, to: i + 1, anchor: i))
                continue
            }
            let w = toks[i].id
            // Winning business: "received a significant order", "inked a deal".
            let flags = toks[i].info
            if flags & RuleFlag.win != 0 {
                var k = i + 1
                while k < n, k - i <= 5, !isBoundary(k), toks[k].kind != .comma, !inSet(k, WordSet.businessNoun) { k += 1 }
                if k < n, inSet(k, WordSet.businessNoun) {
                    contribs.append(Contribution(value: 0.9, from: i, to: k, anchor: i))
                    continue
                }
            }
            let special = flags & RuleFlag.special != 0
            // "hit" hurts only as an impact ("hit by", "was hit"), not as reaching ("hit a record").
            if special, w == RuleWord.hit.rawValue || w == RuleWord.hits.rawValue {
                if inSet(i + 1, WordSet.hitImpactNext) || inSet(i - 1, WordSet.hitImpactPrevious) {
                    contribs.append(Contribution(value: -0.7, from: i, to: min(n - 1, i + 1), anchor: i))
                }
                continue
            }
            // "below expectations", "above consensus".
            if special, w == RuleWord.below.rawValue || w == RuleWord.above.rawValue || w == RuleWord.past.rawValue {
                var k = i + 1
                while k < n, k - i <= 3, inSet(k, WordSet.expectationLead) { k += 1 }
                if k < n, inSet(k, WordSet.expectationNoun) {
                    consumed[k] = true
                    contribs.append(Contribution(value: w == RuleWord.below.rawValue ? -1.0 : 1.0, from: i, to: k, anchor: i))
                }
                continue
            }
            // "buy back shares", "top pick": fixed phrases of good news for holders.
            let isPick = w == RuleWord.pick.rawValue
            if special, (w == RuleWord.buy.rawValue || w == RuleWord.buying.rawValue) && word(i + 1, .back) || (isPick && word(i - 1, .top)) {
                contribs.append(Contribution(value: 0.8, from: isPick ? i - 1 : i, to: isPick ? i : i + 1, anchor: i))
                continue
            }
            // Only ratings, polar words and the special words act below.
            guard bit(i, EntryBit.rating | EntryBit.polar | RuleFlag.special) else { continue }
            let e = en(i)
            // What something came from is no news: "upgraded to in-line from underperform".
            var p = i - 1
            while p >= 0, toks[p].kind == .other { p -= 1 }
            if p >= 0, toks[p].id == RuleWord.from.rawValue { continue }
            if e.hasRating, e.rating != 0, isRating(i) {
                contribs.append(Contribution(value: e.rating, from: i, to: i, anchor: i))
                continue
            }

            let isRecord = w == RuleWord.record.rawValue || w == RuleWord.records.rawValue
            // "to record a charge": the verb, not the superlative.
            if special, isRecord, inSet(i - 1, WordSet.recordVerbLead) || inSet(i + 1, WordSet.recordNounNext)
                || (i + 1 < n && toks[i + 1].kind != .word && toks[i + 1].kind != .boundary) {
                continue
            }

            // "record" before a move intensifies it ("record highs", "record low") rather than cheering.
            if special, isRecord, i + 1 < n, bit(i + 1, EntryBit.direction) {
                for ci in contribs.indices where contribs[ci].anchor == i + 1 { contribs[ci].value *= 1.3; contribs[ci].from = i }
                continue
            }
            if e.polar != 0, !e.isDirection, !consumed[i], !isBase[i] {
                contribs.append(Contribution(value: e.polar, from: i, to: i, anchor: i))
            }
        }
        if contribs.isEmpty { return }

        // 5. Modifiers.
        var certainty = 1.0
        var lastContrast = -1
        for q in 0..<modifierCount {
            let i = Int(modifiers[q])
            let e = en(i)
            // Removing a bad thing is good: "settles lawsuit", "suspended a probe".
            if e.flags & RuleFlag.removal != 0 {
                var flipped = false
                for ci in contribs.indices where contribs[ci].anchor > i && contribs[ci].anchor <= i + 4 && contribs[ci].value < 0 && contribs[ci].from == contribs[ci].to {
                    let a = contribs[ci].anchor
                    if bit(a, EntryBit.direction | EntryBit.rating) { continue }
                    contribs[ci].value = -contribs[ci].value * 0.8
                    contribs[ci].from = i
                    flipped = true
                }
                if flipped { for ci in contribs.indices where contribs[ci].anchor == i && contribs[ci].from == i && contribs[ci].to == i { contribs[ci].value = 0 } }
            }
            // Losing a good thing is bad: "loses a bull", "lost confidence".
            if e.flags & RuleFlag.lose != 0 {
                for ci in contribs.indices where contribs[ci].anchor > i && contribs[ci].anchor <= i + 3 && contribs[ci].value > 0 && contribs[ci].from == contribs[ci].to {
                    contribs[ci].value = -contribs[ci].value
                }
            }
            if e.negator {
                // "not only … but" and "never been this bullish" are emphasis, not negation.
                if word(i + 1, .only) { continue }
                if inSet(i + 1, WordSet.emphasisNext) || (inSet(i + 1, WordSet.emphasisBe) && inSet(i + 2, WordSet.emphasisAfterBe)) { continue }
                var k = i + 1, steps = 0
                while k < n, steps < 5, !isBoundary(k), toks[k].kind != .comma {
                    for ci in contribs.indices where contribs[ci].anchor == k { contribs[ci].value *= -0.5 }
                    k += 1; steps += 1
                }
            }
            if e.hedge != 1 {
                // A hedge speaks for the rest of its clause.
                var k = i + 1
                while k < n, !(toks[k].kind == .boundary) {
                    for ci in contribs.indices where contribs[ci].anchor == k { contribs[ci].value *= e.hedge }
                    k += 1
                }
                if contribs.contains(where: { $0.anchor > i }) { certainty = min(certainty, e.hedge) }
            }
            if e.degree != 1 {
                // The nearest cue within two words, preferring the one after ("sharply higher").
                var best = -1, bestD = 3
                for ci in contribs.indices {
                    let d = contribs[ci].anchor - i
                    let dist = d > 0 ? d : -d + 1
                    if dist < bestD, abs(d) <= 2, d != 0 { best = ci; bestD = dist }
                }
                if best >= 0 { contribs[best].value *= e.degree }
            }
            if e.contrast, i > 0 { lastContrast = i }
            if e.concessive {
                var k = i + 1
                while k < n, toks[k].kind != .comma, toks[k].kind != .boundary {
                    for ci in contribs.indices where contribs[ci].anchor == k { contribs[ci].value *= 0.4 }
                    k += 1
                }
            }
        }
        if lastContrast > 0 {
            for ci in contribs.indices {
                if contribs[ci].anchor < lastContrast { contribs[ci].value *= 0.5 } else { contribs[ci].value *= 1.2 }
            }
        }
        // A question asserts nothing: "Should You Worry About …?", "Is X a Strong Dividend Stock?"
        if isQuestion(bytes) {
            for ci in contribs.indices { contribs[ci].value *= 0.25 }
            certainty = min(certainty, 0.25)
        }
        ws.certainty = certainty

        /// A rating word is a rating after "at", "rated", "reiterated"…, and after "to" or "a"
        /// only when a rating change precedes it ("cut to Sell") or it is written as a rating
        /// (capitalised, closing the clause): "agreed to sell part of the unit" is no rating.
        func isRating(_ i: Int) -> Bool {
            guard inSet(i - 1, WordSet.ratingLead) else { return false }
            if !word(i - 1, .to) && !word(i - 1, .a) && !word(i - 1, .as) { return true }
            if i >= 2, bit(i - 2, EntryBit.direction) { return true }
            let closes = i + 1 >= n || toks[i + 1].kind != .word || inSet(i + 1, WordSet.ratingCloser)
            return toks[i].capitalized && closes
        }
    }

    /// True when the sentence ends with a question mark (closing quotes and links aside).
    static func isQuestion(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = bytes.count - 1
        // Skip a trailing link, as headlines often end with one.
        var end = k
        while end >= 0, !ScoringTokenizer.isSpace(bytes[end]) { end -= 1 }
        if end >= 0, end + 5 < bytes.count, bytes[end + 1] == UInt8(ascii: "h"), bytes[end + 2] == UInt8(ascii: "t") { k = end }
        while k >= 0, ScoringTokenizer.isSpace(bytes[k]) || bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") { k -= 1 }
        return k >= 0 && bytes[k] == UInt8(ascii: "?")
    }
}

/// Reusable buffers for scoring one sentence after another on one thread: once they have grown
/// to the longest sentence seen, scoring allocates nothing. Not shareable between threads.
public final class ScoringWorkspace {
    private(set) var capacity = 0
    /// The last sentence's tokens (`tokenCount` of them) and per-token rule state.
    var toks: UnsafeMutablePointer<ScoringToken>
    var tokenCount = 0
    var consumed: UnsafeMutablePointer<Bool>
    var isBase: UnsafeMutablePointer<Bool>
    /// Five lists of token indices, `capacity` each: the tokens each rule pass acts on.
    var lists: UnsafeMutablePointer<Int32>
    var contribs: [SentimentScorer.Contribution] = []
    /// The smallest hedge factor applied to the last sentence scored.
    var certainty = 1.0

    public init() {
        toks = .allocate(capacity: 0); consumed = .allocate(capacity: 0); isBase = .allocate(capacity: 0)
        lists = .allocate(capacity: 0)
    }

    deinit { release() }

    private func release() { toks.deallocate(); consumed.deallocate(); isBase.deallocate(); lists.deallocate() }

    /// Room for `n` tokens (the buffers hold plain values, so they need no initialising).
    @inline(__always)
    func reserve(_ n: Int) {
        guard n > capacity else { return }
        release()
        capacity = max(n, capacity * 2, 64)
        toks = .allocate(capacity: capacity); consumed = .allocate(capacity: capacity); isBase = .allocate(capacity: capacity)
        lists = .allocate(capacity: 5 * capacity)
    }
}
