import DossierCore

/// The accords compared (`C`, `:compare`), dimension by dimension.
enum CompareOverlay: OverlayComponent {
    static let title = Localized(en: "In the accords compared (C, :compare)", fr: "Dans les accords comparés (C,\u{00A0}:compare)")

    static let bindings: [OverlayBinding] =
        [
            OverlayBinding([.character("q"), .escape, .character("C"), .character("h"), .left, .backspace], OverlayKeymap.close, hinted: true, .closeOverlay),
            OverlayBinding(
                [.character("J"), .character("}"), .tab], Localized(en: "next dimension", fr: "point suivant"), hinted: true,
                short: Localized(en: "dimension", fr: "point"), hintKeys: "J/K", .stepDimension(1)),
            OverlayBinding([.character("K"), .character("{"), .backTab], Localized(en: "previous dimension", fr: "point précédent"), .stepDimension(-1)),
        ] + OverlayKeymap.linkBindings + [
            OverlayBinding([.character(" "), .pageDown, .control("d")], OverlayKeymap.pageDown, hinted: true, short: OverlayKeymap.scroll, hintKeys: "Space/b")
            {
                .overlayLines(OverlayKeymap.page($0, margin: 7))
            },
            OverlayBinding([.character("b"), .pageUp, .control("u")], OverlayKeymap.pageUp) { .overlayLines(-OverlayKeymap.page($0, margin: 7)) },
            OverlayBinding([.character("g"), .home], OverlayKeymap.top, .overlayLines(-1_000_000)),
            OverlayBinding([.character("G"), .end], OverlayKeymap.bottom, .overlayLines(1_000_000)),
            OverlayBinding(
                [.character("y")], Localized(en: "cite the chosen link’s record or source", fr: "citer l’élément ou la source du lien choisi"), .copyCitation),
            OverlayBinding([.character("Y")], OverlayKeymap.citeMarkdown, .copyCitationMarkdown),
        ]

    static func update(_ state: inout AppState, _ action: Action) {
        switch action {
        case .overlayLink(let delta): state.moveComparisonLink(by: delta)
        case .overlayLines(let delta), .scrollOverlay(let delta): state.scrollComparison(by: delta)
        case .followOverlayLink: state.followComparisonLink()
        case .stepDimension(let delta): state.stepDimension(by: delta)
        default: break
        }
    }

    static func draw(_ state: AppState, into grid: inout Grid, regions: inout Regions) {
        guard case .compare(let dimension, let link, let scroll)? = state.overlay else { return }
        CompareView.draw(state, dimension: dimension, link: link, scroll: scroll, into: &grid, regions: &regions)
    }
}
