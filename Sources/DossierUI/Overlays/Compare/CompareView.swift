import DossierCore

/// The accords compared point by point (`C` on the Accords pane, `:compare`). From 120 columns,
/// the accords side by side, one block of rows per dimension with its label at the left; below,
/// one dimension at a time with the accords stacked (`J`/`K` step dimensions). Every cell's text
/// is wrapped, never cut; each accord, each record a text links to and each source is a link.
/// The top lines (the accords' names side by side, or which dimension this is) stay in place;
/// the rest scrolls.
enum CompareView {
    static let sideBySideWidth = 120

    /// One laid-out line, and where on it the links are (several side by side).
    struct Line: Sendable, Hashable {
        struct Spot: Sendable, Hashable {
            var link: Int
            /// Columns from the left of the box's inside.
            var column: Int
            var width: Int
        }

        var segments: [DetailLine.Segment] = []
        var spots: [Spot] = []
        var width = 0

        mutating func add(_ text: String, _ style: Style, link: Int? = nil) {
            let w = DisplayWidth.of(text)
            if let link { spots.append(Spot(link: link, column: width, width: w)) }
            segments.append(.init(text: text, style: style))
            width += w
        }

        mutating func pad(to column: Int) {
            if column > width { add(String(repeating: " ", count: column - width), .normal) }
        }
    }

    struct Content {
        /// The lines that stay at the top, and the lines that scroll under them.
        var header: [Line] = []
        var body: [Line] = []
        /// What each link leads to, by link number.
        var targets: [RecordRef] = []
        /// The body line each dimension's block starts on (side by side), to step to it.
        var dimensionStarts: [Int] = []
        /// How many lines each dimension's label takes (side by side): the label of the
        /// dimension `J`/`K` stand on is drawn as the active one, wherever the scroll stopped.
        var dimensionLabelLines: [Int] = []
        var sideBySide = false

        /// The first body line showing a link, if it is in the body.
        func bodyLine(of link: Int) -> Int? { body.firstIndex { $0.spots.contains { $0.link == link } } }
        func headerHas(_ link: Int) -> Bool { header.contains { $0.spots.contains { $0.link == link } } }
    }

    static func box(_ layout: Layout) -> Rect { CaseMapView.box(layout) }

    static func bodyHeight(_ state: AppState, _ content: Content) -> Int {
        max(1, box(state.layout).inner.height - content.header.count)
    }

    static func maxScroll(_ state: AppState, _ content: Content) -> Int {
        max(0, content.body.count - bodyHeight(state, content))
    }

    static func content(_ state: AppState, dimension: Int) -> Content {
        let width = box(state.layout).inner.width
        let table = state.store.comparison(state.lang)
        guard width > 4, !table.accords.isEmpty else { return Content() }
        let labelWidth = min(22, max(14, width / 7))
        let count = table.accords.count
        let columnWidth = (width - labelWidth - 3 * count) / max(1, count)
        if state.layout.width >= sideBySideWidth && columnWidth >= 16 {
            return sideBySide(state, table, width: width, labelWidth: labelWidth, columnWidth: columnWidth)
        }
        return stacked(state, table, dimension: min(max(0, dimension), table.rows.count - 1), width: width)
    }

    /// A cell as pieces of lines: the unknown mark in words, the text, the records it links to,
    /// the sources, each link wrapped to the width (never cut).
    private static func cellLines(_ state: AppState, _ cell: ComparisonTable.Cell, width: Int, content: inout Content) -> [Line] {
        let lang = state.lang, store = state.store
        var lines: [Line] = []
        func plain(_ text: String, _ style: Style) {
            for piece in TextLayout.wrap(text, width: width) { var line = Line(); line.add(piece, style); lines.append(line) }
        }
        func link(_ target: RecordRef, _ label: String) {
            let number = content.targets.count
            content.targets.append(target)
            for (n, piece) in TextLayout.wrap(label, width: width - 2).enumerated() {
                var line = Line()
                line.add((n == 0 ? "→ " : "  ") + piece, .link, link: number)
                lines.append(line)
            }
        }
        if cell.unknown { plain(Strings.unknownMark[lang], .title) }
        plain(cell.text, .normal)
        for target in cell.links { link(target, store.linkLabel(target, lang)) }
        if !cell.sources.isEmpty { plain(Strings.sourcesShort[lang] + Strings.colon[lang], .muted) }
        for source in cell.sources {
            guard case .source(let i) = source else { continue }
            link(source, "\(store.sources[i].publisher), \(store.sources[i].date)")
        }
        return lines
    }

    private static func accordLabel(_ state: AppState, _ ref: RecordRef) -> String {
        guard case .accord(let i) = ref else { return state.store.title(of: ref, state.lang) }
        return "\(state.store.accords[i].name[state.lang]) (\(Strings.span(state.store.accords[i])))"
    }

    private static func sideBySide(_ state: AppState, _ table: ComparisonTable, width: Int, labelWidth: Int, columnWidth: Int) -> Content {
        var content = Content()
        content.sideBySide = true
        /// Lines side by side: the label column, then each column after a `│`.
        func join(_ label: [Line], _ columns: [[Line]]) -> [Line] {
            let height = max(label.count, columns.map(\.count).max() ?? 0)
            return (0..<height).map { row in
                var line = row < label.count ? label[row] : Line()
                for (c, column) in columns.enumerated() {
                    line.pad(to: labelWidth + c * (columnWidth + 3))
                    line.add(" │ ", .border)
                    let start = line.width
                    if row < column.count {
                        for segment in column[row].segments { line.segments.append(segment) }
                        line.spots += column[row].spots.map { Line.Spot(link: $0.link, column: start + $0.column, width: $0.width) }
                        line.width += column[row].width
                    }
                }
                return line
            }
        }
        var rule = Line()
        let ruled =
            String(repeating: "─", count: labelWidth) + String(repeating: "─┼─" + String(repeating: "─", count: columnWidth), count: table.accords.count)
        rule.add(ruled + String(repeating: "─", count: max(0, width - DisplayWidth.of(ruled))), .border)
        var names: [[Line]] = []
        for ref in table.accords {
            let number = content.targets.count
            content.targets.append(ref)
            names.append(
                TextLayout.wrap(accordLabel(state, ref), width: columnWidth).map {
                    var l = Line(); l.add($0, .link, link: number); return l
                })
        }
        content.header = join([], names) + [rule]
        for row in table.rows {
            content.dimensionStarts.append(content.body.count)
            let label = TextLayout.wrap(row.label, width: labelWidth).map {
                var l = Line(); l.add($0, .heading); return l
            }
            content.dimensionLabelLines.append(label.count)
            let columns = row.cells.map { cellLines(state, $0, width: columnWidth, content: &content) }
            content.body += join(label, columns)
            content.body.append(rule)
        }
        return content
    }

    private static func stacked(_ state: AppState, _ table: ComparisonTable, dimension: Int, width: Int) -> Content {
        var content = Content()
        let lang = state.lang
        let row = table.rows[dimension]
        let position = UIText.compareDimension(String(dimension + 1), String(table.rows.count))[lang]
        for piece in TextLayout.wrap(position + " — " + row.label, width: width) {
            var line = Line()
            line.add(piece, .heading)
            content.header.append(line)
        }
        var rule = Line()
        rule.add(String(repeating: "─", count: width), .border)
        content.header.append(rule)
        content.dimensionStarts = [0]
        for (n, (ref, cell)) in zip(table.accords, row.cells).enumerated() {
            if n > 0 { content.body.append(Line()) }
            let number = content.targets.count
            content.targets.append(ref)
            for (k, piece) in TextLayout.wrap(accordLabel(state, ref), width: width - 2).enumerated() {
                var line = Line()
                line.add((k == 0 ? "→ " : "  ") + piece, .link, link: number)
                content.body.append(line)
            }
            for var line in cellLines(state, cell, width: width - 2, content: &content) {
                line.segments.insert(.init(text: "  ", style: .normal), at: 0)
                line.spots = line.spots.map { Line.Spot(link: $0.link, column: $0.column + 2, width: $0.width) }
                line.width += 2
                content.body.append(line)
            }
        }
        return content
    }

    static func draw(_ state: AppState, dimension: Int, link: Int, scroll: Int, into grid: inout Grid, regions: inout Regions) {
        let rect = box(state.layout)
        guard rect.height >= 3 else { return }
        regions.overlay = rect
        grid.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height)
        Box.draw(rect, title: UIText.compareTitle.text[state.lang], focused: true, into: &grid)
        let inner = rect.inner
        let content = content(state, dimension: dimension)
        grid.cursor = nil
        let top = min(scroll, maxScroll(state, content))
        let shown = content.header.prefix(inner.height) + content.body.dropFirst(top).prefix(max(0, inner.height - content.header.count))
        // side by side, the label lines of the dimension J/K stand on (the last ones may not
        // reach the top when the scroll stops at the end)
        var activeLabel = 0..<0
        if content.sideBySide, dimension < content.dimensionStarts.count, dimension < content.dimensionLabelLines.count {
            let start = content.dimensionStarts[dimension]
            activeLabel = start..<(start + content.dimensionLabelLines[dimension])
        }
        for (n, line) in shown.enumerated() {
            let row = inner.row + n
            var column = inner.column
            let bodyLine = n >= content.header.count ? top + n - content.header.count : -1
            for (s, segment) in line.segments.enumerated() {
                let style: Style = s == 0 && activeLabel.contains(bodyLine) ? .focusTitle : segment.style
                column += grid.put(segment.text, row: row, column: column, maxWidth: inner.column + inner.width - column, style: style)
            }
            for spot in line.spots {
                regions.overlayLinks.append(Regions.LinkLine(row: row, link: spot.link, column: inner.column + spot.column, width: spot.width))
                if spot.link == link {
                    grid.restyle(row: row, column: inner.column + spot.column, width: min(spot.width, inner.width - spot.column), style: .selection)
                    if grid.cursor == nil { grid.cursor = (row, inner.column + spot.column) }
                }
            }
        }
        if content.body.count > top + bodyHeight(state, content) {
            grid.put("↓", row: rect.row + rect.height - 1, column: rect.column + rect.width - 3, style: .muted)
        }
        if top > 0 { grid.put("↑", row: rect.row, column: rect.column + rect.width - 3, style: .muted) }
    }
}
