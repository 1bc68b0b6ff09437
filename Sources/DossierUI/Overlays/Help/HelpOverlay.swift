import DossierCore

/// The help (`?`): every key, scrolled.
enum HelpOverlay: OverlayComponent {
    static let title = Localized(en: "In the help (?)", fr: "Dans l’aide (?)")

    static let bindings: [OverlayBinding] = [
        OverlayBinding([.character("q"), .character("?"), .function(1), .escape, .enter], OverlayKeymap.close, hinted: true, .closeOverlay),
        OverlayBinding([.character("j"), .down], OverlayKeymap.scroll, hinted: true, hintKeys: "j/k", .scrollOverlay(1)),
        OverlayBinding([.character("k"), .up], OverlayKeymap.scrollBack, .scrollOverlay(-1)),
        OverlayBinding([.character(" "), .pageDown], OverlayKeymap.pageDown, hinted: true, short: Localized(en: "page", fr: "page")) {
            .scrollOverlay(OverlayKeymap.page($0, margin: 5))
        },
        OverlayBinding([.pageUp], OverlayKeymap.pageUp) { .scrollOverlay(-OverlayKeymap.page($0, margin: 5)) },
    ]

    static func update(_ state: inout AppState, _ action: Action) {
        guard case .scrollOverlay(let delta) = action, case .help(let scroll)? = state.overlay else { return }
        state.overlay = .help(scroll: min(max(0, scroll + delta), HelpView.maxScroll(state)))
    }

    static func draw(_ state: AppState, into grid: inout Grid, regions: inout Regions) {
        guard case .help(let scroll)? = state.overlay else { return }
        HelpView.draw(state, scroll: scroll, into: &grid, regions: &regions)
        grid.cursor = nil
    }
}
