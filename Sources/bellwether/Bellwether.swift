import ArgumentParser

/// The command line: thin commands over the library targets.
/// Exit codes: 0 success, 1 failure, 2 usage error (ArgumentParser's default for bad usage).
@main
struct Bellwether: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bellwether",
        abstract: "Static briefing sites from folders of financial news articles.",
        version: BellwetherVersion.string,
        subcommands: [Build.self, Brief.self, Score.self, Render.self, Check.self, Serve.self]
    )
}

enum BellwetherVersion {
    static let string = "0.1.0"
}
