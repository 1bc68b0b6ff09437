import DossierCore
import DossierUI
import Testing

/// A dossier near the record limit must open in the explorer, and respond, in bounded time: the
/// panes' lists are built in one pass (grouping arguments by case was quadratic: 20,000 cases ×
/// 20,000 arguments × 4 sides here).
@Suite struct BigDossierTests {
    static func bigDossier(count: Int) throws -> DossierStore {
        var text = """
            dossier:
              title: {en: "Big", fr: "Gros"}
              focus: ev-0
              as_of: 2026-12-01
              overview: {en: "x", fr: "x"}
            parties:
              - {id: p, name: P, kind: company, roles: [claimant], country: FR, summary: {en: x, fr: x}, sources: [s]}
            sources:
              - {id: s, publisher: P, title: T, date: 2020, url: https://e.org, language: en, kind: press}
            events:

            """
        for i in 0..<count {
            text +=
                "  - {id: ev-\(i), date: \(1000 + i % 1000)-0\(1 + i % 9), kind: ruling, track: courts, title: {en: \"E \(i)\", fr: \"E \(i)\"}, summary: {en: x, fr: x}, parties: [p], sources: [s]}\n"
        }
        text += "arguments:\n"
        for i in 0..<count {
            text += "  - {id: a-\(i), side: court, by: [p], case: ev-\(i), claim: {en: \"C \(i)\", fr: \"C \(i)\"}, sources: [s]}\n"
        }
        return DossierStore(try DossierLoader.load(texts: [("big.yaml", text)]))
    }

    @Test func twentyThousandCasesOpenAndRespondQuickly() throws {
        let store = try Self.bigDossier(count: 20_000)
        let start = ContinuousClock.now
        var state = AppState(store: store, lang: .en, width: 120, height: 40)
        for key: Key in [.character("3"), .end, .pageUp, .enter, .character("2"), .end, .home, .character("J")] {
            state.handle(key)
            #expect(gridProblems(ScreenView.render(state), width: 120, height: 40).isEmpty)
        }
        let elapsed = ContinuousClock.now - start
        print("20,000 events and 20,000 arguments: opened and browsed in \(elapsed)")
        #expect(elapsed < .seconds(30))
        #expect(state.lists[Pane.arguments.rawValue].count == 20_000)
    }
}

/// A record with 100,000 fields: each is looked up by scanning the record's fields, which must
/// stay linear in their number (a dozen accessors × the fields, one report per unknown field).
@Suite struct WideRecordTests {
    @Test func aRecordWithAHundredThousandFieldsIsRefusedQuickly() throws {
        var text = "parties:\n  - id: p\n"
        for i in 0..<100_000 { text += "    f\(i): x\n" }
        let start = ContinuousClock.now
        let error = try #require(throws: DossierLoadError.self) { try DossierLoader.load(texts: [("wide.yaml", text)]) }
        let elapsed = ContinuousClock.now - start
        #expect(error.diagnostics.filter { $0.message.contains("unknown field") }.count == 100_000)
        #expect(error.diagnostics.contains { $0.description.hasPrefix("wide.yaml:4:5: party 'p': unknown field 'f1'") })
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }
}
