// swift-tools-version:6.1
import PackageDescription

// Layers, from the bottom up (each depends only on the ones above it in this list):
//   CYaml           libyaml, the C parser behind the loader (line/column marks, no Foundation)
//   DossierCore     model, loader, validator, store, queries, search, display width — no terminal
//   BundledDossier  the top-level Resources/ folder, embedded as string literals at build time
//   DossierUI       the explorer without a terminal: state, actions, reducer, keymap, views → cell grid
//   CNcursesw       ncursesw, with the wide-character API switched on
//   DossierTerminal the only ncurses code: paint a grid, read keys, resize, signals, restore
//   DossierOutput   printers for the CLI: text, JSON, Markdown, TimelineJS, one HTML page
//   CBuildStamp     the commit a release was built from, defined by scripts/package.sh
//   dossier         the executable: argument parsing; chooses the explorer or a printer
let package = Package(
    name: "dossier",
    products: [
        .executable(name: "dossier", targets: ["dossier"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CYaml",
            path: "Sources/CYaml",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "DossierCore",
            dependencies: ["CYaml"],
            path: "Sources/DossierCore"
        ),
        .executableTarget(
            name: "embedgen",
            dependencies: ["DossierCore"],
            path: "Sources/embedgen"
        ),
        .plugin(
            name: "EmbedDossier",
            capability: .buildTool(),
            dependencies: ["embedgen"],
            path: "Plugins/EmbedDossier"
        ),
        // The target's folder *is* Resources/, so SwiftPM sees files added or removed there and
        // re-runs the plugin; the binary carries the dossier and needs no bundle at run time.
        .target(
            name: "BundledDossier",
            path: "Resources",
            plugins: ["EmbedDossier"]
        ),
        .target(
            name: "DossierUI",
            dependencies: ["DossierCore"],
            path: "Sources/DossierUI"
        ),
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "DossierTerminal",
            dependencies: ["DossierCore", "DossierUI", "CNcursesw"],
            path: "Sources/DossierTerminal"
        ),
        .target(
            name: "DossierOutput",
            dependencies: ["DossierCore"],
            path: "Sources/DossierOutput"
        ),
        // The commit a release binary was built from (scripts/package.sh defines it); a header only.
        .systemLibrary(
            name: "CBuildStamp",
            path: "Sources/CBuildStamp"
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCore", "DossierUI", "DossierTerminal", "DossierOutput", "BundledDossier", "CBuildStamp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/dossier"
        ),
        // Benchmarks (Benchmarks/run.sh builds it in release mode); not part of the product.
        .executableTarget(
            name: "dossier-bench",
            dependencies: ["DossierCore", "DossierUI", "BundledDossier"],
            path: "Sources/dossier-bench"
        ),
        // Fuzzing (see docs/SECURITY.md): the mutator and the target in a library, so a short run is a test
        // and a long one is `dossier-fuzz`.
        .target(
            name: "DossierFuzz",
            dependencies: ["DossierCore", "DossierUI", "DossierOutput", "BundledDossier"],
            path: "Sources/DossierFuzz"
        ),
        .executableTarget(
            name: "dossier-fuzz",
            dependencies: ["DossierCore", "DossierFuzz"],
            path: "Sources/dossier-fuzz"
        ),
        .testTarget(
            name: "DossierCoreTests",
            dependencies: ["DossierCore", "DossierOutput", "BundledDossier"],
            path: "Tests/DossierCoreTests",
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DossierUITests",
            dependencies: ["DossierCore", "DossierUI"],
            path: "Tests/DossierUITests",
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "DossierTerminalTests",
            dependencies: ["DossierCore", "DossierUI", "DossierTerminal"],
            path: "Tests/DossierTerminalTests"
        ),
        .testTarget(
            name: "HardeningTests",
            dependencies: ["DossierCore", "DossierUI", "DossierOutput", "DossierTerminal", "DossierFuzz", "BundledDossier"],
            path: "Tests/HardeningTests"
        ),
        .testTarget(
            name: "DossierCLITests",
            dependencies: ["dossier"],
            path: "Tests/DossierCLITests"
        ),
        .testTarget(
            name: "E2ETests",
            dependencies: ["dossier", "DossierCore"],
            path: "Tests/E2ETests"
        ),
    ]
)
