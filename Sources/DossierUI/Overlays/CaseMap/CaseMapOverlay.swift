import DossierCore

/// The map of a case (`c`): its arguments by side, scrolled.
enum CaseMapOverlay: OverlayComponent {
    static let title = Localized(en: "In a case map (c)", fr: "Dans la carte d’une affaire (c)")

    static let bindings: [OverlayBinding] = [
        OverlayBinding([.character("q"), .escape, .character("c"), .enter], OverlayKeymap.close, hinted: true, .closeOverlay),
        OverlayBinding([.character("j"), .down, .control("e")], OverlayKeymap.scroll, hinted: true, hintKeys: "j/k", .scrollOverlay(1)),
        OverlayBinding([.character("k"), .up, .control("y")], OverlayKeymap.scrollBack, .scrollOverlay(-1)),
        OverlayBinding([.character(" "), .pageDown, .control("d")], OverlayKeymap.pageDown) { .scrollOverlay(OverlayKeymap.page($0, margin: 5)) },
        OverlayBinding([.character("b"), .pageUp, .control("u")], OverlayKeymap.pageUp) { .scrollOverlay(-OverlayKeymap.page($0, margin: 5)) },
        OverlayBinding([.character("g"), .home], OverlayKeymap.top, .scrollOverlay(-1_000_000)),
        OverlayBinding([.character("G"), .end], OverlayKeymap.bottom, .scrollOverlay(1_000_000)),
        OverlayBinding([.character("y")], OverlayKeymap.cite, hinted: true, .copyCitation),
        OverlayBinding([.character("Y")], OverlayKeymap.citeMarkdown, .copyCitationMarkdown),
    ]

    static func update(_ state: inout AppState, _ action: Action) {
        guard case .scrollOverlay(let delta) = action, case .caseMap(let event, let scroll)? = state.overlay else { return }
        state.overlay = .caseMap(event: event, scroll: min(max(0, scroll + delta), CaseMapView.maxScroll(state, event: event)))
    }

    static func draw(_ state: AppState, into grid: inout Grid, regions: inout Regions) {
        guard case .caseMap(let event, let scroll)? = state.overlay else { return }
        CaseMapView.draw(state, event: event, scroll: scroll, into: &grid, regions: &regions)
        grid.cursor = nil
    }
}

extension AppState {
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
