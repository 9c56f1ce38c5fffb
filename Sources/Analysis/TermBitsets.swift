/// Each sentence's terms as a bitset over the article's own vocabulary, so that the shared
/// terms of two sentences are a few AND + popcount steps instead of a merge of two sorted lists
/// (the merge, with a mispredicted branch per step, was most of the key-point graph's cost).
///
/// Multiplicity is kept: a term a sentence holds k times sets the bits of (term, 1) … (term, k),
/// so the popcount of an intersection is Σ min(kᵢ, kⱼ), exactly `KeyPointTerms.overlap`.
struct TermBitsets {
    private var bits: [UInt64]
    private let words: Int

    init(_ terms: [KeyPointTerms], skip: [Bool]) {
        let total = terms.indices.reduce(0) { skip[$1] ? $0 : $0 + terms[$1].terms.count }
        var size = 16
        while size < total * 2 { size *= 2 }
        // Open addressing on (hash, occurrence); term hashes are FNV, already well mixed.
        var keyHash = [UInt64](repeating: 0, count: size)
        var keyNth = [Int](repeating: -1, count: size)
        var ids = [Int](repeating: 0, count: size)
        let mask = size - 1
        var perSentence = [[Int]](repeating: [], count: terms.count)
        var next = 0
        for i in terms.indices where !skip[i] {
            let list = terms[i].terms
            var own: [Int] = []
            own.reserveCapacity(list.count)
            var k = 0
            for t in list.indices {
                k = t > 0 && list[t - 1] == list[t] ? k + 1 : 0
                let h = list[t]
                var slot = Int(truncatingIfNeeded: h ^ (UInt64(k) &* 0x9E37_79B9_7F4A_7C15)) & mask
                while keyNth[slot] >= 0 && !(keyHash[slot] == h && keyNth[slot] == k) { slot = (slot + 1) & mask }
                if keyNth[slot] < 0 { keyHash[slot] = h; keyNth[slot] = k; ids[slot] = next; next += 1 }
                own.append(ids[slot])
            }
            perSentence[i] = own
        }
        words = max(1, (next + 63) / 64)
        bits = [UInt64](repeating: 0, count: terms.count * words)
        for i in terms.indices {
            for id in perSentence[i] { bits[i * words + id / 64] |= 1 << UInt64(id % 64) }
        }
    }

    /// Terms sentences `i` and `j` share, counted with multiplicity.
    @inline(__always)
    func overlap(_ i: Int, _ j: Int) -> Int {
        bits.withUnsafeBufferPointer { b in
            var c = 0
            let a = i * words, o = j * words
            for w in 0..<words { c += (b[a + w] & b[o + w]).nonzeroBitCount }
            return c
        }
    }
}
