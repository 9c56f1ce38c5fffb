import Analysis
import Articles
import Foundation

/// Usage:
///   AnalysisBench CORPUS [--reps N] [--lines FILE]... [--dump FILE] [--variants] [--analysis-only | --figures-only]
///
/// Loads every article under CORPUS (not timed), then times on one thread, best of N runs:
/// sentence splitting alone, splitting + sentence scoring, and the whole analysis without key
/// points (split, score, article combine, tickers), printing µs per article in CPU time. Each
/// `--lines` file (one sentence a line) is scored in process and reported in sentences/s.
/// `--dump FILE` writes every result in full precision instead of timing, for comparing two
/// builds byte for byte (`--variants` adds deterministic mutations of each article that
/// exercise Unicode, CRLF and punctuation edge cases).
struct Options {
    var corpus: String?
    var reps = 5
    var lines: [String] = []
    var dump: String?
    var variants = false
    /// Time only the whole analysis (for profiling it with perf or callgrind).
    var analysisOnly = false
    /// Time only `KeyFigures.extract` (for profiling it).
    var figuresOnly = false
}

var options = Options()
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--reps": options.reps = Int(args.popFirst() ?? "") ?? 5
    case "--lines": if let f = args.popFirst() { options.lines.append(f) }
    case "--dump": options.dump = args.popFirst()
    case "--variants": options.variants = true
    case "--analysis-only": options.analysisOnly = true
    case "--figures-only": options.figuresOnly = true
    default: options.corpus = a
    }
}

var inputs: [AnalysisInput] = []
if let corpus = options.corpus {
    let loaded = ArticleLoader().loadFolder(URL(fileURLWithPath: corpus))
    inputs = loaded.articles.map { AnalysisInput(title: $0.title, text: $0.text, declaredTickers: $0.tickers) }
    if options.variants { inputs += inputs.enumerated().flatMap { Mutations.variants(of: $0.element, seed: UInt64($0.offset)) } }
}
let lineSets: [(name: String, lines: [String])] = options.lines.map { path in
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    // The sentence after a TAB when the file is a labelled TSV.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        if let tab = line.firstIndex(of: "\t") { return String(line[line.index(after: tab)...]) }
        return String(line)
    }
    return (path, lines.last == "" ? Array(lines.dropLast()) : lines)
}

// The first sentence scored pays for building the lexicon tables (once per process): what a
// short `bellwether score --lines` run pays on top of process start.
let firstStart = Clock.cpuSeconds()
Clock.keep(SentimentScorer().scoreValue("Operating profit rose to EUR 13.1 mn from EUR 8.7 mn."))
let firstSentence = Clock.cpuSeconds() - firstStart

if let dumpPath = options.dump {
    Dump.write(inputs: inputs, lineSets: lineSets, to: dumpPath)
    exit(0)
}

print(String(format: "first sentence scored (lexicon built on first use): %.0f µs", firstSentence * 1e6))
let bytes = inputs.reduce(0) { $0 + $1.text.utf8.count + $1.title.utf8.count }
print("articles: \(inputs.count), \(bytes / max(1, inputs.count)) bytes each on average")
if !inputs.isEmpty {
    let analyzer = Analyzer(options: AnalysisOptions(keyPoints: 0))
    let scorer = SentimentScorer()
    let n = Double(inputs.count)
    if !options.analysisOnly && !options.figuresOnly {
        let split = Clock.best(options.reps) { for i in inputs { Clock.keep(SentenceSplitter.split(i.text).count) } }
        let scored = Clock.best(options.reps) {
            for i in inputs { for s in SentenceSplitter.split(i.text) { Clock.keep(scorer.scoreValue(s.text)) } }
        }
        print(String(format: "  split                     %8.2f µs/article", split * 1e6 / n))
        print(String(format: "  split + score sentences   %8.2f µs/article  (scoreValue on each sentence's String)", scored * 1e6 / n))
    }
    if !options.figuresOnly {
        let full = Clock.best(options.reps) { for i in inputs { Clock.keep(analyzer.analyze(i).tickers.count) } }
        print(String(format: "  analysis, no key points   %8.2f µs/article  (%.0f articles/s on one core)", full * 1e6 / n, n / full))
    }
    if !options.analysisOnly {
        // Key figures alone, on sentences and three key points computed beforehand (not timed),
        // as `bellwether build` asks for them.
        let withPoints = Analyzer(options: AnalysisOptions(keyPoints: 3))
        let prepared = inputs.map { (SentenceSplitter.split($0.text), withPoints.analyze($0).keyPoints) }
        let figures = Clock.best(options.reps) {
            for (sentences, points) in prepared { Clock.keep(KeyFigures.extract(from: sentences, keyPoints: points).count) }
        }
        print(String(format: "  key figures alone         %8.2f µs/article  (KeyFigures.extract, 3 key points)", figures * 1e6 / n))
    }
    if !options.analysisOnly && !options.figuresOnly {
        let withPoints = Analyzer(options: AnalysisOptions(keyPoints: 3))
        let three = Clock.best(options.reps) { for i in inputs { Clock.keep(withPoints.analyze(i).tickers.count) } }
        print(String(format: "  analysis, 3 key points    %8.2f µs/article  (as bellwether build runs it)", three * 1e6 / n))
    }
}
for set in lineSets {
    let t = Clock.best(options.reps) {
        for l in set.lines { Clock.keep(SentimentScorer().scoreValue(l)) }
    }
    print(String(format: "  %@: %d lines, %.0f sentences/s (scoreValue, in process, one core)",
                 (set.name as NSString).lastPathComponent, set.lines.count, Double(set.lines.count) / t))
}
