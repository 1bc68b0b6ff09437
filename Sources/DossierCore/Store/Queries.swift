/// The filters behind the CLI's listing commands (and the explorer's filters).
extension DossierStore {
    /// Events overlapping [from, to], optionally only those of a party, a kind or a track.
    public func timeline(from: DossierDate? = nil, to: DossierDate? = nil, party: String? = nil,
                         kind: EventKind? = nil, track: Track? = nil) -> [Event] {
        events.filter { event in
            let last = (event.end ?? event.date).lastDay
            if let from, last < from.firstDay { return false }
            if let to, event.date.firstDay > to.lastDay { return false }
            if let party, !event.parties.contains(party) { return false }
            if let kind, event.kind != kind { return false }
            if let track, event.track != track { return false }
            return true
        }
    }

    public func parties(role: Role? = nil) -> [Party] {
        guard let role else { return parties }
        return parties.filter { $0.roles.contains(role) }
    }

    public func arguments(side: Side? = nil, party: String? = nil) -> [Argument] {
        arguments.filter { argument in
            if let side, argument.side != side { return false }
            if let party, !argument.by.contains(party) { return false }
            return true
        }
    }
}

/// The orders the bibliography is listed in (`dossier sources --sort`, the explorer's Sources pane).
public enum SourceOrder: String, Sendable, Hashable, CaseIterable {
    case date, publisher, kind

    /// The next order, for a key that cycles through them.
    public var next: SourceOrder {
        let all = SourceOrder.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

extension DossierStore {
    /// Indices of the sources in an order: by date, by publisher (case and accents ignored) or by
    /// kind, then by date; ties broken by publisher and id so the order never depends on the files.
    public func sourceIndices(_ indices: [Int]? = nil, sortedBy order: SourceOrder) -> [Int] {
        (indices ?? Array(sources.indices)).sorted { a, b in
            let x = sources[a], y = sources[b]
            switch order {
            case .date: return (x.date, x.publisher, x.id) < (y.date, y.publisher, y.id)
            case .publisher: return (TextFold.fold(x.publisher), x.date, x.id) < (TextFold.fold(y.publisher), y.date, y.id)
            case .kind: return (x.kind.rawValue, x.date, x.id) < (y.kind.rawValue, y.date, y.id)
            }
        }
    }
}
