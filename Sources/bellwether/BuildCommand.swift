import ArgumentParser

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Not yet implemented.")
    func run() throws {
        throw ValidationError("build is not implemented yet")
    }
}
