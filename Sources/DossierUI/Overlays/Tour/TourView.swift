import DossierCore

/// The guided tour: a box over the detail with the step's paragraph; the record it speaks of is
/// selected in its pane beside it.
enum TourView {
    static func draw(_ state: AppState, step: Int, into grid: inout Grid, regions: inout Regions) {
        let steps = state.store.info.tour
        guard step < steps.count else { return }
        let lang = state.lang
        let area = state.layout.detail
        let text = TextLayout.wrap(steps[step].text[lang], width: max(10, area.width - 4))
        let height = min(area.height, text.count + 3)
        let rect = Rect(row: area.row + area.height - height, column: area.column, width: area.width, height: height)
        regions.overlay = rect
        grid.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height)
        let title = UIText.tourTitle(String(step + 1), String(steps.count))[lang]
        Box.draw(rect, title: title, focused: true, into: &grid)
        for (n, line) in text.prefix(rect.inner.height - 1).enumerated() {
            grid.put(line, row: rect.inner.row + 1 + n, column: rect.inner.column + 1, maxWidth: rect.inner.width - 1)
        }
    }
}
