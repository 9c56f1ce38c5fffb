import Foundation
import Testing
@testable import Analysis

/// The lexicon image compiled into the program must be exactly what the word lists build, so an
/// edit to a list cannot ship with stale tables. With BELLWETHER_WRITE_LEXICON_IMAGE=1 the test
/// rewrites `CompiledLexiconData.swift` instead (then rebuild and run it again).
@Suite struct CompiledLexiconImageTests {
    static var dataFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Analysis/CompiledLexiconData.swift")
    }

    @Test func compiledImageIsWhatTheListsBuild() throws {
        let built = CompiledLexicon(building: ())
        let expected = CompiledLexicon.source(ofImage: built.image())
        if ProcessInfo.processInfo.environment["BELLWETHER_WRITE_LEXICON_IMAGE"] == "1" {
            try Data(expected.utf8).write(to: Self.dataFile)
            return
        }
        let actual = try String(contentsOf: Self.dataFile, encoding: .utf8)
        #expect(actual == expected, "CompiledLexiconData.swift is out of date: BELLWETHER_WRITE_LEXICON_IMAGE=1 swift test --filter CompiledLexiconImageTests")
        // And what the program loads is what the lists build.
        #expect(CompiledLexicon.shared.image() == built.image())
    }

    @Test func restoredTablesAnswerLikeBuiltOnes() {
        let built = CompiledLexicon(building: ())
        let hex = CompiledLexicon.source(ofImage: built.image())
        // The hexadecimal between the literal's quotes, as the program reads it.
        let body = hex.components(separatedBy: "\"\"\"\n")[1].components(separatedBy: "\n\"\"\"")[0]
        var text = body
        let lexicon = text.withUTF8 { CompiledLexicon(image: $0) }
        #expect(lexicon.image() == built.image())
        for word in ["rose", "Rose", "profit", "n't", "%", "mn", "strong-buy", "not-a-word", "year-on-year"] {
            var w = word
            let (a, b) = w.withUTF8 { p in
                (built.id(p.baseAddress!, p.count, readable: p.count), lexicon.id(p.baseAddress!, p.count, readable: p.count))
            }
            #expect(a == b, "\(word)")
            #expect(built.info(ofWord: a) == lexicon.info(ofWord: b), "\(word)")
        }
    }
}
