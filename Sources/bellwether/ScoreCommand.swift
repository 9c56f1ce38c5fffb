import Analysis
import Briefing
import ArgumentParser
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
        let stdin = StdinBytes()
        let input = [UInt8](stdin.bytes)
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
            withExtendedLifetime(stdin) { LineScorer.score(stdin.bytes).forEach(writeStdout) }
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

extension Score {
    /// Runs `bellwether score --lines` when those are exactly the arguments, before
    /// ArgumentParser starts (its reflection over every command costs more than scoring a
    /// thousand lines). Reads the C arguments, so no Strings are made; any other command line,
    /// `--help` included, goes through the parser as usual.
    static func runLinesIfExactlyRequested() -> Bool {
        guard CommandLine.argc == 3, let score = CommandLine.unsafeArgv[1], let lines = CommandLine.unsafeArgv[2],
              strcmp(score, "score") == 0, strcmp(lines, "--lines") == 0 else { return false }
        let stdin = StdinBytes()
        withExtendedLifetime(stdin) { LineScorer.score(stdin.bytes).forEach(writeStdout) }
        return true
    }
}

/// The `--lines` engine: split, score in parallel, format, keep order.
enum LineScorer {
    /// The output, one buffer per worker, in order.
    static func score(_ input: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        // Line boundaries first, so workers can take contiguous ranges and output stays in order.
        var starts: [Int] = [], ends: [Int] = []
        starts.reserveCapacity(input.count / 60 + 1); ends.reserveCapacity(input.count / 60 + 1)
        var s = 0
        do {
            let buf = input
            guard let base = buf.baseAddress else { return [] }
            // memchr finds each newline many bytes at a time.
            while s < buf.count, let hit = memchr(base + s, 0x0A, buf.count - s) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                starts.append(s); ends.append(i > s && buf[i - 1] == 0x0D ? i - 1 : i); s = i + 1
            }
        }
        if s < input.count { starts.append(s); ends.append(input.count) }
        let count = starts.count
        // Two workers pay off only once there is real work; tiny inputs stay on one thread.
        let workers = count >= minimumLinesForTwoWorkers ? 2 : 1
        var chunks = [[UInt8]](repeating: [], count: workers)
        do {
            let per = (count + workers - 1) / workers
            // Read-only for the lifetime of this closure; workers take disjoint line ranges.
            nonisolated(unsafe) let buf = input
            let starts = starts, ends = ends
            let run: @Sendable (Int) -> [UInt8] = { w in
                var out: [UInt8] = []
                let lo = w * per, hi = min(count, lo + per)
                out.reserveCapacity(max(0, hi - lo) * 44)
                // One workspace per worker: scoring then allocates nothing per line.
                let workspace = ScoringWorkspace()
                if lo < hi {
                    for l in lo..<hi {
                        let line = UnsafeBufferPointer(rebasing: buf[starts[l]..<ends[l]])
                        // The rest of the input may be read past the line (never scored).
                        let v = SentimentScorer.scoreValue(bytes: line, readableAfter: buf.count - ends[l], workspace: workspace)
                        append(&out, score: v)
                    }
                }
                return out
            }
            if workers == 1 {
                chunks[0] = run(0)
            } else {
                // The second half on a thread of its own (a bare pthread: starting Dispatch's
                // pool costs more than it saves on inputs this size), the first half here.
                let box = ResultBox(count: workers)
                let helper = Worker { box.set(1, run(1)) }
                box.set(0, run(0))
                helper.join()
                chunks = box.values
            }
        }
        return chunks
    }

    /// Lines from which two threads score faster than one, thread start included (a line costs
    /// about a microsecond and a half, a thread about fifty).
    static let minimumLinesForTwoWorkers = 512

    static func append(_ out: inout [UInt8], score v: Double) {
        out.append(contentsOf: #"{"score": "#.utf8)
        appendNumber(&out, v)
        out.append(contentsOf: #", "label": ""#.utf8)
        switch SentimentLabel(score: v) {
        case .negative: out.append(contentsOf: "negative".utf8)
        case .mildlyNegative: out.append(contentsOf: "mildly negative".utf8)
        case .neutral: out.append(contentsOf: "neutral".utf8)
        case .mildlyPositive: out.append(contentsOf: "mildly positive".utf8)
        case .positive: out.append(contentsOf: "positive".utf8)
        }
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
            // Digits most significant first, without a temporary array.
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 { out.append(UInt8(ascii: "0") + UInt8(frac / divisor % 10)); divisor /= 10 }
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

/// A thread running one closure, joined once.
private final class Worker: @unchecked Sendable {
    #if canImport(Glibc)
    private var thread = pthread_t()
    #else
    private var thread: pthread_t?
    #endif
    private var started = false
    private let body: () -> Void

    init(_ body: @escaping () -> Void) {
        self.body = body
        let context = Unmanaged.passRetained(self).toOpaque()
        started = pthread_create(&thread, nil, { context in
            #if canImport(Glibc)
            let worker = Unmanaged<Worker>.fromOpaque(context!).takeRetainedValue()
            #else
            let worker = Unmanaged<Worker>.fromOpaque(context).takeRetainedValue()
            #endif
            worker.body()
            return nil
        }, context) == 0
        // Without a thread the work still gets done, on this one.
        if !started { Unmanaged<Worker>.fromOpaque(context).takeRetainedValue().body() }
    }

    func join() {
        guard started else { return }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        if let thread { pthread_join(thread, nil) }
        #endif
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

/// A JSON string literal, escaped as every other JSON Bellwether writes.
private func jsonString(_ s: String) -> String {
    var out = ""
    JSONValue.writeString(s, into: &out)
    return out
}

/// All of standard input, read straight into one growing buffer (its size up front when stdin
/// is a file) that is used in place, so a large input is neither copied chunk by chunk nor
/// copied again into an array.
final class StdinBytes {
    private var storage: UnsafeMutableRawBufferPointer
    private(set) var bytes: UnsafeBufferPointer<UInt8>

    init() {
        var st = stat()
        // Pages are only touched as input arrives, so a roomy first buffer costs nothing.
        var capacity = 1 << 20
        if fstat(0, &st) == 0, st.st_size > 0 { capacity = Int(st.st_size) + 1 }
        storage = .allocate(byteCount: capacity, alignment: 16)
        var count = 0
        while true {
            if count == storage.count {
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: storage.count * 2, alignment: 16)
                bigger.copyMemory(from: UnsafeRawBufferPointer(storage))
                storage.deallocate()
                storage = bigger
            }
            let n = read(0, storage.baseAddress! + count, storage.count - count)
            if n > 0 { count += n } else if n == 0 || errno != EINTR { break }
        }
        bytes = UnsafeBufferPointer(start: storage.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
    }

    deinit { storage.deallocate() }
}

func writeStdout(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
        var off = 0
        while off < raw.count {
            let n = write(1, raw.baseAddress! + off, raw.count - off)
            if n > 0 { off += n } else if n < 0 && errno == EINTR { continue } else { break }
        }
    }
}
