import ArgumentParser

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Not yet implemented.")
    func run() throws {
        throw ValidationError("render is not implemented yet")
    }
}
