import DossierCore
import Synchronization

/// Whether keys move through the focused pane's list or through the links of its detail.
public enum Area: Sendable, Hashable { case list, detail }

/// What covers the panes, if anything.
public enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    /// Search results grouped by kind, with the chosen one.
    case results(selected: Int)
    /// The guided tour, at a step.
    case tour(step: Int)
    /// A citation just sent to the terminal's clipboard, shown so it can be read and selected.
    case citation(String)
    /// The map of a case's arguments (an event index), scrolled to a line.
    case caseMap(event: Int, scroll: Int)
    /// A source (index into `store.sources`): its full description and the records citing it,
    /// one of them chosen.
    case source(index: Int, link: Int, scroll: Int)
    /// The accords compared: the dimension shown (or at the top, side by side), the chosen link
    /// and the first line shown under the fixed top lines.
    case compare(dimension: Int, link: Int, scroll: Int)
    /// The glossary (`w`, `:glossary`): its list, and the terms opened from it or from links.
    case glossary(GlossaryState)
}

/// The glossary: every term with its one-line definition, narrowed as you type, and the terms
/// opened (from the list or by following links), the last one shown.
public struct GlossaryState: Sendable, Hashable {
    /// Words the list is narrowed to (`/` in the glossary), matched against each term in both
    /// languages, its aliases and its definition, accents and case ignored.
    public var filter = ""
    /// The chosen term, as an index into `store.terms`: it stays chosen when the language (and
    /// so the order) changes.
    public var selected: Int?
    /// The first line of the list in view.
    public var scroll = 0
    /// Terms opened, the last one shown; none: the list is shown.
    public var pages: [TermPage] = []
    /// Whether the list lies under the pages. A term opened straight from a link has none, so
    /// Back from it returns to where the link was.
    public var hasList = true

    public init(filter: String = "", selected: Int? = nil, pages: [TermPage] = [], hasList: Bool = true) {
        self.filter = filter
        self.selected = selected
        self.pages = pages
        self.hasList = hasList
    }
}

/// A term's detail in the glossary: the term, the chosen link and the first line in view.
public struct TermPage: Sendable, Hashable {
    public var term: Int
    public var link = 0
    public var scroll = 0
    public init(term: Int) { self.term = term }
}

/// A line being typed in the status bar.
public struct Prompt: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case gotoDate, search, filter, command
        /// Narrowing the glossary's list as you type.
        case glossary
    }
    public var kind: Kind
    public var input = ""
    public var error: Localized?
    /// Where the search started, to come back to on Esc.
    var origin: Location?
}

/// A place to come back to: a record selected in a pane.
public struct Location: Sendable, Hashable {
    public var pane: Pane
    public var ref: RecordRef
    /// The comparison or the glossary that was open over the pane, to reopen on the way back.
    public var overlay: Overlay? = nil
}

/// The last search: its query, its hits, and which hit `n`/`N` stand on.
public struct SearchState: Sendable, Hashable {
    public var query: String
    public var terms: [String]
    public var hits: [RecordRef]
    public var current: Int?
    /// Every hit of the query, terms included, to narrow the next keystroke's search.
    var allHits: [SearchHit] = []
}

/// What the reader did, and nothing else: everything the explorer shows is a function of this
/// state, and only the reducer (this module's `reduce`) changes it: outside the module every field
/// is read-only. Caches and where things were drawn belong to the `Renderer`.
public struct AppState: Sendable {
    public let store: DossierStore
    /// Each pane's list (all of them built: for tests and tools; the explorer reads `paneList`).
    public var lists: [PaneList] { listBoxes.map(\.list) }
    /// Each pane's list, the ones not shown yet built the first time they are read (at 100,000
    /// events the Arguments and Sources lists took a tenth of a second of the first frame).
    private var listBoxes: [LazyPaneList]
    public internal(set) var lang: Language
    public private(set) var layout: Layout
    public internal(set) var pane: Pane = .timeline
    public internal(set) var area: Area = .list
    /// Selected item of each pane, and the first visible row of each list.
    public internal(set) var selection: [Int]
    public internal(set) var scroll: [Int]
    /// In the detail: the chosen link and the first visible detail line.
    public internal(set) var linkIndex = 0
    public internal(set) var detailScroll = 0
    public internal(set) var backStack: [Location] = []
    public internal(set) var forwardStack: [Location] = []
    public internal(set) var overlay: Overlay?
    public internal(set) var prompt: Prompt?
    public private(set) var filters: [ListFilter]
    public private(set) var zoom: Zoom = .events
    /// The order of the Sources pane (`s`, `:sort`).
    public private(set) var sourceOrder: SourceOrder = .date
    public internal(set) var search: SearchState?
    /// The last search done, kept when Esc clears its highlight or a new search is abandoned, so
    /// that `n`/`N` go on with it (as in less).
    var lastSearch: SearchState?
    public internal(set) var marks: [Character: Location] = [:]
    /// A key waiting for its second half (`m`, `'`, `]`, `[`), and a count being typed.
    public internal(set) var pendingPrefix: Character?
    public internal(set) var count: Int?
    /// The event selected when the timeline was zoomed out from every event: zooming back in
    /// returns to it while the bucket chosen still holds it.
    var zoomOrigin: Int?
    /// A one-line notice in the status bar, until the next key.
    public internal(set) var message: Localized?
    /// Whether the shell has reported the search index built (`Action.searchIndexReady`).
    public internal(set) var searchIndexReady = false
    /// Whether clicks and the wheel are handled (`--mouse`).
    public internal(set) var mouseEnabled = false
    /// The overlay a source view or a citation was opened from (the comparison, the glossary, a
    /// source view): closing it returns there.
    public internal(set) var overlayBelow: Overlay?
    /// Events per year (from the first event's year) on the filtered timeline, for the density
    /// strip: counted when the filter changes, not on every frame.
    public private(set) var yearCounts: [Int] = []
    /// Each accord's place in the order they came into force (by id): its era's colour.
    let eraRanks: [String: Int]

    /// The state the explorer opens in. `mouse`: whether clicks and the wheel are handled;
    /// `notice`: a line for the status bar until the first key (how the terminal is drawn).
    public init(store: DossierStore, lang: Language, width: Int, height: Int, mouse: Bool = false, notice: Localized? = nil) {
        self.store = store
        self.lang = lang
        mouseEnabled = mouse
        message = notice
        eraRanks = Dictionary(
            store.accords.sorted { $0.inForceFrom < $1.inForceFrom }.enumerated().map { ($1.id, $0) },
            uniquingKeysWith: { first, _ in first })
        filters = Array(repeating: ListFilter(), count: Pane.allCases.count)
        listBoxes = Pane.allCases.map { pane in
            pane == .timeline
                ? LazyPaneList(AppState.buildList(pane, store: store, filter: ListFilter(), zoom: .events, sourceOrder: .date))
                : LazyPaneList(building: { AppState.buildList(pane, store: store, filter: ListFilter(), zoom: .events, sourceOrder: .date) })
        }
        layout = Layout(width: width, height: height)
        yearCounts = AppState.countYears(store, filter: ListFilter())
        selection = Array(repeating: 0, count: Pane.allCases.count)
        scroll = Array(repeating: 0, count: Pane.allCases.count)
        if let focus = store.ref(store.info.focus), let item = paneList(.timeline).item(of: focus) {
            selection[Pane.timeline.rawValue] = item
            // open with the focal event in the middle of the list, its context on both sides
            scroll[Pane.timeline.rawValue] = max(0, paneList(.timeline).itemRows[item] - layout.listRows / 2)
        }
        keepSelectionVisible()
    }

    static func buildList(_ pane: Pane, store: DossierStore, filter: ListFilter, zoom: Zoom, sourceOrder: SourceOrder) -> PaneList {
        pane.component.list(store, filter: filter, zoom: zoom, sourceOrder: sourceOrder)
    }

    static func countYears(_ store: DossierStore, filter: ListFilter) -> [Int] {
        guard let first = store.events.first?.date.year, let last = store.events.last?.date.year else { return [] }
        var counts = [Int](repeating: 0, count: last - first + 1)
        let all = filter.isEmpty
        for index in store.events.indices where all || filter.matches(.event(index), in: store) {
            counts[store.events[index].date.year - first] += 1
        }
        return counts
    }

    public var list: PaneList { listBoxes[pane.rawValue].list }

    /// The panes whose list is built (for tests).
    var builtPanes: [Pane] { Pane.allCases.filter { listBoxes[$0.rawValue].builtList != nil } }

    /// A pane's list (built now if it was not yet).
    func paneList(_ pane: Pane) -> PaneList { listBoxes[pane.rawValue].list }
    public var selectedItem: Int { selection[pane.rawValue] }
    public var selectedRef: RecordRef? { list.ref(at: selectedItem) }
    public var filter: ListFilter { filters[pane.rawValue] }

    /// Rebuilds a pane's list after its filter, the zoom or the sources' order changed, keeping
    /// the selection on the same record (or the bucket or nearest record that holds it).
    mutating func rebuild(_ target: Pane, filter: ListFilter? = nil, zoom newZoom: Zoom? = nil, sourceOrder newOrder: SourceOrder? = nil) {
        let index = target.rawValue
        let old = listBoxes[index].list
        let keptRef = old.ref(at: selection[index])
        let keptEvent = old.firstEvent(at: selection[index])
        if let filter {
            filters[index] = filter
            if target == .timeline { yearCounts = AppState.countYears(store, filter: filter) }
        }
        if let newZoom { zoom = newZoom }
        if let newOrder { sourceOrder = newOrder }
        let list = AppState.buildList(target, store: store, filter: filters[index], zoom: zoom, sourceOrder: sourceOrder)
        listBoxes[index] = LazyPaneList(list)
        var item: Int?
        if let keptRef { item = list.item(of: keptRef) }
        if item == nil, target == .timeline, let keptEvent {
            item =
                list.item(holdingEvent: keptEvent)
                ?? list.itemRows.indices.first { (list.firstEvent(at: $0) ?? 0) >= keptEvent }
        }
        selection[index] = item ?? 0
        if target == pane {
            linkIndex = 0
            detailScroll = 0
        }
    }

    /// The detail of the selected record (or bucket), laid out for the detail area's width. The
    /// reducer asks for it only to scroll the detail or to find a link's line; the renderer keeps
    /// the laid-out lines of the records it shows in its own cache.
    public var detailLines: [DetailLine] {
        DetailLayout.lines(detailBlocks, width: layout.detail.inner.width, lang: lang, limit: .max)
    }

    /// The selected record's (or bucket's) detail before layout.
    var detailBlocks: [DetailBlock] { buildDetailBlocks() }

    private func buildDetailBlocks() -> [DetailBlock] {
        if let ref = selectedRef { return store.detail(of: ref, lang) }
        if let bucket = list.bucket(at: selectedItem) {
            let count = bucket.events.count
            var blocks: [DetailBlock] = [
                .heading(bucket.label[lang]),
                .field(label: Strings.events[lang], value: String(count)),
            ]
            blocks += bucket.events.map { .link(.event($0), store.linkLabel(.event($0), lang, alignDates: true)) }
            return blocks
        }
        return []
    }

    /// The records the selected record's detail links to, in order.
    public var links: [RecordRef] {
        detailBlocks.compactMap { if case .link(let target, _) = $0 { return target } else { return nil } }
    }

    mutating func setSize(width: Int, height: Int) {
        layout = Layout(width: width, height: height)
    }

    /// Scrolls the list so the selected row — and the heading just above it — are visible, and the
    /// detail so the chosen link is.
    mutating func keepSelectionVisible(followLink: Bool = true) {
        for index in listBoxes.indices {
            // a list not built yet has never been shown: its selection and scroll are still 0
            guard let list = listBoxes[index].builtList else { continue }
            guard list.count > 0 else { scroll[index] = 0; selection[index] = 0; continue }
            selection[index] = min(max(0, selection[index]), list.count - 1)
            let row = list.itemRows[selection[index]]
            let visible = max(1, layout.listRows - (Pane(rawValue: index) == .timeline ? DensityStrip.rows(layout) : 0))
            var top = scroll[index]
            let wanted = row > 0 && list.itemRows.first != row && !list.rows[row - 1].isSelectable ? row - 1 : row
            if wanted < top { top = wanted }
            if row >= top + visible { top = row - visible + 1 }
            top = min(top, max(0, list.rows.count - visible))
            scroll[index] = max(0, top)
        }
        // the detail keeps its scroll whichever area has the keys, within its lines; in the
        // detail, the chosen link is brought into view unless the detail itself was scrolled;
        // at the top of the list's detail there is nothing to scroll to or clamp: no layout needed
        let followsLink = area == .detail && followLink
        guard detailScroll != 0 || followsLink else { return }
        let lines = detailLines
        let visible = layout.detailRows
        if followsLink, let line = lines.firstIndex(where: { $0.link == linkIndex }) {
            if line < detailScroll { detailScroll = max(0, line - 1) }
            if line >= detailScroll + visible { detailScroll = line - visible + 1 }
        }
        detailScroll = min(max(0, detailScroll), maxDetailScroll(lines))
    }

    /// The last first line that still fills the detail.
    func maxDetailScroll(_ lines: [DetailLine]) -> Int { max(0, lines.count - layout.detailRows) }
}

/// A pane's list, built when first read and never changed after (a new list takes a new box):
/// shared by copies of the state.
final class LazyPaneList: Sendable {
    private let built: Mutex<PaneList?>
    private let build: @Sendable () -> PaneList

    init(_ list: PaneList) {
        built = Mutex(list)
        build = { list }
    }

    init(building build: @escaping @Sendable () -> PaneList) {
        built = Mutex(nil)
        self.build = build
    }

    var list: PaneList {
        if let list = built.withLock({ $0 }) { return list }
        let list = build()
        built.withLock { $0 = list }
        return list
    }

    /// The list, if it was built.
    var builtList: PaneList? { built.withLock { $0 } }
}
