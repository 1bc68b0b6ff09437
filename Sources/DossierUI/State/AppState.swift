import DossierCore

/// Whether keys move through the focused pane's list or through the links of its detail.
public enum Area: Sendable, Hashable { case list, detail }

/// What covers the panes, if anything.
public enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case gotoDate(input: String, error: Localized?)
}

/// A place to come back to: a record selected in a pane.
public struct Location: Sendable, Hashable {
    public var pane: Pane
    public var ref: RecordRef
}

/// Everything the explorer shows is a function of this state; only `reduce` changes it.
public struct AppState: Sendable {
    public let store: DossierStore
    public let lists: [PaneList]
    public var lang: Language
    public private(set) var layout: Layout
    public var pane: Pane = .timeline
    public var area: Area = .list
    /// Selected item of each pane, and the first visible row of each list.
    public var selection: [Int]
    public var scroll: [Int]
    /// In the detail: the chosen link and the first visible detail line.
    public var linkIndex = 0
    public var detailScroll = 0
    public var backStack: [Location] = []
    public var forwardStack: [Location] = []
    public var overlay: Overlay?
    /// A one-line notice in the status bar, until the next key.
    public var message: Localized?
    public var shouldQuit = false
    /// Set by Ctrl-L: the shell repaints the whole screen and clears it.
    public var redrawRequested = false

    public init(store: DossierStore, lang: Language, width: Int, height: Int) {
        self.store = store
        self.lang = lang
        lists = Pane.allCases.map { pane in
            switch pane {
            case .parties: return PaneList.parties(store)
            case .timeline: return PaneList.timeline(store)
            case .arguments: return PaneList.arguments(store)
            case .accords: return PaneList.accords(store)
            }
        }
        layout = Layout(width: width, height: height)
        selection = Array(repeating: 0, count: Pane.allCases.count)
        scroll = Array(repeating: 0, count: Pane.allCases.count)
        if let focus = store.ref(store.info.focus), let item = lists[Pane.timeline.rawValue].item(of: focus) {
            selection[Pane.timeline.rawValue] = item
            // open with the focal event in the middle of the list, its context on both sides
            scroll[Pane.timeline.rawValue] = max(0, lists[Pane.timeline.rawValue].itemRows[item] - layout.listRows / 2)
        }
        keepSelectionVisible()
    }

    public var list: PaneList { lists[pane.rawValue] }
    public var selectedItem: Int { selection[pane.rawValue] }
    public var selectedRef: RecordRef? { list.ref(at: selectedItem) }

    /// The detail of the selected record, laid out for the detail area's width.
    public var detailLines: [DetailLine] {
        guard let ref = selectedRef else { return [] }
        return DetailLayout.lines(store.detail(of: ref, lang), width: layout.detail.inner.width, lang: lang)
    }

    /// The records the selected record's detail links to, in order.
    public var links: [RecordRef] {
        guard let ref = selectedRef else { return [] }
        return store.detail(of: ref, lang).compactMap { if case .link(let target, _) = $0 { return target } else { return nil } }
    }

    mutating func setSize(width: Int, height: Int) {
        layout = Layout(width: width, height: height)
    }

    /// Scrolls the list so the selected row — and the heading just above it — are visible, and the
    /// detail so the chosen link is.
    mutating func keepSelectionVisible() {
        for index in lists.indices {
            let list = lists[index]
            guard list.count > 0 else { scroll[index] = 0; continue }
            selection[index] = min(max(0, selection[index]), list.count - 1)
            let row = list.itemRows[selection[index]]
            let visible = layout.listRows
            var top = scroll[index]
            let wanted = row > 0 && list.itemRows.first != row && isHeading(list, row - 1) ? row - 1 : row
            if wanted < top { top = wanted }
            if row >= top + visible { top = row - visible + 1 }
            top = min(top, max(0, list.rows.count - visible))
            scroll[index] = max(0, top)
        }
        if area == .detail {
            let lines = detailLines
            guard let line = lines.firstIndex(where: { $0.link == linkIndex }) else { return }
            let visible = layout.detailRows
            if line < detailScroll { detailScroll = max(0, line - 1) }
            if line >= detailScroll + visible { detailScroll = line - visible + 1 }
        } else {
            detailScroll = 0
        }
    }

    private func isHeading(_ list: PaneList, _ row: Int) -> Bool {
        if case .heading = list.rows[row] { return true }
        return false
    }
}
