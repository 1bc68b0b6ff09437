import DossierCore

/// What covers the panes: the help, the search results and the guided tour.
extension AppState {
    mutating func scrollOverlay(_ delta: Int) {
        switch overlay {
        case .help(let scroll)?:
            // bounded by the help box the last frame drew (none drawn yet: no scrolling)
            let limit = regions.help?.maxScroll ?? 0
            overlay = .help(scroll: min(max(0, scroll + delta), limit))
        case .caseMap(let event, let scroll)?:
            overlay = .caseMap(event: event, scroll: min(max(0, scroll + delta), CaseMapView.maxScroll(self, event: event)))
        case .compare?:
            scrollComparison(by: delta)
        case .results(let selected)?:
            let count = search?.hits.count ?? 0
            overlay = .results(selected: min(max(0, selected + delta), max(0, count - 1)))
        default:
            break
        }
    }

    /// Opens the chosen search result (Enter in the results overlay).
    mutating func openResult() {
        guard case .results(let selected)? = overlay, let hits = search?.hits, selected < hits.count else { return }
        overlay = nil
        search?.current = selected
        navigate(to: hits[selected], remember: true)
    }

    mutating func showTourStep(_ step: Int) {
        let steps = store.info.tour
        guard !steps.isEmpty else {
            message = UIText.noTour.text
            return
        }
        guard step < steps.count else {
            overlay = nil
            message = UIText.tourEnd.text
            return
        }
        overlay = .tour(step: step)
        if let ref = store.ref(steps[step].record) { navigate(to: ref, remember: false) }
    }

    /// `c`: the case of the selected argument, or the selected event's own when it has arguments.
    mutating func openCaseMap() {
        let ref = area == .detail && linkIndex < links.count ? links[linkIndex] : selectedRef
        guard let ref, let event = store.caseEvent(of: ref) else {
            message = UIText.noCaseHere.text
            return
        }
        overlay = .caseMap(event: event, scroll: 0)
    }

    // MARK: the source view

    public func sourceLines(_ index: Int) -> [DetailLine] {
        DetailLayout.lines(store.detail(of: .source(index), lang), width: SourceView.box(layout).inner.width, lang: lang)
    }

    mutating func moveSourceLink(by delta: Int) {
        guard case .source(let index, let link, var scroll)? = overlay else { return }
        let lines = sourceLines(index)
        let count = (lines.compactMap(\.link).max() ?? -1) + 1
        guard count > 0 else { return }
        let chosen = min(max(0, link + delta), count - 1)
        let height = SourceView.box(layout).inner.height
        if let line = lines.firstIndex(where: { $0.link == chosen }) {
            if line < scroll { scroll = line }
            if line >= scroll + height { scroll = line - height + 1 }
        }
        overlay = .source(index: index, link: chosen, scroll: scroll)
    }

    mutating func scrollSource(by delta: Int) {
        guard case .source(let index, var link, let scroll)? = overlay else { return }
        let lines = sourceLines(index)
        let height = SourceView.box(layout).inner.height
        let top = min(max(0, scroll + delta), max(0, lines.count - height))
        let window = lines[min(top, lines.count)..<min(top + height, lines.count)]
        if !window.contains(where: { $0.link == link }), let first = window.compactMap(\.link).first { link = first }
        overlay = .source(index: index, link: link, scroll: top)
    }

    mutating func followSourceLink() {
        guard case .source(let index, let link, _)? = overlay else { return }
        let targets = store.detail(of: .source(index), lang).compactMap { block -> RecordRef? in
            if case .link(let ref, _) = block { return ref } else { return nil }
        }
        guard link < targets.count else { return }
        leaveOverlay(for: targets[link])
    }
}
