import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file written in pieces and put in place with one rename, so readers see the old file or
/// the whole new one. The cache is written this way a megabyte at a time: encoding all of it
/// first would hold a second copy of the archive's analysis (68 MB at 50,000 articles, twice
/// that while the buffer grows) at the very end of the build, when memory is at its fullest.
struct AtomicFile {
    let url: URL
    private let tmp: String
    private var fd: Int32

    init(_ url: URL) throws {
        self.url = url
        tmp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { throw SiteError.output("cannot create \(tmp): \(String(cString: strerror(errno)))") }
    }

    mutating func append(_ bytes: [UInt8]) throws {
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + off, bytes.count - off) }
            if n < 0 {
                let message = String(cString: strerror(errno))
                discard()
                throw SiteError.output("cannot write \(url.path): \(message)")
            }
            off += n
        }
    }

    /// Closes the file and renames it over `url`.
    mutating func commit() throws {
        let closed = close(fd)
        fd = -1
        if closed != 0 || rename(tmp, url.path) != 0 {
            let message = String(cString: strerror(errno))
            unlink(tmp)
            throw SiteError.output("cannot write \(url.path): \(message)")
        }
    }

    /// Gives up: the temporary file is removed and `url` is left as it was.
    mutating func discard() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(tmp)
    }

    /// The whole file as bytes, read straight into one array (no intermediate `Data` copy),
    /// or nil when it cannot be read.
    static func contents(_ url: URL) -> [UInt8]? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        var ok = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var off = 0
            while off < size {
                let n = read(fd, buffer.baseAddress! + off, size - off)
                if n <= 0 { if n < 0, errno == EINTR { continue }; ok = false; break }
                off += n
            }
            count = off
        }
        return ok ? bytes : nil
    }
}
