// swift-tools-version: 6.1
import PackageDescription

// Every schema in Catalog/schema/ (a test checks the list is complete): embedded in Leerlijn
// from that one file, which the exporter also publishes to Exports/.
let publishedSchemas = [
    "catalogue.xsd", "export-catalogue.schema.json", "export-catalogue.xsd",
    "plan.schema.json", "plan.xsd", "profile.schema.json", "profile.xsd",
]

let package = Package(
    name: "Leerlijn",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Leerlijn", targets: ["Leerlijn"]),
        .executable(name: "leerlijn", targets: ["leerlijn"]),
        // The XML layer on its own (safe reader, XSD validation, writer protocol); the
        // benchmark package drives its libxml2 peers through it.
        .library(name: "LeerlijnXML", targets: ["LeerlijnXML"]),
        .executable(name: "leerlijn-serve", targets: ["leerlijn-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLeerlijnXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "LeerlijnXML",
            dependencies: ["CLeerlijnXML2"]
        ),
        .target(
            name: "Leerlijn",
            dependencies: ["LeerlijnXML"],
            // The published schemas, embedded from their one source file. Resources outside the
            // target's folder are supported from tools version 5.11 (swiftlang/swift-package-manager#7232).
            resources: publishedSchemas.map { .embedInCode("../../Catalog/schema/" + $0) }
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
        // The HTTP server: only this target and its executable pay for Hummingbird and SwiftNIO.
        .target(
            name: "LeerlijnServer",
            dependencies: [
                "Leerlijn",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [.embedInCode("openapi.json")]
        ),
        .executableTarget(
            name: "leerlijn-serve",
            dependencies: [
                "LeerlijnServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
        .testTarget(
            name: "LeerlijnServerTests",
            dependencies: [
                "LeerlijnServer", "Leerlijn",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
