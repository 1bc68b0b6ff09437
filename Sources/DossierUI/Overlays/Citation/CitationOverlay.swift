import DossierCore

/// A citation just made (`y`), shown so it can be read and selected.
enum CitationOverlay: OverlayComponent {
    static let title = Localized(en: "In a citation (y)", fr: "Dans une citation (y)")

    static let bindings: [OverlayBinding] = [
        OverlayBinding([.character("q"), .escape, .enter, .character("y")], OverlayKeymap.close, hinted: true, .closeOverlay),
        OverlayBinding([.character("Y")], OverlayKeymap.citeMarkdown, hinted: true, short: Localized(en: "Markdown", fr: "Markdown"), .copyCitationMarkdown),
    ]

    static func draw(_ state: AppState, into grid: inout Grid, regions: inout Regions) {
        guard case .citation(let text)? = state.overlay else { return }
        CitationView.draw(state, text: text, into: &grid, regions: &regions)
        grid.cursor = nil
    }
}
