import Analysis
import Foundation

/// Every result in full precision (Double's description round-trips), one fact a line, so two
/// builds that must behave identically can be compared with `cmp`.
enum Dump {
    static func write(inputs: [AnalysisInput], lineSets: [(name: String, lines: [String])], to path: String) {
        var out = ""
        let scorer = SentimentScorer()
        for (k, input) in inputs.enumerated() {
            for keyPoints in [0, 3] {
                let a = Analyzer(options: AnalysisOptions(keyPoints: keyPoints)).analyze(input)
                out += "article \(k) kp\(keyPoints) \(a.sentiment.score) \(a.sentiment.label.rawValue)\n"
                for e in a.evidence { out += "  evidence \(quoted(e.phrase)) \(e.contribution)\n" }
                for t in a.tickers { out += "  ticker \(t.symbol) \(t.relevance) \(t.sentiment.score) \(t.sentiment.label.rawValue)\n" }
                for p in a.keyPoints { out += "  keypoint \(p.sentenceIndex) \(p.sentiment.score) \(quoted(p.text))\n" }
                for f in a.keyFigures { out += "  figure \(quoted(f.figure)) \(quoted(f.context))\n" }
                // Every figure found, not only the five kept: reaches each sentence's figures.
                for f in KeyFigures.extract(from: SentenceSplitter.split(input.text), keyPoints: a.keyPoints, limit: .max) {
                    out += "  anyfigure \(quoted(f.figure)) \(quoted(f.context))\n"
                }
            }
            for s in SentenceSplitter.split(input.text) {
                out += "  sentence \(s.index) p\(s.paragraph) \(s.kind.rawValue) \(quoted(s.text))\n"
                out += result(scorer.score(s.text), indent: "    ")
            }
            out += "  title " + result(scorer.score(input.title), indent: "    ")
        }
        for set in lineSets {
            out += "lines \(set.name)\n"
            for l in set.lines {
                out += result(scorer.score(l), indent: "  ")
                out += "  value \(scorer.scoreValue(l))\n"
            }
        }
        FileManager.default.createFile(atPath: path, contents: Data(out.utf8))
    }

    static func result(_ r: SentimentScorer.Result, indent: String) -> String {
        var out = "\(r.sentiment.score) \(r.sentiment.label.rawValue) raw \(r.raw) certainty \(r.certainty)\n"
        for e in r.evidence { out += "\(indent)\(quoted(e.phrase)) \(e.contribution)\n" }
        return out
    }

    /// Escapes control characters so line breaks inside text cannot fake a record.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            if u.value < 0x20 || u == "\"" || u == "\\" || (u.value >= 0x2028 && u.value <= 0x2029) {
                out += "\\u{\(String(u.value, radix: 16))}"
            } else { out.unicodeScalars.append(u) }
        }
        return out + "\""
    }
}
