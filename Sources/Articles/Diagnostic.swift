/// A problem found while reading inputs, reported as `path:line: message`.
///
/// `message` says what is wrong and how to fix it, in one line, so a user reading a
/// nightly log can act on it without opening the documentation.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }
    public var path: String
    public var line: Int?
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int? = nil, severity: Severity = .error, message: String) {
        self.path = path; self.line = line; self.severity = severity; self.message = message
    }

    public var description: String { rendered(under: nil) }

    /// The line as a user sees it, with `path` placed under `folder` (the folder the user
    /// named on the command line) so the location can be pasted into an editor.
    public func rendered(under folder: String?) -> String {
        var p = path
        if let folder, !folder.isEmpty, folder != "." {
            p = folder.hasSuffix("/") ? folder + path : folder + "/" + path
        }
        let loc = line.map { "\(p):\($0)" } ?? p
        return severity == .warning ? "\(loc): warning: \(message)" : "\(loc): \(message)"
    }

    /// Path (byte order), then line, then message: the order every report uses.
    public static func sorted(_ list: [Diagnostic]) -> [Diagnostic] {
        list.sorted { a, b in
            if a.path != b.path { return a.path.utf8Precedes(b.path) }
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            return a.message.utf8Precedes(b.message)
        }
    }
}
