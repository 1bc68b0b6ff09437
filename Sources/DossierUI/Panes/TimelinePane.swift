import DossierCore

/// The Timeline pane: every event by date, under its year, or grouped by month, year or accord (the zoom).
enum TimelinePane: PaneComponent {
    static let title = Strings.timeline
    static let kind = RecordKind.event

    static func list(_ store: DossierStore, filter: ListFilter, zoom: Zoom, sourceOrder: SourceOrder) -> PaneList {
        PaneList.timeline(store, filter: filter, zoom: zoom)
    }

    static func drawRow(_ ref: RecordRef, state: AppState, row: Int, inner: Rect, into grid: inout Grid) {
        guard case .event(let i) = ref else { return }
        let store = state.store, lang = state.lang
        let event = store.events[i]
        let (letter, style) = TimelinePane.era(of: event, state)
        var column = inner.column
        column += grid.put(letter, row: row, column: column, style: style)
        column += grid.put(" " + TextLayout.pad(event.date.description, to: 10) + " ", row: row, column: column, maxWidth: inner.width - 1)
        let kindWidth = inner.width >= 50 ? 14 : 0
        if kindWidth > 0 {
            column += grid.put(TextLayout.pad(event.kind.label[lang], to: kindWidth - 1) + " ", row: row, column: column, style: .muted)
        }
        // the certainty in its own column before the title, where a cut never reaches it
        let mark = event.certainty == .verified ? "  " : (event.certainty == .reported ? "? " : "! ")
        column += grid.put(mark, row: row, column: column, maxWidth: inner.column + inner.width - column, style: .title)
        let room = inner.column + inner.width - column
        grid.put(TextLayout.truncate(event.title[lang], to: room), row: row, column: column, maxWidth: room)
    }
}

extension PaneList {
    static func timeline(_ store: DossierStore, filter: ListFilter = ListFilter(), zoom: Zoom = .events) -> PaneList {
        let shown = store.events.indices.filter { filter.matches(.event($0), in: store) }
        var rows: [ListRow] = []
        switch zoom {
        case .events:
            var year: Int?
            for i in shown {
                let eventYear = store.events[i].date.year
                if eventYear != year {
                    year = eventYear
                    rows.append(.heading(Localized(String(eventYear))))
                }
                rows.append(.item(.event(i)))
            }
        case .months:
            var year: Int?
            for group in runs(
                shown,
                key: { index in
                    let date = store.events[index].date
                    return date.year * 100 + (date.month ?? 0)
                })
            {
                let date = store.events[group[0]].date
                if date.year != year {
                    year = date.year
                    rows.append(.heading(Localized(String(date.year))))
                }
                let label = date.month.map { m in "\(date.year)-\(m < 10 ? "0" : "")\(m)" } ?? "\(date.year)"
                rows.append(.bucket(Bucket(label: Localized(label), events: group)))
            }
        case .years:
            var previous: Int?
            for group in runs(shown, key: { store.events[$0].date.year }) {
                let year = store.events[group[0]].date.year
                if let previous, year > previous + 1 {
                    let span = year - 1 > previous + 1 ? "\(previous + 1)–\(year - 1)" : "\(previous + 1)"
                    rows.append(.heading(UIText.noEventsIn(span)))
                }
                previous = year
                rows.append(.bucket(Bucket(label: Localized(String(year)), events: group)))
            }
        case .eras:
            for group in runs(shown, key: { store.accordInForce(on: store.events[$0].date)?.id ?? "none-\(eraIndex(store, $0))" }) {
                let first = store.events[group[0]].date.year, last = store.events[group[group.count - 1]].date.year
                let years = first == last ? "\(first)" : "\(first)–\(last)"
                if let accord = store.accordInForce(on: store.events[group[0]].date) {
                    // an accord's era by its own dates, not those of the events shown
                    rows.append(
                        .bucket(
                            Bucket(
                                label: UIText.eraOfAccord(
                                    accord.name, Localized(Strings.span(accord)),
                                    accord.inForceTo == nil ? UIText.eraInForce.text : Localized("")),
                                events: group)))
                } else {
                    rows.append(.bucket(Bucket(label: UIText.noAccordInForce(years), events: group)))
                }
            }
        }
        return PaneList(rows: rows)
    }

    /// Consecutive runs of items sharing a key.
    private static func runs<K: Equatable>(_ items: [Int], key: (Int) -> K) -> [[Int]] {
        var result: [[Int]] = []
        var currentKey: K?
        for item in items {
            let k = key(item)
            if let currentKey, currentKey == k { result[result.count - 1].append(item) } else { result.append([item]) }
            currentKey = k
        }
        return result
    }

    /// Tells apart the stretches without an accord (before, between and after accords).
    private static func eraIndex(_ store: DossierStore, _ event: Int) -> Int {
        let day = store.events[event].date.firstDay
        return store.accords.filter { $0.inForceFrom.firstDay <= day }.count
    }

}

extension TimelinePane {
    /// The era band of an event: which accord was in force (a letter and a colour), or none.
    static func era(of event: Event, _ state: AppState) -> (String, Style) {
        guard let accord = state.store.accordInForce(on: event.date) else { return ("·", .eraNone) }
        let index = state.eraRanks[accord.id] ?? 0
        let styles: [Style] = [.era0, .era1, .era2]
        // the id's initial (safe-harbor → S, privacy-shield → P, data-privacy-framework → D)
        return (accord.id.prefix(1).uppercased(), styles[index % styles.count])
    }

}
