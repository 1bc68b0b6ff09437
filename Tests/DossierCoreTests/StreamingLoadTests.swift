import Testing

@testable import DossierCore

/// The loader decodes each record as soon as the reader has read it (`RecordSink`), so a file's
/// tree is never built whole. These tests pin down what that must not change.
@Suite struct StreamingLoadTests {
    final class Counter: RecordSink {
        var records = 0
        func record(in collection: String, pair: Int, _ item: YAMLNode) { records += 1 }
    }

    static let dossierFile = (
        path: "dossier.yaml",
        text: """
        dossier:
          title: {en: "T", fr: "T"}
          as_of: 2024-01-01
          focus: ev-0
          overview: {en: "O", fr: "O"}
        sources:
          - {id: src-0, publisher: "P", title: "T", date: 2024-01-01, url: "https://example.org", language: en, kind: official}
        parties:
          - {id: party-0, name: "P", kind: court, roles: [court], country: FR, summary: {en: "S", fr: "S"}, sources: [src-0]}

        """
    )

    static func event(_ n: Int, date: String = "2020-01-01") -> String {
        "  - {id: ev-\(n), date: \(date), kind: ruling, track: courts, title: {en: \"E\(n)\", fr: \"E\(n)\"}, summary: {en: \"S\", fr: \"S\"}, parties: [party-0], sources: [src-0]}\n"
    }

    /// A folded block (`>`) is outside the fast reader's subset: it gives up there, after it has
    /// handed over the records above it, and libyaml reads the file again from the start.
    static let lateFoldedBlock =
        (0..<50).map { event($0) }.joined() + """
              - id: ev-late
                date: 2021-05-01
                kind: ruling
                track: courts
                title: {en: "Late", fr: "Tard"}
                summary:
                  en: >
                    Folded
                    text
                  fr: "Texte"
                parties: [party-0]
                sources: [src-0]

            """

    @Test func aFileTheFastReaderGivesUpOnHalfWayIsReadAgainEachRecordOnce() throws {
        let events = "events:\n" + Self.lateFoldedBlock
        // the premise: the fast reader did hand over records before giving up
        let counter = Counter()
        var copy = events
        let outcome = copy.withUTF8 { FastYAMLReader.parse($0, limits: .standard, records: counter) }
        guard case .unsupported = outcome else { Issue.record("the fast reader read a folded block"); return }
        #expect(counter.records == 50)

        let dossier = try DossierLoader.load(texts: [Self.dossierFile, ("events.yaml", events)])
        #expect(dossier.events.map(\.id) == (0..<50).map { "ev-\($0)" } + ["ev-late"])
        #expect(dossier.events.last?.summary.en == "Folded text")
    }

    /// A file that cannot be parsed is one problem, as when it was parsed whole before its records
    /// were decoded: the records read before the error are neither kept nor checked.
    @Test func aSyntaxErrorAfterSomeRecordsIsTheFilesOnlyProblem() throws {
        let broken = "events:\n" + Self.event(0) + "  - {id: ev-1, date: 2020-01-01, parties: [nobody]}\n" + "  - {id: ev-2, title: [unclosed\n"
        let error = try #require(throws: DossierLoadError.self) {
            try DossierLoader.load(texts: [Self.dossierFile, ("events.yaml", broken)])
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.file == "events.yaml")
        // libyaml's own message about the unclosed list, not ev-1's missing fields or its dangling party
        #expect(error.diagnostics.first?.message.contains("ev-1") == false)
        #expect(error.diagnostics.first?.message.contains("did not find expected") == true)
    }

    /// Events are put in date order in place; those of one date keep the order they were written in.
    @Test func eventsOfOneDateKeepTheirWrittenOrder() throws {
        let dates = ["2020-03", "2019", "2020-03", "2018-01-01", "2020-03", "2019", "2021-12-31", "2018-01-01"]
        let events = "events:\n" + dates.enumerated().map { Self.event($0.offset, date: $0.element) }.joined()
        let dossier = try DossierLoader.load(texts: [Self.dossierFile, ("events.yaml", events)])
        let expected = dossier.events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element.id)
        let store = DossierStore(dossier)
        #expect(store.events.map(\.id) == expected)
        #expect(expected == ["ev-3", "ev-7", "ev-1", "ev-5", "ev-0", "ev-2", "ev-4", "ev-6"])
        // the dossier handed to the store is not changed by the sort
        #expect(dossier.events.map(\.id) == (0..<dates.count).map { "ev-\($0)" })

        let synthetic = SyntheticDossier.generate(events: 3_000, seed: 9)
        let big = try DossierLoader.load(texts: synthetic.map { (path: $0.name, text: $0.text) })
        let order = big.events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element.id)
        #expect(DossierStore(big).events.map(\.id) == order)
    }
}
