import DossierCore

/// What a list is narrowed to (`f`): any of a party, a kind, a track, a certainty, and words.
/// Written as `party:cnil kind:ruling track:courts certainty:reported words…`.
public struct ListFilter: Sendable, Hashable {
    public var party: String?
    public var kind: EventKind?
    public var track: Track?
    public var certainty: Certainty?
    public var side: Side?
    public var role: Role?
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
            let key = String(token[..<colon]), value = String(token[token.index(after: colon)...])
            switch key {
            case "party":
                guard store.party(value) != nil else { return .failure(ParseError(Localized(en: "no party '\(value)'", fr: "aucune partie «\u{00A0}\(value)\u{00A0}»"))) }
                filter.party = value
            case "kind":
                guard let v = EventKind(rawValue: value) else { return .failure(.badValue(key, EventKind.allowedValues)) }
                filter.kind = v
            case "track":
                guard let v = Track(rawValue: value) else { return .failure(.badValue(key, Track.allowedValues)) }
                filter.track = v
            case "certainty":
                guard let v = Certainty(rawValue: value) else { return .failure(.badValue(key, Certainty.allowedValues)) }
                filter.certainty = v
            case "side":
                guard let v = Side(rawValue: value) else { return .failure(.badValue(key, Side.allowedValues)) }
                filter.side = v
            case "role":
                guard let v = Role(rawValue: value) else { return .failure(.badValue(key, Role.allowedValues)) }
                filter.role = v
            default:
                return .failure(ParseError(Localized(en: "unknown filter '\(key):' (party, kind, track, certainty, side, role)",
                                                     fr: "filtre inconnu «\u{00A0}\(key):\u{00A0}» (party, kind, track, certainty, side, role)")))
            }
        }
        return .success(filter)
    }

    public struct ParseError: Error, Sendable, Hashable {
        public var message: Localized
        init(_ message: Localized) { self.message = message }
        static func badValue(_ key: String, _ allowed: String) -> ParseError {
            ParseError(Localized(en: "\(key): one of \(allowed)", fr: "\(key)\u{00A0}: une valeur parmi \(allowed)"))
        }
    }

    /// The filter written back in its own language, for the status bar and the prompt.
    public var description: String {
        var parts: [String] = []
        if let party { parts.append("party:\(party)") }
        if let kind { parts.append("kind:\(kind.rawValue)") }
        if let track { parts.append("track:\(track.rawValue)") }
        if let certainty { parts.append("certainty:\(certainty.rawValue)") }
        if let side { parts.append("side:\(side.rawValue)") }
        if let role { parts.append("role:\(role.rawValue)") }
        return (parts + words).joined(separator: " ")
    }

    /// Whether a record passes. Conditions that do not apply to a kind of record are ignored
    /// (a `kind:` filter does not hide parties).
    public func matches(_ ref: RecordRef, in store: DossierStore) -> Bool {
        // no filter (nearly always): do not even look at the record
        if party == nil && kind == nil && track == nil && certainty == nil && side == nil && role == nil && words.isEmpty { return true }
        switch ref {
        case .event(let i):
            let e = store.events[i]
            if let party, !e.parties.contains(party) { return false }
            if let kind, e.kind != kind { return false }
            if let track, e.track != track { return false }
            if let certainty, e.certainty != certainty { return false }
        case .party(let i):
            let p = store.parties[i]
            if let role, !p.roles.contains(role) { return false }
            if let certainty, p.certainty != certainty { return false }
        case .argument(let i):
            let a = store.arguments[i]
            if let party, !a.by.contains(party) { return false }
            if let side, a.side != side { return false }
            if let certainty, a.certainty != certainty { return false }
        case .accord(let i):
            if let certainty, store.accords[i].certainty != certainty { return false }
        case .source:
            break
        }
        guard !words.isEmpty else { return true }
        let text = TextFold.fold(store.title(of: ref, .en) + " " + store.title(of: ref, .fr) + " " + store.id(of: ref))
        return words.allSatisfy { text.contains($0) }
    }
}
