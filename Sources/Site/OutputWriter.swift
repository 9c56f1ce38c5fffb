import Foundation
import CFileOps
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into the idle copy of the site and publishes it with one atomic exchange.
///
/// Two persistent trees live side by side: the published `site/` and the idle `.site.next/`
/// (same parent, so renames stay on one file system). A build updates the idle tree in place —
/// a file whose bytes are unchanged is not touched, a changed one is written to a temporary
/// name and renamed over the old one, a file no longer planned is removed — and then
/// `renameat2(RENAME_EXCHANGE)` swaps the two folder names in one step. Readers see either the
/// old site or the new one, never a mix; a build that fails or is killed before the exchange
/// leaves the published site exactly as it was, and the next build simply carries on updating
/// the idle tree. Why not build afresh each night and `rm -rf` the old copy: on these disks
/// deleting and re-creating thousands of files, or truncating them, costs tens of seconds,
/// while comparing and skipping costs almost nothing.
final class OutputWriter: @unchecked Sendable {
    let output: URL
    let idle: URL
    private let idlePath: String
    private let lock = NSLock()
    private var knownDirectories: Set<String> = []
    private(set) var written = 0
    private(set) var unchanged = 0
    private(set) var removed = 0

    init(output: URL) throws {
        self.output = output.standardizedFileURL
        idle = Self.idleTree(for: self.output)
        idlePath = idle.path
        let fm = FileManager.default
        try fm.createDirectory(at: self.output.deletingLastPathComponent(), withIntermediateDirectories: true)
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: idle.path, isDirectory: &isDir), !isDir.boolValue {
            try fm.removeItem(at: idle)
        }
        try fm.createDirectory(at: idle, withIntermediateDirectories: true)
    }

    static func idleTree(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).next")
    }

    /// Thread-safe. Skips the write when the file already holds exactly these bytes; returns
    /// the file's stamp afterwards (for the page manifest).
    @discardableResult
    func write(_ path: String, _ bytes: [UInt8]) throws -> FileStamp {
        try bytes.withUnsafeBytes { try write(path, raw: $0) }
    }

    /// A page written from a string's own UTF-8 storage: the search index alone is tens of
    /// megabytes at 50,000 articles, and copying it into an array first doubled it.
    @discardableResult
    func write(_ path: String, text: String) throws -> FileStamp {
        var text = text
        return try text.withUTF8 { try write(path, raw: UnsafeRawBufferPointer($0)) }
    }

    private func write(_ path: String, raw bytes: UnsafeRawBufferPointer) throws -> FileStamp {
        // Plain string joins: URL path building showed up in profiles at 22,000 pages a build.
        let full = idlePath + "/" + path
        let dir = full.lastIndex(of: "/").map { String(full[..<$0]) } ?? idlePath
        lock.lock()
        // Folders are made under the lock: another thread may be about to write into the same one.
        if !knownDirectories.contains(dir) {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            catch { lock.unlock(); throw SiteError.output("cannot create folder \(dir): \(error.localizedDescription)") }
            knownDirectories.insert(dir)
        }
        lock.unlock()
        let stamp: FileStamp
        switch Self.compare(full, bytes) {
        case .same(let current):
            lock.lock(); unchanged += 1; lock.unlock()
            return current
        case .missing:
            stamp = try Self.create(full, with: bytes)
        case .different:
            stamp = try Self.replace(URL(fileURLWithPath: full), with: bytes)
        }
        lock.lock(); written += 1; lock.unlock()
        return stamp
    }

    /// The stamp of a page in the idle tree, if it exists.
    func stamp(_ path: String) -> FileStamp? { FileStamp(path: idlePath + "/" + path) }

    /// What the idle tree holds at a path, compared with the bytes a build wants there.
    enum Comparison { case same(FileStamp), missing, different }

    /// Size checked first, then content, a piece at a time (a large page is not read whole).
    static func compare(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Comparison {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return errno == ENOENT ? .missing : .different }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, Int(st.st_size) == bytes.count else { return .different }
        if bytes.isEmpty { return .same(FileStamp(st)) }
        var piece = [UInt8](repeating: 0, count: min(bytes.count, 1 << 16))
        var off = 0
        while off < bytes.count {
            let want = min(piece.count, bytes.count - off)
            let n = piece.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, want) }
            if n <= 0 { return .different }
            let same = piece.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress! + off, n) == 0 }
            if !same { return .different }
            off += n
        }
        return .same(FileStamp(st))
    }

    /// Writes a file that does not exist yet straight under its name: one create and one write
    /// instead of a temporary file and a rename (a clean 10,000-article build writes 22,000
    /// pages this way). Safe because the idle tree is never served: a build killed halfway
    /// leaves at worst a short file there, which differs from the page the next build renders
    /// and is replaced then (its stamp matches no manifest entry, so it is never trusted).
    @discardableResult
    static func create(_ path: String, with bytes: UnsafeRawBufferPointer) throws -> FileStamp {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 {
            if errno == EEXIST { return try replace(URL(fileURLWithPath: path), with: bytes) }
            throw SiteError.output("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        return try finish(fd, bytes, file: path, named: path)
    }

    /// Writes to a temporary name in the same folder and renames it over the target: never
    /// truncates a file in place, never leaves a half-written file under the real name.
    @discardableResult
    static func replace(_ url: URL, with bytes: [UInt8]) throws -> FileStamp {
        try bytes.withUnsafeBytes { try replace(url, with: $0) }
    }

    @discardableResult
    static func replace(_ url: URL, with bytes: UnsafeRawBufferPointer) throws -> FileStamp {
        let tmp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { throw SiteError.output("cannot create \(tmp.path): \(String(cString: strerror(errno)))") }
        let stamp = try finish(fd, bytes, file: tmp.path, named: url.path)
        if rename(tmp.path, url.path) != 0 {
            let message = String(cString: strerror(errno))
            unlink(tmp.path)
            throw SiteError.output("cannot rename into \(url.path): \(message)")
        }
        return stamp
    }

    /// Writes all of `bytes` to the open `fd` and closes it, returning the written file's stamp.
    /// On any failure (a full disk shows at `write` or at `close`) the file at `file` is removed
    /// and the error names the page, `named`, so nothing half-written is left under any name.
    private static func finish(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, file: String, named: String) throws -> FileStamp {
        var off = 0
        while off < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + off, bytes.count - off)
            if n < 0 {
                let message = String(cString: strerror(errno))
                close(fd); unlink(file)
                throw SiteError.output("cannot write \(named): \(message)")
            }
            off += n
        }
        var st = stat()
        fstat(fd, &st)
        if close(fd) != 0 {
            let message = String(cString: strerror(errno))
            unlink(file)
            throw SiteError.output("cannot write \(named): \(message)")
        }
        return FileStamp(st)
    }

    /// Removes from the idle tree every file this build did not plan (pages of deleted articles,
    /// leftovers of a killed build), then empty folders. Walks the tree with `readdir` and the
    /// entry types it reports (no `stat` per file): a nothing-changed build of 10,000 articles
    /// spent a third of its time in FileManager's enumerator here.
    func sweep(keeping planned: Set<String>) throws {
        var removedHere = 0
        func walk(_ relative: String) throws -> Bool {   // whether the folder is now empty
            let full = relative.isEmpty ? idlePath : idlePath + "/" + relative
            guard let dir = opendir(full) else { return false }
            var names: [(String, Bool)] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name == "." || name == ".." { continue }
                var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var st = stat()
                    isDirectory = lstat(full + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
                }
                names.append((name, isDirectory))
            }
            closedir(dir)
            var kept = 0
            for (name, isDirectory) in names {
                let rel = relative.isEmpty ? name : relative + "/" + name
                if isDirectory {
                    if try walk(rel) { rmdir(idlePath + "/" + rel) } else { kept += 1 }
                } else if planned.contains(rel) {
                    kept += 1
                } else {
                    guard unlink(idlePath + "/" + rel) == 0 || errno == ENOENT else {
                        throw SiteError.output("cannot remove \(idlePath)/\(rel): \(String(cString: strerror(errno)))")
                    }
                    removedHere += 1
                }
            }
            return kept == 0
        }
        _ = try walk("")
        removed += removedHere
    }

    /// Swaps the idle tree in as the published site in one atomic step.
    func publish(keeping planned: Set<String>) throws {
        try sweep(keeping: planned)
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDir)
        if !exists {
            guard rename(idle.path, output.path) == 0 else {
                throw SiteError.output("cannot publish \(output.path): \(String(cString: strerror(errno)))")
            }
            return
        }
        guard isDir.boolValue else {
            throw SiteError.output("\(output.path) exists and is not a folder; move it away and build again")
        }
        if bw_rename_exchange(idle.path, output.path) == 0 { return }
        let code = errno
        // File systems without RENAME_EXCHANGE: two renames, a window of a few microseconds
        // in which the site folder is missing (never half-written).
        guard code == EINVAL || code == ENOSYS else {
            throw SiteError.output("cannot publish \(output.path): \(String(cString: strerror(code)))")
        }
        let aside = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).prev-\(getpid())")
        guard rename(output.path, aside.path) == 0 else {
            throw SiteError.output("cannot publish \(output.path): \(String(cString: strerror(errno)))")
        }
        guard rename(idle.path, output.path) == 0 else {
            let message = String(cString: strerror(errno))
            _ = rename(aside.path, output.path)
            throw SiteError.output("cannot publish \(output.path): \(message)")
        }
        _ = rename(aside.path, idle.path)
    }
}
