import DossierCore

/// Ctrl-F: every search match, grouped by kind, with the chosen one highlighted.
enum ResultsView {
    static func draw(_ state: AppState, selected: Int, into grid: inout Grid, regions: inout Regions) {
        guard let search = state.search else { return }
        let lang = state.lang
        let width = min(grid.width - 2, 100)
        // rows: kind headings, then hits; remember which row shows which hit
        var rows: [(text: String, hit: Int?)] = []
        for kind in RecordKind.allCases {
            let hits = search.hits.enumerated().filter { $0.element.kind == kind }
            guard !hits.isEmpty else { continue }
            let heading = Pane.showing(kind)?.title ?? (kind == .term ? Strings.glossary : kind.label)
            rows.append(("\(heading[lang]) (\(hits.count))", nil))
            for (index, ref) in hits { rows.append(("  " + state.store.linkLabel(ref, lang, alignDates: true), index)) }
        }
        let height = min(grid.height - 2, rows.count + 2)
        let rect = Rect(row: (grid.height - height) / 2, column: (grid.width - width) / 2, width: width, height: height)
        regions.overlay = rect
        grid.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height)
        let title = UIText.resultsTitle(search.query, String(search.hits.count))[lang]
        Box.draw(rect, title: title, focused: true, into: &grid)
        let inner = rect.inner
        let selectedRow = rows.firstIndex { $0.hit == selected } ?? 0
        let top = max(0, min(selectedRow - inner.height / 2, rows.count - inner.height))
        for (n, entry) in rows.dropFirst(top).prefix(inner.height).enumerated() {
            let row = inner.row + n
            grid.put(
                TextLayout.truncate(entry.text, to: inner.width), row: row, column: inner.column,
                style: entry.hit == nil ? .heading : .normal)
            if entry.hit != nil { Highlight.apply(search.terms, row: row, column: inner.column, width: inner.width, in: &grid) }
            if entry.hit == selected {
                grid.restyle(row: row, column: inner.column, width: inner.width, style: .selection)
                grid.cursor = (row, inner.column)
            }
        }
    }
}
