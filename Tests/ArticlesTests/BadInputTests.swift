import Testing
import Foundation
@testable import Articles

@Suite("Bad input")
struct BadInputTests {
    @Test func emptyAndWhitespaceOnlyFiles() throws {
        let empty = try #require(parse("", path: "2026-11-24/a.txt").errors.first)
        #expect(empty.line == 1 && empty.message.hasPrefix("file is empty"))
        let blank = try #require(parse(" \n\t\n\r\n", path: "2026-11-24/a.md").errors.first)
        #expect(blank.message.hasPrefix("file holds only blank lines"))
    }

    @Test func binaryFilesAreNamedForWhatTheyAre() throws {
        let pdf = try #require(parse(bytes: Array("%PDF-1.7\n".utf8) + [0, 1, 2, 0xFF], path: "2026-11-24/report.txt").errors.first)
        #expect(pdf.message.hasPrefix("this is a PDF document, not an article"))
        let png = try #require(parse(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], path: "x.md").errors.first)
        #expect(png.message.contains("a PNG image"))
        let nul = try #require(parse(bytes: [0x41, 0x00, 0x00, 0x00, 0x42, 0x43, 0x00, 0x00], path: "x.md").errors.first)
        #expect(nul.message.contains("binary file"))
    }

    @Test func unclosedFrontMatter() throws {
        let r = parse("---\ntitle: Open\ndate: 2026-11-24\n\nBody text.\n", path: "a.md")
        #expect(r.articles.isEmpty)
        let e = try #require(r.errors.first)
        #expect(e.line == 1)
        #expect(e.message == "front matter opened with --- is never closed; add a line with just --- after the last key")
    }

    @Test func invalidFrontMatterReportsTheFileLine() throws {
        // Line 4 of the file (line 3 of the YAML) has an unquoted ": ".
        let md = "---\ndate: 2026-11-24\nsource: Wire\ntitle: Apple: record quarter\n---\nBody.\n"
        let e = try #require(parse(md, path: "a.md").errors.first)
        #expect(e.line == 4)
        #expect(e.message.hasPrefix("invalid front matter, column"))
        #expect(e.message.contains("must be quoted"))
        // Leading blank lines shift the block; the line still matches the file.
        let shifted = try #require(parse("\n\n---\ntitle: \"unclosed\ndate: 2026-11-24\n---\nBody.\n", path: "a.md").errors.first)
        #expect(shifted.line == 4)
        #expect(shifted.message.contains("a quote is probably not closed"))
        #expect(shifted.message.hasPrefix("invalid front matter"))
        let dup = try #require(parse("---\ntitle: A\ntitle: B\ndate: 2026-11-24\n---\nBody.\n", path: "a.md").errors.first)
        #expect(dup.line == 3 && dup.message.contains("repeats the key `title`"))
        let list = try #require(parse("---\n- just\n- a list\n---\nBody.\n", path: "a.md").errors.first)
        #expect(list.line == 2 && list.message.contains("must be `key: value` lines"))
        let toml = try #require(parse("+++\ntitle = \"x\"\n+++\nBody.\n", path: "a.md").errors.first)
        #expect(toml.message.contains("TOML"))
    }

    @Test func wronglyTypedFrontMatter() throws {
        let e = try #require(parse("---\ndate: 2026-11-24\ntitle:\n  text: nested\n---\nBody.\n", path: "a.md").errors.first)
        #expect(e.line == 4)
        #expect(e.message.hasPrefix("front matter `title` must be text"))
        let t = try #require(parse("---\ndate: 2026-11-24\ntickers: {a: 1}\n---\nBody.\n", path: "a.md").errors.first)
        #expect(t.line == 3 && t.message.contains("`tickers` must be a list"))
    }

    @Test func quotedScalarsSingleAndDouble() throws {
        let md = "---\ntitle: 'It''s \"fine\": really'\nsource: \"Wire \\u00e9dition\"\ndate: '2026-11-24'\n---\nBody.\n"
        let a = try #require(parse(md, path: "a.md").articles.first)
        #expect(a.title == "It's \"fine\": really")
        #expect(a.source == "Wire édition")
    }

    @Test func truncatedJSONGivesLineAndColumn() throws {
        let json = "[\n  {\"title\": \"A\", \"date\": \"2026-11-24\", \"body\": \"x\"},\n  {\"title\": \"B\", \"bo"
        let e = try #require(parse(json, path: "f.json").errors.first)
        #expect(e.line == 3)
        #expect(e.message.hasPrefix("invalid JSON at column"))
        #expect(e.message.contains("truncated"))
        let missingComma = try #require(parse("{\n  \"title\": \"A\"\n  \"body\": \"x\"\n}", path: "f.json").errors.first)
        #expect(missingComma.line == 3)
        #expect(missingComma.message == "invalid JSON at column 3: expected ',' or '}' after the value of \"title\" but found '\"'; a comma is probably missing")
        let trailing = try #require(parse("[{\"title\": \"A\", \"body\": \"x\", \"date\": \"2026-11-24\"},\n]", path: "f.json").errors.first)
        #expect(trailing.line == 2 && trailing.message.contains("trailing comma"))
        let single = try #require(parse("{'title': 'A'}", path: "f.json").errors.first)
        #expect(single.message.contains("double quotes"))
    }

    @Test func wronglyTypedJSONSkipsOnlyThatArticle() throws {
        let json = """
        [
          {"title": "Good", "date": "2026-11-24", "body": "Fine."},
          {"title": 42, "date": "2026-11-24",
           "body": "Numbers are not titles."},
          {"title": "Tags", "date": "2026-11-24", "tags": "ok, fine", "body": "Also fine.",
           "tickers": [1, "MSFT"]},
          "not an object"
        ]
        """
        let r = parse(json, path: "f.json")
        #expect(r.articles.map(\.title) == ["Good"])
        #expect(r.errors.map(\.line) == [3, 6, 7])
        #expect(r.errors[0].message == "article 2: \"title\" must be text in double quotes, found a number")
        #expect(r.errors[1].message.hasPrefix("article 3: \"tickers\" must be a list of text values, found a number"))
        #expect(r.errors[2].message.hasPrefix("article 4: expected an article object"))
        let noBody = try #require(parse("{\"title\": \"T\", \"date\": \"2026-11-24\"}", path: "f.json").errors.first)
        #expect(noBody.message.contains("no article text"))
        let feed = try #require(parse("{\"feed\": {\"title\": \"x\"}}", path: "f.json").errors.first)
        #expect(feed.message.contains("\"feed\" must be a list"))
    }

    @Test func deeplyNestedJSONIsRefusedNotCrashing() throws {
        let deep = String(repeating: "[", count: 100_000)
        let e = try #require(parse(deep, path: "f.json").errors.first)
        #expect(e.message.contains("nested more than"))
    }

    @Test func oversizedFilesAreReportedAtScanAndParse() throws {
        let folder = TempFolder()
        folder.write("2026-11-24/big.txt", String(repeating: "Long story. ", count: 2000))
        folder.write("2026-11-24/small.txt", "Short story.\n")
        let r = folder.load(LoadOptions(maxFileSize: 10_000))
        #expect(r.articles.map(\.path) == ["2026-11-24/small.txt"])
        let e = try #require(r.errors.first)
        #expect(e.path == "2026-11-24/big.txt")
        #expect(e.message == "file is 24000 bytes, over the 10000 bytes limit; split it into smaller files, or raise the limit with --max-size BYTES")
        // parse(data:) checks too, for standard input.
        #expect(parse(String(repeating: "x", count: 11), path: "-", options: LoadOptions(maxFileSize: 10)).errors.count == 1)
        #expect(LoadOptions().maxFileSize == 5 * 1024 * 1024)
    }

    @Test func symbolicLinks() throws {
        let outside = TempFolder()
        outside.write("secret.txt", "Not an article.\n")
        let folder = TempFolder()
        folder.write("2026-11-24/real.txt", "Real story.\n")
        folder.symlink("2026-11-24/escape.txt", to: outside.path + "/secret.txt")
        folder.symlink("2026-11-24/dangling.txt", to: "/nonexistent/bellwether/x.txt")
        folder.symlink("2026-11-24/relative-escape.md", to: "../../" + outside.url.lastPathComponent + "/secret.txt")
        folder.symlink("2026-11-24/inside.txt", to: "real.txt")
        folder.symlink("linked-day", to: "2026-11-24")
        let r = folder.load()
        #expect(!r.articles.contains { $0.text.contains("Not an article") })
        let byPath = Dictionary(grouping: r.diagnostics, by: \.path)
        #expect(byPath["2026-11-24/escape.txt"]?.first?.message.contains("outside the article folder; not followed") == true)
        #expect(byPath["2026-11-24/escape.txt"]?.first?.severity == .error)
        #expect(byPath["2026-11-24/relative-escape.md"]?.first?.message.contains("outside the article folder") == true)
        #expect(byPath["2026-11-24/dangling.txt"]?.first?.message.contains("does not exist") == true)
        #expect(byPath["linked-day"]?.first?.message.contains("is not followed") == true)
        // A link to a file inside is read; it is then a duplicate of the real file.
        #expect(r.articles.map(\.path) == ["2026-11-24/inside.txt"])
        #expect(byPath["2026-11-24/real.txt"]?.first?.message.contains("duplicate of 2026-11-24/inside.txt") == true)
    }

    @Test func oddFileNamesGetSafeUniqueSlugs() throws {
        let folder = TempFolder()
        let names = ["my story (final).txt", "Société Générale.txt", "日本語.txt", "a;rm -rf ~;.txt", "$(whoami).md", "tab\tname.txt",
                     "----.txt", "UPPER CASE.TXT"]
        for (k, n) in names.enumerated() { folder.write("2026-11-24/" + n, "Paragraph number \(k) stands alone.\n") }
        // Same title twice on different days, and one titled in CJK only.
        folder.write("2026-11-24/x.md", "---\ntitle: Same Title\n---\nOne.\n")
        folder.write("2026-11-25/x.md", "---\ntitle: Same Title\n---\nTwo.\n")
        folder.write("2026-11-25/中文.md", "---\ntitle: 市场上涨\n---\nThree.\n")
        let r = folder.load()
        #expect(r.errors.isEmpty)
        #expect(r.articles.count == names.count + 3)
        let slugs = r.articles.map(\.slug)
        #expect(Set(slugs).count == slugs.count)
        for s in slugs {
            #expect(!s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }, "unsafe slug \(s)")
            #expect(!s.hasPrefix("-") && !s.hasSuffix("-"))
        }
        #expect(r.article(at: "2026-11-24/x.md")?.slug == "same-title")
        #expect(r.article(at: "2026-11-25/x.md")?.slug.hasPrefix("same-title-") == true)
        // Non-Latin title and name: falls back to "article".
        #expect(r.article(at: "2026-11-25/中文.md")?.slug.hasPrefix("article") == true)
        #expect(Slugs.slugify("Société Générale: Œuvre & Straße") == "societe-generale-oeuvre-strasse")
        // Deterministic: the same folder gives the same slugs.
        #expect(folder.load().articles.map(\.slug) == slugs)
    }

    @Test func badFilesNeverLoseGoodOnes() throws {
        let folder = TempFolder()
        folder.write("2026-11-24/good-1.md", "---\ntitle: Good one\n---\nFine.\n")
        folder.write("2026-11-24/empty.txt", "")
        folder.write("2026-11-24/binary.md", Data([0, 1, 2, 3, 0, 0]))
        folder.write("2026-11-24/broken.json", "[{\"title\": \"x\"")
        folder.write("2026-11-24/good-2.txt", "Another fine story.\n")
        folder.write("2026-11-24/notes.pdf", "%PDF-1.4")
        folder.write("nodate/story.txt", "When did this happen?\n")
        let r = folder.load()
        #expect(r.articles.map(\.path) == ["2026-11-24/good-1.md", "2026-11-24/good-2.txt"])
        #expect(r.errors.map(\.path) == ["2026-11-24/binary.md", "2026-11-24/broken.json", "2026-11-24/empty.txt", "nodate/story.txt"])
        #expect(r.warnings.map(\.path) == ["2026-11-24/notes.pdf"])
        #expect(r.filesRead == 6)
        for d in r.diagnostics { #expect(d.line == 1 || d.path.hasSuffix(".json")) }
    }

    @Test func missingFolderIsOneError() {
        let r = ArticleLoader().loadFolder(URL(fileURLWithPath: "/nonexistent/bellwether-articles"))
        #expect(r.articles.isEmpty)
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.message.hasPrefix("article folder not found") == true)
    }

    @Test func hiddenFilesAreIgnoredAndOrderIsSorted() {
        let folder = TempFolder()
        folder.write(".git/config", "[core]")
        folder.write("2026-11-24/.DS_Store", Data([0, 0, 0, 1]))
        folder.write("2026-11-24/b.txt", "Bee story.\n")
        folder.write("2026-11-24/a.txt", "Ay story.\n")
        folder.write("2026-11-23/z.txt", "Zed story.\n")
        let scan = ArticleLoader().scan(folder.url)
        #expect(scan.diagnostics.isEmpty)
        #expect(scan.files.map(\.path) == ["2026-11-23/z.txt", "2026-11-24/a.txt", "2026-11-24/b.txt"])
        #expect(scan.files.map(\.size) == [11, 10, 11])
    }

    @Test func urlThatIsNotHTTPIsKeptButWarned() throws {
        let r = parse("---\ndate: 2026-11-24\nurl: javascript:alert(1)\n---\nBody.\n", path: "a.md")
        #expect(r.articles.first?.url == "javascript:alert(1)")
        let w = try #require(r.warnings.first)
        #expect(w.line == 3 && w.message.contains("not an http(s) address"))
    }

    @Test func invalidTickersAreDroppedWithAWarning() throws {
        let r = parse("---\ndate: 2026-11-24\ntickers: [$aapl, Apple Inc, brk.b, aapl]\n---\nBody.\n", path: "a.md")
        #expect(r.articles.first?.tickers == ["AAPL", "BRK.B"])
        #expect(r.warnings.first?.message.hasPrefix("'Apple Inc' is not a ticker symbol") == true)
    }
}
