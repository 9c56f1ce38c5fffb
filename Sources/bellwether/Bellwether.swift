import ArgumentParser
import Foundation

/// The command line: thin commands over the library targets.
/// Exit codes: 0 success, 1 failure, 2 usage error (ArgumentParser's default for bad usage).
@main
struct Bellwether: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bellwether",
        abstract: "Static briefing sites from folders of financial news articles.",
        version: BellwetherVersion.string,
        subcommands: [Build.self, Brief.self, Score.self, Render.self, Check.self, Init.self, Serve.self]
    )

    /// ArgumentParser exits 64 (EX_USAGE) on bad usage; ours is documented as 2, like most
    /// Unix tools, so cron wrappers can tell "fix the command line" from "the build failed".
    static func main() {
        // `score --lines` is driven thousands of times by evaluators: skip the parser's start-up.
        if Score.runLinesIfExactlyRequested() { return }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

enum BellwetherVersion {
    static let string = "0.1.0"
}
