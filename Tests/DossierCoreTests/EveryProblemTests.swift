import DossierCore
import Testing

/// `validate` promises every problem: a file with a YAML syntax error does not hide the problems of
/// the other files, only the references that may point into it.
@Suite struct EveryProblemTests {
    static let info = """
        dossier:
          title: {en: "T", fr: "T"}
          focus: ev-one
          overview: {en: "See [[ev-one]].", fr: "Voir [[ev-one]]."}
          as_of: 2026-12-01
        """
    static let broken = """
        sources:
          - id: src-one
            publisher: Example
            title: "A document"
            date: 2024-03-22
            url: https://example.org/one
            language: en
            kind: court
        parties:
          - {id: party-one, name: Party One, kind: company,
           roles: [oops
        """
    static let events = """
        events:
          - id: ev-one
            date: 2024-03-22
            kind: order
            track: courts
            title: {en: "An order", fr: "Une ordonnance"}
            summary: {en: "It happened.", fr: "C’est arrivé."}
            parties: [party-one, nobody]
            sources: [src-one, src-missing]
        """

    @Test func referencesThatDoNotDependOnTheBrokenFileAreStillChecked() throws {
        let error = try #require(throws: DossierLoadError.self) {
            try DossierLoader.load(texts: [("dossier.yaml", Self.info), ("broken.yaml", Self.broken), ("events.yaml", Self.events)])
        }
        let messages = error.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("broken.yaml:") }, "the syntax error: \(messages)")
        #expect(messages.contains { $0.contains("events.yaml:") && $0.contains("'nobody'") }, "\(messages)")
        #expect(messages.contains { $0.contains("events.yaml:") && $0.contains("'src-missing'") }, "\(messages)")
        // party-one and src-one are declared in the broken file: no cascade of false reports
        #expect(!messages.contains { $0.contains("'party-one'") || $0.contains("'src-one'") }, "\(messages)")
        #expect(error.diagnostics.count == 3, "\(messages)")
    }
}
