import DossierCore

/// What a list is narrowed to (`f`): any of a party, a kind, a track, a certainty, a side, a
/// role, a case number, a source's language or publisher, and words. Written as
/// `party:cnil kind:ruling case:492369 words…`.
public struct ListFilter: Sendable, Hashable {
    public var party: String?
    /// An event's kind; `kind:` names a source's kind instead when the value is one (`kind:press`).
    public var kind: EventKind?
    public var sourceKind: SourceKind?
    public var track: Track?
    public var certainty: Certainty?
    public var side: Side?
    public var role: Role?
    /// A case number (`case:492369`), as `LegalIdentifiers.caseKey` writes it.
    public var caseNumber: String?
    /// A source's language (`lang:fr`), and a part of its publisher, folded, with `-` for spaces
    /// (`publisher:conseil-d'etat`).
    public var language: String?
    public var publisher: String?
    public var words: [String] = []

    public init() {}

    public var isEmpty: Bool { self == ListFilter() }

    /// Parses the filter language; returns an error message for an unknown key or value.
    public static func parse(_ text: String, store: DossierStore) -> Result<ListFilter, ParseError> {
        var filter = ListFilter()
        for token in text.split(separator: " ") {
            guard let colon = token.firstIndex(of: ":") else {
                filter.words.append(TextFold.fold(String(token)))
                continue
            }
            let name = String(token[..<colon]), value = String(token[token.index(after: colon)...])
            guard let key = FilterKey(rawValue: name) else {
                return .failure(ParseError(UIText.filterUnknownKey(name, FilterKey.allCases.map(\.rawValue).joined(separator: ", "))))
            }
            if let error = key.set(value, in: &filter, store: store) { return .failure(error) }
        }
        return .success(filter)
    }

    public struct ParseError: Error, Sendable, Hashable {
        public var message: Localized
        init(_ message: Localized) { self.message = message }
    }

    /// The filter written back in its own language, for the status bar and the prompt.
    public var description: String {
        let parts = FilterKey.allCases.compactMap { key in key.value(in: self).map { "\(key.rawValue):\($0)" } }
        return (parts + words).joined(separator: " ")
    }

    /// The conditions written that no record of a pane has (`kind:court`, a source's kind, on
    /// the Timeline), as written, so the status bar can say they were left aside: exactly the
    /// ones `matches` ignores for the records that pane lists.
    public func leftAside(on pane: Pane) -> [String] {
        FilterKey.allCases.compactMap { key in
            guard let value = key.value(in: self), !key.applies(to: pane, in: self) else { return nil }
            return "\(key.rawValue):\(value)"
        }
    }

    /// Whether a record passes. Conditions that do not apply to a kind of record are ignored
    /// (a `kind:` filter does not hide parties).
    public func matches(_ ref: RecordRef, in store: DossierStore) -> Bool {
        // no filter (nearly always): do not even look at the record
        if isEmpty { return true }
        switch ref {
        case .event(let i):
            let e = store.events[i]
            if let party, !e.parties.contains(party) { return false }
            if let kind, e.kind != kind { return false }
            if let track, e.track != track { return false }
            if let certainty, e.certainty != certainty { return false }
            if let caseNumber, !e.identifiers.hasCase(caseNumber) { return false }
        case .party(let i):
            let p = store.parties[i]
            if let role, !p.roles.contains(role) { return false }
            if let certainty, p.certainty != certainty { return false }
        case .argument(let i):
            let a = store.arguments[i]
            if let party, !a.by.contains(party) { return false }
            if let side, a.side != side { return false }
            if let certainty, a.certainty != certainty { return false }
            if let caseNumber, !(store.event(a.caseID)?.identifiers.hasCase(caseNumber) ?? false) { return false }
        case .accord(let i):
            if let certainty, store.accords[i].certainty != certainty { return false }
        case .term(let i):
            if let certainty, store.terms[i].certainty != certainty { return false }
        case .source(let i):
            let s = store.sources[i]
            if let sourceKind, s.kind != sourceKind { return false }
            if let language, s.language != language { return false }
            if let publisher, !FilterKey.publisherKey(s.publisher).contains(publisher) { return false }
        }
        guard !words.isEmpty else { return true }
        var text = TextFold.fold(store.title(of: ref, .en) + " " + store.title(of: ref, .fr) + " " + store.id(of: ref))
        if case .event(let i) = ref {
            // case numbers and ECLIs are words of the record too: `f 492369`
            text += " " + TextFold.fold(store.events[i].identifiers.labelled.map(\.value).joined(separator: " "))
        }
        if case .source(let i) = ref {
            // and a source's address and identifiers: `f legifrance`, `f 492369`
            let s = store.sources[i]
            text += " " + TextFold.fold(([s.url] + s.identifiers.labelled.map(\.value)).joined(separator: " "))
        }
        return words.allSatisfy { text.contains($0) }
    }
}

/// The keys of the filter language, in the order the filter is written back and help lists them:
/// parsing, writing back, completion, the prompt's help and the `f` key's help all come from here.
public enum FilterKey: String, CaseIterable, Sendable {
    case party, kind, track, certainty, side, role
    case caseNumber = "case"
    case lang, publisher

    /// How the key's value is written in help: `party:ID`.
    var placeholder: String {
        switch self {
        case .party: return "ID"
        case .kind: return "K"
        case .track: return "T"
        case .certainty: return "C"
        case .side: return "S"
        case .role: return "R"
        case .caseNumber: return "N"
        case .lang: return "L"
        case .publisher: return "P"
        }
    }

    /// A publisher as `publisher:` matches it: folded, spaces as `-` (one token of the filter).
    static func publisherKey(_ publisher: String) -> String {
        String(TextFold.fold(publisher).map { $0 == " " ? "-" : $0 })
    }

    /// `party:ID kind:K track:T certainty:C side:S role:R`, for the keymap's help.
    static var synopsis: String { allCases.map { "\($0.rawValue):\($0.placeholder)" }.joined(separator: " ") }

    /// `party: kind: track: certainty: side: role:`, for the prompt's help.
    static var keyList: String { allCases.map { $0.rawValue + ":" }.joined(separator: " ") }

    /// The values the key accepts (for a party, the dossier's party ids), for completion.
    func values(in store: DossierStore) -> [String] {
        switch self {
        case .party: return store.parties.map(\.id)
        case .kind: return EventKind.allCases.map(\.rawValue) + SourceKind.allCases.map(\.rawValue).filter { EventKind(rawValue: $0) == nil }
        case .track: return Track.allCases.map(\.rawValue)
        case .certainty: return Certainty.allCases.map(\.rawValue)
        case .side: return Side.allCases.map(\.rawValue)
        case .role: return Role.allCases.map(\.rawValue)
        case .caseNumber:
            var seen: Set<String> = []
            return store.events.flatMap(\.identifiers.cases).map(LegalIdentifiers.caseKey).filter { seen.insert($0).inserted }
        case .lang: return Array(Set(store.sources.map(\.language))).sorted()
        case .publisher: return Array(Set(store.sources.map { FilterKey.publisherKey($0.publisher) })).sorted()
        }
    }

    /// Sets the key in a filter; the message to show when the value is not one the key takes.
    func set(_ value: String, in filter: inout ListFilter, store: DossierStore) -> ListFilter.ParseError? {
        func bad(_ allowed: String) -> ListFilter.ParseError { ListFilter.ParseError(UIText.filterBadValue(rawValue, allowed)) }
        switch self {
        case .party:
            guard store.party(value) != nil else { return ListFilter.ParseError(UIText.filterNoParty(value)) }
            filter.party = value
        case .kind:
            // an event's kind or a source's (`other` is both)
            let event = EventKind(rawValue: value), source = SourceKind(rawValue: value)
            guard event != nil || source != nil else { return bad(values(in: store).joined(separator: ", ")) }
            filter.kind = event
            filter.sourceKind = source
        case .track:
            guard let v = Track(rawValue: value) else { return bad(Track.allowedValues) }
            filter.track = v
        case .certainty:
            guard let v = Certainty(rawValue: value) else { return bad(Certainty.allowedValues) }
            filter.certainty = v
        case .side:
            guard let v = Side(rawValue: value) else { return bad(Side.allowedValues) }
            filter.side = v
        case .role:
            guard let v = Role(rawValue: value) else { return bad(Role.allowedValues) }
            filter.role = v
        case .caseNumber:
            let key = LegalIdentifiers.caseKey(value)
            guard store.events.contains(where: { $0.identifiers.hasCase(key) }) else { return ListFilter.ParseError(UIText.filterNoCase(value)) }
            filter.caseNumber = key
        case .lang:
            guard store.sources.contains(where: { $0.language == value }) else { return bad(values(in: store).joined(separator: ", ")) }
            filter.language = value
        case .publisher:
            let key = FilterKey.publisherKey(value)
            guard store.sources.contains(where: { FilterKey.publisherKey($0.publisher).contains(key) }) else {
                return ListFilter.ParseError(UIText.filterNoPublisher(value))
            }
            filter.publisher = key
        }
        return nil
    }

    /// Whether the records a pane lists can be tested on the key, as `ListFilter.matches` tests
    /// them (a test keeps the two in step).
    func applies(to pane: Pane, in filter: ListFilter) -> Bool {
        switch self {
        case .party, .caseNumber: return pane == .timeline || pane == .arguments
        case .kind: return (filter.kind != nil && pane == .timeline) || (filter.sourceKind != nil && pane == .sources)
        case .track: return pane == .timeline
        case .certainty: return pane != .sources
        case .side: return pane == .arguments
        case .role: return pane == .parties
        case .lang, .publisher: return pane == .sources
        }
    }

    /// The key's value in a filter, as written, if the filter sets it.
    func value(in filter: ListFilter) -> String? {
        switch self {
        case .party: return filter.party
        case .kind: return filter.kind?.rawValue ?? filter.sourceKind?.rawValue
        case .track: return filter.track?.rawValue
        case .certainty: return filter.certainty?.rawValue
        case .side: return filter.side?.rawValue
        case .role: return filter.role?.rawValue
        case .caseNumber: return filter.caseNumber
        case .lang: return filter.language
        case .publisher: return filter.publisher
        }
    }
}
