import DossierCore
import Testing

/// Issue 14: citations as lawyers of each field write them, in both languages.
@Suite struct CitationStyleTests {
    let store: DossierStore
    init() throws { store = DossierStore(try BundledLoader.load()) }

    func cite(_ id: String, _ lang: Language) throws -> String {
        store.legalCitation(of: try #require(store.ref(id)), lang)
    }

    @Test func theCourtOfJusticeInItsOwnStyle() throws {
        #expect(try cite("schrems-ii", .en) == "Judgment of 16 July 2020, Facebook Ireland and Schrems, C-311/18, EU:C:2020:559")
        #expect(try cite("schrems-ii", .fr) == "Arrêt du 16\u{00A0}juillet 2020, Facebook Ireland et Schrems, C-311/18, EU:C:2020:559")
    }

    @Test func theConseilDEtatInTheFrenchStyle() throws {
        #expect(
            try cite("ce-2024-03-22-ordonnance-492369", .fr)
                == "CE, ord. réf., 22\u{00A0}mars 2024, Société Clever Cloud et autres, n°\u{00A0}492369, ECLI:FR:CEORD:2024:492369.20240322")
        #expect(
            try cite("ce-2024-03-22-ordonnance-492369", .en)
                == "Conseil d’État, interim relief order of 22 March 2024, Société Clever Cloud and others, No. 492369, ECLI:FR:CEORD:2024:492369.20240322")
    }

    /// Issue 23: a case is cited by the name the court gives it, not by whoever the data lists as
    /// defendant (Schrems I was cited as "Irish Data Protection Commissioner").
    @Test func casesAreCitedByTheirOwnNames() throws {
        #expect(try cite("schrems-i", .en) == "Judgment of 6 October 2015, Schrems, C-362/14, EU:C:2015:650")
        #expect(try cite("latombe-2025-09-03-judgment", .en) == "Judgment of 3 September 2025, Latombe v Commission, T-553/23, EU:T:2025:831")
        #expect(try cite("latombe-2025-09-03-judgment", .fr) == "Arrêt du 3\u{00A0}septembre 2025, Latombe/Commission, T-553/23, EU:T:2025:831")
        #expect(try cite("ce-2025-04-25-ordonnance-503163", .fr).contains(", Licornes Célestes et autres, n°\u{00A0}503163"))
    }

    /// Every court case with a number carries the court's name for it and a short form, in both
    /// languages: rulings and orders, and the filings and hearings of the same case.
    @Test func everyNumberedCourtCaseHasItsName() throws {
        for e in store.events where !e.identifiers.cases.isEmpty && [.ruling, .order].contains(e.kind) {
            #expect(e.caseName != nil && e.caseShort != nil, "\(e.id) has no case name")
        }
        for e in store.events where e.caseName != nil {
            #expect(e.caseShort != nil, "\(e.id) has a case name but no short form")
            #expect(!e.identifiers.cases.isEmpty, "\(e.id) is named as a case but has no case number")
        }
    }

    @Test func euActsWithTheirOfficialJournalReference() throws {
        let accord = try cite("data-privacy-framework", .en)
        #expect(accord.contains("Commission Implementing Decision (EU) 2023/1795") && accord.contains("OJ L 231") && accord.contains("CELEX 32023D1795"))
        let adoption = try cite("dpf-adoption", .en)
        #expect(adoption.contains("OJ L 231, 20.9.2023, p. 118"))
    }

    @Test func theFullCitationThenItsSourcesAndTheMarkdownLink() throws {
        let ref = try #require(store.ref("schrems-ii"))
        let text = store.citation(of: ref, .en)
        #expect(text.hasPrefix("Judgment of 16 July 2020, Facebook Ireland and Schrems, C-311/18, EU:C:2020:559\nSources:\n- "))
        let markdown = store.markdownCitation(of: ref, .en)
        #expect(markdown.hasPrefix("[Judgment of 16 July 2020, Facebook Ireland and Schrems, C-311/18, EU:C:2020:559](http"))
        #expect(markdown.contains("\n- ["))
    }
}
