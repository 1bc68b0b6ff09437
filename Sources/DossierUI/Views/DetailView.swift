import DossierCore

/// The detail box: the selected record's lines, laid out once per record, language and width and
/// kept drawn in the renderer's `DetailCache`.
extension ScreenView {
    static func drawDetail(_ state: AppState, _ details: DetailCache, into grid: inout Grid, regions: inout Regions) {
        let rect = state.layout.detail
        let title = Strings.detail[state.lang]
        let hint = state.area == .detail ? "" : UIText.detailHint.text[state.lang]
        Box.draw(rect, title: title + hint, focused: state.area == .detail, into: &grid)
        let inner = rect.inner
        guard inner.width > 0 else { return }
        regions.detail = inner
        // the lines in view, and one more to tell whether there is more below
        let key = detailKey(state)
        let lines = details.lines(
            key, width: inner.width, limit: state.detailScroll + inner.height + 1,
            build: { state.detailBlocks }, layout: { DetailLayout.lines($0, width: inner.width, lang: state.lang, limit: $1) })
        for n in 0..<inner.height {
            let index = state.detailScroll + n
            guard index < lines.count else { break }
            let line = lines[index]
            let row = inner.row + n
            if let link = line.link { regions.linkLines.append(Regions.LinkLine(row: row, link: link)) }
            drawDetailLine(index, line, key: key, details, inner: inner, row: row, into: &grid)
            if let terms = state.search?.terms { Highlight.apply(terms, row: row, column: inner.column, width: inner.width, in: &grid) }
            if state.area == .detail, let link = line.link, link == state.linkIndex {
                grid.restyle(row: row, column: inner.column, width: inner.width, style: .selection)
                grid.cursor = (row, inner.column)
            }
        }
        if lines.count > state.detailScroll + inner.height {
            grid.put("↓", row: rect.row + rect.height - 1, column: rect.column + rect.width - 3, style: .muted)
        }
        if state.detailScroll > 0 {
            grid.put("↑", row: rect.row, column: rect.column + rect.width - 3, style: .muted)
        }
    }

    /// What the selected detail depends on (see `DetailCache`).
    static func detailKey(_ state: AppState) -> DetailCache.Key {
        if let ref = state.selectedRef { return DetailCache.Key(ref: ref, bucket: nil, lang: state.lang) }
        return DetailCache.Key(ref: nil, bucket: state.list.bucket(at: state.selectedItem), lang: state.lang)
    }

    /// Draws line `index` of the detail on `row` of the detail area `inner`: copied in when it
    /// was drawn before for this record, width and column, otherwise drawn and kept.
    private static func drawDetailLine(
        _ index: Int, _ line: DetailLine, key: DetailCache.Key, _ details: DetailCache,
        inner: Rect, row: Int, into grid: inout Grid
    ) {
        if let cells = details.cells(key, width: inner.width, column: inner.column, line: index) {
            grid.paste(cells, row: row, column: inner.column)
            return
        }
        var column = inner.column
        for segment in line.segments {
            column += grid.put(segment.text, row: row, column: column, maxWidth: inner.column + inner.width - column, style: segment.style)
        }
        details.keep(
            Array(grid.cells(row: row, column: inner.column, count: inner.width)), key,
            width: inner.width, column: inner.column, line: index)
    }
}
