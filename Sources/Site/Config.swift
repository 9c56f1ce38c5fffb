import Foundation
import Yams

/// `bellwether.yml`: every build option in one file beside the article folder, so a cron line
/// stays short. Command-line flags override it; an unknown key is an error naming the key
/// (a typo must not silently fall back to a default).
public struct Config: Sendable, Equatable {
    public var title: String?
    public var timezone: String?
    public var keyPoints: Int?
    public var palette: String?
    public var baseURL: String?
    public var maxFileSize: Int?
    public var out: String?
    public var templates: String?
    public var cache: String?
    public var strict: Bool?
    public var wait: Double?
    public var aliases: [String: String] = [:]
    /// The folder relative paths in the file are resolved against.
    public var folder: URL

    public static let fileName = "bellwether.yml"
    static let keys = ["title", "timezone", "key_points", "palette", "base_url", "max_file_size", "out",
                       "templates", "cache", "strict", "wait", "aliases"]

    public init(folder: URL) { self.folder = folder }

    /// The configuration that applies to an article folder: `bellwether.yml` in the folder
    /// that holds it, if there is one.
    public static func find(forArticles articles: URL) -> URL? {
        let candidate = articles.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(fileName)
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

    public static func load(_ url: URL) throws -> Config {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(path: path, line: nil, message: "cannot read the configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, line: 1, message: "not UTF-8 text")
        }
        var config = Config(folder: url.deletingLastPathComponent())
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            throw ConfigError(path: path, line: Self.line(of: e), message: "invalid YAML: \(Self.summary(e))")
        } catch {
            throw ConfigError(path: path, line: nil, message: "invalid YAML: \(error)")
        }
        guard let node else { return config }
        guard let mapping = node.mapping else {
            throw ConfigError(path: path, line: node.mark.map { $0.line } ?? 1, message: "expected `key: value` lines at the top level")
        }
        for (keyNode, value) in mapping {
            let line = keyNode.mark?.line
            guard let key = keyNode.string else {
                throw ConfigError(path: path, line: line, message: "keys must be plain words")
            }
            func fail(_ what: String) -> ConfigError {
                ConfigError(path: path, line: value.mark?.line ?? line, message: "`\(key)` must be \(what)")
            }
            func string() throws -> String {
                guard let s = value.scalar?.string else { throw fail("a text value") }
                return s
            }
            switch key {
            case "title": config.title = try string()
            case "timezone":
                let tz = try string()
                guard TimeZone(identifier: tz) != nil else { throw fail("an IANA time zone such as UTC or America/New_York (got '\(tz)')") }
                config.timezone = tz
            case "key_points":
                guard let n = value.int, (0...20).contains(n) else { throw fail("a whole number from 0 to 20") }
                config.keyPoints = n
            case "palette":
                let p = try string()
                guard SiteOptions.Palette(rawValue: p) != nil else { throw fail("standard or cn") }
                config.palette = p
            case "base_url":
                let u = try string()
                guard u.hasPrefix("https://") || u.hasPrefix("http://") else { throw fail("an absolute http(s) URL") }
                config.baseURL = u
            case "max_file_size":
                guard let n = Self.size(try string()) else { throw fail("a size in bytes, or with a unit: 500KB, 5MB") }
                config.maxFileSize = n
            case "out": config.out = try string()
            case "templates": config.templates = try string()
            case "cache": config.cache = try string()
            case "strict":
                guard let b = value.bool else { throw fail("true or false") }
                config.strict = b
            case "wait":
                guard let d = value.float ?? value.int.map(Double.init), d >= 0 else { throw fail("a number of seconds") }
                config.wait = d
            case "aliases":
                guard let m = value.mapping else { throw fail("a mapping of company names to tickers (`Acme Corp: ACME`)") }
                for (k, v) in m {
                    guard let name = k.string, let symbol = v.string, !name.isEmpty, !symbol.isEmpty else {
                        throw ConfigError(path: path, line: k.mark?.line, message: "each alias must be `Company name: TICKER`")
                    }
                    config.aliases[name] = symbol.uppercased()
                }
            default:
                let hint = Self.keys.min { Self.distance($0, key) < Self.distance($1, key) }
                let suggestion = hint.map { Self.distance($0, key) <= 3 ? " (did you mean `\($0)`?)" : "" } ?? ""
                throw ConfigError(path: path, line: line, message: "unknown key `\(key)`\(suggestion); known keys: \(Self.keys.joined(separator: ", "))")
            }
        }
        return config
    }

    /// A path from the file, resolved against the file's folder.
    public func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
    }

    /// Applies the file's values to options (flags are applied afterwards and win).
    public func apply(to options: inout SiteOptions) {
        if let title { options.title = title }
        if let tz = timezone.flatMap(TimeZone.init(identifier:)) { options.timeZone = tz }
        if let keyPoints { options.keyPoints = keyPoints }
        if let p = palette.flatMap(SiteOptions.Palette.init(rawValue:)) { options.palette = p }
        if let baseURL { options.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        if let maxFileSize { options.maxFileSize = maxFileSize }
        if let cache { options.cacheDirectory = resolve(cache) }
        if let strict { options.strictTemplates = strict }
        if let wait { options.lockWait = wait }
        for (k, v) in aliases { options.extraAliases[k] = v }
    }

    static func size(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("KB", 1024), ("MB", 1024 * 1024), ("GB", 1024 * 1024 * 1024), ("B", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            let number = t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            guard let v = Double(number), v > 0 else { return nil }
            return Int(v * Double(factor))
        }
        return Int(t).flatMap { $0 > 0 ? $0 : nil }
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }

    static func line(of e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func summary(_ e: YamlError) -> String {
        switch e {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(e)"
        }
    }

    /// The commented example `bellwether init` writes.
    public static let example = """
    # bellwether.yml — options for `bellwether build` of the article folder beside this file.
    # Every key is optional; a command-line flag overrides the value here.
    # Paths are relative to this file.

    # Title shown at the top of every page.
    title: "Bellwether briefings"

    # IANA time zone that decides which day an article belongs to and how times are shown.
    timezone: UTC

    # Key points per article.
    key_points: 3

    # Badge colours: standard (green means up) or cn (red means up).
    palette: standard

    # Absolute address the site is served from; feeds and the sitemap link with it.
    # base_url: https://briefings.example.com/

    # Files larger than this are skipped and reported.
    max_file_size: 5MB

    # Output folder, analysis cache, and a folder of templates overriding the bundled ones.
    out: site
    # cache: .bellwether-cache
    # templates: templates

    # true: exit 1 when any input had a problem, and report template names that resolve to nothing.
    strict: false

    # Seconds to wait for another build of the same output to finish before giving up.
    wait: 0

    # Company names to recognise as tickers, on top of the bundled table.
    # aliases:
    #   Acme Corporation: ACME
    #   Globex: GBX

    """
}

public struct ConfigError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String
    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
