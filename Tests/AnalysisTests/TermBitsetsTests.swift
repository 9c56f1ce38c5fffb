import Testing
@testable import Analysis

/// The bitset overlap must count exactly what the sorted-list merge counts, repeats included,
/// or key points would change with the representation.
@Suite struct TermBitsetsTests {
    @Test func overlapEqualsTheMergeOfSortedTerms() {
        var rng = SplitMix(seed: 7)
        let vocabulary = ["profit", "profits", "sales", "rose", "fell", "margin", "guidance", "china", "chips",
                          "demand", "quarter", "analysts", "shares", "revenue", "cloud", "tokens", "users", "growth"]
        for _ in 0..<200 {
            let n = Int(rng.next() % 30) + 1
            let sentences = (0..<n).map { _ in
                (0..<Int(rng.next() % 25)).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }
                    .joined(separator: " ") + "."
            }
            let terms = sentences.map(KeyPointTerms.init)
            let skip = (0..<n).map { _ in rng.next() % 7 == 0 }
            let sets = TermBitsets(terms, skip: skip)
            for i in 0..<n where !skip[i] {
                for j in 0..<n where !skip[j] {
                    #expect(sets.overlap(i, j) == KeyPointTerms.overlap(terms[i].terms[...], terms[j].terms[...]))
                }
            }
        }
    }
}

/// A small deterministic generator, so a failure can be replayed.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
