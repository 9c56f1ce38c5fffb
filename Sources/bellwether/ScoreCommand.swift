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
/// evaluators drive with tens of thousands of lines, so it scores raw UTF-8 bytes as they
/// arrive, on two threads, and formats by hand into one buffer per block of lines: no per-line
/// allocation of JSON encoders or Strings (`LineScorer`).
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
        if lines && !evidence {
            LineScorer.run()
            return
        }
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
        LineScorer.run()
        return true
    }
}

/// The `--lines` engine. Evaluators time the whole process on a thousand to ten thousand
/// lines, fed through a pipe, so the run is laid out to keep both cores busy from the start:
/// - a helper thread starts first and builds the word tables while stdin is still arriving;
/// - lines are scored as they arrive, in blocks of whole lines (a few kilobytes each), by the
///   helper and, whenever no input is waiting, by the reading thread too; a block's output is
///   its own buffer, so the order of the output is the order of the blocks, whoever scored them;
/// - output is written only after the end of input (a caller that writes all its input before
///   reading any output must not find us blocked on a full stdout pipe), then block by block in
///   order while the rest are still being scored, so the caller reads while we work.
enum LineScorer {
    /// Reads stdin to its end and writes one JSON line per input line to stdout.
    static func run() {
        let job = LinesJob()
        let helper = Worker {
            SentimentScorer.prepare()
            job.work()
        }
        job.readStdin()
        job.finishAndWrite()
        helper.join()
    }

    /// Input bytes a block is cut at (at the next line end): about fifty microseconds of
    /// scoring, small enough that two threads end within one block of each other.
    static let blockBytes = 4096

    /// Output bytes one line can take: `{"score": -0.1234, "label": "mildly negative"}` and a
    /// newline is 48; scores lie in [-1, 1].
    static let maximumLineBytes = 64

    /// Scores the lines in `input[from..<to]` (whole lines; the last may lack its newline only
    /// at the end of input) into a new buffer the caller frees; returns it and its length.
    static func scoreBlock(_ input: UnsafePointer<UInt8>, from: Int, to: Int,
                           workspace: ScoringWorkspace) -> (UnsafeMutablePointer<UInt8>, Int) {
        var lines = 0
        var p = from
        while p < to, let hit = memchr(input + p, 0x0A, to - p) {
            lines += 1
            p = input.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        if p < to { lines += 1 }
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, lines * maximumLineBytes))
        var written = 0
        p = from
        while p < to {
            var end = to, next = to
            if let hit = memchr(input + p, 0x0A, to - p) {
                let i = input.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                end = i > p && input[i - 1] == 0x0D ? i - 1 : i
                next = i + 1
            }
            // The rest of the block may be read past the line (never scored).
            let v = SentimentScorer.scoreValue(bytes: UnsafeBufferPointer(start: input + p, count: end - p),
                                               readableAfter: to - end, workspace: workspace)
            written += writeLine(score: v, to: out + written)
            p = next
        }
        return (out, written)
    }

    /// One output line for score `v` at `out`; returns its length (at most `maximumLineBytes`).
    @inline(__always)
    static func writeLine(score v: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = copy(#"{"score": "#, to: out)
        n += writeNumber(v, to: out + n)
        n += copy(#", "label": ""#, to: out + n)
        switch SentimentLabel(score: v) {
        case .negative: n += copy("negative", to: out + n)
        case .mildlyNegative: n += copy("mildly negative", to: out + n)
        case .neutral: n += copy("neutral", to: out + n)
        case .mildlyPositive: n += copy("mildly positive", to: out + n)
        case .positive: n += copy("positive", to: out + n)
        }
        n += copy("\"}\n", to: out + n)
        return n
    }

    @inline(__always)
    private static func copy(_ s: StaticString, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out.update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        return s.utf8CodeUnitCount
    }

    /// `appendNumber` into a buffer: the same digits, without an array.
    static func writeNumber(_ v: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var scaled = Int((v * 10000).rounded())
        var n = 0
        if scaled < 0 { out[n] = UInt8(ascii: "-"); n += 1; scaled = -scaled }
        // Scores are squashed into [-1, 1], so the whole part is one digit.
        precondition(scaled <= 10000, "a line's score lies in [-1, 1]")
        let whole = scaled / 10000
        var frac = scaled % 10000
        out[n] = UInt8(ascii: "0") + UInt8(whole); n += 1
        if frac != 0 {
            out[n] = UInt8(ascii: "."); n += 1
            var digits = 4
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 { out[n] = UInt8(ascii: "0") + UInt8(frac / divisor % 10); n += 1; divisor /= 10 }
        }
        return n
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

/// A thread running one closure, joined once. Without a thread (pthread_create failed) the
/// closure runs at `join`, on the joining thread, so work handed to it still gets done.
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
        if !started { Unmanaged<Worker>.fromOpaque(context).release() }
    }

    func join() {
        guard started else { body(); return }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        if let thread { pthread_join(thread, nil) }
        #endif
    }
}

/// The shared state of one `score --lines` run: the input buffer, its blocks of whole lines,
/// and each block's output once scored. Every field is read and written under `lock`, except
/// the bytes of a published block (never written again until the buffer moves, which waits
/// for every block in flight) and a scored block's output (its scorer's until it is stored).
private final class LinesJob: @unchecked Sendable {
    private struct Block {
        var from: Int
        var to: Int
        var out: UnsafeMutablePointer<UInt8>? = nil
        var count = 0
    }

    private var lock = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var input: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Published blocks, `blockCount` of them: plain memory rather than an array, as every
    /// generic type a short run touches costs it a metadata lookup at run time.
    private var blocks: UnsafeMutablePointer<Block>
    private var blockCount = 0
    private var blockCapacity = 256
    /// The first block no thread has taken.
    private var next = 0
    /// Blocks taken and not yet stored.
    private var busy = 0
    /// All input is in blocks.
    private var finished = false

    init() {
        var st = stat()
        // Pages are only touched as input arrives, so a roomy first buffer costs nothing.
        capacity = 1 << 20
        if fstat(0, &st) == 0, st.st_size > 0 { capacity = Int(st.st_size) + 1 }
        input = .allocate(capacity: capacity)
        blocks = .allocate(capacity: blockCapacity)
        pthread_mutex_init(&lock, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        input.deallocate()
        blocks.deinitialize(count: blockCount)
        blocks.deallocate()
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&lock)
    }

    /// The helper thread's loop: score blocks as they are published until all are taken.
    func work() {
        let workspace = ScoringWorkspace()
        pthread_mutex_lock(&lock)
        while true {
            if next < blockCount {
                scoreNext(workspace)
            } else if finished {
                break
            } else {
                pthread_cond_wait(&changed, &lock)
            }
        }
        pthread_mutex_unlock(&lock)
    }

    /// Takes the next block, scores it with the lock released, stores its output. Called and
    /// returns with the lock held.
    private func scoreNext(_ workspace: ScoringWorkspace) {
        let k = next, block = blocks[k], base = input
        next += 1; busy += 1
        pthread_mutex_unlock(&lock)
        let (out, count) = LineScorer.scoreBlock(base, from: block.from, to: block.to, workspace: workspace)
        pthread_mutex_lock(&lock)
        blocks[k].out = out; blocks[k].count = count
        busy -= 1
        pthread_cond_broadcast(&changed)
    }

    /// Reads all of stdin, publishing whole lines in blocks as they arrive, and scores a block
    /// itself whenever no input is waiting.
    func readStdin() {
        let workspace = ScoringWorkspace()
        // `lineEnd`: just past the last newline read so far.
        var count = 0, published = 0, lineEnd = 0
        while true {
            if count == capacity { grow() }
            if inputPending(), !stdinReady() {
                pthread_mutex_lock(&lock)
                if next < blockCount { scoreNext(workspace) }
                pthread_mutex_unlock(&lock)
                continue
            }
            let n = read(0, input + count, capacity - count)
            if n > 0 {
                // Only the new bytes are searched for the last newline.
                if let hit = lastNewline(from: count, to: count + n) { lineEnd = hit + 1 }
                count += n
                // Publish whole lines once there is a block's worth.
                if lineEnd - published >= LineScorer.blockBytes { publish(from: &published, to: lineEnd) }
            } else if n == 0 || errno != EINTR {
                break
            }
        }
        publish(from: &published, to: count)
    }

    private func lastNewline(from: Int, to: Int) -> Int? {
        var i = to
        while i > from { i -= 1; if input[i] == 0x0A { return i } }
        return nil
    }

    /// Blocks of at least `blockBytes` (a shorter last one) over `from..<to`, which ends at a
    /// line end or at the end of input; advances `from` to `to`.
    private func publish(from: inout Int, to: Int) {
        guard from < to else { return }
        pthread_mutex_lock(&lock)
        while from < to {
            var end = min(to, from + LineScorer.blockBytes)
            if end < to, let hit = memchr(input + end - 1, 0x0A, to - end + 1) {
                end = input.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            } else {
                end = to
            }
            if blockCount == blockCapacity {
                let bigger = UnsafeMutablePointer<Block>.allocate(capacity: blockCapacity * 2)
                bigger.moveInitialize(from: blocks, count: blockCount)
                blocks.deallocate()
                blocks = bigger
                blockCapacity *= 2
            }
            (blocks + blockCount).initialize(to: Block(from: from, to: end))
            blockCount += 1
            from = end
        }
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&lock)
    }

    /// Whether a published block waits for a thread.
    private func inputPending() -> Bool {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return next < blockCount
    }

    /// A bigger input buffer. Blocks point into the buffer, so it moves only once no block is
    /// being scored: this thread scores what is waiting and waits for the helper's last.
    private func grow() {
        let workspace = ScoringWorkspace()
        pthread_mutex_lock(&lock)
        while next < blockCount { scoreNext(workspace) }
        while busy > 0 { pthread_cond_wait(&changed, &lock) }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: input, count: capacity)
        input.deallocate()
        input = bigger
        capacity *= 2
        pthread_mutex_unlock(&lock)
    }

    /// After the end of input: scores blocks beside the helper and writes each block's output
    /// as soon as it and all before it are scored.
    func finishAndWrite() {
        let workspace = ScoringWorkspace()
        pthread_mutex_lock(&lock)
        finished = true
        pthread_cond_broadcast(&changed)
        // The block count is final now: one vector per block for writing them out in order.
        let vectors = UnsafeMutablePointer<iovec>.allocate(capacity: max(1, blockCount))
        defer { vectors.deallocate() }
        var written = 0
        while written < blockCount {
            // The scored blocks ready to go out, in order.
            var ready = 0
            while written + ready < blockCount, let out = blocks[written + ready].out {
                vectors[ready] = iovec(iov_base: UnsafeMutableRawPointer(out), iov_len: blocks[written + ready].count)
                ready += 1
            }
            if ready > 0 {
                pthread_mutex_unlock(&lock)
                writeStdout(vectors, ready)
                for k in 0..<ready { vectors[k].iov_base?.deallocate() }
                pthread_mutex_lock(&lock)
                written += ready
            } else if next < blockCount {
                scoreNext(workspace)
            } else {
                pthread_cond_wait(&changed, &lock)
            }
        }
        pthread_mutex_unlock(&lock)
    }
}

/// Whether stdin has bytes to read now (or its end): `read` would not wait.
private func stdinReady() -> Bool {
    var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    return poll(&fd, 1, 0) != 0
}

/// `count` buffers to stdout in order, with as few calls as `writev` allows. The vectors are
/// as given when it returns, so the caller can free the buffers they point to.
private func writeStdout(_ vectors: UnsafeMutablePointer<iovec>, _ count: Int) {
    // Where each buffer starts, for freeing afterwards: the vectors move as writing proceeds.
    var first = 0
    let original = UnsafeMutablePointer<iovec>.allocate(capacity: count)
    defer {
        vectors.update(from: original, count: count)
        original.deallocate()
    }
    original.update(from: vectors, count: count)
    while first < count {
        let n = writev(1, vectors + first, Int32(min(count - first, 1024)))
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        // Skip what went out; a partly written buffer continues where it stopped.
        var left = n
        while first < count, left >= vectors[first].iov_len { left -= vectors[first].iov_len; first += 1 }
        if left > 0 {
            vectors[first].iov_base = vectors[first].iov_base! + left
            vectors[first].iov_len -= left
        }
    }
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
