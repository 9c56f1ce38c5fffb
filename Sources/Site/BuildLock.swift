import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One build per output folder at a time: an exclusive `flock` on `.NAME.lock` beside the
/// output. The kernel drops the lock when the process ends, however it ends, so a killed
/// build never leaves a stale lock behind.
final class BuildLock {
    let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) { self.path = path; self.fd = fd }

    static func lockPath(for output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock").path
    }

    /// Waits up to `wait` seconds for the lock (0: do not wait).
    static func acquire(for output: URL, wait: Double) throws -> BuildLock {
        let path = lockPath(for: output)
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw SiteError.output("cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(max(0, wait))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let message = String(cString: strerror(errno))
                close(fd)
                throw SiteError.output("cannot lock \(path): \(message)")
            }
            if Date() >= deadline {
                close(fd)
                let waited = wait > 0 ? " after waiting \(Int(wait)) s" : ""
                throw SiteError.busy("another bellwether build is writing \(output.path) (lock \(path) is held)\(waited); try again later or pass --wait SECONDS")
            }
            usleep(100_000)
        }
        return BuildLock(path: path, fd: fd)
    }

    func release() {
        if fd >= 0 { flock(fd, LOCK_UN); close(fd); fd = -1 }
    }

    deinit { release() }
}
