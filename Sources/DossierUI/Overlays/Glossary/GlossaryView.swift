import DossierCore

/// The glossary (`w`, `:glossary`): every term of the dossier in the current language's
/// alphabetical order with its one-line definition, narrowed as you type after `/`. From 60
/// columns the definitions sit in a column beside the terms; narrower, under them. A term opened
/// shows its detail (definition, explanation, related records, the records using it, sources)
/// in the same box, its links followed as the source view's are.
enum GlossaryView {
    /// The line above the list: how many terms are shown, and the filter typed.
    static let headerRows = 2

    /// One line of the list, and the term (index into `store.terms`) it belongs to.
    struct Line: Sendable {
        var line: DetailLine
        var term: Int?
    }

    static func listLines(_ state: AppState, _ glossary: GlossaryState) -> [Line] {
        let width = SourceView.box(state.layout).inner.width
        let store = state.store, lang = state.lang
        let shown = state.glossaryTerms(filter: glossary.filter)
        guard width > 4 else { return [] }
        let longest = shown.map { DisplayWidth.of(store.terms[$0].term[lang]) }.max() ?? 0
        let sideBySide = width >= 60
        let termWidth = min(longest, width / 3)
        var out: [Line] = []
        for i in shown {
            let term = store.terms[i].term[lang], definition = store.terms[i].definition[lang]
            if sideBySide {
                let names = TextLayout.wrap(term, width: termWidth)
                let meanings = TextLayout.wrap(definition, width: width - termWidth - 3)
                for n in 0..<max(names.count, meanings.count) {
                    let name = n < names.count ? names[n] : ""
                    out.append(
                        Line(
                            line: DetailLine(segments: [
                                .init(text: " " + TextLayout.pad(name, to: termWidth) + "  ", style: .title),
                                .init(text: n < meanings.count ? meanings[n] : "", style: .normal),
                            ]), term: i))
                }
            } else {
                for name in TextLayout.wrap(term, width: width - 1) { out.append(Line(line: DetailLine(" " + name, .title), term: i)) }
                for meaning in TextLayout.wrap(definition, width: width - 3) { out.append(Line(line: DetailLine("   " + meaning), term: i)) }
            }
        }
        return out
    }

    static func draw(_ state: AppState, _ glossary: GlossaryState, into grid: inout Grid, regions: inout Regions) {
        let lang = state.lang
        if let page = glossary.pages.last {
            let title = Strings.glossary[lang] + " › " + state.store.terms[page.term].term[lang] + " — " + UIText.termTitle.text[lang]
            SourceView.drawDetail(
                state.termLines(page.term), title: title, link: page.link, scroll: page.scroll,
                layout: state.layout, into: &grid, regions: &regions)
            return
        }
        let rect = SourceView.box(state.layout)
        guard rect.height >= 3 + headerRows else { return }
        regions.overlay = rect
        grid.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height)
        Box.draw(rect, title: Strings.glossary[lang] + " — " + UIText.glossaryTitle.text[lang], focused: true, into: &grid)
        let inner = rect.inner
        let total = state.store.terms.count
        let shown = state.glossaryTerms(filter: glossary.filter).count
        let count =
            glossary.filter.isEmpty
            ? UIText.count(total, one: .termOne, many: .termMany)[lang]
            : UIText.glossaryFiltered(String(shown), String(total), glossary.filter)[lang]
        grid.put(" " + TextLayout.truncate(count, to: inner.width - 1), row: inner.row, column: inner.column, maxWidth: inner.width, style: .muted)
        grid.cursor = nil
        let lines = listLines(state, glossary)
        let top = inner.row + headerRows, rows = inner.height - headerRows
        if lines.isEmpty {
            let empty = total == 0 ? UIText.glossaryEmpty.text[lang] : UIText.glossaryNoMatch.text[lang]
            grid.put(" " + TextLayout.truncate(empty, to: inner.width - 1), row: top, column: inner.column, maxWidth: inner.width, style: .muted)
        }
        for (n, entry) in lines.dropFirst(glossary.scroll).prefix(rows).enumerated() {
            let row = top + n
            if let term = entry.term { regions.overlayLinks.append(Regions.LinkLine(row: row, link: term)) }
            var column = inner.column
            for segment in entry.line.segments {
                column += grid.put(segment.text, row: row, column: column, maxWidth: inner.column + inner.width - column, style: segment.style)
            }
            if entry.term != nil, entry.term == glossary.selected {
                grid.restyle(row: row, column: inner.column, width: inner.width, style: .selection)
                if grid.cursor == nil { grid.cursor = (row, inner.column) }
            }
        }
        if lines.count > glossary.scroll + rows { grid.put("↓", row: rect.row + rect.height - 1, column: rect.column + rect.width - 3, style: .muted) }
        if glossary.scroll > 0 { grid.put("↑", row: rect.row, column: rect.column + rect.width - 3, style: .muted) }
    }
}
