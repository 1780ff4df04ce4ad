// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Leerlijn",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Leerlijn", targets: ["Leerlijn"]),
        .executable(name: "leerlijn", targets: ["leerlijn"]),
        .executable(name: "leerlijn-bench", targets: ["leerlijn-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLeerlijnXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLeerlijnSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(
            name: "LeerlijnXML",
            dependencies: ["CLeerlijnXML2"]
        ),
        .target(
            name: "Leerlijn",
            dependencies: ["LeerlijnXML"]
        ),
        .target(
            name: "LeerlijnCLI",
            dependencies: [
                "Leerlijn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "leerlijn",
            dependencies: ["LeerlijnCLI"]
        ),
        .executableTarget(
            name: "leerlijn-bench",
            dependencies: ["Leerlijn", "LeerlijnXML", "CLeerlijnSQLite"]
        ),
        .executableTarget(
            name: "fuzz-catalogue",
            dependencies: ["Leerlijn"],
            path: "Sources/fuzz-catalogue"
        ),
        .executableTarget(
            name: "fuzz-query-arguments",
            dependencies: ["Leerlijn", "LeerlijnCLI"],
            path: "Sources/fuzz-query-arguments"
        ),
        .executableTarget(
            name: "fuzz-profile",
            dependencies: ["Leerlijn"],
            path: "Sources/fuzz-profile"
        ),
        .testTarget(
            name: "LeerlijnXMLTests",
            dependencies: ["LeerlijnXML"]
        ),
        .testTarget(
            name: "LeerlijnTests",
            dependencies: [
                "Leerlijn", "LeerlijnXML", "LeerlijnCLI", "leerlijn",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Golden files are read from the package folder by path, not bundled as resources.
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
