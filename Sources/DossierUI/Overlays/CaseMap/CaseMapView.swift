import DossierCore

/// A case as a map of its arguments (`c`): each claim with the defence's answers and the court's
/// holding on it, who made each and in what role. Stacked on ordinary terminals; from 160
/// columns, claims, answers and holdings side by side, one band per claim.
enum CaseMapView {
    /// The box the map is drawn in: the whole body, between the tabs and the status bar.
    static func box(_ layout: Layout) -> Rect {
        let top = layout.tabs.row + 1
        return Rect(row: top, column: 0, width: layout.width, height: layout.status.row - top)
    }

    /// The lines furthest scroll still fills the box with.
    static func maxScroll(_ state: AppState, event: Int) -> Int {
        let inner = box(state.layout).inner
        return max(0, lines(state, event: event, width: max(1, inner.width - 2)).count - inner.height)
    }

    static func lines(_ state: AppState, event: Int, width: Int) -> [DetailLine] {
        let store = state.store, lang = state.lang
        let map = store.caseMap(ofEvent: event)
        guard width > 4 else { return [] }
        let e = store.events[event]
        var out: [DetailLine] = []
        out += TextLayout.wrap("\(e.date)  \(e.title[lang])", width: width).map { DetailLine($0, .heading) }
        let citation = store.legalCitation(of: .event(event), lang)
        if !citation.hasPrefix(e.title[lang]) {
            out += TextLayout.wrap(citation, width: width).map { DetailLine($0, .muted) }
        }
        out.append(DetailLine(""))
        // three columns from a 160-column terminal: the box's inner width less its two margins
        let sideBySide = width >= Layout.roomyWidth - 4
        func argumentText(_ i: Int) -> String {
            let a = store.arguments[i]
            var text = a.claim[lang]
            if let outcome = a.outcome { text += " — " + Strings.labelled(Strings.outcome[lang], lang) + outcome[lang] }
            return text
        }
        for (n, thread) in map.threads.enumerated() {
            let title = thread.claim == nil ? UIText.caseOther.text[lang] : UIText.caseClaim(String(n + 1))[lang]
            if sideBySide {
                let columnWidth = (width - 6) / 3
                var cells: [[(String, Style)]] = [[], [], []]
                func add(_ index: Int, _ items: [Int], empty: Localized) {
                    if items.isEmpty { cells[index].append((empty[lang], .muted)) }
                    for item in items {
                        for line in TextLayout.wrap(store.authors(ofArgument: item, lang, inCase: map.event), width: columnWidth) {
                            cells[index].append((line, .muted))
                        }
                        for line in TextLayout.wrap(argumentText(item), width: columnWidth) { cells[index].append((line, .normal)) }
                    }
                }
                add(0, thread.claim.map { [$0] } ?? [], empty: UIText.caseUnanswered.text)
                add(1, thread.answers, empty: UIText.caseNoAnswer.text)
                add(2, thread.holdings, empty: UIText.caseNoHolding.text)
                out.append(
                    DetailLine(segments: [
                        .init(text: TextLayout.pad(title, to: columnWidth), style: .heading), .init(text: " │ ", style: .border),
                        .init(text: TextLayout.pad(UIText.caseAnswer.text[lang], to: columnWidth), style: .heading), .init(text: " │ ", style: .border),
                        .init(text: UIText.caseHolding.text[lang], style: .heading),
                    ]))
                for row in 0..<cells.map(\.count).max()! {
                    var segments: [DetailLine.Segment] = []
                    for c in 0..<3 {
                        let cell = row < cells[c].count ? cells[c][row] : ("", .normal)
                        segments.append(.init(text: c < 2 ? TextLayout.pad(cell.0, to: columnWidth) : cell.0, style: cell.1))
                        if c < 2 { segments.append(.init(text: " │ ", style: .border)) }
                    }
                    out.append(DetailLine(segments: segments))
                }
                out.append(DetailLine(String(repeating: "─", count: width), .border))
            } else {
                if let claim = thread.claim {
                    out += TextLayout.wrap("\(title) · \(store.authors(ofArgument: claim, lang, inCase: map.event))", width: width).map {
                        DetailLine($0, .heading)
                    }
                    out += TextLayout.wrap(argumentText(claim), width: width - 2).map { DetailLine("  " + $0) }
                } else {
                    out.append(DetailLine(title, .heading))
                }
                func section(_ label: Localized, _ items: [Int], empty: Localized) {
                    if items.isEmpty {
                        out.append(DetailLine(segments: [.init(text: "  " + label[lang] + " ", style: .title), .init(text: empty[lang], style: .muted)]))
                    }
                    for item in items {
                        out += TextLayout.wrap("\(label[lang]) · \(store.authors(ofArgument: item, lang, inCase: map.event))", width: width - 2).map {
                            DetailLine("  " + $0, .title)
                        }
                        out += TextLayout.wrap(argumentText(item), width: width - 4).map { DetailLine("    " + $0) }
                    }
                }
                section(UIText.caseAnswer.text, thread.answers, empty: UIText.caseNoAnswer.text)
                section(UIText.caseHolding.text, thread.holdings, empty: UIText.caseNoHolding.text)
                out.append(DetailLine(""))
            }
        }
        return out
    }

    static func draw(_ state: AppState, event: Int, scroll: Int, into grid: inout Grid, regions: inout Regions) {
        let rect = box(state.layout)
        guard rect.height >= 3 else { return }
        regions.overlay = rect
        grid.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height)
        let e = state.store.events[event]
        Box.draw(rect, title: UIText.caseMapTitle(e.date.description)[state.lang], focused: true, into: &grid)
        // a cell of margin on each side, so the text never touches the border
        let inner = rect.inner
        let text = Rect(row: inner.row, column: inner.column + 1, width: max(1, inner.width - 2), height: inner.height)
        let content = lines(state, event: event, width: text.width)
        for (n, line) in content.dropFirst(scroll).prefix(inner.height).enumerated() {
            var column = text.column
            for segment in line.segments {
                column += grid.put(segment.text, row: text.row + n, column: column, maxWidth: text.column + text.width - column, style: segment.style)
            }
        }
        if content.count > scroll + inner.height { grid.put("↓", row: rect.row + rect.height - 1, column: rect.column + rect.width - 3, style: .muted) }
        if scroll > 0 { grid.put("↑", row: rect.row, column: rect.column + rect.width - 3, style: .muted) }
    }
}
