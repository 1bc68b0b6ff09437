import DossierCore

/// The citation `y` sent to the clipboard, shown over the panes so that it can be read, and
/// selected with the terminal's own selection when OSC 52 was refused. The text starts at the
/// first column with no border beside it, so that a selection copies only the citation.
enum CitationView {
    static func draw(_ state: AppState, text: String, into grid: inout Grid, regions: inout Regions) {
        let lang = state.lang
        let top = state.layout.tabs.row + 1
        let bottom = state.layout.status.row  // the status bar stays visible
        let width = grid.width
        let lines = TextLayout.wrap(text, width: width)
        let height = min(bottom - top, lines.count + 2)
        guard height >= 3 else { return }
        let rect = Rect(row: top, column: 0, width: width, height: height)
        regions.overlay = rect
        grid.fill(row: rect.row, column: 0, width: width, height: height)
        let title = "─ " + UIText.citationTitle.text[lang] + " "
        let used = grid.put(TextLayout.truncate(title, to: width), row: rect.row, column: 0, style: .focusTitle)
        if used < width { grid.put(String(repeating: "─", count: width - used), row: rect.row, column: used, style: .focusBorder) }
        let shown = lines.prefix(height - 2)
        for (n, line) in shown.enumerated() {
            grid.put(line, row: rect.row + 1 + n, column: 0, maxWidth: width, style: n == 0 ? .title : .normal)
        }
        let last = rect.row + height - 1
        // what happened to it, where the eye is (the status bar may be too narrow to say it all)
        let mark = (shown.count < lines.count ? "─ … " : "─ ") + UIText.citationSent.text[lang] + " "
        let note = grid.put(TextLayout.truncate(mark, to: width), row: last, column: 0, style: .focusTitle)
        if note < width { grid.put(String(repeating: "─", count: width - note), row: last, column: note, style: .focusBorder) }
    }
}
