import DossierCore

/// Following links and coming back: the back and forward stacks, navigation to a record, and
/// opening on a record or a date (`browse --at`, `t`, `:goto`).
extension AppState {
    var currentLocation: Location? {
        selectedRef.map { Location(pane: pane, ref: $0, overlay: returnableOverlay) }
    }

    mutating func remember(_ here: Location) {
        backStack.append(here)
        if backStack.count > 100 { backStack.removeFirst() }
        forwardStack.removeAll()
    }

    mutating func follow() {
        let targets = links
        guard linkIndex < targets.count else { return }
        let target = targets[linkIndex]
        if case .source(let i) = target {
            // a source cited by a record: its own view, with the full address and who cites it,
            // over the record being read (the Sources pane lists them all)
            overlay = .source(index: i, link: 0, scroll: 0)
            return
        }
        navigate(to: target, remember: true)
    }

    /// Selects a record in its pane; with `remember`, the place left is pushed on the back stack.
    /// A record hidden by a filter shows again: the filter is cleared. A term opens in the
    /// glossary; any other record closes it.
    mutating func navigate(to ref: RecordRef, remember shouldRemember: Bool) {
        guard let target = Pane.showing(ref.kind) else {
            if case .term(let i) = ref { openTerm(i) }
            return
        }
        if case .glossary? = overlay { overlay = nil }
        if paneList(target).item(of: ref) == nil {
            if target == .timeline && zoom != .events { rebuild(.timeline, zoom: .events) }
            if paneList(target).item(of: ref) == nil && !filters[target.rawValue].isEmpty {
                rebuild(target, filter: ListFilter())
            }
        }
        guard let item = paneList(target).item(of: ref) else { return }
        if shouldRemember, let here = currentLocation, here != Location(pane: target, ref: ref) { remember(here) }
        pane = target
        area = .list
        selection[target.rawValue] = item
        linkIndex = 0
        detailScroll = 0
    }

    /// Back (or forward) through the jump list; the place left goes on the other stack.
    mutating func travel(forward: Bool) {
        guard let location = forward ? forwardStack.popLast() : backStack.popLast() else {
            message = UIText.noFurtherHistory.text
            return
        }
        if let here = currentLocation {
            if forward { backStack.append(here) } else { forwardStack.append(here) }
        }
        navigate(to: location.ref, remember: false)
        pane = location.pane
        // a place left from the comparison or the glossary comes back with it open
        overlay = location.overlay
        overlayBelow = nil
    }

    /// Back where a search started (Esc, or a search that found nothing).
    mutating func returnTo(_ origin: Location) {
        navigate(to: origin.ref, remember: false)
        pane = origin.pane
    }

    /// Positions the explorer on a record id or a date before the first frame (`browse --at`).
    /// Returns false when it names neither.
    @discardableResult
    public mutating func open(at target: String) -> Bool {
        if let ref = store.ref(target), ref.isBrowsable {
            navigate(to: ref, remember: false)
        } else if let date = DossierDate(target), let index = store.nearestEvent(to: date) {
            navigate(to: .event(index), remember: false)
        } else {
            return false
        }
        keepSelectionVisible()
        return true
    }

    mutating func gotoDate(_ date: DossierDate) {
        guard let index = store.nearestEvent(to: date) else { return }
        navigate(to: .event(index), remember: true)
        // landing elsewhere than asked is said, not left to be noticed
        let found = store.events[index].date
        if found.firstDay < date.firstDay || found.firstDay > date.lastDay {
            message = UIText.nearestEventInstead(date.description, found.description)
        }
    }
}
