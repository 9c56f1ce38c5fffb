/// The folder of a ticker's pages under `tickers/`, safe in a path and a URL.
///
/// Symbols usually are `AAPL`, `BRK.B` or `9618.HK`, but a declared ticker is user input and may
/// hold anything. Letters, digits and `-` stay; `.` stays unless it leads (no `.`/`..` folders,
/// no hidden ones); every other byte, `_` included, becomes `_XX` (hex). Because `_` itself is
/// encoded, two different symbols never share a folder, with no table to keep.
enum TickerFolder {
    static func name(_ symbol: String) -> String {
        var out = ""
        for (i, b) in symbol.utf8.enumerated() {
            let c = Character(Unicode.Scalar(b))
            let plain = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D
            if plain || (b == 0x2E && i > 0) {
                out.append(c)
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "_" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out.isEmpty ? "_" : out
    }

    /// Site-relative path of the ticker's page.
    static func page(_ symbol: String) -> String { "tickers/\(name(symbol))/index.html" }
    static func markdownPage(_ symbol: String) -> String { "tickers/\(name(symbol))/index.md" }
}
