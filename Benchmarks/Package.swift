// swift-tools-version: 6.1
// The benchmark package: `leerlijn-bench`, its peers and the synthetic data generators. It lives
// apart from the root package so that what users build is what users run: neither SQLite nor the
// peers nor the generators are compiled by `swift build` or `swift test` at the root.
//
//     swift run -c release --package-path Benchmarks leerlijn-bench
import PackageDescription

let package = Package(
    name: "LeerlijnBenchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "leerlijn-bench", targets: ["leerlijn-bench"]),
    ],
    dependencies: [
        .package(name: "Leerlijn", path: ".."),
    ],
    targets: [
        // The peers' own module maps: the root package's CLeerlijnXML2 is not a product, and
        // target names are global across the package graph.
        .systemLibrary(
            name: "CLeerlijnPeerXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLeerlijnSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(
            name: "LeerlijnSynthetic",
            dependencies: [.product(name: "Leerlijn", package: "Leerlijn")]
        ),
        .executableTarget(
            name: "leerlijn-bench",
            dependencies: [
                "LeerlijnSynthetic", "CLeerlijnPeerXML2", "CLeerlijnSQLite",
                .product(name: "Leerlijn", package: "Leerlijn"),
                .product(name: "LeerlijnXML", package: "Leerlijn"),
                // Built alongside, so the start-up and memory suites find `leerlijn` next to this binary.
                .product(name: "leerlijn", package: "Leerlijn"),
            ]
        ),
        .testTarget(
            name: "LeerlijnSyntheticTests",
            dependencies: ["LeerlijnSynthetic", "leerlijn-bench", .product(name: "Leerlijn", package: "Leerlijn")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
