import Foundation
@testable import Articles

/// A throwaway article folder under the system temp directory, removed on deinit.
final class TempFolder {
    let url: URL
    var path: String { url.path }

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("bellwether-articles-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ relative: String, _ text: String) -> URL { write(relative, Data(text.utf8)) }

    @discardableResult
    func write(_ relative: String, _ data: Data) -> URL {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: file)
        return file
    }

    func symlink(_ relative: String, to target: String) {
        let link = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
    }

    func load(_ options: LoadOptions = LoadOptions()) -> LoadResult {
        ArticleLoader(options: options).loadFolder(url)
    }
}

/// Parses text as if it were the file at `path` (relative to an article folder).
func parse(_ text: String, path: String, options: LoadOptions = LoadOptions()) -> FileParse {
    ArticleParser.parse(data: Data(text.utf8), path: path, options: options)
}

func parse(bytes: [UInt8], path: String, options: LoadOptions = LoadOptions()) -> FileParse {
    ArticleParser.parse(data: Data(bytes), path: path, options: options)
}

extension FileParse {
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

extension LoadResult {
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    func article(at path: String) -> Article? { articles.first { $0.path == path } }
}

func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0, _ s: Int = 0) -> Date {
    Date(timeIntervalSince1970: Double(Timestamps.epochSeconds(year: y, month: m, day: d, hour: h, minute: min, second: s)))
}

/// The seed article as our scraper saved it (ours to embed): one paragraph per line, a
/// long first line, then the vendor's marketing and sentiment widget.
let seedArticle = """
Zhang Yaqin, former Baidu president and head of Tsinghua's Institute of AI Industry Research, said AI tokenization is "exploding" in China and has outpaced examples like OpenClaw earlier this year. This suggests accelerating tokenization and digital-asset activity that could benefit AI infrastructure, cloud providers, fintech and crypto-service firms in China. Near-term market impact is limited absent quantification or regulatory clarity, but investors should monitor adoption and policy developments closely.
Tokenization of AI outputs is evolving into an infrastructure-led growth vector rather than just a product gimmick: if developers and enterprises tokenize model outputs or access rights, cloud-hosting and secure runtime (TEE/SGX-style) fees become recurring, high-margin revenue rather than one-off API calls. That creates a 12–24 month runway for outsized capex cycles in data centers and AI chip supply — expect 15–30% incremental capacity demand in targeted AI clusters before broad consumer adoption arrives. Winners are the stack providers who control runtimes, custody and settlement — domestic AI-chip vendors, cloud/IDC operators, and regulated digital-asset custodians — because they capture the fixed-cost leverage of token-enabled monetization. Incumbent consumer platforms face a two-way dynamic: they can re-issue tokens and keep economics, or lose ad/transaction monetization to decentralized marketplaces; the latter would compress CPM-style monetization by mid-single digits to low-double digits over 2–3 years for exposed ad businesses. Key risks are regulatory and supply-side: an authoritative PBOC-like clarification, provincial sandbox pullback, or tightened export controls on advanced GPUs can unwind enthusiasm in weeks to months. Conversely, province-level pilot approvals, partnership announcements with state-owned financial infra, or a marquee token issuance by a major enterprise are 3–9 month catalysts. Contrarian view: consensus bullishness underprices friction — tokenization is more likely to see concentrated B2B adoption with high compliance overheads than rapid consumer ubiquity, meaning infrastructure winners will be fewer and more capital-intensive than the market currently assumes.
AI-powered research, real-time alerts, and portfolio analytics for institutional investors.
Request a DemoOverall Sentiment
mildly positive
Sentiment Score
0.20
Ticker Sentiment
"""
