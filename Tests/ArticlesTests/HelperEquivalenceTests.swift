import Foundation
import Testing
@testable import Articles

/// Helpers given byte-level fast paths must answer exactly as before (ReferenceHelpers).
@Suite("Helpers agree with the reference")
struct HelperEquivalenceTests {
    static let pieces = ["a", "B", "z", "Z", "0", "9", ".", "/", "-", "_", " ", ":", "md", "MD", "Md", "txt", "html", "json",
                         "é", "É", "ß", "Æ", "€", "$", "日本", "\u{301}", "\u{212A}", "İ", "http", "HTTP", "https", "HtTpS",
                         "://", ":/", "//", "\r\n", "\t", "#", "%20", "..", "Société Générale", "--", "🚀"]

    @Test func fileExtensionsAgree() {
        var rng = SplitMix(seed: 3)
        for _ in 0..<5000 {
            var s = ""
            for _ in 0..<rng.below(8) { s += rng.pick(Self.pieces) }
            #expect(ArticleParser.fileExtension(s) == ReferenceHelpers.fileExtension(s), "\(s.debugDescription)")
        }
        for s in ["", ".", "a.", ".md", "x/.md", "x/a.MD", "a.b/c", "a.tar.GZ", "/", "./a.md", "a..md"] {
            #expect(ArticleParser.fileExtension(s) == ReferenceHelpers.fileExtension(s), "\(s.debugDescription)")
        }
    }

    @Test func httpChecksAgree() {
        var rng = SplitMix(seed: 4)
        for _ in 0..<5000 {
            var s = rng.pick(["http", "HTTP", "https", "HTTPS", "ftp", "Http", "httpS", "htt", ""]) + rng.pick(["://", ":/", "//", "://\u{301}", ":", ""])
            for _ in 0..<rng.below(4) { s += rng.pick(Self.pieces) }
            #expect(ArticleParser.isHTTP(s) == ReferenceHelpers.isHTTP(s), "\(s.debugDescription)")
        }
    }

    @Test func slugsAgree() {
        var rng = SplitMix(seed: 5)
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<rng.below(40) { s += rng.pick(Self.pieces) + (rng.chance(50) ? " " : "") }
            #expect(Slugs.slugify(s) == ReferenceHelpers.slugify(s), "\(s.debugDescription)")
        }
    }

    /// The one-pass check for ordinary text may only say yes when the two full checks would
    /// both let the file through unchanged.
    @Test func plainTextCheckAgreesWithTheFullChecks() {
        let pieces: [[UInt8]] = [Array("plain words ".utf8), Array("\n".utf8), Array("\t\r\u{C}\u{B}".utf8), [0x1B], [0], [1], [0x7F],
                                 Array("é€日🚀".utf8), [0xEF, 0xBB, 0xBF], [0xC3], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                 [0xC0, 0xAF], [0xFF, 0xFE], [0x25, 0x50, 0x44, 0x46, 0x2D], [0x89, 0x50, 0x4E, 0x47], Array(repeating: 0x61, count: 40)]
        var rng = SplitMix(seed: 6)
        var yes = 0
        for _ in 0..<20000 {
            var b: [UInt8] = []
            for _ in 0..<(1 + rng.below(12)) { b += rng.pick(pieces) }
            guard TextDecoding.isPlainUTF8Text(b) else { continue }
            yes += 1
            let start = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            #expect(TextDecoding.binaryKind(b) == nil, "\(b)")
            #expect(TextDecoding.validateUTF8(b, from: start).invalid == 0, "\(b)")
        }
        #expect(yes > 1000)
        #expect(TextDecoding.isPlainUTF8Text(Array(seedArticle.utf8)))
    }
}
