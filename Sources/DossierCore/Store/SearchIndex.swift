/// One search result.
public struct SearchHit: Sendable, Hashable {
    public var ref: RecordRef
    /// True when every term was found in the record's title (name, claim…): such hits rank first.
    public var inTitle: Bool
}

/// Full-text search over every text field of every record, in both languages. Texts are folded
/// once (case, accents, apostrophes, no-break spaces) so a query costs one fold and a scan.
public struct SearchIndex: Sendable {
    private struct Entry: Sendable {
        var ref: RecordRef
        var title: String
        var body: String
    }
    private let entries: [Entry]

    init(parties: [Party], events: [Event], arguments: [Argument], accords: [Accord], sources: [Source]) {
        func both(_ text: Localized?) -> String { text.map { $0.en + "\n" + $0.fr } ?? "" }
        var entries: [Entry] = []
        entries.reserveCapacity(parties.count + events.count + arguments.count + accords.count + sources.count)
        for (i, p) in parties.enumerated() {
            entries.append(Entry(ref: .party(i), title: TextFold.fold(both(p.name) + "\n" + p.id),
                                 body: TextFold.fold([both(p.summary), both(p.note), p.country, p.website ?? "",
                                                      p.roles.map { both($0.label) }.joined(separator: " "),
                                                      both(p.kind.label)].joined(separator: "\n"))))
        }
        for (i, e) in events.enumerated() {
            entries.append(Entry(ref: .event(i), title: TextFold.fold(both(e.title) + "\n" + e.id),
                                 body: TextFold.fold([both(e.summary), both(e.note), e.date.description,
                                                      both(e.kind.label), both(e.track.label)].joined(separator: "\n"))))
        }
        for (i, a) in arguments.enumerated() {
            entries.append(Entry(ref: .argument(i), title: TextFold.fold(both(a.claim) + "\n" + a.id),
                                 body: TextFold.fold([both(a.detail), both(a.outcome), both(a.note),
                                                      a.basis.joined(separator: "\n"), both(a.side.label)].joined(separator: "\n"))))
        }
        for (i, a) in accords.enumerated() {
            entries.append(Entry(ref: .accord(i), title: TextFold.fold(both(a.name) + "\n" + a.id),
                                 body: TextFold.fold([a.instrument, both(a.summary), both(a.status), both(a.note),
                                                      a.mechanisms.map(both).joined(separator: "\n")].joined(separator: "\n"))))
        }
        for (i, s) in sources.enumerated() {
            entries.append(Entry(ref: .source(i), title: TextFold.fold(s.publisher + "\n" + s.title + "\n" + s.id),
                                 body: TextFold.fold([s.url, s.date.description].joined(separator: "\n"))))
        }
        self.entries = entries
    }

    /// Records containing every word of `query`, title hits first, then in kind and dossier order.
    public func search(_ query: String) -> [SearchHit] {
        let terms = TextFold.fold(query).split(separator: " ").map(String.init)
        guard !terms.isEmpty else { return [] }
        var titleHits: [SearchHit] = [], bodyHits: [SearchHit] = []
        for entry in entries {
            var allInTitle = true
            var all = true
            for term in terms {
                if entry.title.contains(term) { continue }
                allInTitle = false
                if !entry.body.contains(term) { all = false; break }
            }
            guard all else { continue }
            if allInTitle { titleHits.append(SearchHit(ref: entry.ref, inTitle: true)) }
            else { bodyHits.append(SearchHit(ref: entry.ref, inTitle: false)) }
        }
        return titleHits + bodyHits
    }
}
