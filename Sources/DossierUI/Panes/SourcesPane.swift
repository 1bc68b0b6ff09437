import DossierCore

/// The Sources pane: every source, by date, publisher or kind (`s`).
enum SourcesPane: PaneComponent {
    static let title = Strings.sources
    static let kind = RecordKind.source

    static func list(_ store: DossierStore, filter: ListFilter, zoom: Zoom, sourceOrder: SourceOrder) -> PaneList {
        PaneList.sources(store, filter: filter, order: sourceOrder)
    }

    static func drawRow(_ ref: RecordRef, state: AppState, row: Int, inner: Rect, into grid: inout Grid) {
        guard case .source(let i) = ref else { return }
        drawSource(state.store.sources[i], state: state, row: row, inner: inner, into: &grid)
    }
}

extension PaneList {
    /// Every source, in the chosen order, under a heading for each year, publisher or kind (so
    /// that J/K step through them).
    static func sources(_ store: DossierStore, filter: ListFilter = ListFilter(), order: SourceOrder = .date) -> PaneList {
        let shown = store.sources.indices.filter { filter.matches(.source($0), in: store) }
        var rows: [ListRow] = []
        var group: String?
        for i in store.sourceIndices(shown, sortedBy: order) {
            let source = store.sources[i]
            let heading: Localized
            // publishers written with another case or accent ("Numérique" / "numérique") are one
            // group, under the first spelling met
            let key: String
            switch order {
            case .date: heading = Localized(String(source.date.year)); key = heading.en
            case .publisher: heading = Localized(source.publisher); key = TextFold.fold(source.publisher)
            case .kind: heading = source.kind.label; key = source.kind.rawValue
            }
            if key != group {
                group = key
                rows.append(.heading(heading))
            }
            rows.append(.item(.source(i)))
        }
        return PaneList(rows: rows)
    }
}

extension SourcesPane {
    /// A source's row: its date, its kind in words (muted; no colour tells it), its publisher in
    /// a column as wide as the room allows, then its title, each cut with … where it must be.
    /// Sorted by kind or by publisher, the heading names it and its column gives its room to the title.
    static func drawSource(_ source: Source, state: AppState, row: Int, inner: Rect, into grid: inout Grid) {
        let end = inner.column + inner.width
        var column = inner.column
        column += grid.put(" " + TextLayout.pad(source.date.description, to: 10) + " ", row: row, column: column, maxWidth: inner.width)
        if state.sourceOrder != .kind && inner.width >= 60 {
            let kind = Shorten.kind(source.kind.label[state.lang], to: 9) ?? ""
            column += grid.put(TextLayout.pad(kind, to: 9) + " ", row: row, column: column, maxWidth: end - column, style: .muted)
        }
        // sorted by publisher, the heading names it: the row gives its room to the title
        if state.sourceOrder != .publisher {
            let publisherWidth = min(max(8, (end - column) / 3), 24)
            column += grid.put(
                TextLayout.pad(source.publisher, to: publisherWidth) + "  ",
                row: row, column: column, maxWidth: end - column, style: .title)
        }
        grid.put(TextLayout.truncate(source.title, to: max(0, end - column)), row: row, column: column, maxWidth: max(0, end - column))
    }

}
