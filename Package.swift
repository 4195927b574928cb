// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "unionsite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "unionsite", targets: ["unionsite"]),
        .library(name: "UnionSite", targets: ["UnionSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // The preview server: the lightest of the mirrored HTTP packages to build (see docs/serve.md).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
        // Property-based fuzz tests (Tests/UnionSiteTests/Fuzz, docs/fuzzing.md); tests only.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // MARK: - cmark from Debian's libcmark-dev
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),

        // MARK: - zlib from Debian's zlib1g-dev, for `deploy --precompress` (gzip files)
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // MARK: - mimalloc from Debian's libmimalloc-dev: the executable's malloc (docs/performance.md)
        .systemLibrary(
            name: "Cmimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),

        // MARK: - The pipeline: load → model → link → render → write
        .target(
            name: "UnionSite",
            dependencies: [
                "Ccmark",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
            // The built-in theme is in templates/ at the top level, embedded as a generated
            // Swift file (Render/ThemeFiles+Embedded.swift, scripts/sync-theme).
        ),

        // MARK: - The command line
        .executableTarget(
            name: "unionsite",
            dependencies: [
                "UnionSite",
                .target(name: "Cmimalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests
        .testTarget(
            name: "UnionSiteTests",
            dependencies: [
                "UnionSite",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "UnionSiteCLITests", dependencies: ["unionsite"]),
    ]
)
