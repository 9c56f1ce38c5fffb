import Foundation
import Testing
@testable import Articles
#if canImport(Glibc)
import Glibc
#endif

@Suite("Folder scan")
struct ScannerTests {
    /// Directory records are as long as their name needs: names of every length come back
    /// whole, with no bytes from past the record.
    @Test func namesOfEveryLengthAreReadExactly() {
        let folder = TempFolder()
        var expected: [String] = []
        for length in [1, 2, 7, 8, 9, 15, 16, 17, 23, 24, 31, 100, 200, 251] {
            let name = String(repeating: "n", count: length) + ".md"
            folder.write("2026-11-24/" + name, "---\ntitle: x\n---\nText.\n")
            expected.append("2026-11-24/" + name)
        }
        let scan = ArticleLoader().scan(folder.url)
        #expect(scan.diagnostics.isEmpty)
        #expect(scan.files.map(\.path) == expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for file in scan.files {
            #expect(file.url == URL(fileURLWithPath: folder.path + "/" + file.path))
            #expect(file.size == 23)
        }
    }

    @Test func pathsAreInByteOrderAcrossFolders() {
        let folder = TempFolder()
        folder.write("a/x.md", "x\n")
        folder.write("a-b/y.md", "y\n")
        folder.write("a.b/z.md", "z\n")
        folder.write("B/w.md", "w\n")
        #expect(ArticleLoader().scan(folder.url).files.map(\.path) == ["B/w.md", "a-b/y.md", "a.b/z.md", "a/x.md"])
    }

    @Test func nameThatIsNotUTF8IsReported() {
        let folder = TempFolder()
        folder.write("2026-11-24/ok.md", "ok\n")
        let bad: [UInt8] = Array((folder.path + "/2026-11-24/caf").utf8) + [0xE9] + Array(".md".utf8) + [0]
        let fd = bad.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        let scan = ArticleLoader().scan(folder.url)
        #expect(scan.files.map(\.path) == ["2026-11-24/ok.md"])
        #expect(scan.diagnostics.map(\.message) == ["file name is not valid UTF-8 and cannot be published; rename it"])
        #expect(scan.diagnostics.first?.path == "2026-11-24/caf\u{FFFD}.md")
    }
}
