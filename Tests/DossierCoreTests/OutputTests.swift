import DossierCore
import DossierOutput
import Foundation
import Testing

@Suite struct OutputTests {
    @Test func jsonEscapesControlCharactersAndKeepsKeyOrder() throws {
        let value = JSON.object([("b", .string("a\"\\\n\u{1B}[2J\u{9B}")), ("a", .array([.number(1), .null, .bool(true)]))])
        let text = value.rendered()
        #expect(text == "{\n  \"b\": \"a\\\"\\\\\\n\\u001b[2J\\u009b\",\n  \"a\": [\n    1,\n    null,\n    true\n  ]\n}\n")
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["b"] as? String == "a\"\\\n\u{1B}[2J\u{9B}")
    }

    @Test func textTablesAlignByDisplayWidth() throws {
        let store = try Fixtures.validStore()
        let lines = Printer(store: store, lang: .en, format: .text).parties(store.parties).split(separator: "\n")
        // the roles column starts at the same display column on every row, wide characters included
        let starts = lines.map { line -> Int in
            let prefix = line[..<line.range(of: "  ", options: .backwards)!.upperBound]
            return DisplayWidth.of(prefix)
        }
        #expect(Set(starts).count == 1, "\(lines)")
    }

    @Test func exportHasBothLanguages() throws {
        let store = try Fixtures.validStore()
        let text = Printer(store: store, lang: .en, format: .json).export()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        let title = try #require(events.first?["title"] as? [String: String])
        #expect(title == ["en": "Accord adopted", "fr": "Accord adopté"])
        #expect(Set(object.keys) == ["dossier", "sources", "parties", "events", "arguments", "accords", "terms"])
    }

    @Test func markdownExportHasATableOfContentsAndEveryEvent() throws {
        let store = try Fixtures.validStore()
        let text = Printer(store: store, lang: .fr, format: .markdown).export()
        #expect(
            text.hasPrefix("# Affaire de test\n\n*Vérifié auprès des sources publiques au 2026-12-01.*\n\n1. [Présentation](#présentation)"),
            "GitHub keeps accents in anchors")
        for event in store.events { #expect(text.contains("<a id=\"\(event.id)\"></a>")) }
        #expect(text.contains("[Ordonnance du 22 mars 2024](https://example.org/court)"))
    }
}
