import DossierCore

/// The `?` overlay, generated from the keymap and grouped by purpose.
public enum HelpView {
    static func lines(_ lang: Language) -> [(keys: String, help: String, isTitle: Bool)] {
        var lines: [(String, String, Bool)] = []
        for group in KeyGroup.allCases {
            if !lines.isEmpty { lines.append(("", "", false)) }
            lines.append((group.title[lang], "", true))
            for binding in Keymap.bindings where binding.group == group {
                lines.append((binding.keys.map(\.name).joined(separator: " "), binding.help[lang], false))
            }
        }
        return lines
    }

    public static func lineCount(_ lang: Language) -> Int { lines(lang).count }

    static func draw(_ state: AppState, scroll: Int, into grid: inout Grid) {
        let lang = state.lang
        let content = lines(lang)
        let keysWidth = min(22, content.map { DisplayWidth.of($0.keys) }.max() ?? 10)
        let boxWidth = min(grid.width - 2, 84)
        let boxHeight = min(grid.height - 2, content.count + 4)
        let rect = Rect(row: (grid.height - boxHeight) / 2, column: (grid.width - boxWidth) / 2, width: boxWidth, height: boxHeight)
        grid.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height)
        let title = lang == .en ? "Help — ? or Esc closes, j/k scroll" : "Aide — ? ou Échap pour fermer, j/k pour défiler"
        Box.draw(rect, title: title, focused: true, into: &grid)
        let inner = rect.inner
        let visible = Array(content.dropFirst(scroll).prefix(inner.height))
        for (n, line) in visible.enumerated() {
            let row = inner.row + n
            if line.isTitle {
                grid.put(" " + line.keys, row: row, column: inner.column, maxWidth: inner.width, style: .heading)
            } else if !line.keys.isEmpty {
                grid.put(" " + TextLayout.pad(line.keys, to: keysWidth), row: row, column: inner.column, maxWidth: inner.width, style: .accent)
                grid.put(line.help, row: row, column: inner.column + keysWidth + 3, maxWidth: inner.width - keysWidth - 3)
            }
        }
    }
}
