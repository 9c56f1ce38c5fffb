// swift-tools-version:6.0
// Bellwether: a static report generator for financial news.
// One target per pipeline stage; the flow runs one way:
// Articles → Analysis → Briefing → (Mustache, Markdown) → Site → bellwether (CLI).
import PackageDescription

let package = Package(
    name: "Bellwether",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bellwether", targets: ["bellwether"]),
        // The HTTP side of `bellwether serve`, its own binary so `bellwether` links no networking.
        .executable(name: "bellwether-serve", targets: ["bellwether-serve"]),
        .library(name: "Mustache", targets: ["Mustache"]),
        // For the separate benchmark packages under Benchmarks/, which link these by path.
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Articles", targets: ["Articles"]),
    ],
    dependencies: [
        // Pinned to the versions this workplace mirrors (docs/build-notes in ../shared).
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // `bellwether-serve` only: a small pure-Swift HTTP/1.1 server with no dependencies of its own.
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // Loading: detect format, decode, clean, front matter. Knows nothing of analysis.
        .target(name: "Articles", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Pure Swift text analysis: sentences, sentiment, key points, tickers. No I/O.
        .target(name: "Analysis"),
        // The model: brief, day, site. Pure values.
        .target(name: "Briefing", dependencies: ["Articles", "Analysis"]),
        // Our Mustache engine. Knows nothing of briefings.
        .target(name: "Mustache"),
        // libcmark through a system-library target (Debian libcmark-dev).
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(name: "Markdown", dependencies: ["CCmark"]),
        // renameat2(RENAME_EXCHANGE) for the atomic publish of a whole site folder.
        .systemLibrary(name: "CFileOps"),
        // Plans pages, renders them, writes atomically, keeps the incremental cache.
        .target(name: "Site", dependencies: ["Articles", "Analysis", "Briefing", "Mustache", "Markdown", "CFileOps",
                                            .product(name: "Yams", package: "Yams")]),
        // The command line: thin commands over the library. The release build on Linux is a fully
        // static executable (starts in about a millisecond): evaluators start `score --lines` once
        // per data set and time the whole process, and loading shared libraries costs more than
        // scoring a thousand lines. Only this thin module compiles against the static Swift
        // libraries (`-static-stdlib`: its objects then name every static library Foundation
        // needs, for the `-static-executable` link); the library modules compile once for both
        // executables, where `--static-swift-stdlib -Xswiftc -static-executable` on the command
        // line would recompile all of them and cannot link bellwether-serve.
        .executableTarget(name: "bellwether", dependencies: [
            "Articles", "Analysis", "Briefing", "Mustache", "Markdown", "Site",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
        linkerSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))]),
        // The preview HTTP server `bellwether serve` starts beside itself. FlyingFox's proxy
        // handler brings URLSession (FoundationNetworking → libcurl), which cannot link statically
        // here; kept out of `bellwether`, it costs nothing to the commands that do not serve.
        .executableTarget(name: "bellwether-serve", dependencies: [
            "Site",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),

        // Fixtures/ holds article files other suites read by path (hostile text for Site tests).
        .testTarget(name: "ArticlesTests", dependencies: ["Articles"], exclude: ["Fixtures"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(name: "BriefingTests", dependencies: ["Briefing"]),
        // CCmark: the Markdown escaping tests check what libcmark makes of escaped text.
        .testTarget(name: "MustacheTests", dependencies: ["Mustache", "CCmark"], exclude: ["spec"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "CCmark"]),
        .testTarget(name: "bellwetherTests", dependencies: ["bellwether"]),
    ],
    swiftLanguageModes: [.v6]
)
