import ArgumentParser
import Foundation
import Site

struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Print one article's brief: sentiment, tickers and key points.",
        discussion: """
        FILE is an article in any supported format, or - to read one from standard input. \
        The JSON format has the shape {"title","date","source","url","sentiment":{"score","label"}, \
        "tickers":[{"symbol","relevance","score","label"}],"key_points":[{"text","score","label"}], …}.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html, json }

    @Argument(help: "Article file, or - for standard input.")
    var file: String

    @Option(help: "Output format: markdown, html or json.")
    var format: Format = .markdown

    @Option(help: "Folder of templates overriding the bundled ones.")
    var templates: String?

    @OptionGroup var analysis: AnalysisFlags

    func run() throws {
        var options = SiteOptions()
        try analysis.apply(to: &options)
        do {
            let data: Data
            let path: String
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
                path = "stdin"
            } else {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
                path = file
            }
            let library = try TemplateLibrary(overrides: templates.map { URL(fileURLWithPath: $0) })
            let printer = BriefPrinter(options: options, library: library, version: BellwetherVersion.string)
            let result = try printer.brief(data: data, path: path, format: .init(rawValue: format.rawValue)!)
            for d in result.diagnostics { printError(d.description) }
            guard !result.output.isEmpty else { throw ExitCode(1) }
            FileHandle.standardOutput.write(Data(result.output.utf8))
        } catch let e as ExitCode {
            throw e
        } catch {
            printError("bellwether: \(error)")
            throw ExitCode(1)
        }
    }
}
