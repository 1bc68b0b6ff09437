import DossierCore

/// The Arguments pane: who argued what, case by case, each side in turn.
enum ArgumentsPane: PaneComponent {
    static let title = Strings.arguments
    static let kind = RecordKind.argument

    static func list(_ store: DossierStore, filter: ListFilter, zoom: Zoom, sourceOrder: SourceOrder) -> PaneList {
        PaneList.arguments(store, filter: filter)
    }

    static func drawRow(_ ref: RecordRef, state: AppState, row: Int, inner: Rect, into grid: inout Grid) {
        guard case .argument(let i) = ref else { return }
        let store = state.store, lang = state.lang
        let side = TextLayout.pad(" " + UIText.sideTag(store.arguments[i].side)[lang], to: 12)
        let used = grid.put(side, row: row, column: inner.column, maxWidth: inner.width, style: .muted)
        grid.put(
            TextLayout.truncate(store.arguments[i].claim[lang], to: max(0, inner.width - used)), row: row, column: inner.column + used,
            maxWidth: inner.width - used)
    }
}

extension PaneList {
    /// Arguments grouped by case (in date order) and, within a case, by side.
    static func arguments(_ store: DossierStore, filter: ListFilter = ListFilter()) -> PaneList {
        var byCase: [String: [Int]] = [:]
        var cases: [String] = []
        for i in store.arguments.indices where filter.matches(.argument(i), in: store) {
            let caseID = store.arguments[i].caseID
            if byCase[caseID] == nil { cases.append(caseID) }
            byCase[caseID, default: []].append(i)
        }
        // one lookup per case, not two per comparison (an event is a large value to copy)
        cases = cases.map { caseID -> (Int, String) in
            guard case .event(let i)? = store.ref(caseID) else { return (0, caseID) }
            return (store.events[i].date.firstDay, caseID)
        }.sorted { $0 < $1 }.map(\.1)
        var rows: [ListRow] = []
        // one heading per case (J/K step cases); its arguments claimants first, then the
        // defence, then the court, each row showing its side
        for caseID in cases {
            let members = byCase[caseID] ?? []
            let event = store.event(caseID)
            let date = event?.date.description ?? ""
            rows.append(.heading(Localized(en: "\(date) \(event?.title.en ?? caseID)", fr: "\(date) \(event?.title.fr ?? caseID)")))
            for side in Side.allCases {
                rows += members.filter { store.arguments[$0].side == side }.map { .item(.argument($0)) }
            }
        }
        return PaneList(rows: rows)
    }

}
