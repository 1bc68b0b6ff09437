import DossierCore
import Testing

/// The comparison of the accords as the core computes it (`DossierStore.comparison`), shared by
/// the explorer, the CLI and the exports.
@Suite struct CompareTests {
    static func compareStore() throws -> DossierStore {
        DossierStore(try DossierLoader.load(directory: Fixtures.root + "/compare"))
    }

    @Test func oneRowPerDimensionAndTheAccordsInDateOrder() throws {
        let store = try Self.compareStore()
        // written three, one, two in the file
        #expect(store.accords.map(\.id) == ["accord-three", "accord-one", "accord-two"])
        let table = store.comparison(.en)
        #expect(table.accords.map { store.id(of: $0) } == ["accord-one", "accord-two", "accord-three"])
        #expect(table.rows.map(\.dimension) == AccordComparison.Dimension.allCases)
        #expect(table.rows.map(\.label).first == "Legal instrument and basis")
        #expect(table.rows.allSatisfy { $0.cells.count == 3 })
        #expect(store.comparison(.fr).rows[2].label == "Engagements américains")
    }

    @Test func aCellReadsItsLinksAsWordsAndKeepsTheirTargetsSourcesAndUnknown() throws {
        let store = try Self.compareStore()
        let table = store.comparison(.fr)
        let ruling = try #require(table.rows.first { $0.dimension == .ruling })
        let first = ruling.cells[0]
        #expect(first.text == "Invalidé par la première décision.")
        #expect(first.links.map { store.id(of: $0) } == ["ev-first-ruling"])
        #expect(first.sources.map { store.id(of: $0) } == ["src-beta", "src-alpha"], "in the order written")
        #expect(first.sources.allSatisfy { $0.kind == .source })
        #expect(!first.unknown)
        #expect(ruling.cells[2].unknown, "the third accord's ruling is not known")
        let bulk = try #require(table.rows.first { $0.dimension == .bulkCollection })
        #expect(bulk.cells.map(\.unknown) == [true, false, false])
        let challenge = try #require(table.rows.first { $0.dimension == .challenge })
        #expect(challenge.cells[2].text == "Fausse contestation trois, de nouveau par la même personne.")
        #expect(challenge.cells[1].links.isEmpty)
    }

    @Test func theValidFixturesOneAccordIsComparedToo() throws {
        let store = try Fixtures.validStore()
        let table = store.comparison(.en)
        #expect(table.accords == [.accord(0)])
        #expect(table.rows.first { $0.dimension == .ruling }?.cells.first?.text == "Struck down in the ruling.")
        #expect(table.rows.first { $0.dimension == .redress }?.cells.first?.unknown == true)
    }

    /// Ready for `comparison` to become required on every accord: each fixture's accords carry
    /// all nine dimensions (present, a dimension is required, so a non-blank comparison is whole).
    @Test(arguments: ["valid", "hostile", "compare"])
    func everyFixtureAccordCarriesItsComparison(name: String) throws {
        let dossier = try DossierLoader.load(directory: Fixtures.root + "/" + name)
        #expect(!dossier.accords.isEmpty)
        for accord in dossier.accords {
            for dimension in AccordComparison.Dimension.allCases {
                #expect(!accord.comparison[dimension].sources.isEmpty, "\(name): \(accord.id) \(dimension)")
                #expect(!accord.comparison[dimension].text.en.isEmpty && !accord.comparison[dimension].text.fr.isEmpty)
            }
        }
    }

    @Test func theSyntheticDossiersAccordsCarryTheirComparison() throws {
        let folder = try TemporaryDirectory()
        for file in SyntheticDossier.generate(events: 20, seed: 3) { try folder.write(file.name, file.text) }
        let dossier = try DossierLoader.load(directory: folder.path)
        #expect(dossier.accords.count == 3)
        for accord in dossier.accords {
            #expect(AccordComparison.Dimension.allCases.allSatisfy { !accord.comparison[$0].sources.isEmpty }, "\(accord.id)")
        }
    }

    @Test func aComparisonTextsHostileBytesAreSanitised() throws {
        let store = DossierStore(try DossierLoader.load(directory: Fixtures.root + "/hostile"))
        for lang in Language.allCases {
            for row in store.comparison(lang).rows {
                for cell in row.cells {
                    #expect(!cell.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(row.dimension) \(lang)")
                }
            }
        }
    }
}
