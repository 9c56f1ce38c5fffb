import Analysis
import Foundation

/// Deterministic variants of an article that hit the splitter's, scorer's and ticker finder's
/// edge cases: Windows line endings, typographic quotes and spaces, canonically equivalent
/// spellings, upper case, and random insertions of tricky characters.
enum Mutations {
    static let tricky: [String] = [
        ".", "!", "?", "…", "...", "\"", "“", "”", "‘", "’", "'", "(", ")", "[", "]", "\u{00A0}", "\u{2028}", "\u{2029}",
        "\r", "\n", "\r\n", "\t", "é", "e\u{301}", "\u{212A}", "K", "İ", "ß", "Ω", "😀", "👍🏽", "$", "$BIDU", "$AAPL.B", ":",
        "NASDAQ: ", "HEL: AFE1V", "#", "## ", "- ", "• ", "1. ", "2) ", "Inc.", "U.S.", "Mr.", "e.g.", "Jan.", "No.", " ",
        "  ", "-", "–", "—", "%", "+5%", "-6%", "EUR 1.2 mn", "1,000", "0.20", "http://x.example/a.b", "n't", "'s", "’s",
        "Baidu", "Baidu's", "Apple", "Goldman Sachs", "J.P. Morgan", "AT&T", "Coca-Cola", "Amazon.com", "iQIYI",
        "not", "but", "however", "despite", "could", "sharply", "rose", "fell", "profit", "loss", "to", "from", "versus",
        "\u{037E}", "\u{1FEF}", "\u{0300}", "\u{FEFF}", "\u{3000}", "\u{0085}", "A", "The ", " The", "the",
    ]

    static func variants(of input: AnalysisInput, seed: UInt64) -> [AnalysisInput] {
        var out: [AnalysisInput] = []
        out.append(AnalysisInput(title: input.title, text: input.text.replacingAll("\n", "\r\n"), declaredTickers: input.declaredTickers))
        out.append(AnalysisInput(title: input.title.uppercased(), text: input.text.uppercased(), declaredTickers: []))
        out.append(AnalysisInput(title: input.title, text: input.text.replacingAll("'", "’").replacingAll(" ", "\u{00A0}", every: 7)
            .replacingAll("\"", "“", every: 2).replacingAll("e", "e\u{301}", every: 23), declaredTickers: input.declaredTickers))
        var rng = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        for _ in 0..<3 {
            var scalars = Array(input.text.unicodeScalars)
            let inserts = 1 + scalars.count / 40
            for _ in 0..<inserts {
                rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
                let at = Int(rng % UInt64(scalars.count + 1))
                let piece = tricky[Int((rng >> 20) % UInt64(tricky.count))]
                scalars.insert(contentsOf: piece.unicodeScalars, at: at)
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            let title = tricky[Int(rng % UInt64(tricky.count))] + input.title
            out.append(AnalysisInput(title: title, text: text, declaredTickers: input.declaredTickers + [" msft", "AAPL"]))
        }
        return out
    }
}

extension String {
    /// Replaces every `every`-th occurrence of `a` (scalar-wise) by `b`.
    func replacingAll(_ a: String, _ b: String, every: Int = 1) -> String {
        var out = ""
        var count = 0
        var rest = Substring(self)
        while let r = rest.range(of: a) {
            out += rest[..<r.lowerBound]
            count += 1
            out += count % every == 0 ? b : a
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
