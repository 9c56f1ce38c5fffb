import Foundation

/// A compact, explicit binary format for the build cache. Hand-written rather than Codable:
/// a nightly build decodes tens of thousands of cached briefs, and a field-by-field reader
/// over a byte buffer is an order of magnitude faster than a generic decoder.
/// Integers are little-endian varints, strings are length-prefixed UTF-8.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ v: Int) { uint(UInt64(bitPattern: Int64(v)) << 1 ^ UInt64(bitPattern: Int64(v) >> 63)) }
    mutating func uint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    /// Hands over the bytes written so far and starts again with an empty buffer.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func double(_ v: Double) { u64(v.bitPattern) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in uint(UInt64(buf.count)); bytes.append(contentsOf: buf) }
    }
    mutating func optional<T>(_ v: T?, _ write: (inout BinaryWriter, T) -> Void) {
        if let v { bool(true); write(&self, v) } else { bool(false) }
    }
    mutating func array<T>(_ a: [T], _ write: (inout BinaryWriter, T) -> Void) {
        uint(UInt64(a.count))
        for x in a { write(&self, x) }
    }
    mutating func stringMap(_ m: [String: String]) {
        uint(UInt64(m.count))
        for k in m.keys.sorted() { string(k); string(m[k]!) }
    }
    mutating func doubleMap(_ m: [String: Double]) {
        uint(UInt64(m.count))
        for k in m.keys.sorted() { string(k); double(m[k]!) }
    }
}

struct BinaryReader {
    struct Truncated: Error {}
    let bytes: [UInt8]
    private(set) var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset >= bytes.count }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Truncated() }
        defer { offset += 1 }
        return bytes[offset]
    }
    mutating func uint() throws -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
            if shift > 63 { throw Truncated() }
        }
    }
    mutating func int() throws -> Int {
        let u = try uint()
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }
    mutating func count() throws -> Int {
        let n = try uint()
        guard n <= UInt64(bytes.count - offset) else { throw Truncated() }
        return Int(n)
    }
    mutating func u64() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Truncated() }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return v
    }
    mutating func double() throws -> Double { Double(bitPattern: try u64()) }
    mutating func bool() throws -> Bool { try byte() != 0 }
    mutating func string() throws -> String {
        let n = try count()
        defer { offset += n }
        return String(decoding: bytes[offset..<offset + n], as: UTF8.self)
    }
    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }
    mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }
    mutating func stringMap() throws -> [String: String] {
        let n = try count()
        var m: [String: String] = [:]
        for _ in 0..<n { let k = try string(); m[k] = try string() }
        return m
    }
    mutating func doubleMap() throws -> [String: Double] {
        let n = try count()
        var m: [String: Double] = [:]
        for _ in 0..<n { let k = try string(); m[k] = try double() }
        return m
    }
}

/// A fast 64-bit hash for change detection (not for security): eight bytes at a time with a
/// multiply-xorshift mix, finished with MurmurHash3's fmix64.
struct ContentHash: Hashable, Sendable {
    private(set) var value: UInt64

    init(seed: UInt64 = 0x9E3779B97F4A7C15) { value = seed }

    mutating func add(_ buffer: UnsafeRawBufferPointer) {
        var h = value ^ (UInt64(buffer.count) &* 0xff51afd7ed558ccd)
        var i = 0
        let n = buffer.count
        while i + 8 <= n {
            let w = buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ (w &* 0x87c37b91114253d5)) &* 0x4cf5ad432745937f
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(buffer[i]) << shift; shift += 8; i += 1 }
        h = (h ^ (tail &* 0x87c37b91114253d5)) &* 0x4cf5ad432745937f
        h ^= h >> 33; h = h &* 0xff51afd7ed558ccd; h ^= h >> 33; h = h &* 0xc4ceb9fe1a85ec53; h ^= h >> 33
        value = h
    }
    mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }
    mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }
    mutating func add(_ s: String) { var s = s; s.withUTF8 { add(UnsafeRawBufferPointer($0)) } }
    mutating func add(_ v: UInt64) { withUnsafeBytes(of: v) { add($0) } }

    static func of(_ s: String) -> UInt64 { var h = ContentHash(); h.add(s); return h.value }
}
