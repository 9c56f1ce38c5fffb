// swift-tools-version:6.0
// The Mustache benchmark, our side: an adapter executable for Bellwether's engine (the
// `Mustache` product of the main package, by path). The swift-mustache 2.1.1 adapter is the
// package in SwiftMustache/: both libraries define a module named `Mustache`, and SwiftPM
// requires module names to be unique across one package graph, so each adapter gets its own
// graph. Neither package is part of the product. Run both with ./run.sh.
import PackageDescription

let package = Package(
    name: "MustacheBench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Bellwether", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "BenchBellwether",
            dependencies: [.product(name: "Mustache", package: "Bellwether")]
        ),
    ]
)
