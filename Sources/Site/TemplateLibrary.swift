import Foundation
import Mustache

/// The templates and static assets of a build: the bundled defaults, with any file of the same
/// name in the user's templates folder taking its place. Parsed once per build.
public struct TemplateLibrary: Sendable {
    public let templates: TemplateSet
    /// Static files copied as they are, by site path (`assets/style.css`).
    public let assets: [String: [UInt8]]
    /// Hash of every template and asset: a page rendered with other templates is re-rendered.
    public let fingerprint: UInt64

    /// - Parameter overrides: a folder laid out like `templates/`; nil for the bundled set only.
    public init(overrides: URL? = nil) throws {
        var sources: [String: String] = [:]
        var assets: [String: [UInt8]] = [:]
        for (path, text) in BundledTemplates.files {
            if path.hasSuffix(".mustache") { sources[path] = text } else { assets[path] = Array(text.utf8) }
        }
        if let dir = overrides {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
                throw SiteError.templates("templates folder \(dir.path) does not exist")
            }
            let base = dir.standardizedFileURL.path
            let enumerator = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                var rel = url.standardizedFileURL.path
                if rel.hasPrefix(base + "/") { rel.removeFirst(base.count + 1) }
                let data = try Data(contentsOf: url)
                if rel.hasSuffix(".mustache") {
                    guard let text = String(data: data, encoding: .utf8) else {
                        throw SiteError.templates("\(url.path): template is not valid UTF-8")
                    }
                    sources[rel] = text
                } else {
                    assets[rel] = Array(data)
                }
            }
        }
        do {
            templates = try TemplateSet(sources: sources)
        } catch {
            throw SiteError.templates("\(error)")
        }
        self.assets = assets
        var h = ContentHash()
        for name in sources.keys.sorted() { h.add(name); h.add(sources[name]!) }
        for name in assets.keys.sorted() { h.add(name); h.add(assets[name]!) }
        fingerprint = h.value
    }
}

public enum SiteError: Error, CustomStringConvertible {
    case templates(String)
    case render(String)
    case output(String)
    case input(String)
    /// Another build holds the output's lock.
    case busy(String)

    public var description: String {
        switch self {
        case .templates(let m), .render(let m), .output(let m), .input(let m), .busy(let m): return m
        }
    }
}
