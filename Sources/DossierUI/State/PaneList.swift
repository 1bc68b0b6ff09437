import DossierCore

/// One row of a pane's list: a group heading (a year, a role group, a case), a record, or —
/// when the timeline is zoomed out — a bucket of events.
public enum ListRow: Sendable, Hashable {
    case heading(Localized)
    case item(RecordRef)
    case bucket(Bucket)

    var isSelectable: Bool {
        if case .heading = self { return false }
        return true
    }
}

/// The rows of one pane, with where each selectable item sits. Built once per dossier.
public struct PaneList: Sendable {
    public let rows: [ListRow]
    /// Row index of each item, in order; selection indexes this array.
    public let itemRows: [Int]
    /// For each item, the index of its group (year, role group, case), for J/K.
    public let itemGroup: [Int]
    /// Where each record sits, so finding it is not a scan of a long list.
    private let itemOfRef: [RecordRef: Int]
    /// Events in the largest bucket (1 when there is none), which scales the buckets' bars:
    /// counted once, not on every frame (a scan of every row at 100k events).
    public let largestBucket: Int

    init(rows: [ListRow]) {
        self.rows = rows
        var itemRows: [Int] = [], itemGroup: [Int] = []
        var group = -1
        var largest = 1
        for (index, row) in rows.enumerated() {
            switch row {
            case .heading: group += 1
            case .bucket(let bucket):
                largest = max(largest, bucket.events.count)
                fallthrough
            case .item:
                itemRows.append(index)
                itemGroup.append(max(group, 0))
            }
        }
        largestBucket = largest
        self.itemRows = itemRows
        self.itemGroup = itemGroup
        var itemOfRef: [RecordRef: Int] = [:]
        itemOfRef.reserveCapacity(itemRows.count)
        for (item, row) in itemRows.enumerated() {
            if case .item(let ref) = rows[row] { itemOfRef[ref] = item }
        }
        self.itemOfRef = itemOfRef
    }

    public var count: Int { itemRows.count }

    public func ref(at item: Int) -> RecordRef? {
        guard item >= 0, item < itemRows.count, case .item(let ref) = rows[itemRows[item]] else { return nil }
        return ref
    }

    public func bucket(at item: Int) -> Bucket? {
        guard item >= 0, item < itemRows.count, case .bucket(let bucket) = rows[itemRows[item]] else { return nil }
        return bucket
    }

    public func item(of ref: RecordRef) -> Int? {
        itemOfRef[ref]
    }

    /// The item shown on a row of the list, if the row is not a heading.
    public func item(atRow row: Int) -> Int? {
        // itemRows is sorted: a binary search, since the views ask for every visible row
        var low = 0, high = itemRows.count
        while low < high {
            let middle = (low + high) / 2
            if itemRows[middle] < row { low = middle + 1 } else { high = middle }
        }
        return low < itemRows.count && itemRows[low] == row ? low : nil
    }

    /// The item showing an event: the event itself, or the bucket that holds it.
    public func item(holdingEvent index: Int) -> Int? {
        itemRows.firstIndex { row in
            switch rows[row] {
            case .item(let ref): return ref == .event(index)
            case .bucket(let bucket): return bucket.events.contains(index)
            case .heading: return false
            }
        }
    }

    /// The first event an item stands for (itself, or its bucket's first).
    public func firstEvent(at item: Int) -> Int? {
        if case .event(let i)? = ref(at: item) { return i }
        return bucket(at: item)?.events.first
    }

    // MARK: the four lists

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
            for group in runs(shown, key: { index in
                let date = store.events[index].date
                return date.year * 100 + (date.month ?? 0)
            }) {
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
                    rows.append(.bucket(Bucket(label: Localized(en: "\(accord.name.en) (\(years))", fr: "\(accord.name.fr) (\(years))"), events: group)))
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

    /// The groups parties are shown in, in this order.
    enum PartyGroup: Int, CaseIterable {
        case claimants, counsel, defence, courts, hosts, others
        var title: Localized {
            switch self {
            case .claimants: return UIText.claimants.text
            case .counsel: return UIText.counselGroup.text
            case .defence: return UIText.defence.text
            case .courts: return UIText.courts.text
            case .hosts: return UIText.hosts.text
            case .others: return UIText.others.text
            }
        }
        static func of(_ party: Party) -> PartyGroup {
            let roles = Set(party.roles)
            if roles.contains(.claimant) { return .claimants }
            // the claimants' lawyers are not "others"
            if roles.contains(.counsel) { return .counsel }
            if roles.contains(.court) { return .courts }
            if !roles.isDisjoint(with: [.host, .dataSource, .client]) { return .hosts }
            if !roles.isDisjoint(with: [.defendant, .authority, .government, .legislator]) { return .defence }
            return .others
        }
    }

    static func parties(_ store: DossierStore, filter: ListFilter = ListFilter()) -> PaneList {
        var rows: [ListRow] = []
        let groupOf = store.parties.map(PartyGroup.of)
        for group in PartyGroup.allCases {
            let members = store.parties.indices.filter { groupOf[$0] == group && filter.matches(.party($0), in: store) }
            guard !members.isEmpty else { continue }
            rows.append(.heading(group.title))
            rows += members.map { .item(.party($0)) }
        }
        return PaneList(rows: rows)
    }

    /// Arguments grouped by case (in date order) and, within a case, by side.
    static func arguments(_ store: DossierStore, filter: ListFilter = ListFilter()) -> PaneList {
        var byCase: [String: [Int]] = [:]
        var cases: [String] = []
        for i in store.arguments.indices where filter.matches(.argument(i), in: store) {
            let caseID = store.arguments[i].caseID
            if byCase[caseID] == nil { cases.append(caseID) }
            byCase[caseID, default: []].append(i)
        }
        // one lookup per case, not two per comparison (an event is a large value to copy)
        cases = cases.map { caseID -> (Int, String) in
            guard case .event(let i)? = store.ref(caseID) else { return (0, caseID) }
            return (store.events[i].date.firstDay, caseID)
        }.sorted { $0 < $1 }.map(\.1)
        var rows: [ListRow] = []
        // one heading per case (J/K step cases); its arguments claimants first, then the
        // defence, then the court, each row showing its side
        for caseID in cases {
            let members = byCase[caseID] ?? []
            let event = store.event(caseID)
            let date = event?.date.description ?? ""
            rows.append(.heading(Localized(en: "\(date) \(event?.title.en ?? caseID)", fr: "\(date) \(event?.title.fr ?? caseID)")))
            for side in Side.allCases {
                rows += members.filter { store.arguments[$0].side == side }.map { .item(.argument($0)) }
            }
        }
        return PaneList(rows: rows)
    }

    static func accords(_ store: DossierStore, filter: ListFilter = ListFilter()) -> PaneList {
        PaneList(rows: store.accords.indices
            .filter { filter.matches(.accord($0), in: store) }
            .sorted { store.accords[$0].inForceFrom < store.accords[$1].inForceFrom }
            .map { .item(.accord($0)) })
    }
}

extension PaneList {
    /// Every source, in the chosen order, under a heading for each year, publisher or kind (so
    /// that J/K step through them).
    static func sources(_ store: DossierStore, filter: ListFilter = ListFilter(), order: SourceOrder = .date) -> PaneList {
        let shown = store.sources.indices.filter { filter.matches(.source($0), in: store) }
        var rows: [ListRow] = []
        var group: Localized?
        for i in store.sourceIndices(shown, sortedBy: order) {
            let source = store.sources[i]
            let heading: Localized
            switch order {
            case .date: heading = Localized(String(source.date.year))
            case .publisher: heading = Localized(source.publisher)
            case .kind: heading = source.kind.label
            }
            if heading != group {
                group = heading
                rows.append(.heading(heading))
            }
            rows.append(.item(.source(i)))
        }
        return PaneList(rows: rows)
    }
}
