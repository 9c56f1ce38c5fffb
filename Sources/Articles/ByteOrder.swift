#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// `utf8.lexicographicallyPrecedes(other.utf8)` — the byte order every listing and report
    /// uses — with `memcmp` instead of a generic element-by-element walk: sorting tens of
    /// thousands of paths calls it hundreds of thousands of times.
    func utf8Precedes(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = min(x.count, y.count)
                let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                return c != 0 ? c < 0 : x.count < y.count
            }
        }
    }
}
