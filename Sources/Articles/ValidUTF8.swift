extension String {
    /// A String from bytes already known to be valid UTF-8, without the standard library
    /// validating them a second time: on mostly-ASCII text with a few curly quotes, that second
    /// pass cost more than all the rest of a Markdown parse (it walks byte by byte once any
    /// byte is non-ASCII).
    ///
    /// Callers pass only bytes that came out of `TextDecoding` (which validates, transcodes or
    /// repairs every file) cut at ASCII bytes, or built from whole scalars. Debug builds, and so
    /// every test run, check that promise on each call.
    init(validUTF8 b: UnsafeBufferPointer<UInt8>) {
        assert(String(validating: b, as: UTF8.self) != nil, "bytes are not valid UTF-8")
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            // The ASCII flag matters: without it `lowercased()`, comparisons and counting
            // take their slow, Unicode-table paths on every later use of the string.
            self = String(copying: unsafe UTF8Span(unchecked: b.span, isKnownASCII: String.isASCII(b)))
        } else {
            self = String(decoding: b, as: UTF8.self)
        }
    }

    init(validUTF8 b: [UInt8]) {
        self = b.withUnsafeBufferPointer { String(validUTF8: $0) }
    }

    init(validUTF8 b: [UInt8], _ range: Range<Int>) {
        self = b.withUnsafeBufferPointer { String(validUTF8: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Eight bytes at a time: no byte has its high bit set.
    private static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        var any: UInt64 = 0
        while i + 32 <= b.count {
            any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
            i += 32
        }
        while i + 8 <= b.count { any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self); i += 8 }
        while i < b.count { any |= UInt64(b[i]); i += 1 }
        return any & 0x8080_8080_8080_8080 == 0
    }
}
