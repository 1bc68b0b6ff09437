import DossierCore

/// Parts of the frame that stay the same from one key to the next — the status bar's key
/// hints, the tab strip, the header, the lists' headings, the timeline's density strip — drawn once for what they depend on and copied in
/// (a `j` used to measure, cut and draw them all again). Everything a part depends on is in its
/// key; the store never changes. Shared by the renderer's frames; bounded.
final class PartCache: Sendable {
    enum Key: Hashable {
        /// The key hints from `column` to the end of the status bar.
        case hints(area: Area, pane: Pane, group: Localized?, lang: Language, column: Int, width: Int)
        /// The row of tabs.
        case tabs(pane: Pane, lang: Language, width: Int, strip: Rect)
        /// A heading of a list (a year on the timeline, with its rule), `width` cells from `column`.
        case heading(title: Localized, timeline: Bool, lang: Language, column: Int, width: Int)
        /// The timeline's density strip for these counts per year, the selected event's year marked.
        case density(yearCounts: [Int], column: Int, width: Int, year: Int?)
        /// The header: the dossier's title, then where you are (the selected record or bucket,
        /// after the last places left and how many there are).
        case header(pane: Pane, lang: Language, width: Int, ref: RecordRef?, bucket: Localized?, trail: [RecordRef], depth: Int)
    }

    /// The cells of a part, and the tabs it holds (for the tab strip).
    struct Part {
        var cells: [Cell]
        var tabs: [Regions.Tab] = []
    }

    /// A header per record seen, among others: a few hundred parts cover a reading session.
    private let parts = BoundedCache<Key, Part>(capacity: 256)

    func part(_ key: Key, draw: () -> Part) -> Part { parts.value(key, make: draw) }
}
