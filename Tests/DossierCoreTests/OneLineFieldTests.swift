import DossierCore
import DossierOutput
import Foundation
import Testing

/// A line break inside a title, a name or a claim forged extra rows in text tables: one-line
/// fields refuse it at validation (file, line, field), and tables flatten any cell anyway.
@Suite struct OneLineFieldTests {
    static func folder(replacing old: String, with new: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-oneline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let valid = URL(fileURLWithPath: Fixtures.root).appendingPathComponent("valid")
        for name in ["dossier.yaml", "terms.yaml"] {
            try FileManager.default.copyItem(at: valid.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let records = try String(contentsOf: valid.appendingPathComponent("records.yaml"), encoding: .utf8)
        #expect(records.contains(old))
        try records.replacingOccurrences(of: old, with: new).write(to: dir.appendingPathComponent("records.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test(arguments: [
        ("name: Claimant Ltd", "name: \"Claimant Ltd\\nev-forged  2099-01-01  Forged row\""),
        ("title: {en: \"The court rejects the request\"", "title: {en: \"The court rejects\\r\\nev-forged  Forged row\""),
    ])
    func aLineBreakInAOneLineFieldIsRefused(old: String, new: String) throws {
        let dir = try Self.folder(replacing: old, with: new)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            _ = try DossierLoader.load(directory: dir.path)
        } throws: { error in
            let problems = (error as? DossierLoadError)?.diagnostics ?? []
            return problems.contains { $0.file.hasSuffix("records.yaml") && $0.line > 0 && $0.message.contains("holds a line break") }
        }
    }

    /// Summaries stay multi-line: the fixtures, whose summaries hold line breaks, still load.
    @Test func multiLineTextsStillLoad() throws {
        let store = DossierStore(try DossierLoader.load(directory: Fixtures.root + "/hostile"))
        #expect(store.events.contains { $0.summary.en.contains("\n") })
        _ = try DossierLoader.load(directory: Fixtures.root + "/valid")
    }
}
