import Foundation
import Testing

/// `score --lines` on inputs large enough to be cut into many blocks and scored by two threads:
/// every line's output must be the one that line gets alone, in input order.
@Suite struct ScoreLinesTests {
    /// Sentences with different scores, so a line answered out of order shows.
    static let sentences = [
        "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn.",
        "The company cut 300 jobs after sales fell.",
        "The meeting is on Tuesday.",
        "Net loss narrowed to EUR 2.1 mn , compared with a loss of EUR 4.0 mn a year earlier .",
        "Shares slumped 12% after the profit warning",
        "Analysts upgraded the stock to Buy, citing record orders.",
        "",
        "Revenue could decline slightly next year , the company said .",
    ]

    /// Each sentence scored alone, through the `--evidence` path (Strings, one line at a time),
    /// reduced to the fields the fast path prints.
    static func aloneOutputs() throws -> [String] {
        let r = try run(["score", "--lines", "--evidence"], stdin: sentences.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            let end = line.range(of: #", "evidence""#)!.lowerBound
            return String(line[..<end]) + "}"
        }
    }

    @Test func manyBlocksKeepInputOrder() throws {
        let alone = try Self.aloneOutputs()
        #expect(alone.count == Self.sentences.count)
        // 6,000 lines (about 250 KB): a deterministic shuffle of the sentences, some with CRLF.
        var picks: [Int] = [], state: UInt64 = 42
        var input = ""
        for k in 0..<6000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let p = Int(state >> 33) % Self.sentences.count
            picks.append(p)
            input += Self.sentences[p] + (k % 7 == 0 ? "\r\n" : "\n")
        }
        let r = try run(["score", "--lines"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(out.count == picks.count + 1 && out.last == "")
        let mismatches = zip(out, picks).enumerated().filter { $0.element.0 != alone[$0.element.1] }.map(\.offset)
        #expect(mismatches.isEmpty, "lines answered wrongly: \(mismatches.prefix(5))")
    }

    @Test func lastLineWithoutNewlineAndEmptyInput() throws {
        let alone = try Self.aloneOutputs()
        let r = try run(["score", "--lines"], stdin: Self.sentences[0] + "\n" + Self.sentences[1])
        #expect(r.stdout == alone[0] + "\n" + alone[1] + "\n")
        #expect(try run(["score", "--lines"], stdin: "").stdout == "")
    }
}
