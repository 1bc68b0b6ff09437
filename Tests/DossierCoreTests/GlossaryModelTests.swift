import DossierCore
import Testing

/// The `terms` record kind and the accords' comparison, as the loader reads and checks them.
@Suite struct GlossaryModelTests {
    @Test func termsLoadSortedAndLinkBothWays() throws {
        let store = try Fixtures.validStore()
        #expect(store.terms.map(\.id) == ["appeal", "interim-order", "stay"])
        let order = try #require(store.term("interim-order"))
        #expect(order.aliases == ["ordonnance", "référé"])
        #expect(store.ref("stay")?.kind == .term)
        #expect(store.title(of: .term(2), .fr) == "sursis")
        // a term is a record like any other: its sources know it cites them
        #expect(store.citations(ofSource: "src-press").contains(.term(2)))
        // the detail reads links as their words, or as the target's name
        let paragraphs = store.detail(of: .term(1), .en).compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
        #expect(paragraphs.contains("The 22 March order is one; see also stay."))
        #expect(store.searchIndex.search("referé").contains { $0.ref == .term(1) })
    }

    @Test func aDetailListsTheTermsItUsesAndATermWhoUsesIt() throws {
        let store = try Fixtures.validStore()
        let filing = try #require(store.ref("ev-filing")), appeal = try #require(store.ref("appeal"))
        let order = try #require(store.ref("interim-order")), stay = try #require(store.ref("stay"))
        func section(_ ref: RecordRef, _ title: String, _ lang: Language = .en) -> [RecordRef] {
            let blocks = store.detail(of: ref, lang)
            guard let start = blocks.firstIndex(of: .section(title)) else { return [] }
            return blocks[(start + 1)...].prefix { if case .link = $0 { return true } else { return false } }
                .compactMap { if case .link(let target, _) = $0 { return target } else { return nil } }
        }
        // the event's summary links the interim order with its own words: the paragraph keeps
        // them, the Terms section (before the sources) lists the term
        let blocks = store.detail(of: filing, .en)
        #expect(blocks.contains(.paragraph("A request is filed.")))
        #expect(section(filing, "Terms") == [order])
        #expect(section(filing, "Termes", .fr) == [order])
        let terms = try #require(blocks.firstIndex(of: .section("Terms"))), sources = try #require(blocks.firstIndex(of: .section("Sources")))
        #expect(terms < sources)
        // a term lists the terms its explanation uses, once each, in order of first use
        #expect(section(order, "Terms") == [stay])
        #expect(section(appeal, "Terms") == [order])
        // and the records that use it: the event, the other terms (never itself)
        #expect(store.users(ofTerm: "interim-order") == [filing, appeal, stay])
        #expect(section(order, "Used in") == [filing, appeal, stay])
        #expect(section(order, "Employé dans", .fr) == [filing, appeal, stay])
        #expect(store.users(ofTerm: "appeal").isEmpty)
        #expect(section(appeal, "Used in").isEmpty)
        // records that use no term have no Terms section
        let ruling = try #require(store.ref("ev-ruling"))
        #expect(section(ruling, "Terms").isEmpty)
        // the glossary's order is each language's
        #expect(store.termIndices(alphabeticalIn: .en).map { store.terms[$0].id } == ["appeal", "interim-order", "stay"])
        #expect(store.termIndices(alphabeticalIn: .fr).map { store.terms[$0].id } == ["interim-order", "appeal", "stay"])
    }

    /// Search reads a link as the words it shows, as the HTML page's search box does: the target's
    /// id inside `[[ev-ruling|22 March order]]` is not a word of the text.
    @Test func searchFindsALinksWordsNotItsTarget() throws {
        let store = try Fixtures.validStore()
        let order = try #require(store.ref("interim-order"))
        #expect(store.searchIndex.search("22 march").contains { $0.ref == order })
        #expect(!store.searchIndex.search("ruling").contains { $0.ref == order })
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
        try folder.write(
            "dossier.yaml",
            """
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
