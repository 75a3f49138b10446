// swift-tools-version:6.2
// corpus-api: an HTTP JSON API over a corpus of articles on China–Russia relations.
// Arrows point one way: corpus-api → CorpusAPI → (HTTPServer, Corpus). Nothing points back.
import PackageDescription

let package = Package(
    name: "corpus-api",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "corpus-api", targets: ["corpus-api"]),
    ],
    dependencies: [
        // Command-line flags and `--help` for every setting.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        // Structured logging (the JSON access log goes through it).
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        // HTTPRequest / HTTPResponse / HTTPFields / status codes instead of hand-written ones.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // Counters and histograms, exported as Prometheus text at /metrics.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
    ],
    targets: [
        // zlib from the system (zlib1g-dev) for gzip response bodies.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // epoll and eventfd (Linux) or kqueue, which Swift's Glibc module does not export.
        .systemLibrary(name: "CEventPoll"),
        // Sockets, event loops, the request parser, limits, router. Knows nothing of the corpus.
        .target(
            name: "HTTPServer",
            dependencies: [
                "CEventPoll",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Documents, passages, extraction, search, the loader. Knows nothing of HTTP.
        .target(
            name: "Corpus",
            resources: [.copy("Resources/DefaultCorpus"), .copy("Resources/ReferenceCRF")]
        ),
        // Routes, query validation, problem JSON, encoders, caching.
        .target(
            name: "CorpusAPI",
            dependencies: [
                "HTTPServer", "Corpus", "CZlib",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/Public"), .copy("Resources/OpenAPI")]
        ),
        // The executable: configuration, logging, signals, wiring.
        .executableTarget(
            name: "corpus-api",
            dependencies: [
                "CorpusAPI", "HTTPServer", "Corpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus"]),
        .testTarget(name: "CorpusAPITests", dependencies: ["CorpusAPI", "HTTPServer", "Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
