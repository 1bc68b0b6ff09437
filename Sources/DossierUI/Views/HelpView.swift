import DossierCore

/// The `?` overlay, generated from the keymap and grouped by purpose.
public enum HelpView {
    /// The help's lines for a text width: group titles, then each binding's keys and its help,
    /// wrapped under the help column when it is long; then each overlay's own keys.
    static func lines(_ lang: Language, width: Int = 80) -> [(keys: String, help: String, isTitle: Bool)] {
        let keysWidth = keyColumnWidth
        var lines: [(String, String, Bool)] = []
        func section(_ title: String, _ rows: [(keys: [Key], help: String)]) {
            if !lines.isEmpty { lines.append(("", "", false)) }
            lines.append((title, "", true))
            for row in rows {
                let wrapped = TextLayout.wrap(row.help, width: max(10, width - keysWidth - 3))
                let keys = keyLines(row.keys.map { KeyNames.localized($0.name, lang) }, width: keysWidth)
                for n in 0..<max(wrapped.count, keys.count) {
                    lines.append((n < keys.count ? keys[n] : "", n < wrapped.count ? wrapped[n] : "", false))
                }
            }
        }
        for group in KeyGroup.allCases {
            section(group.title[lang], Keymap.bindings.filter { $0.group == group }.map { ($0.keys, $0.help[lang]) })
        }
        for kind in OverlayKind.allCases {
            section(kind.title[lang], OverlayKeymap.bindings(kind).map { ($0.keys, $0.label[lang]) })
        }
        return lines
    }

    static let keyColumnWidth = 20

    /// Key names laid into the key column, on further lines when they do not fit on one, so
    /// that no key's name is cut ("q Esc C h ← Backspace").
    static func keyLines(_ names: [String], width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for name in names {
            let longer = current.isEmpty ? name : current + " " + name
            if current.isEmpty || DisplayWidth.of(longer) <= width {
                current = longer
            } else {
                lines.append(current)
                current = name
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Draws the help box and publishes it with its line count, which bounds the scroll.
    static func draw(_ state: AppState, scroll: Int, into grid: inout Grid, regions: inout Regions) {
        let lang = state.lang
        let boxWidth = min(grid.width - 2, 90)
        let content = lines(lang, width: boxWidth - 2)
        let keysWidth = keyColumnWidth
        let boxHeight = min(grid.height - 2, content.count + 2)
        let rect = Rect(row: (grid.height - boxHeight) / 2, column: (grid.width - boxWidth) / 2, width: boxWidth, height: boxHeight)
        regions.overlay = rect
        regions.help = Regions.Help(box: rect, lineCount: content.count)
        grid.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height)
        let title = UIText.helpTitle.text[lang]
        Box.draw(rect, title: title, focused: true, into: &grid)
        let inner = rect.inner
        let visible = Array(content.dropFirst(scroll).prefix(inner.height))
        // where you are in it: "12–40 of 96", on the bottom border
        if !visible.isEmpty, rect.width > 12 {
            let position = " " + UIText.helpPosition(String(scroll + 1), String(scroll + visible.count), String(content.count))[lang] + " "
            let width = DisplayWidth.of(position)
            if width + 4 <= rect.width {
                grid.put(position, row: rect.row + rect.height - 1, column: rect.column + rect.width - width - 2, style: .focusTitle)
            }
        }
        for (n, line) in visible.enumerated() {
            let row = inner.row + n
            if line.isTitle {
                grid.put(" " + line.keys, row: row, column: inner.column, maxWidth: inner.width, style: .heading)
            } else if !line.help.isEmpty || !line.keys.isEmpty {
                grid.put(" " + TextLayout.pad(line.keys, to: keysWidth), row: row, column: inner.column, maxWidth: inner.width, style: .accent)
                grid.put(line.help, row: row, column: inner.column + keysWidth + 2, maxWidth: inner.width - keysWidth - 2)
            }
        }
    }
}
