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

    /// URL normalisation for deduplication: the byte path for ASCII addresses against the
    /// character-based original (`normalizeAnyURL`, unchanged).
    @Test func urlNormalisationAgrees() {
        let pieces = ["https://", "HTTP://", "http://", "//", "www.", "WWW.", "Example.COM", "a.b", "/", "//", "/Path", "?", "&", "#",
                      "utm_source=x", "UTM_Medium=y", "id=3", "q=a&b", "#top", " ", "\t", "\r\n", "é", "\u{301}", "%20", "=", "utm", "_"]
        var rng = SplitMix(seed: 8)
        for _ in 0..<6000 {
            var s = ""
            for _ in 0..<rng.below(10) { s += rng.pick(pieces) }
            #expect(Deduplicator.normalizeURL(s) == Deduplicator.normalizeAnyURL(s), "\(s.debugDescription)")
        }
        #expect(Deduplicator.normalizeURL(" https://www.Example.com/a/?utm_source=x&id=2#top ") == "example.com/a?id=2")
    }

    /// The normalised text deduplication hashes (cached across builds, so it must not change).
    @Test func normalisedTextAgrees() {
        let pieces = ["Word", "word", "WORD", " ", "  ", "\n", "\t", ",", ".", "-", "'", "’", "“", "é", "É", "ß", "İ", "Σ", "日本", "٣", "½",
                      "\u{301}", "🚀", "€", "3.5%", "S&P", "_", "\u{A0}", "ǅ", "Ⅻ"]
        var rng = SplitMix(seed: 9)
        for _ in 0..<4000 {
            var s = ""
            for _ in 0..<rng.below(30) { s += rng.pick(pieces) }
            var new: [UInt8] = [], old: [UInt8] = []
            Deduplicator.forEachNormalizedByte(s) { new.append($0) }
            ReferenceHelpers.forEachNormalizedByte(s) { old.append($0) }
            #expect(new == old, "\(s.debugDescription)")
        }
    }

    @Test func byteOrderAgrees() {
        var rng = SplitMix(seed: 10)
        let pieces = ["a", "b", "A", "-", "/", ".", "é", "e\u{301}", "日", "", "2026-11-24", "z"]
        for _ in 0..<5000 {
            var x = "", y = ""
            for _ in 0..<rng.below(5) { x += rng.pick(pieces) }
            for _ in 0..<rng.below(5) { y += rng.pick(pieces) }
            #expect(x.utf8Precedes(y) == x.utf8.lexicographicallyPrecedes(y.utf8), "\(x.debugDescription) \(y.debugDescription)")
        }
    }

    @Test func pathPartsAndWordCountsAgree() {
        var rng = SplitMix(seed: 12)
        let pieces = ["2026", "-", "11", "24", "/", "//", "a", " ", "  ", "story.txt", "é", "\u{301}", "日本", "\r\n", "x y"]
        for _ in 0..<5000 {
            var s = ""
            for _ in 0..<rng.below(10) { s += rng.pick(pieces) }
            #expect(DayFromPath.components(s) == s.split(separator: "/", omittingEmptySubsequences: true).map(String.init), "\(s.debugDescription)")
            #expect(PlainText.wordCount(s) == s.split(separator: " ").count, "\(s.debugDescription)")
        }
    }

    @Test func collapsingAStringAgreesWithCollapsingItsBytes() {
        var rng = SplitMix(seed: 13)
        let pieces = ["a", "word", " ", "  ", "\t", "\n", "\r", "\u{C}", "\u{B}", "é", "\u{A0}", ".", ""]
        for _ in 0..<5000 {
            var s = ""
            for _ in 0..<rng.below(10) { s += rng.pick(pieces) }
            #expect(MarkdownText.collapse(s) == MarkdownText.collapse(Array(s.utf8)), "\(s.debugDescription)")
        }
    }
}
