import DossierCore

/// What covers the panes: the help, the search results and the guided tour.
extension AppState {
    mutating func scrollOverlay(_ delta: Int) {
        switch overlay {
        case .help(let scroll)?:
            overlay = .help(scroll: min(max(0, scroll + delta), HelpView.maxScroll(self)))
        case .caseMap(let event, let scroll)?:
            overlay = .caseMap(event: event, scroll: min(max(0, scroll + delta), CaseMapView.maxScroll(self, event: event)))
        case .compare?:
            scrollComparison(by: delta)
        case .glossary?:
            scrollGlossary(by: delta)
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
        // a term has no pane to show beside the tour's text
        if let ref = store.ref(steps[step].record), ref.kind != .term { navigate(to: ref, remember: false) }
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
        guard case .source(let index, let link, let scroll)? = overlay else {
            moveGlossary(by: delta)
            return
        }
        let moved = OverlayDetail.moveLink(sourceLines(index), link: link, scroll: scroll, height: SourceView.box(layout).inner.height, by: delta)
        overlay = .source(index: index, link: moved.link, scroll: moved.scroll)
    }

    mutating func scrollSource(by delta: Int) {
        guard case .source(let index, let link, let scroll)? = overlay else {
            scrollGlossary(by: delta)
            return
        }
        let moved = OverlayDetail.scroll(sourceLines(index), link: link, scroll: scroll, height: SourceView.box(layout).inner.height, by: delta)
        overlay = .source(index: index, link: moved.link, scroll: moved.scroll)
    }

    mutating func followSourceLink() {
        guard case .source(let index, let link, _)? = overlay else {
            followGlossary()
            return
        }
        let targets = store.detail(of: .source(index), lang).compactMap { block -> RecordRef? in
            if case .link(let ref, _) = block { return ref } else { return nil }
        }
        guard link < targets.count else { return }
        leaveOverlay(for: targets[link])
    }
}
