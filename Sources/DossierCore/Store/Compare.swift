/// The accords compared point by point: one row per dimension (`AccordComparison.Dimension`, in
/// display order), one cell per accord (in date order). Computed once here so that the explorer's
/// comparison view, `dossier accords --compare` and the exports never disagree.
public struct ComparisonTable: Sendable, Hashable {
    /// What one accord says on one dimension, in one language.
    public struct Cell: Sendable, Hashable {
        /// The text as a reader sees it: `[[id|words]]` links read as their words.
        public var text: String
        /// The records the text links to, in order of first mention (existing ones only).
        public var links: [RecordRef]
        /// The sources the point rests on (`.source` refs, in the order written).
        public var sources: [RecordRef]
        /// The text states that the point is not known or not established.
        public var unknown: Bool
    }

    public struct Row: Sendable, Hashable {
        public var dimension: AccordComparison.Dimension
        public var label: String
        /// One cell per accord, in the order of `accords`.
        public var cells: [Cell]
    }

    /// The accords compared (`.accord` refs), oldest first.
    public var accords: [RecordRef]
    public var rows: [Row]
}

extension DossierStore {
    /// Indices of the accords in date order: adopted, then in force from, then id.
    public var accordIndicesByDate: [Int] {
        accords.indices.sorted {
            let a = accords[$0], b = accords[$1]
            return (a.adopted, a.inForceFrom, a.id) < (b.adopted, b.inForceFrom, b.id)
        }
    }

    /// The comparison of every accord, by dimension, in one language.
    public func comparison(_ lang: Language) -> ComparisonTable {
        let order = accordIndicesByDate
        let rows = AccordComparison.Dimension.allCases.map { dimension in
            ComparisonTable.Row(
                dimension: dimension, label: dimension.label[lang],
                cells: order.map { i in
                    let cell = accords[i].comparison[dimension]
                    let text = cell.text[lang]
                    var links: [RecordRef] = []
                    for id in OverviewLinks.ids(in: text) {
                        if let ref = ref(id), !links.contains(ref) { links.append(ref) }
                    }
                    let sources = cell.sources.compactMap { id -> RecordRef? in
                        if case .source? = ref(id) { return ref(id) } else { return nil }
                    }
                    return ComparisonTable.Cell(text: plainText(text, lang), links: links, sources: sources, unknown: cell.unknown)
                })
        }
        return ComparisonTable(accords: order.map { .accord($0) }, rows: rows)
    }
}

extension Strings {
    public static let comparison = Localized(en: "Comparison of the accords", fr: "Comparaison des accords")
    public static let dimension = Localized(en: "Dimension", fr: "Point")
    /// The mark of a cell whose text says the point is not known, in words (never colour alone).
    public static let unknownMark = Localized(en: "[not established]", fr: "[non établi]")
    public static let sourcesShort = Localized(en: "Sources", fr: "Sources")
    public static let see = Localized(en: "See", fr: "Voir")

    /// "2000–2015", "2023–" (still in force).
    public static func span(_ accord: Accord) -> String {
        "\(accord.inForceFrom.year)–\(accord.inForceTo.map { String($0.year) } ?? "")"
    }
}
