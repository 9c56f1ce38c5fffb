import FlyingFox
import Foundation
import Site

/// Answers every GET/HEAD from the site folder, read afresh on each request so a rebuild shows
/// at the next reload.
struct SiteHandler: HTTPHandler {
    let files: StaticFiles

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        // The raw target, not `request.path`: that one is normalised without its trailing
        // slash, and `/tickers/` must not look like `/tickers`. `StaticFiles` refuses `..`.
        switch files.answer(for: request.target.path(percentEncoded: false)) {
        case .redirect(let location):
            // Absolute when the Host is known: some clients (Foundation's URLSession on Linux)
            // drop the trailing slash when resolving a relative Location, and loop.
            let absolute = request.headers[.host].map { "http://\($0)\(location)" } ?? location
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: absolute]))
        case .notFound:
            return Self.notFound
        case .file(let path, let contentType):
            guard let data = FileManager.default.contents(atPath: path) else { return Self.notFound }
            return HTTPResponse(statusCode: .ok,
                                headers: HTTPHeaders([.contentType: contentType, .cacheControl: "no-cache",
                                                      .contentLength: String(data.count)]),
                                body: request.method == .HEAD ? Data() : data)
        }
    }

    static var notFound: HTTPResponse {
        HTTPResponse(statusCode: .notFound, headers: HTTPHeaders([.contentType: "text/plain; charset=utf-8"]),
                     body: Data("Not found\n".utf8))
    }
}
