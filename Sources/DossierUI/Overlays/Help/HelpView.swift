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

    /// The help's box on a screen of `layout`'s size, and its lines at that box's width.
    private static func box(_ state: AppState) -> (rect: Rect, content: [(keys: String, help: String, isTitle: Bool)]) {
        let width = state.layout.width, height = state.layout.height
        let boxWidth = min(width - 2, 90)
        let content = lines(state.lang, width: boxWidth - 2)
        let boxHeight = min(height - 2, content.count + 2)
        return (Rect(row: (height - boxHeight) / 2, column: (width - boxWidth) / 2, width: boxWidth, height: boxHeight), content)
    }

    /// The last first line that still fills the help's box.
    static func maxScroll(_ state: AppState) -> Int {
        // a screen too small for the panes draws no help: nothing to scroll (and no layout of
        // the help's texts at a width they were never meant for)
        guard !state.layout.tooSmall else { return 0 }
        let (rect, content) = box(state)
        return max(0, content.count - rect.inner.height)
    }

    /// Draws the help box.
    static func draw(_ state: AppState, scroll: Int, into grid: inout Grid, regions: inout Regions) {
        let lang = state.lang
        let (rect, content) = box(state)
        let keysWidth = keyColumnWidth
        regions.overlay = rect
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
