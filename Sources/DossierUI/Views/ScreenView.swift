import DossierCore

/// Renders the whole explorer from its state into a grid. Pure: the same state always gives the
/// same grid, which is what the golden-screen tests rely on.
public enum ScreenView {
    /// A drawn screen: the grid, and where it put what clicks and scrolling care about.
    public struct Frame: Sendable {
        public var grid: Grid
        public var regions: Regions
    }

    /// The frame for `state`. Without the renderer's caches it is drawn from scratch: what tests
    /// compare, and what the caches must give too.
    public static func render(_ state: AppState, caches: RenderCaches = RenderCaches()) -> Grid { frame(state, caches: caches).grid }

    public static func frame(_ state: AppState, caches: RenderCaches = RenderCaches()) -> Frame {
        let layout = state.layout
        var grid = Grid(width: layout.width, height: layout.height)
        var regions = Regions()
        guard !layout.tooSmall else {
            drawTooSmall(state, into: &grid)
            return Frame(grid: grid, regions: regions)
        }
        drawHeader(state, caches.parts, into: &grid)
        drawTabs(state, caches.parts, into: &grid, regions: &regions)
        drawList(state, caches, into: &grid, regions: &regions)
        drawDetail(state, caches.details, into: &grid, regions: &regions)
        drawStatus(state, caches.parts, into: &grid)
        state.overlay?.kind.component.draw(state, into: &grid, regions: &regions)
        return Frame(grid: grid, regions: regions)
    }

    static func drawTooSmall(_ state: AppState, into grid: inout Grid) {
        let need = "\(Layout.minimumWidth)×\(Layout.minimumHeight)"
        let have = "\(state.layout.width)×\(state.layout.height)"
        let text = UIText.tooSmall(need, have)[state.lang]
        let lines = TextLayout.wrap(text, width: grid.width)
        let top = max(0, (grid.height - lines.count) / 2)
        for (n, line) in lines.enumerated() {
            grid.put(line, row: top + n, column: max(0, (grid.width - DisplayWidth.of(line)) / 2), style: .warning)
        }
    }

    static func drawHeader(_ state: AppState, _ parts: PartCache, into grid: inout Grid) {
        // the header depends on the pane, the selection and the last two places left (and how
        // many there are): drawn once for each, then copied in
        let selected = state.selectedRef
        let key = PartCache.Key.header(
            pane: state.pane, lang: state.lang, width: grid.width, ref: selected,
            bucket: selected == nil ? state.list.bucket(at: state.selectedItem)?.label : nil,
            trail: state.backStack.suffix(2).map(\.ref), depth: state.backStack.count)
        let header = parts.part(key) {
            var scratch = Grid(width: grid.width, height: 1)
            drawHeaderRow(state, into: &scratch)
            return PartCache.Part(cells: Array(scratch.cells(row: 0, column: 0, count: grid.width)))
        }
        grid.paste(header.cells, row: 0, column: 0)
    }

    private static func drawHeaderRow(_ state: AppState, into grid: inout Grid) {
        let width = grid.width
        grid.fill(row: 0, column: 0, width: width, height: 1, style: .header)
        // the path that led here: the last places left, then where you are
        var crumb = state.pane.title[state.lang]
        if let ref = state.selectedRef {
            crumb += " › " + state.store.title(of: ref, state.lang)
        } else if let bucket = state.list.bucket(at: state.selectedItem) {
            crumb += " › " + bucket.label[state.lang]
        }
        let trail = state.backStack.suffix(2).map { Shorten.words(state.store.title(of: $0.ref, state.lang), to: 24) }
        if !trail.isEmpty { crumb = trail.joined(separator: " → ") + " → " + crumb }
        if state.backStack.count > 2 { crumb = "◂\(state.backStack.count) " + crumb }
        let title = " dossier · " + state.store.info.title[state.lang]
        let titleWidth = min(DisplayWidth.of(title), width / 2)
        grid.put(Shorten.words(title, to: titleWidth), row: 0, column: 0, maxWidth: titleWidth, style: .header)
        let room = width - titleWidth - 3
        if room > 8 {
            let shown = Shorten.words(crumb, to: room)
            grid.put(shown, row: 0, column: width - DisplayWidth.of(shown) - 1, style: .header)
        }
    }

    static func drawTabs(_ state: AppState, _ parts: PartCache, into grid: inout Grid, regions: inout Regions) {
        let strip = state.layout.tabs
        regions.tabStrip = strip
        let part = parts.part(.tabs(pane: state.pane, lang: state.lang, width: grid.width, strip: strip)) {
            // drawn once on a blank row in the same place, its cells and tabs kept
            var scratch = Grid(width: grid.width, height: max(0, strip.row) + 1)
            var tabs = Regions()
            drawTabStrip(state, into: &scratch, regions: &tabs)
            return PartCache.Part(cells: Array(scratch.cells(row: strip.row, column: 0, count: grid.width)), tabs: tabs.tabs)
        }
        grid.paste(part.cells, row: strip.row, column: 0)
        regions.tabs += part.tabs
    }

    private static func drawTabStrip(_ state: AppState, into grid: inout Grid, regions: inout Regions) {
        let strip = state.layout.tabs
        var column = 1
        for (pane, label) in zip(Pane.allCases, tabLabels(state, width: grid.width)) {
            let focused = pane == state.pane
            let text = focused ? "[\(label)]" : " \(label) "
            let used = grid.put(text, row: strip.row, column: column, style: focused ? .tabActive : .tab)
            regions.tabs.append(Regions.Tab(pane: pane, rect: Rect(row: strip.row, column: column, width: used + 1, height: 1)))
            column += used + 1
        }
        // how current the dossier is, at the right of the tabs when there is room for it (the
        // date alone when its label does not fit: at 80 columns beside five tabs)
        let date = state.store.info.asOf.description
        for asOf in [UIText.asOf(date)[state.lang], date] {
            let asOfColumn = grid.width - DisplayWidth.of(asOf) - 1
            if asOfColumn > column + 1 {
                grid.put(asOf, row: strip.row, column: asOfColumn, style: .tab)
                break
            }
        }
    }

    /// Each tab's label: its key and title ("2 Timeline"); where the five do not fit (50 columns),
    /// the focused tab keeps its title and the others show their key alone.
    static func tabLabels(_ state: AppState, width: Int) -> [String] {
        let full = Pane.allCases.map { "\($0.rawValue + 1) \($0.title[state.lang])" }
        // each tab is its label, two brackets or spaces and a gap; the strip starts at column 1
        let needed = 1 + full.reduce(0) { $0 + DisplayWidth.of($1) + 3 }
        if needed <= width { return full }
        return Pane.allCases.map { $0 == state.pane ? full[$0.rawValue] : String($0.rawValue + 1) }
    }

    // MARK: list

    static func drawList(_ state: AppState, _ caches: RenderCaches, into grid: inout Grid, regions: inout Regions) {
        let rect = state.layout.list
        let list = state.list
        var position = list.count == 0 ? "0/0" : "\(state.selectedItem + 1)/\(list.count)"
        // the Sources pane's order, once it is not the default one (the headings then are not years)
        if state.pane == .sources && state.sourceOrder != .date { position += " · " + UIText.byOrder(state.sourceOrder.label)[state.lang] }
        Box.draw(rect, title: "\(state.pane.title[state.lang]) \(position)", focused: state.area == .list, into: &grid)
        var inner = rect.inner
        regions.list = inner
        if state.pane == .timeline && DensityStrip.rows(state.layout) > 0 {
            let selectedEvent = state.paneList(.timeline).firstEvent(at: state.selection[Pane.timeline.rawValue])
            let key = PartCache.Key.density(
                yearCounts: state.yearCounts, column: inner.column, width: inner.width,
                year: selectedEvent.map { state.store.events[$0].date.year })
            let strip = caches.parts.part(key) {
                // drawn once on a blank row in the same place, its cells kept
                var scratch = Grid(width: inner.column + inner.width, height: 1)
                DensityStrip.draw(state, row: 0, column: inner.column, width: inner.width, into: &scratch)
                return PartCache.Part(cells: Array(scratch.cells(row: 0, column: inner.column, count: inner.width)))
            }
            grid.paste(strip.cells, row: inner.row, column: inner.column)
            inner = Rect(row: inner.row + 1, column: inner.column, width: inner.width, height: inner.height - 1)
        }
        let top = state.scroll[state.pane.rawValue]
        let selectedRow = list.count == 0 ? -1 : list.itemRows[state.selectedItem]
        let peak = list.largestBucket
        if list.count == 0 {
            let empty =
                state.filter.isEmpty
                ? Strings.noResults[state.lang]
                : UIText.listEmptyFiltered.text[state.lang]
            grid.put(TextLayout.truncate(empty, to: inner.width), row: inner.row, column: inner.column, style: .muted)
        }
        for n in 0..<inner.height {
            let index = top + n
            guard index < list.rows.count else { break }
            let row = inner.row + n
            if let item = list.item(atRow: index) { regions.listRows.append(Regions.ListRow(row: row, item: item)) }
            switch list.rows[index] {
            case .bucket(let bucket):
                let selected = index == selectedRow
                let count = bucket.events.count
                // as wide as the widest label, leaving the bar and its count 16 cells
                let labelWidth = max(8, min(list.widestBucketLabel + 3, inner.width - 16))
                let label = TextLayout.pad(" " + Shorten.keepingYears(bucket.label[state.lang], to: labelWidth - 2), to: labelWidth)
                let used = grid.put(label, row: row, column: inner.column, maxWidth: inner.width)
                let noun = (count == 1 ? UIText.eventOne : UIText.eventMany).text[state.lang]
                // as long as the count allows, scaled so the largest bucket fills the room
                let room = max(0, inner.width - used - 16)
                let bar = String(repeating: "■", count: peak <= room ? count : max(1, count * room / peak))
                grid.put("\(bar) \(count) \(noun)", row: row, column: inner.column + used, maxWidth: inner.width - used, style: .accent)
                if selected {
                    grid.restyle(row: row, column: inner.column, width: inner.width, style: state.area == .list ? .selection : .selectionInactive)
                    if state.area == .list { grid.cursor = (row, inner.column) }
                }
            case .heading(let title):
                let timeline = state.pane == .timeline
                let heading = caches.parts.part(.heading(title: title, timeline: timeline, lang: state.lang, column: inner.column, width: inner.width)) {
                    // drawn once on a blank row in the same place, its cells kept
                    var scratch = Grid(width: inner.column + inner.width, height: 1)
                    let text = TextLayout.truncate((timeline ? "── " : "") + title[state.lang], to: inner.width - 1) + " "
                    let used = scratch.put(text, row: 0, column: inner.column, maxWidth: inner.width, style: .heading)
                    if timeline, used < inner.width {
                        scratch.put(String(repeating: "─", count: inner.width - used), row: 0, column: inner.column + used, style: .muted)
                    }
                    return PartCache.Part(cells: Array(scratch.cells(row: 0, column: inner.column, count: inner.width)))
                }
                grid.paste(heading.cells, row: row, column: inner.column)
            case .item(let ref):
                let selected = index == selectedRow
                let key = RowCache.Key(ref: ref, width: inner.width, lang: state.lang, sourceOrder: state.sourceOrder)
                let cells = caches.rows.cells(key) {
                    // drawn once on a blank row in the same place, its cells kept
                    var scratch = Grid(width: inner.column + inner.width, height: 1)
                    drawItem(ref, state: state, row: 0, inner: Rect(row: 0, column: inner.column, width: inner.width, height: 1), into: &scratch)
                    return Array(scratch.cells(row: 0, column: inner.column, count: inner.width))
                }
                grid.paste(cells, row: row, column: inner.column)
                if let terms = state.search?.terms { Highlight.apply(terms, row: row, column: inner.column, width: inner.width, in: &grid) }
                if selected {
                    grid.restyle(
                        row: row, column: inner.column, width: inner.width,
                        style: state.area == .list ? .selection : .selectionInactive)
                    if state.area == .list { grid.cursor = (row, inner.column) }
                }
            }
        }
    }

    /// A list row for a record, drawn by the pane that lists its kind (a term, which no pane
    /// lists, as its name alone).
    static func drawItem(_ ref: RecordRef, state: AppState, row: Int, inner: Rect, into grid: inout Grid) {
        if case .term(let i) = ref {
            grid.put(
                " " + TextLayout.truncate(state.store.terms[i].term[state.lang], to: inner.width - 1), row: row, column: inner.column, maxWidth: inner.width)
        } else if let pane = Pane.showing(ref.kind) {
            pane.component.drawRow(ref, state: state, row: row, inner: inner, into: &grid)
        }
    }

    // MARK: status

    static func drawStatus(_ state: AppState, _ parts: PartCache, into grid: inout Grid) {
        let row = grid.height - 1, lang = state.lang
        grid.fill(row: row, column: 0, width: grid.width, height: 1, style: .statusBar)
        if let prompt = state.prompt {
            let label: String
            let help: String
            switch prompt.kind {
            case .gotoDate:
                label = UIText.gotoLabel.text[lang]
                help = UIText.gotoHelp.text[lang]
            case .search:
                label = " /"
                let count = state.search?.hits.count ?? 0
                help = prompt.input.isEmpty ? "" : "  " + UIText.count(count, one: .matchOne, many: .matchMany)[lang]
            case .filter:
                label = UIText.filterLabel.text[lang]
                help = UIText.filterHelp(FilterKey.keyList)[lang]
            case .command:
                label = " :"
                help = ""
            case .glossary:
                label = UIText.glossaryFilterLabel.text[lang]
                help = UIText.glossaryFilterHelp.text[lang]
            }
            let used = grid.put(label + prompt.input, row: row, column: 0, style: .statusBar)
            grid.cursor = (row, min(used, grid.width - 1))
            let note = prompt.error?[lang] ?? state.message?[lang] ?? help
            grid.put(
                TextLayout.truncate(note, to: max(0, grid.width - used - 1)), row: row, column: used + 1,
                style: prompt.error == nil ? .statusBar : .warning)
            return
        }
        if state.overlay != nil {
            // an overlay's own keys, not the panes' it covers
            if let message = state.message {
                grid.put(TextLayout.truncate(" " + message[lang], to: grid.width), row: row, column: 0, style: .statusBar)
                return
            }
            drawHints(OverlayKeymap.hints(in: state), lang, row: row, from: 0, into: &grid)
            return
        }
        var left = " \(state.pane.title[lang]) "
        if state.list.count > 0 { left += "\(state.selectedItem + 1)/\(state.list.count) " }
        if case .event(let i)? = state.selectedRef {
            left += "│ " + (state.store.accordInForce(on: state.store.events[i].date)?.name[lang] ?? Strings.noEraAccord[lang]) + " "
        }
        if state.pane == .timeline && state.zoom != .events { left += "│ " + Strings.labelled(UIText.zoomWord.text[lang], lang) + state.zoom.label[lang] + " " }
        if !state.filter.isEmpty { left += "│ " + Strings.labelled(UIText.filterWord.text[lang], lang) + state.filter.description + " " }
        if let count = state.count { left += "│ \(count) " }
        if let prefix = state.pendingPrefix { left += "│ \(prefix)… " }
        var column = grid.put(left, row: row, column: 0, style: .statusBar)
        if let message = state.message {
            grid.put("│ " + message[lang], row: row, column: column, style: .statusBar)
            return
        }
        column += grid.put("│", row: row, column: column, style: .statusBar)
        let group = state.groupWord
        let hints = parts.part(.hints(area: state.area, pane: state.pane, group: group, lang: lang, column: column, width: grid.width)) {
            // drawn once on a status bar of the same width, from the same column
            var scratch = Grid(width: grid.width, height: 1)
            scratch.fill(row: 0, column: 0, width: grid.width, height: 1, style: .statusBar)
            drawHints(Keymap.hints(area: state.area, pane: state.pane, group: group), lang, row: 0, from: column, into: &scratch)
            return PartCache.Part(cells: Array(scratch.cells(row: 0, column: column, count: grid.width - column)))
        }
        grid.paste(hints.cells, row: row, column: column)
    }

    /// Key hints from `column` on, as many whole ones as fit.
    private static func drawHints(_ hints: [(keys: String, label: Localized)], _ lang: Language, row: Int, from column: Int, into grid: inout Grid) {
        var column = column
        for hint in hints {
            let text = " \(KeyNames.localized(hint.keys, lang)) \(hint.label[lang]) "
            guard column + DisplayWidth.of(text) <= grid.width else { break }
            column += grid.put(text, row: row, column: column, style: .statusBar)
        }
    }
}
