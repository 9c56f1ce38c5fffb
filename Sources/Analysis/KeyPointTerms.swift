/// The content words of a sentence, as the key-point ranker compares them.
///
/// A sentence becomes a sorted list of 64-bit term hashes: lower-cased, stop words dropped,
/// lightly stemmed so "rise", "rises", "rising" and "rose"… well, the first three, meet as one
/// term. Hashes instead of strings keep the comparison of every sentence pair to a merge of two
/// integer arrays, with no allocation per word: this is the hot path of key-point selection.
/// Works on UTF-8 bytes, no Foundation.
struct KeyPointTerms {
    /// Sorted term hashes (duplicates kept: a word said twice counts twice).
    var terms: [UInt64]
    /// Words in the sentence, stop words included (for length rules).
    var wordCount: Int
    /// Whether the sentence holds a digit (only those can state a figure).
    var hasDigit: Bool
    /// Whether the sentence could be page furniture (a cue word, an opening cue, an address, no
    /// lower-case letters, or just short), so that only those few pay for the full string rules
    /// in `KeyPointBoilerplate`.
    var mayBeFurniture: Bool

    init(_ text: String) {
        var copy = text
        self = copy.withUTF8 { Self.scan($0) }
    }

    init(terms: [UInt64], wordCount: Int, hasDigit: Bool, mayBeFurniture: Bool) {
        self.terms = terms; self.wordCount = wordCount; self.hasDigit = hasDigit; self.mayBeFurniture = mayBeFurniture
    }

    /// One pass over the bytes. Kept free of closures over mutable state (which Swift boxes and
    /// checks on every access) and of per-word allocation: a word is lower-cased into a fixed
    /// scratch buffer, hashed, looked up, stemmed in place and hashed again.
    static func scan(_ buf: UnsafeBufferPointer<UInt8>) -> KeyPointTerms {
        var terms: [UInt64] = []
        terms.reserveCapacity(buf.count / 6)
        var words = 0
        var cue = false, lower = false, upper = false, other = false, digits = false
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
        defer { scratch.deallocate() }
        var i = 0
        let n = buf.count
        while i < n {
            // Skip to the start of a word.
            while i < n, !isWordByte(buf, i) {
                let b = buf[i]
                if b == 0x40 || (b == 0xC2 && i + 1 < n && buf[i + 1] == 0xA9) { cue = true } // @ ©
                i += separatorWidth(buf, i)
            }
            guard i < n else { break }
            var length = 0
            var hasLetter = false
            while i < n, isWordByte(buf, i) {
                var b = buf[i]
                if b >= 0x41 && b <= 0x5A { b |= 0x20; upper = true; hasLetter = true }
                else if b >= 0x61 && b <= 0x7A { lower = true; hasLetter = true }
                else if b >= 0x80 { other = true; hasLetter = true }
                else { digits = true }
                if length < 64 { scratch[length] = b; length += 1 }
                i += 1
                // Keep "2.3" and "2,500" whole: a point or comma between digits is part of a number.
                if i + 1 < n, buf[i] == 0x2E || buf[i] == 0x2C, isDigit(b), isDigit(buf[i + 1]) {
                    if length < 64 { scratch[length] = buf[i]; length += 1 }
                    i += 1
                }
            }
            words += 1
            // A bare number ("2,500", "2004") is not a term: figures rarely recur verbatim, and
            // when they do (a year, "2") they link sentences that have nothing else in common.
            // An amount with its unit ("6bn") is specific enough to stay.
            if !hasLetter { continue }
            let word = UnsafeMutableBufferPointer(start: scratch, count: length)
            let raw = hash(UnsafeBufferPointer(word))
            if !cue, cueWords.contains(raw) || (words == 1 && openingCueWords.contains(raw)) { cue = true }
            if length < 2 || stopWords.contains(raw) { continue }
            let stemmed = stem(word)
            terms.append(hash(UnsafeBufferPointer(rebasing: word[..<stemmed])))
        }
        terms.sort()
        return KeyPointTerms(terms: terms, wordCount: words, hasDigit: digits,
                             mayBeFurniture: cue || words <= 14 || (upper && !lower && !other))
    }

    /// Letters, digits and non-ASCII letters belong to words; an apostrophe ends one
    /// ("company's" → "company", and "s" is then too short to count). U+0080–U+00BF (no-break
    /// space, £, ©, guillemets) and U+2000–U+2FFF (dashes, curly quotes, €, arrows) separate words.
    @inline(__always)
    static func isWordByte(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = buf[i]
        if b < 0x80 { return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
        return b != 0xC2 && b != 0xE2
    }

    /// How far to step over a non-word position: a whole scalar when it is multi-byte.
    @inline(__always)
    static func separatorWidth(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let w = buf[i] == 0xE2 ? 3 : buf[i] == 0xC2 ? 2 : 1
        return min(w, buf.count - i)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// FNV-1a, 64-bit: stable across runs (Swift's Hasher is seeded per process), so ties and
    /// output stay deterministic, and cheap enough to run on every word.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    static func hash(_ word: String) -> UInt64 { Array(word.utf8).withUnsafeBufferPointer { hash($0) } }

    /// The term a single word becomes (lower-cased, stemmed, hashed), for cue tables.
    static func termHash(_ word: String) -> UInt64 {
        var bytes = Array(word.lowercased().utf8)
        return bytes.withUnsafeMutableBufferPointer { w in
            let n = stem(w)
            return hash(UnsafeBufferPointer(rebasing: w[..<n]))
        }
    }

    /// A light English stemmer (in the spirit of Porter's first step): plural and verb endings,
    /// "-ly", and a final "e", so inflections of one word share a stem. Returns the stem length.
    static func stem(_ w: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var n = w.count
        @inline(__always) func at(_ k: Int) -> UInt8 { w[n - k] }     // k-th byte from the end
        if n > 5, at(4) == 0x73, at(3) == 0x73, at(2) == 0x65, at(1) == 0x73 { n -= 2 }          // -sses
        else if n > 4, at(3) == 0x69, at(2) == 0x65, at(1) == 0x73 { n -= 3; w[n] = 0x79; n += 1 } // -ies → -y
        else if n > 3, at(1) == 0x73, at(2) != 0x73, at(2) != 0x75, at(2) != 0x69 { n -= 1 }      // -s, not -ss -us -is
        if n > 5, at(3) == 0x69, at(2) == 0x6E, at(1) == 0x67 { n -= 3 }                         // -ing
        else if n > 4, at(2) == 0x65, at(1) == 0x64 { n -= 2 }                                   // -ed
        else if n > 5, at(2) == 0x6C, at(1) == 0x79 { n -= 2 }                                  // -ly
        if n > 3, at(1) == 0x65 { n -= 1 }                                                       // raise, raised → rais
        // cutting → cutt → cut
        if n > 3, at(1) == at(2), at(1) >= 0x61, at(1) <= 0x7A {
            let c = at(1)
            if c != 0x6C, c != 0x73, c != 0x7A, c != 0x61, c != 0x65, c != 0x69, c != 0x6F, c != 0x75 { n -= 1 }
        }
        return n
    }

    /// Function words and the verbs of reporting: they link every sentence to every other and
    /// so say nothing about which sentence is central. A general English list, not learned.
    static let stopWords = TermTable<Bool>("""
    a about above after again against all also am an and any are as at be because been before being \
    below between both but by can could did do does doing down during each either few for from further \
    had has have having he her here hers herself him himself his how however if in into is it its itself \
    just me more most much must my myself no nor not now of off on once only or other our ours ourselves \
    out over own same she should so some such than that the their theirs them themselves then there these \
    they this those through to too under until up very was we were what when where which while who whom \
    whose why will with within without would you your yours yourself yourselves \
    said says say saying told according added adding also yet still even already around per via amid \
    among across since upon onto whether although though unless i mr mrs ms dr st \
    one two three four five six seven eight nine ten
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { hash(String($0)) })
}

extension KeyPointTerms {
    /// Words that appear in the phrases `KeyPointBoilerplate` looks for anywhere in a sentence.
    static let cueWords = TermTable<Bool>("""
    demo subscribe download advice informational information constitute construed performance forward \
    mentioned positions position views opinions reserved consult generated produced contributed powered \
    copyright http https www
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { hash(String($0)) })

    /// First words of the openings `KeyPointBoilerplate` looks for ("Photo: …", "By …").
    static let openingCueWords = TermTable<Bool>("""
    by photo photograph image picture caption pictured file credit source editor disclosure disclaimer \
    related read see learn subscribe sign advertisement sponsored copyright watch listen video reporting \
    editing writing additional compiled
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { hash(String($0)) })

    /// Terms the two sorted lists share, counted with multiplicity (each occurrence matched once).
    @inline(__always)
    static func overlap(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Int {
        var i = a.startIndex, j = b.startIndex, c = 0
        while i < a.endIndex, j < b.endIndex {
            let x = a[i], y = b[j]
            if x == y { c += 1; i += 1; j += 1 }
            else if x < y { i += 1 }
            else { j += 1 }
        }
        return c
    }
}

/// A fixed set of word hashes (or hash → value), open-addressed: a lookup is a mask and one or two
/// array reads. `Set<UInt64>` would rehash every key with SipHash, which cost more than the
/// rest of the tokenizer together; FNV hashes are already well mixed.
struct TermTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private let mask: Int

    init(_ pairs: [(UInt64, Value)]) {
        var size = 16
        while size < pairs.count * 4 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
        for (k, v) in pairs {
            var slot = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while values[slot] != nil, keys[slot] != k { slot = (slot + 1) & mask }
            keys[slot] = k; values[slot] = v
        }
    }

    @inline(__always)
    subscript(key: UInt64) -> Value? {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while let v = values[slot] {
            if keys[slot] == key { return v }
            slot = (slot + 1) & mask
        }
        return nil
    }
}

extension TermTable where Value == Bool {
    init<S: Sequence>(_ hashes: S) where S.Element == UInt64 { self.init(hashes.map { ($0, true) }) }
    @inline(__always) func contains(_ key: UInt64) -> Bool { self[key] != nil }
}
