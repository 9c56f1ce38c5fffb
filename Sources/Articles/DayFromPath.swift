/// Where an article's day comes from when the file itself does not say: the folder it
/// sits in (`2026-11-24/…` or `2026/11/24/…`), else a date in its file name.
enum DayFromPath {
    enum Found: Equatable {
        case folder(Day)
        case fileName(Day)
        /// Looked like a date but is not a real day (e.g. a folder named `2026-02-30`).
        case impossible(what: String, problem: String)
        case none
    }

    static func find(_ path: String) -> Found {
        var parts = components(path)
        let name = parts.popLast() ?? ""
        // Nearest folder first: a `2026-11-24` component, or a trailing `YYYY/MM/DD` triple.
        var i = parts.count - 1
        while i >= 0 {
            let c = parts[i]
            if let d = dashed(c) {
                switch d {
                case .success(let day): return .folder(day)
                case .failure(let p): return .impossible(what: "folder name '\(c)'", problem: p.message)
                }
            }
            if i >= 2, isDigits(parts[i - 2], 4), isDigits(parts[i - 1], 2), isDigits(c, 2) {
                let text = "\(parts[i - 2])-\(parts[i - 1])-\(c)"
                switch Timestamps.parse(text, zone: Timestamps.utc) {
                case .success(.day(let day)): return .folder(day)
                case .failure(let p): return .impossible(what: "folder path '\(parts[i - 2])/\(parts[i - 1])/\(c)'", problem: p.message)
                default: break
                }
            }
            i -= 1
        }
        if let d = inFileName(name) {
            switch d {
            case .success(let day): return .fileName(day)
            case .failure(let p): return .impossible(what: "file name '\(name)'", problem: p.message)
            }
        }
        return .none
    }

    /// The path's `/`-separated parts, empty ones dropped. Split on bytes when the path is
    /// ASCII (then bytes are characters); by characters otherwise, as `split` does. Text files
    /// take their day from the path, so this runs for most of them.
    static func components(_ path: String) -> [String] {
        var path = path
        let ascii: [String]? = path.withUTF8 { u in
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            return u.split(separator: 0x2F).map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
        }
        return ascii ?? path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    private static func isDigits(_ s: String, _ n: Int) -> Bool {
        s.utf8.count == n && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A folder named exactly `YYYY-MM-DD`.
    private static func dashed(_ c: String) -> Result<Day, DateProblem>? {
        let b = Array(c.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        guard isDigits(String(c.prefix(4)), 4) else { return nil }
        switch Timestamps.parse(c, zone: Timestamps.utc) {
        case .success(.day(let d)): return .success(d)
        case .failure(let p): return .failure(p)
        default: return nil
        }
    }

    /// The first `YYYY-MM-DD`, `YYYY_MM_DD` or `YYYYMMDD` in a file name, bounded by
    /// non-digits so an id like `1202611241` is not taken for a date. Years 1900–2199 only.
    private static func inFileName(_ name: String) -> Result<Day, DateProblem>? {
        let b = Array(name.utf8)
        func digit(_ k: Int) -> Bool { k >= 0 && k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
        func num(_ k: Int, _ n: Int) -> Int { var v = 0; for j in k..<(k + n) { v = v * 10 + Int(b[j] - 0x30) }; return v }
        var i = 0
        while i < b.count {
            guard digit(i), !digit(i - 1) else { i += 1; continue }
            var run = i
            while digit(run) { run += 1 }
            let year = run - i >= 4 ? num(i, 4) : 0
            if (1900...2199).contains(year) {
                if run - i == 4, i + 10 <= b.count,
                   b[i + 4] == 0x2D || b[i + 4] == 0x5F, b[i + 7] == b[i + 4],
                   digit(i + 5), digit(i + 6), digit(i + 8), digit(i + 9), !digit(i + 10) {
                    let text = "\(year)-\(String(decoding: b[(i + 5)..<(i + 7)], as: UTF8.self))-\(String(decoding: b[(i + 8)..<(i + 10)], as: UTF8.self))"
                    return check(text)
                }
                if run - i == 8 {
                    let text = "\(year)-\(String(decoding: b[(i + 4)..<(i + 6)], as: UTF8.self))-\(String(decoding: b[(i + 6)..<(i + 8)], as: UTF8.self))"
                    let m = num(i + 4, 2)
                    if (1...12).contains(m) { return check(text) }
                }
            }
            i = run
        }
        return nil
    }

    private static func check(_ text: String) -> Result<Day, DateProblem> {
        switch Timestamps.parse(text, zone: Timestamps.utc) {
        case .success(.day(let d)): return .success(d)
        case .failure(let p): return .failure(p)
        default: return .failure(DateProblem(message: "'\(text)' is not a date"))
        }
    }
}
