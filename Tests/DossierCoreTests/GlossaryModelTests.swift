import DossierCore
import Testing

/// The `terms` record kind and the accords' comparison, as the loader reads and checks them.
@Suite struct GlossaryModelTests {
    @Test func termsLoadSortedAndLinkBothWays() throws {
        let store = try Fixtures.validStore()
        #expect(store.terms.map(\.id) == ["interim-order", "stay"])
        let order = try #require(store.term("interim-order"))
        #expect(order.aliases == ["ordonnance", "référé"])
        #expect(store.ref("stay")?.kind == .term)
        #expect(store.title(of: .term(1), .fr) == "sursis")
        // a term is a record like any other: its sources know it cites them
        #expect(store.citations(ofSource: "src-press").contains(.term(1)))
        // the detail reads links as their words, or as the target's name
        let paragraphs = store.detail(of: .term(0), .en).compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
        #expect(paragraphs.contains("The 22 March order is one; see also stay."))
        #expect(store.searchIndex.search("referé").contains { $0.ref == .term(0) })
    }

    /// Search reads a link as the words it shows, as the HTML page's search box does: the target's
    /// id inside `[[ev-ruling|22 March order]]` is not a word of the text.
    @Test func searchFindsALinksWordsNotItsTarget() throws {
        let store = try Fixtures.validStore()
        #expect(store.searchIndex.search("22 march").contains { $0.ref == .term(0) })
        #expect(!store.searchIndex.search("ruling").contains { $0.ref == .term(0) })
    }

    @Test func everyAccordCarriesTheNineDimensions() throws {
        let store = try Fixtures.validStore()
        let accord = try #require(store.accord("test-accord"))
        #expect(AccordComparison.Dimension.allCases.count == 9)
        for dimension in AccordComparison.Dimension.allCases {
            #expect(!accord.comparison[dimension].text.en.isEmpty, "\(dimension)")
            #expect(!accord.comparison[dimension].sources.isEmpty, "\(dimension)")
        }
        #expect(accord.comparison.redress.unknown)
        #expect(!accord.comparison.ruling.unknown)
        // a source cited only by a dimension still counts as cited by the accord
        #expect(store.citations(ofSource: "src-press").contains(.accord(0)))
    }

    @Test func aMissingDimensionOrADanglingTermLinkIsReportedWhereItIs() throws {
        let folder = try TemporaryDirectory()
        try folder.write("dossier.yaml", """
            dossier:
              title: {en: "T", fr: "T"}
              as_of: 2026-12-01
              focus: ev
              overview: {en: "O.", fr: "O."}
            sources:
              - {id: src, publisher: P, title: T, date: 2020-01-01, url: "https://example.org", language: en, kind: press}
            events:
              - {id: ev, date: 2020-01-01, kind: ruling, track: courts, title: {en: E, fr: E}, summary: {en: "See [[nowhere|this]].", fr: "Voir."}, parties: [], sources: [src]}
            accords:
              - id: acc
                name: A
                instrument: I
                adopted: 2000-01-01
                in_force_from: 2000-01-01
                summary: {en: S, fr: S}
                mechanisms: []
                status: {en: S, fr: S}
                comparison:
                  instrument: {text: {en: I, fr: I}, sources: [src]}
                sources: [src]
            terms:
              - {id: t, term: {en: T, fr: T}, definition: {en: D, fr: D}, explanation: {en: "E [[ev]].", fr: "E [[missing-term]]."}, sources: [src]}
            """)
        let error = try #require(throws: DossierLoadError.self) { try DossierLoader.load(directory: folder.path) }
        let messages = error.diagnostics.map { "\($0.line): \($0.message)" }
        #expect(messages.contains { $0.contains("accord 'acc' comparison: missing field 'period'") }, "\(messages)")
        #expect(messages.contains { $0.contains("missing field 'status'") && $0.contains("comparison") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("9:") && $0.contains("'nowhere'") }, "\(messages)")
        #expect(messages.contains { $0.contains("'missing-term'") && $0.contains("explanation (fr)") }, "\(messages)")
    }
}
