import BundledDossier
import Testing

@testable import DossierCore

/// The search index keeps each distinct folded word once with the entries that hold it, instead
/// of a folded copy of every text. These tests hold it to what a plain substring search over the
/// folded texts finds (what the index did before), hit for hit, title flags and order included.
@Suite struct SearchIndexTests {
    /// The folded texts of one record, as the index reads them: its kind's fields of `place`
    /// (titles also hold the id), each text on its own.
    private static func folded<R: DossierRecord>(_ record: R, _ place: SearchPlace) -> [String] {
        var texts: [String] = []
        for field in R.fields where field.search == place {
            field.texts(record) { texts.append(TextFold.fold(OverviewLinks.plain($0) { $0 })) }
        }
        if place == .title { texts.append(TextFold.fold(record.id)) }
        return texts
    }

    /// Every record's (title texts, body texts), in the index's entry order.
    private static func entries(_ store: DossierStore) -> [(ref: RecordRef, title: [String], body: [String])] {
        func of<R: DossierRecord>(_ records: [R], _ ref: (Int) -> RecordRef) -> [(ref: RecordRef, title: [String], body: [String])] {
            records.enumerated().map { (ref($0.offset), folded($0.element, .title), folded($0.element, .body)) }
        }
        return of(store.parties, RecordRef.party) + of(store.events, RecordRef.event) + of(store.arguments, RecordRef.argument)
            + of(store.accords, RecordRef.accord) + of(store.sources, RecordRef.source) + of(store.terms, RecordRef.term)
    }

    /// The reference: a record is a hit when each word of the query is inside one of its texts,
    /// a title hit when each is inside a title text; title hits first, each group in entry order.
    private static func reference(_ query: String, _ entries: [(ref: RecordRef, title: [String], body: [String])]) -> [SearchHit] {
        let terms = TextFold.fold(query).split(separator: " ").map(String.init)
        guard !terms.isEmpty else { return [] }
        var titleHits: [SearchHit] = [], bodyHits: [SearchHit] = []
        for (i, entry) in entries.enumerated() {
            let inTitle = terms.allSatisfy { term in entry.title.contains { $0.contains(term) } }
            let inAny = terms.allSatisfy { term in entry.title.contains { $0.contains(term) } || entry.body.contains { $0.contains(term) } }
            if inTitle {
                titleHits.append(SearchHit(ref: entry.ref, entry: i, inTitle: true))
            } else if inAny {
                bodyHits.append(SearchHit(ref: entry.ref, entry: i, inTitle: false))
            }
        }
        return titleHits + bodyHits
    }

    static let queries = [
        "conseil d'état", "Conseil d’État", "schrems ii", "  privacy  shield ", "cnil microsoft azure", "health data hub",
        "ev-1", "ev-12", "src-", "e", "c", "co", "ju", "https://", "2024-03", "2024-03-22", "ecli:fr", "référé",
        "refere-suspension", "[[", "d'", ":", "«", "fin.", "end.", "zzzz", "a e i", "données santé", "Hébergement",
    ]

    @Test(arguments: ["bundled", "synthetic"])
    func findsWhatASubstringSearchFinds(_ which: String) throws {
        let store: DossierStore
        if which == "bundled" {
            store = DossierStore(try DossierLoader.load(files: BundledDossier.files))
        } else {
            store = DossierStore(try DossierLoader.load(texts: SyntheticDossier.generate(events: 1_000, seed: 3).map { (path: $0.name, text: $0.text) }))
        }
        let entries = Self.entries(store)
        var nonEmpty = 0
        for query in Self.queries {
            let hits = store.searchIndex.search(query)
            #expect(hits == Self.reference(query, entries), "\(query.debugDescription)")
            if !hits.isEmpty { nonEmpty += 1 }
        }
        // most comparisons are of real hits, not of two empty lists
        #expect(nonEmpty > Self.queries.count / 2)
    }

    /// Each record's own id and title find it (a word the index has seen once, in one entry).
    @Test func everyRecordIsFoundByItsIDAndTitle() throws {
        let store = DossierStore(try DossierLoader.load(files: BundledDossier.files))
        for (i, event) in store.events.enumerated() {
            #expect(store.searchIndex.search(event.id).contains { $0.ref == .event(i) && $0.inTitle }, "\(event.id)")
            #expect(store.searchIndex.search(event.title.fr).contains { $0.ref == .event(i) && $0.inTitle }, "\(event.id)")
        }
    }

    /// A word is kept once however many records hold it, and the entries of a word are listed once each.
    @Test func wordsAreKeptOnce() {
        var builder = SearchIndex.Words.Builder()
        for text in ["Data data DATA", "data, Données", "", "données data"] {
            builder.begin()
            builder.add(text)
        }
        let words = builder.finish()
        // "data", "data,", "donnees"
        #expect(words.wordCount == 3)
        var found = [Bool](repeating: false, count: 4)
        words.mark(SearchIndex.Needle(Array("data".utf8)), into: &found)
        #expect(found == [true, true, false, true])
        // data: entries 0 and 3; "data,": 1; donnees: 1 and 3
        #expect(words.postings.count == 5)
    }
}
