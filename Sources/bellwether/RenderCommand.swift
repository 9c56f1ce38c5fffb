import ArgumentParser
import Foundation
import Mustache

/// `bellwether render`: one template, one JSON file, output on stdout. The quickest way for a
/// template author to try an override, and to see our error messages.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a Mustache template with JSON data.",
        discussion: """
            The template's file name sets how {{x}} escapes: NAME.html.mustache (or plain \
            NAME.mustache) → HTML, .md → Markdown, .xml → XML, .json → JSON string content, \
            .txt → none. {{{x}}} is never escaped. Partials {{> card}} are looked up in the \
            partials folder as card.<format>.mustache, then card.mustache.
            On a template error the message names the file, line and column, shows the line \
            with a caret under the spot, and the exit status is 1.
            """
    )

    @Argument(help: "The template file, e.g. day.html.mustache.")
    var template: String

    @Option(name: .long, help: "JSON data file ('-' reads standard input). Without it the data is {}.")
    var data: String?

    @Option(name: .long, help: "Folder of partials (default: the template's own folder).")
    var partials: String?

    @Option(name: .long, help: "Output format instead of the one in the file name: html, markdown, xml, json, text.")
    var format: String?

    @Flag(name: .long, help: "Fail on a name that resolves to nothing, or a missing partial, instead of rendering it empty.")
    var strict = false

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if let format, OutputFormat(rawValue: format) == nil, OutputFormat(extension: format) == nil {
            throw ValidationError("unknown format '\(format)': use html, markdown, xml, json or text")
        }
    }

    func run() throws {
        do {
            let rendered = try renderTemplate()
            let bytes = Data(rendered.utf8)
            if let output {
                try bytes.write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                FileHandle.standardOutput.write(bytes)
            }
        } catch let error as MustacheError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }

    private func renderTemplate() throws -> String {
        let templateURL = URL(fileURLWithPath: template)
        let source = try readText(templateURL, what: "template")
        let chosen = format.flatMap { OutputFormat(rawValue: $0) ?? OutputFormat(extension: $0) }
        let parsed = try Template(source, name: templateURL.lastPathComponent, format: chosen)
        let folder = partials.map { URL(fileURLWithPath: $0) } ?? templateURL.deletingLastPathComponent()
        let library = try TemplateSet(directory: folder, deferringErrors: true)
        let value = try loadData()
        return try library.render(parsed, value, strict: strict)
    }

    private func loadData() throws -> MustacheValue {
        guard let data else { return .object([:]) }
        if data == "-" {
            return try MustacheValue(json: FileHandle.standardInput.readDataToEndOfFile(), name: "<stdin>")
        }
        let url = URL(fileURLWithPath: data)
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw MustacheError(kind: .unreadable, message: "cannot read the data file", templateName: data)
        }
        return try MustacheValue(json: bytes, name: url.lastPathComponent)
    }

    private func readText(_ url: URL, what: String) throws -> String {
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw MustacheError(kind: .unreadable, message: "cannot read the \(what) file", templateName: url.path)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.elementsEqual(bytes) else {
            throw MustacheError(kind: .unreadable, message: "the \(what) file is not valid UTF-8", templateName: url.path)
        }
        return text
    }
}
