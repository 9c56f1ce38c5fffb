import Analysis
import ArgumentParser
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `bellwether score`: sentiment of text on stdin.
///
/// With `--lines` every input line is one sentence and the output is one JSON object per line,
/// in input order: `{"score": 0.2, "label": "mildly positive"}`. This is the interface the
/// evaluators drive with tens of thousands of lines, so it reads stdin in one go, scores raw
/// UTF-8 bytes, formats numbers by hand into one buffer per worker and writes with a single
/// call per buffer: no per-line allocation of JSON encoders or Strings.
/// Without `--lines` the whole of stdin is one article: it prints the article's score, label
/// and the phrases that moved it.
struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score the sentiment of text read on stdin.",
        discussion: """
        Labels: negative (≤ -0.35), mildly negative (≤ -0.15), neutral, mildly positive (≥ 0.15), \
        positive (≥ 0.35).
        """
    )

    @Flag(name: .long, help: "Score each input line as one sentence; print one JSON object per line.")
    var lines = false

    @Flag(name: .long, help: "With --lines: add each line's evidence (slower; for reading why a line scored as it did).")
    var evidence = false

    @Flag(name: .long, help: "Without --lines: print the article result as JSON.")
    var json = false

    @Option(name: .long, help: "Title to score with the article (without --lines).")
    var title: String = ""

    func run() throws {
        let input = readAllStdin()
        if lines && evidence {
            let scorer = SentimentScorer()
            var out = ""
            for line in String(decoding: input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast(input.last == 0x0A ? 1 : 0) {
                let r = scorer.score(String(line))
                out += "{\"score\": \(LineScorer.format(r.sentiment.score)), \"label\": \"\(r.sentiment.label.rawValue)\", \"evidence\": ["
                out += r.evidence.map { "{\"phrase\": \(jsonString($0.phrase)), \"contribution\": \(LineScorer.format($0.contribution))}" }.joined(separator: ", ")
                out += "]}\n"
            }
            writeStdout(Array(out.utf8))
            return
        }
        if lines {
            writeStdout(LineScorer.score(input))
            return
        }
        let text = String(decoding: input, as: UTF8.self)
        let result = Analyzer().analyze(AnalysisInput(title: title, text: text))
        var out = ""
        if json {
            out += "{\"score\": \(LineScorer.format(result.sentiment.score)), \"label\": \"\(result.sentiment.label.rawValue)\", \"evidence\": ["
            out += result.evidence.map { "{\"phrase\": \(jsonString($0.phrase)), \"contribution\": \(LineScorer.format($0.contribution))}" }.joined(separator: ", ")
            out += "], \"tickers\": ["
            out += result.tickers.map { "{\"symbol\": \(jsonString($0.symbol)), \"relevance\": \(LineScorer.format($0.relevance)), \"score\": \(LineScorer.format($0.sentiment.score)), \"label\": \"\($0.sentiment.label.rawValue)\"}" }.joined(separator: ", ")
            out += "]}\n"
        } else {
            out += "score: \(LineScorer.format(result.sentiment.score))\nlabel: \(result.sentiment.label.rawValue)\n"
            if !result.evidence.isEmpty {
                out += "evidence:\n"
                for e in result.evidence { out += "  \(e.contribution >= 0 ? "+" : "")\(LineScorer.format(e.contribution))  \(e.phrase)\n" }
            }
            if !result.tickers.isEmpty {
                out += "tickers:\n"
                for t in result.tickers {
                    out += "  \(t.symbol)  relevance \(LineScorer.format(t.relevance))  \(LineScorer.format(t.sentiment.score)) \(t.sentiment.label.rawValue)\n"
                }
            }
        }
        writeStdout(Array(out.utf8))
    }
}

/// The `--lines` engine: split, score in parallel, format, keep order.
enum LineScorer {
    static func score(_ input: [UInt8]) -> [UInt8] {
        // Line boundaries first, so workers can take contiguous ranges and output stays in order.
        var starts: [Int] = [], ends: [Int] = []
        starts.reserveCapacity(input.count / 60 + 1); ends.reserveCapacity(input.count / 60 + 1)
        var s = 0
        for (i, b) in input.enumerated() where b == 0x0A {
            starts.append(s); ends.append(i > s && input[i - 1] == 0x0D ? i - 1 : i); s = i + 1
        }
        if s < input.count { starts.append(s); ends.append(input.count) }
        let count = starts.count
        // Two workers pay off only once there is real work; tiny inputs stay on one thread.
        let workers = count >= 4000 ? 2 : 1
        var chunks = [[UInt8]](repeating: [], count: workers)
        input.withUnsafeBufferPointer { buf in
            let per = (count + workers - 1) / workers
            // Read-only for the lifetime of this closure; workers take disjoint line ranges.
            nonisolated(unsafe) let buf = buf
            let starts = starts, ends = ends
            let run: @Sendable (Int) -> [UInt8] = { w in
                var out: [UInt8] = []
                let lo = w * per, hi = min(count, lo + per)
                out.reserveCapacity(max(0, hi - lo) * 44)
                if lo < hi {
                    for l in lo..<hi {
                        let line = UnsafeBufferPointer(rebasing: buf[starts[l]..<ends[l]])
                        let v = SentimentScorer.scoreValue(bytes: line)
                        append(&out, score: v)
                    }
                }
                return out
            }
            if workers == 1 {
                chunks[0] = run(0)
            } else {
                let box = ResultBox(count: workers)
                DispatchQueue.concurrentPerform(iterations: workers) { w in box.set(w, run(w)) }
                chunks = box.values
            }
        }
        return chunks.count == 1 ? chunks[0] : Array(chunks.joined())
    }

    static let labels: [SentimentLabel: [UInt8]] = Dictionary(uniqueKeysWithValues: SentimentLabel.allCases.map { ($0, Array($0.rawValue.utf8)) })

    static func append(_ out: inout [UInt8], score v: Double) {
        out.append(contentsOf: #"{"score": "#.utf8)
        appendNumber(&out, v)
        out.append(contentsOf: #", "label": ""#.utf8)
        out.append(contentsOf: labels[SentimentLabel(score: v)]!)
        out.append(contentsOf: "\"}\n".utf8)
    }

    /// Up to four decimals, trailing zeros dropped: 0.2, -0.1234, 0, 1.
    static func appendNumber(_ out: inout [UInt8], _ v: Double) {
        var scaled = Int((v * 10000).rounded())
        if scaled < 0 { out.append(UInt8(ascii: "-")); scaled = -scaled }
        let whole = scaled / 10000
        var frac = scaled % 10000
        appendInt(&out, whole)
        if frac != 0 {
            out.append(UInt8(ascii: "."))
            var digits = 4
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            var buf = [UInt8](repeating: UInt8(ascii: "0"), count: digits)
            var f = frac, k = digits - 1
            while k >= 0 { buf[k] = UInt8(ascii: "0") + UInt8(f % 10); f /= 10; k -= 1 }
            out.append(contentsOf: buf)
        }
    }

    static func appendInt(_ out: inout [UInt8], _ v: Int) {
        if v >= 10 { appendInt(&out, v / 10) }
        out.append(UInt8(ascii: "0") + UInt8(v % 10))
    }

    static func format(_ v: Double) -> String {
        var out: [UInt8] = []
        appendNumber(&out, v)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Collects per-worker results; each slot is written by exactly one worker.
private final class ResultBox: @unchecked Sendable {
    var values: [[UInt8]]
    private var lock = pthread_mutex_t()
    init(count: Int) { values = Array(repeating: [], count: count); pthread_mutex_init(&lock, nil) }
    deinit { pthread_mutex_destroy(&lock) }
    func set(_ i: Int, _ v: [UInt8]) { pthread_mutex_lock(&lock); values[i] = v; pthread_mutex_unlock(&lock) }
}

private func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else { out.unicodeScalars.append(u) }
        }
    }
    return out + "\""
}

private func readAllStdin() -> [UInt8] {
    var data: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if n > 0 { data.append(contentsOf: chunk[0..<n]) } else if n == 0 || errno != EINTR { break }
    }
    return data
}

private func writeStdout(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
        var off = 0
        while off < raw.count {
            let n = write(1, raw.baseAddress! + off, raw.count - off)
            if n > 0 { off += n } else if n < 0 && errno == EINTR { continue } else { break }
        }
    }
}
