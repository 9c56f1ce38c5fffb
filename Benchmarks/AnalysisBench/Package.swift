// swift-tools-version:6.0
// Analysis micro-benchmark: µs per article and sentences per second, outside the test suite
// (benchmarks are measured, not asserted). Depends on the main package by path.
import PackageDescription

let package = Package(
    name: "AnalysisBench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Bellwether", path: "../..")],
    targets: [
        .executableTarget(name: "AnalysisBench", dependencies: [
            .product(name: "Analysis", package: "Bellwether"),
            .product(name: "Articles", package: "Bellwether"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
