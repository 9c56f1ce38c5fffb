// Bench adapter for hummingbird-project/swift-mustache 2.1.1, the peer our engine is measured
// against (adapted from the shared Mustache bench; same contract as ../../Sources/BenchBellwether).
//
// usage: BenchSwiftMustache --template T --partials DIR --data D.json --out OUT.html
//          [--warm-iterations 10000] [--cold-iterations 1000] [--reps 7]
//
// warm: the template and its partials are parsed once (MustacheTemplate(string:)) into a
//       MustacheLibrary; each rep times N calls of library.render(data, withTemplate:) with
//       ContinuousClock. The data is decoded once from JSON into [String: Any]/[Any]/String/
//       Int/Double/Bool (what swift-mustache's own spec tests feed it).
// cold: each iteration parses the template text + partial texts, builds the library and
//       renders once (JSON decoding is NOT included: data is already in memory).
// Prints one JSON object on stdout: {"engine", "output_bytes", "warm", "cold"}; each rep is
// timed with ContinuousClock (rep_seconds) and with this thread's CPU time (rep_cpu_seconds).
import Foundation
import Mustache
#if canImport(Glibc)
import Glibc
#endif

struct AnyDecodable: Decodable {
    let value: Any
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = NSNull() }
        else if let b = try? c.decode(Bool.self) { value = b }
        else if let i = try? c.decode(Int.self) { value = i }
        else if let d = try? c.decode(Double.self) { value = d }
        else if let s = try? c.decode(String.self) { value = s }
        else if let a = try? c.decode([AnyDecodable].self) { value = a.map(\.value) }
        else if let o = try? c.decode([String: AnyDecodable].self) { value = o.mapValues(\.value) }
        else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "unsupported JSON") }
    }
}

func arg(_ name: String, _ def: String? = nil) -> String {
    let a = CommandLine.arguments
    if let i = a.firstIndex(of: name), i + 1 < a.count { return a[i + 1] }
    guard let def else { FileHandle.standardError.write("missing \(name)\n".data(using: .utf8)!); exit(2) }
    return def
}

let templatePath = arg("--template"), partialsDir = arg("--partials"), dataPath = arg("--data"), outPath = arg("--out")
let warmN = Int(arg("--warm-iterations", "10000"))!
let coldN = Int(arg("--cold-iterations", "1000"))!
let reps = Int(arg("--reps", "7"))!

let templateText = try String(contentsOfFile: templatePath, encoding: .utf8)
var partialTexts: [String: String] = [:]
for f in try FileManager.default.contentsOfDirectory(atPath: partialsDir) where f.hasSuffix(".mustache") {
    partialTexts[String(f.dropLast(".mustache".count))] = try String(contentsOfFile: partialsDir + "/" + f, encoding: .utf8)
}
let data = try JSONDecoder().decode(AnyDecodable.self, from: Data(contentsOf: URL(fileURLWithPath: dataPath))).value

func makeLibrary() throws -> MustacheLibrary {
    var templates = ["__main__": try MustacheTemplate(string: templateText)]
    for (k, v) in partialTexts { templates[k] = try MustacheTemplate(string: v) }
    return MustacheLibrary(templates: templates)
}

/// CPU time of this thread (robust against other processes competing for the cores).
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
}

let library = try makeLibrary()
let output = library.render(data, withTemplate: "__main__")!
try output.write(toFile: outPath, atomically: true, encoding: .utf8)
let outBytes = output.utf8.count
guard try makeLibrary().render(data, withTemplate: "__main__") == output else { fatalError("cold render differs") }

let clock = ContinuousClock()
var sink = 0
var warm: [Double] = [], cold: [Double] = [], warmCPU: [Double] = [], coldCPU: [Double] = []
for _ in 0..<reps {
    let c0 = threadCPUSeconds()
    let t0 = clock.now
    for _ in 0..<warmN { sink &+= library.render(data, withTemplate: "__main__")!.utf8.count }
    warm.append(seconds(clock.now - t0))
    warmCPU.append(threadCPUSeconds() - c0)
}
for _ in 0..<reps {
    let c0 = threadCPUSeconds()
    let t0 = clock.now
    for _ in 0..<coldN { sink &+= try makeLibrary().render(data, withTemplate: "__main__")!.utf8.count }
    cold.append(seconds(clock.now - t0))
    coldCPU.append(threadCPUSeconds() - c0)
}
if sink == 42 { print("") }  // keep results alive

let result: [String: Any] = [
    "engine": "swift-mustache 2.1.1 (Swift, release build)",
    "output_bytes": outBytes,
    "warm": ["iterations": warmN, "rep_seconds": warm, "rep_cpu_seconds": warmCPU],
    "cold": ["iterations": coldN, "rep_seconds": cold, "rep_cpu_seconds": coldCPU],
]
print(String(data: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), encoding: .utf8)!)
