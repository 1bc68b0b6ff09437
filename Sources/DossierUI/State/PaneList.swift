import DossierCore

/// One row of a pane's list: a group heading (a year, a role group, a case) or a record.
public enum ListRow: Sendable, Hashable {
    case heading(Localized)
    case item(RecordRef)
}

/// The rows of one pane, with where each selectable item sits. Built once per dossier.
public struct PaneList: Sendable {
    public let rows: [ListRow]
    /// Row index of each item, in order; selection indexes this array.
    public let itemRows: [Int]
    /// For each item, the index of its group (year, role group, case), for J/K.
    public let itemGroup: [Int]

    init(rows: [ListRow]) {
        self.rows = rows
        var itemRows: [Int] = [], itemGroup: [Int] = []
        var group = -1
        for (index, row) in rows.enumerated() {
            switch row {
            case .heading: group += 1
            case .item:
                itemRows.append(index)
                itemGroup.append(max(group, 0))
            }
        }
        self.itemRows = itemRows
        self.itemGroup = itemGroup
    }

    public var count: Int { itemRows.count }

    public func ref(at item: Int) -> RecordRef? {
        guard item >= 0, item < itemRows.count, case .item(let ref) = rows[itemRows[item]] else { return nil }
        return ref
    }

    public func item(of ref: RecordRef) -> Int? {
        itemRows.firstIndex { rows[$0] == .item(ref) }
    }

    // MARK: the four lists

    static func timeline(_ store: DossierStore) -> PaneList {
        var rows: [ListRow] = []
        var year: Int?
        for (i, event) in store.events.enumerated() {
            if event.date.year != year {
                year = event.date.year
                rows.append(.heading(Localized(String(event.date.year))))
            }
            rows.append(.item(.event(i)))
        }
        return PaneList(rows: rows)
    }

    /// The groups parties are shown in, in this order.
    enum PartyGroup: Int, CaseIterable {
        case claimants, defence, courts, hosts, others
        var title: Localized {
            switch self {
            case .claimants: return Localized(en: "Claimants", fr: "Requérants")
            case .defence: return Localized(en: "Defence and authorities", fr: "Défense et autorités")
            case .courts: return Localized(en: "Courts", fr: "Juridictions")
            case .hosts: return Localized(en: "Hosts and data sources", fr: "Hébergeurs et sources de données")
            case .others: return Localized(en: "Others", fr: "Autres")
            }
        }
        static func of(_ party: Party) -> PartyGroup {
            let roles = Set(party.roles)
            if roles.contains(.claimant) { return .claimants }
            if roles.contains(.court) { return .courts }
            if !roles.isDisjoint(with: [.host, .dataSource, .client]) { return .hosts }
            if !roles.isDisjoint(with: [.defendant, .authority, .government, .legislator]) { return .defence }
            return .others
        }
    }

    static func parties(_ store: DossierStore) -> PaneList {
        var rows: [ListRow] = []
        for group in PartyGroup.allCases {
            let members = store.parties.indices.filter { PartyGroup.of(store.parties[$0]) == group }
            guard !members.isEmpty else { continue }
            rows.append(.heading(group.title))
            rows += members.map { .item(.party($0)) }
        }
        return PaneList(rows: rows)
    }

    /// Arguments grouped by case (in date order) and, within a case, by side.
    static func arguments(_ store: DossierStore) -> PaneList {
        var rows: [ListRow] = []
        var cases: [String] = []
        for argument in store.arguments where !cases.contains(argument.caseID) { cases.append(argument.caseID) }
        cases.sort { (store.event($0)?.date.firstDay ?? 0, $0) < (store.event($1)?.date.firstDay ?? 0, $1) }
        for caseID in cases {
            for side in Side.allCases {
                let members = store.arguments.indices.filter { store.arguments[$0].caseID == caseID && store.arguments[$0].side == side }
                guard !members.isEmpty else { continue }
                let event = store.event(caseID)
                let date = event?.date.description ?? ""
                rows.append(.heading(Localized(en: "\(date) \(event?.title.en ?? caseID) — \(side.label.en)",
                                               fr: "\(date) \(event?.title.fr ?? caseID) — \(side.label.fr)")))
                rows += members.map { .item(.argument($0)) }
            }
        }
        return PaneList(rows: rows)
    }

    static func accords(_ store: DossierStore) -> PaneList {
        PaneList(rows: store.accords.indices
            .sorted { store.accords[$0].inForceFrom < store.accords[$1].inForceFrom }
            .map { .item(.accord($0)) })
    }
}
