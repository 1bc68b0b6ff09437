import DossierCore
import DossierOutput
import Foundation
import Testing

/// Zero-width and tag characters (U+E0000–U+E007F) hide text from a reader (a smuggled
/// instruction, two ids that look the same): like bidi overrides, each is shown as U+FFFD in
/// every output, so the reader sees that something was there.
@Suite struct HiddenCharacterTests {
    static let hidden: [Unicode.Scalar] = ["\u{200B}", "\u{2060}", "\u{FEFF}", "\u{180E}", "\u{E0041}", "\u{E007F}", "\u{202E}"]

    @Test func hiddenCharactersAreShownAsReplacementCharacters() throws {
        for scalar in Self.hidden {
            #expect(Sanitizer.clean("a\(scalar)b") == "a\u{FFFD}b", "U+\(String(scalar.value, radix: 16))")
            // after eight harmless bytes too (the fast scan's word at a time)
            #expect(Sanitizer.clean("abcdefgh\(scalar)") == "abcdefgh\u{FFFD}", "U+\(String(scalar.value, radix: 16))")
        }
        // what emoji sequences and scripts need stays
        #expect(Sanitizer.clean("👩\u{200D}💻 \u{200C}") == "👩\u{200D}💻 \u{200C}")
    }

    @Test func noOutputCarriesAHiddenCharacter() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hidden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let valid = URL(fileURLWithPath: Fixtures.root).appendingPathComponent("valid")
        for name in ["dossier.yaml", "terms.yaml"] {
            try FileManager.default.copyItem(at: valid.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let smuggled = "Claimant\u{200B}\u{E0049}\u{E0067}\u{E006E}\u{FEFF} Ltd"
        let records = try String(contentsOf: valid.appendingPathComponent("records.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "name: Claimant Ltd", with: "name: \"\(smuggled)\"")
        try records.write(to: dir.appendingPathComponent("records.yaml"), atomically: true, encoding: .utf8)
        let store = DossierStore(try DossierLoader.load(directory: dir.path))
        #expect(store.party("claimant")?.name.en == "Claimant\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} Ltd")
        for format in [OutputFormat.text, .markdown, .json, .html] {
            let output = Printer(store: store, lang: .en, format: format).export()
            let found = output.unicodeScalars.filter { Self.hidden.contains($0) || (0xE0000...0xE007F).contains($0.value) }
            #expect(found.isEmpty, "\(format): \(found.map { String($0.value, radix: 16) })")
        }
    }
}
