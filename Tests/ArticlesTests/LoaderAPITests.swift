import Testing
import Foundation
@testable import Articles

@Suite("Loader API")
struct LoaderAPITests {
    func sampleFolder() -> TempFolder {
        let f = TempFolder()
        f.write("2026-11-24/a.md", "---\ntitle: Alpha\nurl: https://n.example.com/a\n---\nAlpha text.\n")
        f.write("2026-11-24/b.txt", "Beta headline\nBeta text.\n")
        f.write("2026-11-24/c.json", "[{\"title\": \"Gamma\", \"body\": \"Gamma text.\"}, {\"title\": \"Alpha again\", \"url\": \"https://n.example.com/a\", \"body\": \"x\"}]")
        f.write("2026-11-25/bad.md", "---\ntitle: x\n")
        return f
    }

    @Test func twoStepScanAndParseEqualsLoadFolder() {
        let folder = sampleFolder()
        let loader = ArticleLoader()
        let scan = loader.scan(folder.url)
        #expect(scan.files.map(\.path) == ["2026-11-24/a.md", "2026-11-24/b.txt", "2026-11-24/c.json", "2026-11-25/bad.md"])
        let parses = scan.files.map { loader.parse(try! Data(contentsOf: $0.url), path: $0.path) }
        let stepwise = ArticleLoader.assemble(parses, extraDiagnostics: scan.diagnostics, filesRead: scan.files.count)
        let whole = loader.loadFolder(folder.url)
        #expect(stepwise == whole)
        #expect(whole.articles.map(\.title) == ["Alpha", "Beta headline", "Gamma"])
        #expect(whole.merges.count == 1)
        #expect(whole.errorCount == 1 && whole.warningCount == 1)
    }

    @Test func parseIsPureAndDeterministic() {
        let data = Data(seedArticle.utf8)
        let one = ArticleParser.parse(data: data, path: "2026-11-24/seed.txt")
        let two = ArticleParser.parse(data: data, path: "2026-11-24/seed.txt")
        #expect(one == two)
        // FileParse is Codable so a cache can store it.
        let encoded = try! JSONEncoder().encode(one)
        #expect(try! JSONDecoder().decode(FileParse.self, from: encoded) == one)
    }

    @Test func loadFileUsesThePathAsGivenForTheDay() throws {
        let folder = TempFolder()
        let url = folder.write("2026-11-24/story.txt", "Story headline\nStory text.\n")
        let r = ArticleLoader().loadFile(url, displayPath: "articles/2026-11-24/story.txt")
        let a = try #require(r.articles.first)
        #expect(a.day == Day("2026-11-24"))
        #expect(a.path == "articles/2026-11-24/story.txt")
        let big = ArticleLoader(options: LoadOptions(maxFileSize: 5)).loadFile(url, displayPath: "x.txt")
        #expect(big.articles.isEmpty && big.errorCount == 1)
    }

    @Test func standardInputNeedsADateInTheContent() {
        let loader = ArticleLoader()
        let dated = loader.load(data: Data("---\ndate: 2026-11-24\n---\nText.\n".utf8), path: "-")
        #expect(dated.articles.count == 1 && dated.articles[0].format == .markdown)
        let undated = loader.load(data: Data("Text only.\n".utf8), path: "-")
        #expect(undated.articles.isEmpty)
        #expect(undated.diagnostics.first?.description.hasPrefix("-:1: no date") == true)
    }

    @Test func diagnosticRendering() {
        let e = Diagnostic(path: "2026-11-24/a.md", line: 3, message: "bad")
        let w = Diagnostic(path: "a.md", line: 1, severity: .warning, message: "hmm")
        #expect(e.rendered(under: "articles") == "articles/2026-11-24/a.md:3: bad")
        #expect(e.rendered(under: "articles/") == "articles/2026-11-24/a.md:3: bad")
        #expect(w.description == "a.md:1: warning: hmm")
    }

    @Test func manyFilesInParallelKeepOrder() {
        let folder = TempFolder()
        for k in 0..<300 { folder.write(String(format: "2026-11-24/%03d.txt", k), "Story number \(k) is unique.\n") }
        let r = folder.load()
        #expect(r.articles.count == 300)
        #expect(r.articles.map(\.path) == (0..<300).map { String(format: "2026-11-24/%03d.txt", $0) })
    }
}
