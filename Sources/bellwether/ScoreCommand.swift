import ArgumentParser

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "score", abstract: "Not yet implemented.")
    func run() throws {
        throw ValidationError("score is not implemented yet")
    }
}
