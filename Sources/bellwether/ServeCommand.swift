import ArgumentParser
import Foundation
import Site

/// `bellwether serve`: builds the site, serves the folder on 127.0.0.1 and rebuilds it whenever
/// an article or an override template changes. For previewing; any static server can serve the
/// built folder in production.
///
/// Building and watching happen here; the HTTP server is the `bellwether-serve` binary beside
/// this one (`PreviewServerProcess`), so `bellwether` itself links no networking code.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild when articles or templates change.",
        discussion: """
        Builds ARTICLES into the output folder as `bellwether build` does (bellwether.yml beside \
        the article folder included), then serves that folder at http://127.0.0.1:PORT/ with the \
        right content types until interrupted. The article folder (and the templates folder, if \
        any) is checked every second; a change rebuilds the site, and a failed rebuild leaves the \
        last good site served. --port 0 picks a free port.
        """
    )

    @Argument(help: "Folder of articles.")
    var articles: String = "articles"

    @Option(name: .shortAndLong, help: "Output folder (default: site).")
    var out: String?

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "Folder of templates overriding the bundled ones (watched for changes too).")
    var templates: String?

    @Option(help: "Configuration file (default: bellwether.yml beside the article folder, if present).")
    var config: String?

    @Option(help: "Site title.")
    var title: String?

    @Option(help: "Badge colours: standard (green up) or cn (red up).")
    var palette: String?

    @Option(help: "Absolute URL the site will be served from, for feeds and the sitemap.")
    var baseURL: String?

    @Option(help: "Seconds between checks for changed articles or templates.")
    var interval: Double = 1

    @OptionGroup var analysis: AnalysisFlags

    /// Options as `build` reads them: the configuration file, then the flags over it.
    func settings(_ articlesURL: URL) throws -> (SiteOptions, out: String, templates: URL?) {
        let settings = try SiteSettings(articles: articlesURL, config: config, analysis: analysis, out: out,
                                        templates: templates, title: title, palette: palette, baseURL: baseURL)
        return (settings.options, settings.outPath, settings.templates)
    }

    func run() throws {
        guard interval > 0 else { throw ValidationError("--interval must be positive") }
        // A process inherits its parent's blocked signals: started by a supervisor or test
        // runner that blocks them, serve would ignore Ctrl-C and `kill`. Unblock them first,
        // before any thread starts or the server is spawned (both inherit this mask too).
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopSignals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
        let articlesURL = URL(fileURLWithPath: articles)
        let (options, outPath, templatesURL) = try settings(articlesURL)
        let serverBinary: String
        do { serverBinary = try PreviewServerProcess.locate() } catch {
            printError("bellwether: \(error)")
            throw ExitCode(1)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: articlesURL.path, isDirectory: &isDir), isDir.boolValue else {
            printError("bellwether: articles folder '\(articles)' does not exist")
            throw ExitCode(1)
        }
        let outURL = URL(fileURLWithPath: outPath)
        let watched = [articlesURL] + (templatesURL.map { [$0] } ?? [])

        var snapshot = SourceSnapshot(folders: watched)
        guard rebuild(options, articlesURL, outURL, templatesURL, first: true) else { throw ExitCode(1) }

        let server: PreviewServerProcess
        do {
            server = try PreviewServerProcess.start(serverBinary, folder: outURL.path, port: port)
        } catch {
            // Not listening: the server has already said why on standard error.
            if case PreviewServerProcess.Failure.didNotListen = error {} else { printError("bellwether: \(error)") }
            throw ExitCode(1)
        }
        let actualPort = server.port
        say("bellwether: serving \(outPath)/ at http://127.0.0.1:\(actualPort)/ (Ctrl-C stops)")

        // Poll for changes while the server runs in its own process; rebuild once the files have
        // stopped changing for one interval, so an editor's save in several steps or a folder
        // being copied gives one rebuild, not several.
        var pending = false
        while true {
            Thread.sleep(forTimeInterval: interval)
            guard server.isRunning() else {
                printError("bellwether: the HTTP server (\(PreviewServerProcess.binaryName)) stopped unexpectedly")
                throw ExitCode(1)
            }
            let now = SourceSnapshot(folders: watched)
            if now != snapshot {
                snapshot = now
                pending = true
                continue
            }
            if pending {
                pending = false
                _ = rebuild(options, articlesURL, outURL, templatesURL, first: false)
            }
        }
    }

    /// One build, reported on one line. Templates are read again each time, so an edited
    /// override takes effect; a failure is reported and the last good site stays served.
    func rebuild(_ options: SiteOptions, _ articles: URL, _ out: URL, _ templates: URL?, first: Bool) -> Bool {
        do {
            let library = try TemplateLibrary(overrides: templates)
            let report = try SiteBuilder(options: options, library: library, version: BellwetherVersion.string)
                .build(articles: articles, output: out)
            for d in report.diagnostics { printError(d.rendered(under: articles.path)) }
            if first { for note in report.notes { printError("bellwether: note: \(note)") } }
            say("bellwether: \(first ? "built" : "rebuilt"): \(report.articles) articles, \(report.pagesWritten) pages written, \(report.errorCount) errors, \(Build.seconds(report.seconds)) s")
            return true
        } catch {
            printError("bellwether: build failed\(first ? "" : ", still serving the previous site"): \(error)")
            return false
        }
    }

    /// Standard output without buffering, so a script reading the address sees it at once.
    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
