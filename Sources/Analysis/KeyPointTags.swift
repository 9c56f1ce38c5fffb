/// Tags a key point as a risk, a catalyst, an outlook or a result when its words clearly say so.
///
/// Each tag has cue words. A strong cue names the thing ("risks", "catalysts", "guidance",
/// "reported") and counts 2; a supporting cue ("probe", "approval", "likely", "rose") counts 1.
/// A few rules read the words around a cue, because the same word plays different parts:
/// - an expectation that is only the yardstick of a result ("beat forecasts", "faster than
///   expected", "ahead of the $81.9 billion analysts had expected") supports *result*, not outlook;
/// - a movement ("rose", "fell") supports *result* only when a business measure moved (revenue,
///   margin, deliveries…): "shares fell 7%" is the market's reaction, not the company's result;
/// - a result needs a figure or a strong cue: "sales rose" alone is colour;
/// - a dated or scheduled event ("reports results on Jan. 13", "will unveil", "is due to vote")
///   is a *catalyst*.
/// The tag is given only when one tag reaches 2 and beats every other: a sentence that is half
/// outlook and half risk gets no tag rather than a wrong one.
enum KeyPointTags {
    enum Cue { case risk(Int), catalyst(Int), outlook(Int), result(Int), measure, movement, yardstick, comparison, scheduler, event }

    static let cues: TermTable<Cue> = {
        var table: [(UInt64, Cue)] = []
        func add(_ cue: Cue, _ words: String) { for w in words.split(separator: " ") { table.append((KeyPointTerms.hash(String(w)), cue)) } }
        add(.risk(2), "caveat caveats risk risks risky threat threats threatens threaten headwind headwinds downside warn warned warns warning jeopardise jeopardize vulnerable")
        add(.risk(1), "concern concerns concerned worried worries worry uncertainty uncertain probe investigation lawsuit lawsuits sued penalty penalties fined dilution recall recalls recalling unwind exposure setback scrutiny antitrust sanctions tariffs curbs litigation default")
        add(.catalyst(2), "catalyst catalysts")
        add(.catalyst(1), "approval approvals launch launches unveil unveils partnership partnerships acquisition merger takeover buyback buybacks pilot inclusion upcoming milestone milestones")
        add(.outlook(2), "outlook guidance guided expects projected projects projection projections anticipates anticipate predicts predicted")
        add(.outlook(1), "likely target targets")
        add(.yardstick, "forecast forecasts expect expected expectations estimate estimates consensus")
        add(.result(2), "reported posted earned")
        add(.result(1), "results")
        add(.measure, "revenue revenues sales profit profits earnings income loss losses margin margins ebitda ebita eps deliveries orders output production shipments registrations bookings")
        add(.movement, "rose fell grew jumped climbed dropped declined slumped surged increased decreased narrowed widened doubled halved lost beat missed topped")
        add(.comparison, "than beat beats topped missed above below ahead versus vs against exceeded")
        add(.scheduler, "will due scheduled set")
        add(.event, "report reports announce unveil launch vote decide rule publish hold present release")
        return TermTable(table)
    }()

    static let analysts = KeyPointTerms.hash("analysts"), had = KeyPointTerms.hash("had")
    static let expected = KeyPointTerms.hash("expected"), estimate = KeyPointTerms.hash("estimate")
    static let estimates = KeyPointTerms.hash("estimates"), reports = KeyPointTerms.hash("reports")
    static let report = KeyPointTerms.hash("report"), results = KeyPointTerms.hash("results"), on = KeyPointTerms.hash("on")

    /// The tag the sentence clearly is, or nil.
    static func tag(_ text: String) -> KeyPoint.Tag? {
        let words = lowercaseWords(text)
        var risk = 0, catalyst = 0, outlook = 0, result = 0
        var measure = false, measureMoved = false, strongResult = false
        var seen: [UInt64] = []
        for (k, w) in words.enumerated() {
            guard let cue = cues[w] else { continue }
            // Each cue word counts once: "target … target" is one mention of targets.
            let first = !seen.contains(w)
            if first { seen.append(w) }
            switch cue {
            case .risk(let n): if first { risk += n }
            case .catalyst(let n): if first { catalyst += n }
            case .outlook(let n): if first { outlook += n }
            case .result(let n): if first { result += n }; if n >= 2 { strongResult = true }
            case .measure: measure = true
            case .movement:
                // "revenue at its cloud unit rose": the measure is the subject, a few words before.
                if words[max(0, k - 5)..<k].contains(where: { if case .measure? = cues[$0] { return true }; return false }) {
                    measureMoved = true
                }
            case .comparison, .scheduler, .event: break
            case .yardstick:
                // "beat forecasts", "faster than expected", "the 11.90 yuan analysts expected".
                let before = words[max(0, k - 5)..<k]
                if before.contains(where: { if case .comparison? = cues[$0] { return true }; return false })
                    || (w == expected && (before.contains(analysts) || before.contains(had))) {
                    result += 1
                } else if first {
                    outlook += w == expected || w == estimate || w == estimates ? 1 : 2
                }
            }
            // A dated or scheduled event: "will unveil", "is due to report", "reports results on".
            if case .event = cue {
                let before = words[max(0, k - 3)..<k]
                if before.contains(where: { if case .scheduler? = cues[$0] { return true }; return false }) { catalyst += 2 }
                else if w == reports || w == report, words[(k + 1)...].prefix(3).contains(results),
                        words[(k + 1)...].prefix(5).contains(on) { catalyst += 2; result -= 1 }
            }
        }
        if measure { result += 1; if measureMoved { result += 1 } }
        if !strongResult && !KeyFigures.containsDigit(text) { result = min(result, 1) }
        let scored: [(KeyPoint.Tag, Int)] = [(.risk, risk), (.catalyst, catalyst), (.outlook, outlook), (.result, result)]
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 2,
              scored.filter({ $0.1 == best.1 }).count == 1 else { return nil }
        return best.0
    }

    /// Hashes of the lower-cased runs of letters (an apostrophe ends a word: "company's" →
    /// "company", "s"), hashed like `KeyPointTerms` so cue words are looked up without strings.
    static func lowercaseWords(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        var copy = text
        copy.withUTF8 { buf in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var inWord = false
            for var b in buf {
                let letter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x80 && b != 0xE2 && b != 0xC2)
                if letter {
                    if b <= 0x5A && b >= 0x41 { b |= 0x20 }
                    h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                    inWord = true
                } else if inWord {
                    out.append(h); h = 0xcbf2_9ce4_8422_2325; inWord = false
                }
            }
            if inWord { out.append(h) }
        }
        return out
    }
}
