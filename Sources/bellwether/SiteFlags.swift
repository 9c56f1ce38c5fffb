import ArgumentParser
import Foundation
import Site

/// Options shared by the commands that analyse or render articles.
struct AnalysisFlags: ParsableArguments {
    @Option(help: "Key points per article.")
    var keyPoints: Int?

    @Option(help: "IANA time zone that decides an article's day and how times are shown (default UTC).")
    var timezone: String?

    func apply(to options: inout SiteOptions) throws {
        if let n = keyPoints {
            guard (0...20).contains(n) else { throw ValidationError("--key-points must be between 0 and 20") }
            options.keyPoints = n
        }
        if let tz = timezone {
            guard let zone = TimeZone(identifier: tz) else {
                throw ValidationError("unknown time zone '\(tz)': use an IANA name such as UTC, America/New_York or Asia/Shanghai")
            }
            options.timeZone = zone
        }
    }
}

/// Writes one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
