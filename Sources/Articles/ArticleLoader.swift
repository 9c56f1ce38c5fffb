import Foundation
import Dispatch

/// The entry points the site and the command line use.
///
/// Two steps so a build can cache by content: `scan` lists the files (cheap, no reading),
/// `parse` turns one file's bytes into articles (pure). `assemble` then deduplicates and
/// gives unique slugs over everything. `loadFolder`, `loadFile` and `load(data:path:)` do
/// all of it in one call.
public struct ArticleLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) { self.options = options }

    /// Input files under `folder`, sorted by path; skipped entries (links out of the folder,
    /// oversized or unsupported files, unreadable folders) come back as diagnostics.
    public func scan(_ folder: URL) -> FolderScan {
        FolderScanner.scan(folder, options: options)
    }

    /// Articles in one file's bytes. Pure: same bytes, path and options → same result.
    public func parse(_ data: Data, path: String) -> FileParse {
        ArticleParser.parse(data: data, path: path, options: options)
    }

    /// Reads and parses one scanned file; a read failure becomes a diagnostic.
    public func read(_ file: InputFile) -> FileParse {
        do {
            return parse(try Data(contentsOf: file.url), path: file.path)
        } catch {
            return FileParse(diagnostics: [Diagnostic(path: file.path, line: 1, message: "cannot read the file (\(error.localizedDescription)); check its permissions")])
        }
    }

    /// Everything in a folder: scan, read and parse on every core, then `assemble`.
    public func loadFolder(_ folder: URL) -> LoadResult {
        let scanned = scan(folder)
        let files = scanned.files
        let parses = ParallelMap.map(files) { read($0) }
        return ArticleLoader.assemble(parses, extraDiagnostics: scanned.diagnostics, filesRead: files.count)
    }

    /// One file named on the command line. Its path as given supplies the day when the content
    /// has none (`articles/2026-11-24/story.txt`).
    public func loadFile(_ url: URL, displayPath: String? = nil) -> LoadResult {
        let path = displayPath ?? url.relativePath
        var st = stat()
        if stat(url.path, &st) == 0, Int(st.st_size) > options.maxFileSize {
            return ArticleLoader.assemble([], extraDiagnostics: [ArticleParser.tooLarge(path: path, size: Int(st.st_size), limit: options.maxFileSize)], filesRead: 0)
        }
        let parse = read(InputFile(path: path, url: url, size: Int(st.st_size)))
        return ArticleLoader.assemble([parse], extraDiagnostics: [], filesRead: 1)
    }

    /// Bytes from anywhere (e.g. standard input, with `path` "-").
    public func load(data: Data, path: String) -> LoadResult {
        ArticleLoader.assemble([parse(data, path: path)], extraDiagnostics: [], filesRead: 1)
    }

    /// Deduplicates, makes slugs unique and sorts the diagnostics. Articles come back in
    /// (path, position) order; merges are also reported as warnings.
    public static func assemble(_ parses: [FileParse], extraDiagnostics: [Diagnostic] = [], filesRead: Int, reservedSlugs: Set<String> = []) -> LoadResult {
        var all: [Article] = []
        var diagnostics = extraDiagnostics
        for p in parses { all += p.articles; diagnostics += p.diagnostics }
        var (kept, merges) = Deduplicator.deduplicate(all)
        diagnostics += merges.map(\.diagnostic)
        Slugs.assignUnique(&kept, reserved: reservedSlugs)
        kept.sort { a, b in
            if a.path != b.path { return a.path.utf8Precedes(b.path) }
            return (a.index ?? 0) < (b.index ?? 0)
        }
        return LoadResult(articles: kept, diagnostics: Diagnostic.sorted(diagnostics), merges: merges, filesRead: filesRead)
    }
}

/// Order-preserving parallel map over both cores (the machine's count, in fact).
enum ParallelMap {
    final class Box<T>: @unchecked Sendable { var items: [T?]; init(_ n: Int) { items = Array(repeating: nil, count: n) } }

    static func map<T: Sendable, R: Sendable>(_ input: [T], _ f: @Sendable (T) -> R) -> [R] {
        let n = input.count
        guard n > 1 else { return input.map(f) }
        let box = Box<R>(n)
        let workers = min(n, max(1, ProcessInfo.processInfo.activeProcessorCount))
        box.items.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var k = w
                while k < n { out[k] = f(input[k]); k += workers }
            }
        }
        return box.items.map { $0! }
    }
}
