import DossierCore
import DossierUI
import Testing

/// The Sources pane sorted by publisher, on the bundled dossier (issue 29): one group per
/// publisher whatever its case or accents, and rows that do not repeat their group's name.
@Suite struct SourcesByPublisherTests {
    @Test func publishersDifferingOnlyInCaseAreOneGroupAndRowsDoNotRepeatIt() throws {
        let store = try HardeningFixtures.bundled()
        var state = AppState(store: store, lang: .en, width: 160, height: 50)
        state.reduce(.focus(.sources))
        state.reduce(.sortSources(.publisher))
        var headings: [String] = []
        for row in state.list.rows { if case .heading(let title) = row { headings.append(title.en) } }
        let folded = headings.map(TextFold.fold)
        #expect(Set(folded).count == folded.count, "one heading per publisher, case and accents aside: \(headings.sorted())")
        #expect(
            headings.contains { TextFold.fold($0) == TextFold.fold("Agence du numérique en santé") },
            "the bundled dossier spells this one two ways")
        // no row repeats the publisher its heading gives (where the title does not hold it anyway)
        let frame = ScreenView.frame(state)
        let list = try #require(frame.regions.list)
        let lines = frame.grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var checked = 0
        for shown in frame.regions.listRows {
            guard case .source(let i)? = state.list.ref(at: shown.item) else { continue }
            let source = store.sources[i]
            guard !source.title.contains(source.publisher) else { continue }
            let row = String(lines[shown.row].dropFirst(list.column).prefix(list.width))
            #expect(!row.contains(source.publisher), "\(source.id): \(row)")
            checked += 1
        }
        #expect(checked > 10)
    }
}
