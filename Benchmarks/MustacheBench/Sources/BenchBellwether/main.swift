// Bench adapter for Bellwether's Mustache engine, following the adapter contract of the
// shared Mustache bench (flags below; one JSON line on stdout).
//
// usage: BenchBellwether --template T --partials DIR --data D.json --out OUT.html
//          [--warm-iterations 10000] [--cold-iterations 1000] [--reps 5]
//
// warm: the template and partials are parsed once into a TemplateSet; each rep times N calls
//       of set.render(name, data) with ContinuousClock and with this thread's CPU time.
// cold: each iteration builds the TemplateSet from the template and partial texts (parsing
//       them) and renders once. JSON decoding happens once, outside all timing.
import Foundation
import Mustache
#if canImport(Glibc)
import Glibc
#endif

func arg(_ name: String, _ fallback: String? = nil) -> String {
    let a = CommandLine.arguments
    if let i = a.firstIndex(of: name), i + 1 < a.count { return a[i + 1] }
    guard let fallback else {
        FileHandle.standardError.write(Data("missing \(name)\n".utf8))
        exit(2)
    }
    return fallback
}

func readText(_ path: String) throws -> String {
    try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
}

let templatePath = arg("--template"), partialsDir = arg("--partials"), dataPath = arg("--data"), outPath = arg("--out")
let warmN = Int(arg("--warm-iterations", "10000"))!
let coldN = Int(arg("--cold-iterations", "1000"))!
let reps = Int(arg("--reps", "5"))!

// The root keeps its file name, so its format (html for a plain NAME.mustache) comes from it.
let rootName = URL(fileURLWithPath: templatePath).lastPathComponent
var sources = [rootName: try readText(templatePath)]
for file in try FileManager.default.contentsOfDirectory(atPath: partialsDir).sorted() where file.hasSuffix(".mustache") {
    sources[file] = try readText(partialsDir + "/" + file)
}
let data = try MustacheValue(json: Data(contentsOf: URL(fileURLWithPath: dataPath)), name: dataPath)

let set = try TemplateSet(sources: sources)
let output = try set.render(rootName, data)
try output.write(toFile: outPath, atomically: true, encoding: .utf8)
guard try TemplateSet(sources: sources).render(rootName, data) == output else { fatalError("cold render differs") }

/// CPU time of this thread: robust against other processes competing for the cores.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
}

let clock = ContinuousClock()
var sink = 0
var warm: [Double] = [], warmCPU: [Double] = [], cold: [Double] = [], coldCPU: [Double] = []
for _ in 0..<reps {
    let c0 = threadCPUSeconds()
    let t0 = clock.now
    for _ in 0..<warmN { sink &+= try set.render(rootName, data).utf8.count }
    warm.append(seconds(clock.now - t0))
    warmCPU.append(threadCPUSeconds() - c0)
}
for _ in 0..<reps {
    let c0 = threadCPUSeconds()
    let t0 = clock.now
    for _ in 0..<coldN { sink &+= try TemplateSet(sources: sources).render(rootName, data).utf8.count }
    cold.append(seconds(clock.now - t0))
    coldCPU.append(threadCPUSeconds() - c0)
}
if sink == 42 { print("") }  // keeps the results alive

let result: [String: Any] = [
    "engine": "bellwether Mustache (Swift, release build)",
    "output_bytes": output.utf8.count,
    "warm": ["iterations": warmN, "rep_seconds": warm, "rep_cpu_seconds": warmCPU],
    "cold": ["iterations": coldN, "rep_seconds": cold, "rep_cpu_seconds": coldCPU],
]
print(String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), as: UTF8.self))
