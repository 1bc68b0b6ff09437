import DossierCore

/// A source (`Enter` on a source link): publisher, exact title, date, language, kind, the full
/// address wrapped (a word wider than the box is broken, never cut), and every record that cites
/// it, as links to follow.
enum SourceView {
    static func box(_ layout: Layout) -> Rect { CaseMapView.box(layout) }

    static func draw(_ state: AppState, index: Int, link: Int, scroll: Int, into grid: inout Grid, regions: inout Regions) {
        drawDetail(
            state.sourceLines(index), title: UIText.sourceTitle.text[state.lang], link: link, scroll: scroll,
            layout: state.layout, into: &grid, regions: &regions)
    }

    /// A detail over the panes (a source, a glossary term): its lines from `scroll`, the chosen
    /// link highlighted, arrows on the border when there is more above or below.
    static func drawDetail(
        _ lines: [DetailLine], title: String, link: Int, scroll: Int, layout: Layout,
        into grid: inout Grid, regions: inout Regions
    ) {
        let rect = box(layout)
        guard rect.height >= 3 else { return }
        regions.overlay = rect
        grid.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height)
        Box.draw(rect, title: title, focused: true, into: &grid)
        let inner = rect.inner
        grid.cursor = nil
        for (n, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            let row = inner.row + n
            if let link = line.link { regions.overlayLinks.append(Regions.LinkLine(row: row, link: link)) }
            var column = inner.column
            for segment in line.segments {
                column += grid.put(segment.text, row: row, column: column, maxWidth: inner.column + inner.width - column, style: segment.style)
            }
            if line.link == link {
                grid.restyle(row: row, column: inner.column, width: inner.width, style: .selection)
                grid.cursor = (row, inner.column)
            }
        }
        if lines.count > scroll + inner.height { grid.put("↓", row: rect.row + rect.height - 1, column: rect.column + rect.width - 3, style: .muted) }
        if scroll > 0 { grid.put("↑", row: rect.row, column: rect.column + rect.width - 3, style: .muted) }
    }
}
