import DossierCore

/// The search results grouped by kind (Ctrl-F), one of them chosen.
enum ResultsOverlay: OverlayComponent {
    static let title = Localized(en: "In the search results (Ctrl-F)", fr: "Dans les résultats de recherche (Ctrl-F)")

    static let bindings: [OverlayBinding] = [
        OverlayBinding([.character("q"), .escape, .control("f")], OverlayKeymap.close, hinted: true, .closeOverlay),
        OverlayBinding(
            [.character("j"), .down], Localized(en: "next result", fr: "résultat suivant"), hinted: true, short: Localized(en: "move", fr: "bouger"),
            hintKeys: "j/k", .scrollOverlay(1)),
        OverlayBinding([.character("k"), .up], Localized(en: "previous result", fr: "résultat précédent"), .scrollOverlay(-1)),
        OverlayBinding([.pageDown], Localized(en: "ten results on", fr: "dix résultats plus loin"), .scrollOverlay(10)),
        OverlayBinding([.pageUp], Localized(en: "ten results back", fr: "dix résultats plus haut"), .scrollOverlay(-10)),
        OverlayBinding([.enter, .character("l"), .right], Localized(en: "open", fr: "ouvrir"), hinted: true, .openResult),
    ]

    static func update(_ state: inout AppState, _ action: Action) {
        switch action {
        case .scrollOverlay(let delta):
            guard case .results(let selected)? = state.overlay else { return }
            let count = state.search?.hits.count ?? 0
            state.overlay = .results(selected: min(max(0, selected + delta), max(0, count - 1)))
        case .openResult:
            state.openResult()
        default:
            break
        }
    }

    static func draw(_ state: AppState, into grid: inout Grid, regions: inout Regions) {
        guard case .results(let selected)? = state.overlay else { return }
        ResultsView.draw(state, selected: selected, into: &grid, regions: &regions)
    }
}

extension AppState {
    /// Opens the chosen search result (Enter in the results overlay).
    mutating func openResult() {
        guard case .results(let selected)? = overlay, let hits = search?.hits, selected < hits.count else { return }
        overlay = nil
        search?.current = selected
        navigate(to: hits[selected], remember: true)
    }
}
