import ArgumentParser

struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "brief", abstract: "Not yet implemented.")
    func run() throws {
        throw ValidationError("brief is not implemented yet")
    }
}
