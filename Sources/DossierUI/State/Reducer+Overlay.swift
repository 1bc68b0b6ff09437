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
}
