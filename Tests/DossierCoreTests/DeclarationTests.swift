import BundledDossier
import DossierOutput
import Foundation
import Testing

@testable import DossierCore

/// The record declarations (`Records.swift`) drive the YAML decoder, the compact form, JSON and
/// search. These tests keep the declarations complete and the compact form faithful.
@Suite struct DeclarationTests {
    /// The compact form embedded at build time decodes to exactly what the YAML gives, every field
    /// of every record: a field left out of the form, or two swapped, fails here.
    @Test func bundledCompactFormEqualsTheYAML() throws {
        let fromYAML = try BundledLoader.load()
        let decoded = BundledDossier.compact.withUTF8Buffer { buffer in
            Result { () throws(CompactCodec.Corrupt) in try CompactCodec.decode(buffer) }
        }
        let compact = try decoded.get()
        // where a record was written is the one thing the compact form does not keep
        #expect(withoutOrigins(compact) == withoutOrigins(fromYAML), "\(firstDifference(compact, fromYAML))")
        #expect(compact.events.count == fromYAML.events.count && !compact.events.isEmpty)
    }

    /// Encoding what was decoded gives the same text again.
    @Test func compactFormRoundTrips() throws {
        let dossier = try BundledLoader.load()
        var text = CompactCodec.encode(dossier)
        let decoded = try text.withUTF8 { buffer in try CompactCodec.decode(buffer) }
        #expect(CompactCodec.encode(decoded) == text)
    }

    @Test func aTruncatedCompactFormIsRefusedWithItsPlace() throws {
        let dossier = try BundledLoader.load()
        var text = String(CompactCodec.encode(dossier).dropLast(40))
        let result = text.withUTF8 { buffer in Result { () throws(CompactCodec.Corrupt) in try CompactCodec.decode(buffer) } }
        guard case .failure(let corrupt) = result else {
            Issue.record("a truncated compact form decoded")
            return
        }
        #expect(corrupt.offset > 0)
        #expect(corrupt.description.contains("corrupt at byte"))
    }

    /// Every stored property of every kind, except `id` and `origin`, is filled by exactly one
    /// declared field; keys are unique.
    @Test func everyStoredPropertyHasOneField() {
        check(Source.self)
        check(Party.self)
        check(Event.self)
        check(Argument.self)
        check(Accord.self)
        check(TourStep.self)
        check(DossierInfo.self)
        check(LegalIdentifiers.self)
    }

    private func check<R: Declared>(_ type: R.Type, sourceLocation: SourceLocation = #_sourceLocation) {
        var stored = Set(Mirror(reflecting: R()).children.compactMap(\.label)).subtracting(["id", "origin"])
        var declared = R.fields.flatMap(\.properties).map { $0.split(separator: ".").last.map(String.init) ?? $0 }
        if R.self == LegalIdentifiers.self {
            // the identifiers are stored behind one reference (`box`), as `Values`, and reached
            // through computed properties, whose key paths have no name: their keys, camel-cased
            stored = Set(Mirror(reflecting: LegalIdentifiers.Values()).children.compactMap(\.label))
            declared = R.fields.map { field in
                let words = field.key.split(separator: "_")
                return words.first.map(String.init)! + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            }
        }
        #expect(Set(declared) == stored, "\(R.self): stored \(stored.sorted()), declared \(declared.sorted())", sourceLocation: sourceLocation)
        #expect(Set(declared).count == declared.count, "\(R.self): a property is declared twice", sourceLocation: sourceLocation)
        let keys = R.fields.map(\.key)
        #expect(Set(keys).count == keys.count, "\(R.self): a key is declared twice", sourceLocation: sourceLocation)
    }

    /// JSON shows every declared field under its declared key, plus only the documented derived
    /// values (an event's date precision, an accord's dates' precisions and computed status).
    @Test func jsonFollowsTheDeclarations() throws {
        let store = try Fixtures.validStore()
        let text = Printer(store: store, lang: .en, format: .json).export()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        func keys(_ collection: String) throws -> Set<String> {
            let records = try #require(object[collection] as? [[String: Any]])
            return Set(try #require(records.first).keys)
        }
        func declared<R: DossierRecord>(_ type: R.Type) -> Set<String> { Set(["id"] + R.fields.map(\.jsonKey)) }
        #expect(try keys("sources") == declared(Source.self))
        #expect(try keys("parties") == declared(Party.self))
        #expect(try keys("events") == declared(Event.self).union(["precision", "party_roles"]))
        #expect(try keys("arguments") == declared(Argument.self))
        #expect(try keys("accords") == declared(Accord.self).union(["status", "adopted_precision", "in_force_from_precision", "in_force_to_precision"]))
        let info = try #require(object["dossier"] as? [String: Any])
        #expect(Set(info.keys) == Set(DossierInfo.fields.map(\.jsonKey)))
    }

    /// A text in a field the declarations mark searchable is found; one in an unsearched field is not.
    @Test func searchCoversTheDeclaredTexts() throws {
        let store = DossierStore(try BundledLoader.load())
        let index = store.searchIndex
        for (i, source) in store.sources.enumerated().prefix(20) {
            // a source's URL is a body text
            #expect(index.search(source.url).contains { $0.ref == .source(i) }, "\(source.id)")
        }
        let searchable = Event.fields.filter { $0.search != .none }.map(\.key)
        #expect(searchable.contains("title") && searchable.contains("summary") && !searchable.contains("parties"))
    }
}

private func withoutOrigins(_ dossier: Dossier) -> Dossier {
    let blank = Origin(file: "", mark: SourceMark(line: 0, column: 0))
    var d = dossier
    d.info.origin = blank
    for i in d.sources.indices { d.sources[i].origin = blank }
    for i in d.parties.indices { d.parties[i].origin = blank }
    for i in d.events.indices { d.events[i].origin = blank }
    for i in d.arguments.indices { d.arguments[i].origin = blank }
    for i in d.accords.indices { d.accords[i].origin = blank }
    for i in d.terms.indices { d.terms[i].origin = blank }
    return d
}

/// Names the first record and field where two dossiers differ, for a readable failure.
private func firstDifference(_ a: Dossier, _ b: Dossier) -> String {
    func compare<R: DossierRecord>(_ x: [R], _ y: [R]) -> String? {
        guard x.count == y.count else { return "\(R.kind.rawValue) count \(x.count) ≠ \(y.count)" }
        for (r, s) in zip(x, y) {
            if r.id != s.id { return "\(R.kind.rawValue) id \(r.id) ≠ \(s.id)" }
            for field in R.fields where field.value(r) != field.value(s) {
                return "\(R.kind.rawValue) '\(r.id)' field '\(field.key)': \(field.value(r)) ≠ \(field.value(s))"
            }
        }
        return nil
    }
    if a.info.fieldValues() != b.info.fieldValues() { return "the dossier record" }
    return compare(a.sources, b.sources) ?? compare(a.parties, b.parties) ?? compare(a.events, b.events)
        ?? compare(a.arguments, b.arguments) ?? compare(a.accords, b.accords) ?? compare(a.terms, b.terms)
        ?? "no field differs"
}
