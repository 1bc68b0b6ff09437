import DossierCore

/// Draws box borders. The focused box uses double lines so focus shows without colour.
enum Box {
    static func draw(_ rect: Rect, title: String, focused: Bool, into grid: inout Grid) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let (h, v, tl, tr, bl, br) = focused ? ("═", "║", "╔", "╗", "╚", "╝") : ("─", "│", "┌", "┐", "└", "┘")
        let style: Style = focused ? .focusBorder : .border
        let right = rect.column + rect.width - 1, bottom = rect.row + rect.height - 1
        // every line character is one narrow cell: set cell by cell, as `put` would
        func line(_ row: Int, _ left: String, _ right: String) {
            let first = Cell(text: left, style: style, width: 1), middle = Cell(text: h, style: style, width: 1)
            let last = Cell(text: right, style: style, width: 1)
            let start = max(0, rect.column)
            for n in 0..<max(0, min(grid.width, rect.column + rect.width) - start) {
                grid.put(cell: n == 0 ? first : (n == rect.width - 1 ? last : middle), row: row, column: start + n)
            }
        }
        line(rect.row, tl, tr)
        let side = Cell(text: v, style: style, width: 1)
        for r in (rect.row + 1)..<bottom {
            grid.put(cell: side, row: r, column: rect.column)
            grid.put(cell: side, row: r, column: right)
        }
        line(bottom, bl, br)
        if !title.isEmpty && rect.width > 6 {
            let shown = " " + TextLayout.truncate(title, to: rect.width - 6) + " "
            grid.put(shown, row: rect.row, column: rect.column + 2, maxWidth: rect.width - 4, style: focused ? .focusTitle : .title)
        }
    }
}
