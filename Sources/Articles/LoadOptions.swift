import Foundation

/// What the loader needs to know beyond the bytes: which zone decides the day of a
/// timestamp, and how large a file may be before it is refused.
public struct LoadOptions: Sendable, Hashable {
    /// Decides the calendar day of a timestamp (and of a time written without an offset).
    /// UTC by default: the machine's local zone is never used unless the caller passes it.
    public var timeZone: TimeZone
    /// Files larger than this are reported and not read (protects a nightly build from a
    /// stray multi-gigabyte dump). Default 5 MiB.
    public var maxFileSize: Int

    public static let defaultMaxFileSize = 5 * 1024 * 1024

    public init(timeZone: TimeZone = TimeZone(identifier: "UTC")!, maxFileSize: Int = LoadOptions.defaultMaxFileSize) {
        self.timeZone = timeZone
        self.maxFileSize = maxFileSize
    }
}

/// One input file found in the article folder, not yet read.
public struct InputFile: Sendable, Hashable {
    /// Path relative to the article folder, `/`-separated (e.g. `2026-11-24/seed.txt`).
    public var path: String
    /// Where to read it. For a symbolic link inside the folder, the link itself.
    public var url: URL
    /// Size in bytes as seen when the folder was scanned.
    public var size: Int

    public init(path: String, url: URL, size: Int) {
        self.path = path; self.url = url; self.size = size
    }
}

/// The files of a folder worth reading, sorted by path, plus what was skipped and why.
public struct FolderScan: Sendable, Hashable {
    public var files: [InputFile]
    public var diagnostics: [Diagnostic]
}

/// What one file yielded: zero or more articles and the problems found in it.
/// A file with errors may still yield articles (e.g. the good elements of a JSON array).
public struct FileParse: Sendable, Hashable, Codable {
    public var articles: [Article]
    public var diagnostics: [Diagnostic]

    public init(articles: [Article] = [], diagnostics: [Diagnostic] = []) {
        self.articles = articles; self.diagnostics = diagnostics
    }
}

/// Everything a build or `check` needs from a folder: the articles to publish (deduplicated,
/// unique slugs), every problem found, and which duplicates were merged.
public struct LoadResult: Sendable, Hashable {
    public var articles: [Article]
    /// Sorted by path, then line. Duplicate merges are included here as warnings too.
    public var diagnostics: [Diagnostic]
    public var merges: [DuplicateMerge]
    /// How many files were read (those skipped at scan time are not counted).
    public var filesRead: Int

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
