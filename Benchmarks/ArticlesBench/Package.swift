// swift-tools-version:6.0
// The article-loading benchmark: CPU time per file of `ArticleLoader.scan` and
// `ArticleLoader.parse` over a corpus folder (see main.swift). A separate package, so the
// product never carries it; it links the main package's `Articles` library by path.
import PackageDescription

let package = Package(
    name: "ArticlesBench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Bellwether", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "ArticlesBench",
            dependencies: [.product(name: "Articles", package: "Bellwether")]
        ),
    ]
)
