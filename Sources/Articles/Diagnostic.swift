/// A problem found while reading inputs, reported as `path:line: message`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }
    public var path: String
    public var line: Int?
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int? = nil, severity: Severity = .error, message: String) {
        self.path = path; self.line = line; self.severity = severity; self.message = message
    }

    public var description: String {
        let loc = line.map { "\(path):\($0)" } ?? path
        return severity == .warning ? "\(loc): warning: \(message)" : "\(loc): \(message)"
    }
}
