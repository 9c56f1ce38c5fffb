// swift-tools-version:6.0
// Key-point speed, measured apart from the product: this package depends on Bellwether by path
// and builds nothing into it. Run through scripts/bench-keypoints.sh, which also times sumy's
// TextRank on the same articles in the same run.
import PackageDescription

let package = Package(
    name: "KeyPointsBench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Bellwether", path: "../..")],
    targets: [
        .executableTarget(name: "KeyPointsBench", dependencies: [.product(name: "Analysis", package: "Bellwether")]),
    ],
    swiftLanguageModes: [.v6]
)
