import DossierCore

/// The Accords pane: the agreements, in the order they came into force.
enum AccordsPane: PaneComponent {
    static let title = Strings.accords
    static let kind = RecordKind.accord

    static func list(_ store: DossierStore, filter: ListFilter, zoom: Zoom, sourceOrder: SourceOrder) -> PaneList {
        PaneList.accords(store, filter: filter)
    }

    static func drawRow(_ ref: RecordRef, state: AppState, row: Int, inner: Rect, into grid: inout Grid) {
        guard case .accord(let i) = ref else { return }
        let store = state.store, lang = state.lang
        let accord = store.accords[i]
        let span = Strings.span(accord)
        let used = grid.put(
            " " + TextLayout.truncate(accord.name[lang], to: inner.width - 3 - DisplayWidth.of(span)), row: row, column: inner.column, maxWidth: inner.width)
        grid.put("  " + span, row: row, column: inner.column + used, maxWidth: inner.width - used, style: .muted)
    }
}

extension PaneList {
    static func accords(_ store: DossierStore, filter: ListFilter = ListFilter()) -> PaneList {
        PaneList(
            rows: store.accords.indices
                .filter { filter.matches(.accord($0), in: store) }
                .sorted { store.accords[$0].inForceFrom < store.accords[$1].inForceFrom }
                .map { .item(.accord($0)) })
    }
}
