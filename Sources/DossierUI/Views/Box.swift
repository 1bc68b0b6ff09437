import DossierCore

/// Draws box borders. The focused box uses double lines so focus shows without colour.
enum Box {
    static func draw(_ rect: Rect, title: String, focused: Bool, into grid: inout Grid) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let (h, v, tl, tr, bl, br) = focused ? ("═", "║", "╔", "╗", "╚", "╝") : ("─", "│", "┌", "┐", "└", "┘")
        let style: Style = focused ? .focusBorder : .border
        let right = rect.column + rect.width - 1, bottom = rect.row + rect.height - 1
        grid.put(tl + String(repeating: h, count: rect.width - 2) + tr, row: rect.row, column: rect.column, maxWidth: rect.width, style: style)
        for r in (rect.row + 1)..<bottom {
            grid.put(v, row: r, column: rect.column, style: style)
            grid.put(v, row: r, column: right, style: style)
        }
        grid.put(bl + String(repeating: h, count: rect.width - 2) + br, row: bottom, column: rect.column, maxWidth: rect.width, style: style)
        if !title.isEmpty && rect.width > 6 {
            let shown = " " + TextLayout.truncate(title, to: rect.width - 6) + " "
            grid.put(shown, row: rect.row, column: rect.column + 2, maxWidth: rect.width - 4, style: focused ? .focusTitle : .title)
        }
    }
}

