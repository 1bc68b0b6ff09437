import DossierCore
import DossierUI
import Foundation
import Testing

enum UIFixtures {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// A file of the project, by its path from the top (`README.md`, `docs/KEYS.md`): the
    /// documents that repeat generated tables, which tests hold to the code.
    static func projectText(_ path: String) throws -> String {
        try String(contentsOf: testsRoot.deletingLastPathComponent().appendingPathComponent(path), encoding: .utf8)
    }

    static func store() throws -> DossierStore {
        DossierStore(try DossierLoader.load(directory: testsRoot.appendingPathComponent("DossierCoreTests/Fixtures/valid").path))
    }

    /// A state as the explorer loop has it once started: the search index built.
    static func state(width: Int = 80, height: Int = 24, lang: Language = .en, mouse: Bool = false) throws -> AppState {
        var state = AppState(store: try store(), lang: lang, width: width, height: height, mouse: mouse)
        _ = state.store.searchIndex
        state.reduce(.searchIndexReady)
        return state
    }
}

/// Compares a rendered grid with two checked-in files: the text (`name.txt`) and, beside it, the
/// style of every cell (`name.style.txt`, see `Grid.styleLayer`). Run with DOSSIER_RECORD_GOLDEN=1
/// to (re)write both after an intended change, then review the diff before committing.
func expectGolden(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectLayer(grid.text + "\n", file: name + ".txt", sourceLocation: sourceLocation)
    try expectLayer(grid.styleLayer + "\n", file: name + ".style.txt", sourceLocation: sourceLocation)
}

private func expectLayer(_ actual: String, file: String, sourceLocation: SourceLocation) throws {
    let url = UIFixtures.goldenDirectory.appendingPathComponent(file)
    if ProcessInfo.processInfo.environment["DOSSIER_RECORD_GOLDEN"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden file \(file): run with DOSSIER_RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let diff = zip(expected.split(separator: "\n", omittingEmptySubsequences: false), actual.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().first { $0.element.0 != $0.element.1 }
        let location =
            diff.map { "first difference at line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" } ?? "line counts differ"
        Issue.record("screen differs from \(file) — \(location)\n\(actual)", sourceLocation: sourceLocation)
    }
}

extension AppState {
    /// Keys as the explorer loop sends them: each one hit-tested, if it is a click, against the
    /// frame on screen before it. Returns the effects asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            effects += handle(key, regions: ScreenView.frame(self).regions)
        }
        return effects
    }

    mutating func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    var selectedID: String? { selectedRef.map { store.id(of: $0) } }
}

/// Compares a grid's style layer in a theme (looks and contrast ratios in the legend) with
/// `name.style.txt`, and its text with `name.txt`.
func expectThemedGolden(_ grid: Grid, _ name: String, theme: Theme, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectLayer(grid.text + "\n", file: name + ".txt", sourceLocation: sourceLocation)
    try expectLayer(grid.styleLayer(theme: theme) + "\n", file: name + ".style.txt", sourceLocation: sourceLocation)
}
