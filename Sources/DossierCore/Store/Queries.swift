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
