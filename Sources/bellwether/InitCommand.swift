import ArgumentParser
import Foundation
import Site

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented bellwether.yml (and an empty articles folder) to start from.",
        discussion: "Never overwrites an existing bellwether.yml. Exit status: 0 written, 1 the file exists or cannot be written."
    )

    @Argument(help: "Folder to set up (default: the current folder).")
    var folder: String = "."

    func run() throws {
        let dir = URL(fileURLWithPath: folder)
        let file = dir.appendingPathComponent(Config.fileName)
        if FileManager.default.fileExists(atPath: file.path) {
            printError("bellwether: \(file.path) already exists; not overwritten")
            throw ExitCode(1)
        }
        do {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("articles"), withIntermediateDirectories: true)
            try Data(Config.example.utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            printError("bellwether: cannot write \(file.path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        print("Wrote \(file.path). Put articles in \(dir.appendingPathComponent("articles").path)/ and run: bellwether build \(folder == "." ? "articles" : dir.appendingPathComponent("articles").path)")
    }
}
