// Times key-point selection over a folder of plain-text articles (first line the title, the rest
// the body: the BBC News Summary layout), single-threaded, and prints articles per second for:
//   select     KeyPointSelector.select on sentences split and scored beforehand (the part
//              comparable to a summarizer's ranking step);
//   split+select        sentence splitting and selection;
//   split+score+select  splitting, each sentence's sentiment, selection and key figures: all a
//                       brief needs for its key points;
//   analyze             the whole Analyzer (article score, evidence, tickers too), for scale.
// Usage: KeyPointsBench ARTICLES_DIR [--seconds S] [--only select|split+select|split+score+select|analyze]
import Analysis
import Foundation

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write("usage: KeyPointsBench ARTICLES_DIR [--seconds S]\n".data(using: .utf8)!)
    exit(2)
}
let dir = URL(fileURLWithPath: args[1])
let seconds: Double = {
    if let i = args.firstIndex(of: "--seconds"), i + 1 < args.count, let s = Double(args[i + 1]) { return s }
    return 2.0
}()

struct Article { var title: String; var text: String }

/// Title = first non-empty line; body = the remaining non-empty lines, one paragraph each.
func load(_ url: URL) -> Article? {
    guard let data = try? Data(contentsOf: url) else { return nil }
    let raw = String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
    var lines = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard !lines.isEmpty else { return nil }
    let title = lines.removeFirst()
    return Article(title: title, text: lines.joined(separator: "\n"))
}

let files = (try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil))
    .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
let articles = files.compactMap(load)
guard !articles.isEmpty else { print("no .txt articles in \(dir.path)"); exit(1) }

let scorer = SentimentScorer()
let presplit = articles.map { SentenceSplitter.split($0.text) }
let prescored = presplit.map { $0.map { scorer.score($0.text).sentiment } }
let analyzer = Analyzer()

@MainActor func KeyPointsBench_sink(_ v: Int) { sink &+= v }

/// CPU time of this thread, in seconds: what "on one core" means on a machine shared with other
/// jobs, where wall time would count their time slices as ours.
func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs `body` over every article, repeatedly, for at least `seconds` of CPU time; returns
/// articles per CPU-second.
/// `sink` keeps the optimiser from dropping the work.
var sink = 0
func measure(_ body: (Int) -> Int) -> Double {
    let count = articles.count, seconds = seconds
    var sink = 0
    defer { MainActor.assumeIsolated { KeyPointsBench_sink(sink) } }
    for i in 0..<count { sink &+= body(i) }            // warm-up pass
    var done = 0
    let start = threadCPUTime()
    var elapsed = 0.0
    repeat {
        for i in 0..<count { sink &+= body(i) }
        done += count
        elapsed = threadCPUTime() - start
    } while elapsed < seconds
    return Double(done) / elapsed
}

/// `--only NAME` runs one measurement (for a profiler).
let only: String? = args.firstIndex(of: "--only").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
func wanted(_ name: String) -> Bool { only == nil || only == name }

let select = !wanted("select") ? 0 : measure { i in
    KeyPointSelector.select(title: articles[i].title, sentences: presplit[i], sentiments: prescored[i], count: 3).count
}
let splitSelect = !wanted("split+select") ? 0 : measure { i in
    let s = SentenceSplitter.split(articles[i].text)
    let neutral = [Sentiment](repeating: Sentiment(score: 0), count: s.count)
    return KeyPointSelector.select(title: articles[i].title, sentences: s, sentiments: neutral, count: 3).count
}
let full = !wanted("split+score+select") ? 0 : measure { i in
    let s = SentenceSplitter.split(articles[i].text)
    let k = KeyPointSelector.select(title: articles[i].title, sentences: s, sentiments: s.map { scorer.score($0.text).sentiment }, count: 3)
    return k.count + KeyFigures.extract(from: s, keyPoints: k).count
}
let whole = !wanted("analyze") ? 0 : measure { i in analyzer.analyze(AnalysisInput(title: articles[i].title, text: articles[i].text)).keyPoints.count }

let sentences = presplit.reduce(0) { $0 + $1.count }
print("articles \(articles.count) sentences \(sentences) sink \(sink % 10)")
print(String(format: "select %.0f", select))
print(String(format: "split+select %.0f", splitSelect))
print(String(format: "split+score+select %.0f", full))
print(String(format: "analyze %.0f", whole))
