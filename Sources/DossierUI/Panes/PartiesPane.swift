import DossierCore

/// The Parties pane: everyone involved, grouped by the part they play.
enum PartiesPane: PaneComponent {
    static let title = Strings.parties
    static let kind = RecordKind.party

    static func list(_ store: DossierStore, filter: ListFilter, zoom: Zoom, sourceOrder: SourceOrder) -> PaneList {
        PaneList.parties(store, filter: filter)
    }

    static func drawRow(_ ref: RecordRef, state: AppState, row: Int, inner: Rect, into grid: inout Grid) {
        guard case .party(let i) = ref else { return }
        let party = state.store.parties[i], lang = state.lang
        let name = party.name[lang], kind = party.kind.label[lang]
        // the kinds in a column of their own at the right, all starting on the same cell, when
        // that leaves a name its room; else each kind right after its name, shortened
        let column = PartyKind.allCases.map { DisplayWidth.of($0.label[lang]) }.max() ?? 0
        let nameRoom = inner.width - 1 - column - 2
        if nameRoom >= minimumNameRoom {
            grid.put(" " + TextLayout.truncate(name, to: nameRoom), row: row, column: inner.column, maxWidth: nameRoom + 1)
            grid.put("  " + kind, row: row, column: inner.column + 1 + nameRoom, maxWidth: column + 2, style: .muted)
            return
        }
        let fits = DisplayWidth.of(name) + 2 + DisplayWidth.of(kind) <= inner.width - 1
        let shownKind = fits ? kind : Shorten.kind(kind, to: inner.width >= 40 ? 6 : 0)
        let room = inner.width - 1 - (fits ? DisplayWidth.of(kind) + 2 : shownKind.map { DisplayWidth.of($0) + 2 } ?? 0)
        let used = grid.put(" " + TextLayout.truncate(name, to: room), row: row, column: inner.column, maxWidth: inner.width)
        if let shownKind {
            grid.put("  " + shownKind, row: row, column: inner.column + used, maxWidth: inner.width - used, style: .muted)
        }
    }

    /// The least room a name keeps before the kinds give up their column.
    static let minimumNameRoom = 24
}

extension PaneList {
    /// The groups parties are shown in, in this order.
    enum PartyGroup: Int, CaseIterable {
        case claimants, counsel, defence, courts, hosts, others
        var title: Localized {
            switch self {
            case .claimants: return UIText.claimants.text
            case .counsel: return UIText.counselGroup.text
            case .defence: return UIText.defence.text
            case .courts: return UIText.courts.text
            case .hosts: return UIText.hosts.text
            case .others: return UIText.others.text
            }
        }
        static func of(_ party: Party) -> PartyGroup {
            let roles = Set(party.roles)
            if roles.contains(.claimant) { return .claimants }
            // the claimants' lawyers are not "others"
            if roles.contains(.counsel) { return .counsel }
            if roles.contains(.court) { return .courts }
            if !roles.isDisjoint(with: [.host, .dataSource, .client]) { return .hosts }
            if !roles.isDisjoint(with: [.defendant, .authority, .government, .legislator]) { return .defence }
            return .others
        }
    }

    static func parties(_ store: DossierStore, filter: ListFilter = ListFilter()) -> PaneList {
        var rows: [ListRow] = []
        let groupOf = store.parties.map(PartyGroup.of)
        for group in PartyGroup.allCases {
            let members = store.parties.indices.filter { groupOf[$0] == group && filter.matches(.party($0), in: store) }
            guard !members.isEmpty else { continue }
            rows.append(.heading(group.title))
            rows += members.map { .item(.party($0)) }
        }
        return PaneList(rows: rows)
    }

}
