import Testing
import Foundation
@testable import Articles

@Suite("Encodings")
struct EncodingTests {
    let text = "Société Générale gained 3% — “strong” results.\nSecond paragraph.\n"

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try #require(parse(text, path: "2026-11-24/a.txt").articles.first)
        let bom = try #require(parse(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "2026-11-24/a.txt").articles.first)
        #expect(plain.text == "Société Générale gained 3% — “strong” results.\nSecond paragraph.")
        #expect(bom.text == plain.text)
        #expect(bom.title == plain.title)
    }

    @Test func bomBeforeFrontMatter() throws {
        let md = "---\ntitle: BOM\ndate: 2026-11-24\n---\nBody.\n"
        let r = parse(bytes: [0xEF, 0xBB, 0xBF] + Array(md.utf8), path: "a.md")
        #expect(r.diagnostics.isEmpty)
        #expect(r.articles.first?.title == "BOM")
    }

    @Test func utf16WithBOM() throws {
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for u in text.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        for bytes in [le, be] {
            let r = parse(bytes: bytes, path: "2026-11-24/a.txt")
            #expect(r.diagnostics.isEmpty)
            #expect(r.articles.first?.text == "Société Générale gained 3% — “strong” results.\nSecond paragraph.")
        }
    }

    @Test func utf16WithoutBOMIsReadWithAWarning() throws {
        var le: [UInt8] = []
        for u in "Plain ASCII story.\n".utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let r = parse(bytes: le, path: "2026-11-24/a.txt")
        #expect(r.articles.first?.text == "Plain ASCII story.")
        #expect(r.warnings.first?.message.contains("UTF-16") == true)
    }

    @Test func latin1AndWindows1252AreDecodedWithAWarning() throws {
        // "Line one.\nCafé costs €5 – “cheap”.\n" in Windows-1252.
        let bytes: [UInt8] = Array("Line one.\nCaf".utf8) + [0xE9] + Array(" costs ".utf8) + [0x80] + Array("5 ".utf8) + [0x96, 0x20, 0x93]
            + Array("cheap".utf8) + [0x94] + Array(".\n".utf8)
        let r = parse(bytes: bytes, path: "2026-11-24/a.txt")
        let a = try #require(r.articles.first)
        #expect(a.text == "Line one.\nCafé costs €5 – “cheap”.")
        let w = try #require(r.warnings.first)
        #expect(w.line == 2)
        #expect(w.message.contains("Windows-1252"))
        #expect(r.errors.isEmpty)
    }

    @Test func invalidUTF8IsReplacedAndTheLineNamed() throws {
        let bytes: [UInt8] = Array("Zürich opened higher.\nSecond line.\nBad ".utf8) + [0xC3, 0x28] + Array(" byte here.\n".utf8)
        let r = parse(bytes: bytes, path: "2026-11-24/a.txt")
        let a = try #require(r.articles.first)
        #expect(a.text.contains("Bad \u{FFFD}( byte here."))
        #expect(a.text.hasPrefix("Zürich"))
        let w = try #require(r.warnings.first)
        #expect(w.line == 3)
        #expect(w.message.contains("invalid UTF-8"))
    }

    @Test func crlfAndCRLineEndings() throws {
        let md = "---\r\ntitle: Windows\r\ndate: 2026-11-24\r\n---\r\nOne.\r\n\r\nTwo.\r\n"
        let a = try #require(parse(md, path: "a.md").articles.first)
        #expect(a.title == "Windows")
        #expect(a.text == "One.\nTwo.")
        #expect(a.body == "One.\n\nTwo.")
        let mac = try #require(parse("Old Mac file\rFirst.\rSecond.\r", path: "2026-11-24/a.txt").articles.first)
        #expect(mac.title == "Old Mac file")
        #expect(mac.text == "First.\nSecond.")
    }

    @Test func randomBytesNeverCrash() {
        var g = SystemRandomNumberGenerator()
        for n in [1, 2, 3, 7, 64, 1000] {
            for _ in 0..<50 {
                let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &g) }
                for path in ["2026-11-24/x.txt", "x.md", "x.json", "x.html", "-"] {
                    let r = parse(bytes: bytes, path: path)
                    #expect(!r.articles.isEmpty || !r.diagnostics.isEmpty)
                }
            }
        }
    }
}
