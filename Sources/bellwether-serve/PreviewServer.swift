import FlyingFox
import Foundation
import Site

/// A FlyingFox server on 127.0.0.1, started from synchronous code.
///
/// FlyingFox: a small pure-Swift HTTP/1.1 server on async sockets with no dependencies of its
/// own (SwiftNIO-based servers such as Hummingbird take several minutes to build on this
/// project's two cores, for a preview that serves files to one reader).
enum PreviewServer {
    /// The first of "listening on this port" and "failed", whichever comes first.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var settled: Result<UInt16, Error>?
        private let ready = DispatchSemaphore(value: 0)

        func settle(_ result: Result<UInt16, Error>) {
            lock.lock(); defer { lock.unlock() }
            guard settled == nil else { return }
            settled = result
            ready.signal()
        }

        func wait() -> Result<UInt16, Error> {
            ready.wait()
            lock.lock(); defer { lock.unlock() }
            return settled!
        }
    }

    /// Starts serving and returns the port once the socket listens, or why it could not as soon
    /// as the server fails (a port in use fails at once rather than at the listening timeout).
    static func start(port: UInt16, files: StaticFiles) -> Result<UInt16, Error> {
        let outcome = Outcome()
        Task {
            do {
                let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled,
                                        handler: SiteHandler(files: files))
                let serving = Task {
                    do { try await server.run() } catch { outcome.settle(.failure(error)) }
                }
                try await server.waitUntilListening(timeout: 10)
                var actual = port
                if case let .ip4(_, p)? = await server.listeningAddress { actual = p }
                outcome.settle(.success(actual))
                await serving.value
            } catch {
                outcome.settle(.failure(error))
            }
        }
        return outcome.wait()
    }
}
