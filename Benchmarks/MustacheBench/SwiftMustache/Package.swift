// swift-tools-version:6.0
// The Mustache benchmark, the peer's side: an adapter executable for
// hummingbird-project/swift-mustache 2.1.1 (see ../Package.swift for why it is separate).
import PackageDescription

let package = Package(
    name: "BenchSwiftMustachePeer",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "BenchSwiftMustache",
            dependencies: [.product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
