// Prints CPU microseconds per file for `ArticleLoader.scan` and `ArticleLoader.parse` over a
// corpus folder, for before/after figures, and for `loadFolder` (scan, read, parse on every
// core, deduplicate: what `bellwether check` does). CPU time (user+sys: this thread's from
// CLOCK_THREAD_CPUTIME_ID for scan and parse, the process's for loadFolder) rather than wall
// time: the benchmark machine's cores are shared, and a neighbour's load stretches wall time
// far more than our CPU time. Each step runs several rounds and the fastest is reported (the
// least disturbed by neighbours); the median is printed beside it. Parse runs on one core over
// bytes already in memory.
//
//   swift run -c release --package-path Benchmarks/ArticlesBench ArticlesBench /work/bench-data/c10k [--rounds 5]
import Articles
import Foundation
#if canImport(Glibc)
import Glibc
#endif

func threadCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func processCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func wall() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

var args = Array(CommandLine.arguments.dropFirst())
var rounds = 5
if let i = args.firstIndex(of: "--rounds"), i + 1 < args.count, let n = Int(args[i + 1]) {
    rounds = max(1, n); args.removeSubrange(i...(i + 1))
}
// `--dump FILE` writes every file's parse (JSON, one line per file) and the scan's diagnostics,
// so that two builds (before and after a change) can be compared byte for byte on a corpus.
var dump: String?
if let i = args.firstIndex(of: "--dump"), i + 1 < args.count {
    dump = args[i + 1]; args.removeSubrange(i...(i + 1))
}
// `--only parse` stops after the parse figure: for `valgrind --tool=callgrind`, whose
// instruction counts (unlike times) do not depend on what else the machine is doing.
var only: String?
if let i = args.firstIndex(of: "--only"), i + 1 < args.count {
    only = args[i + 1]; args.removeSubrange(i...(i + 1))
}
guard let folder = args.first else {
    FileHandle.standardError.write("usage: ArticlesBench CORPUS_FOLDER [--rounds N] [--only parse]\n".data(using: .utf8)!)
    exit(2)
}

let loader = ArticleLoader()
let url = URL(fileURLWithPath: folder)

/// Runs `body` `rounds` times; returns (fastest, median) CPU seconds and the last result.
@MainActor func measure<R>(process: Bool = false, _ body: () -> R) -> (best: Double, median: Double, wallBest: Double, result: R) {
    var cpu: [Double] = [], walls: [Double] = []
    var last: R?
    let clock = process ? processCPU : threadCPU
    for _ in 0..<rounds {
        let c0 = clock(), w0 = wall()
        last = body()
        cpu.append(clock() - c0); walls.append(wall() - w0)
    }
    cpu.sort()
    return (cpu[0], cpu[cpu.count / 2], walls.min()!, last!)
}

@MainActor func show(_ name: String, _ m: (best: Double, median: Double, wallBest: Double), files: Int) {
    let us = { (s: Double) in String(format: "%.2f", s * 1e6 / Double(files)) }
    print("\(name): \(us(m.best)) µs/file CPU (median \(us(m.median)), best wall \(us(m.wallBest))) over \(files) files, \(rounds) rounds")
}

let scanned = measure { loader.scan(url) }
let files = scanned.result.files
guard !files.isEmpty else { print("no input files under \(folder)"); exit(1) }
show("scan ", (scanned.best, scanned.median, scanned.wallBest), files: files.count)

// Read every file once, outside the timed part: parse is measured on bytes in memory.
let contents: [(path: String, data: Data)] = files.map { ($0.path, (try? Data(contentsOf: $0.url)) ?? Data()) }
let bytes = contents.reduce(0) { $0 + $1.data.count }

let parsed = measure { () -> (Int, Int) in
    var articles = 0, diagnostics = 0
    for (path, data) in contents {
        let p = loader.parse(data, path: path)
        articles += p.articles.count; diagnostics += p.diagnostics.count
    }
    return (articles, diagnostics)
}
show("parse", (parsed.best, parsed.median, parsed.wallBest), files: files.count)
print(String(format: "parse: %.1f MB/s CPU; %d articles, %d diagnostics from %.1f MB",
             Double(bytes) / parsed.best / 1e6, parsed.result.0, parsed.result.1, Double(bytes) / 1e6))

if let dump {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var out = Data()
    for d in scanned.result.diagnostics { out.append(Data(d.description.utf8)); out.append(0x0A) }
    for (path, data) in contents {
        out.append(Data(path.utf8)); out.append(0x09)
        out.append(try! encoder.encode(loader.parse(data, path: path))); out.append(0x0A)
    }
    FileManager.default.createFile(atPath: dump, contents: out)
    print("dump: \(contents.count) parses written to \(dump)")
}

if only == "parse" { exit(0) }

// The other steps of loadFolder, on one core: reading the files, and assemble (deduplicate,
// unique slugs, sort) over the parses.
let reads = measure { () -> Int in files.reduce(0) { $0 + ((try? Data(contentsOf: $1.url))?.count ?? 0) } }
show("read ", (reads.best, reads.median, reads.wallBest), files: files.count)
let parses = contents.map { loader.parse($0.data, path: $0.path) }
let assembled = measure { ArticleLoader.assemble(parses, filesRead: parses.count) }
show("assemble", (assembled.best, assembled.median, assembled.wallBest), files: files.count)

let loaded = measure(process: true) { loader.loadFolder(url) }
show("load ", (loaded.best, loaded.median, loaded.wallBest), files: files.count)
print("load: \(loaded.result.articles.count) articles, \(loaded.result.errorCount) errors, \(loaded.result.warningCount) warnings (loadFolder: scan, read and parse on every core, deduplicate; process CPU)")
