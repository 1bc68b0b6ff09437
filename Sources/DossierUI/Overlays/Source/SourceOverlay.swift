import DossierCore

/// A source's view: its full description and the records citing it, one of them chosen.
enum SourceOverlay: OverlayComponent {
    static let title = Localized(en: "In a source’s view (Enter on a source link)", fr: "Dans la fiche d’une source (Entrée sur un lien de source)")

    static let bindings: [OverlayBinding] =
        [
            OverlayBinding([.character("q"), .escape, .character("h"), .left, .backspace], OverlayKeymap.close, hinted: true, .closeOverlay)
        ] + OverlayKeymap.linkBindings + [
            OverlayBinding([.character(" "), .pageDown], OverlayKeymap.pageDown, hinted: true, short: OverlayKeymap.scroll, hintKeys: "Space/b") {
                .overlayLines(OverlayKeymap.page($0, margin: 6))
            },
            OverlayBinding([.character("b"), .pageUp], OverlayKeymap.pageUp) { .overlayLines(-OverlayKeymap.page($0, margin: 6)) },
            OverlayBinding([.character("y")], OverlayKeymap.cite, hinted: true, .copyCitation),
            OverlayBinding([.character("Y")], OverlayKeymap.citeMarkdown, .copyCitationMarkdown),
        ]

    static func update(_ state: inout AppState, _ action: Action) {
        switch action {
        case .overlayLink(let delta): state.moveSourceLink(by: delta)
        case .overlayLines(let delta): state.scrollSource(by: delta)
        case .followOverlayLink: state.followSourceLink()
        default: break
        }
    }

    static func draw(_ state: AppState, into grid: inout Grid, regions: inout Regions) {
        guard case .source(let index, let link, let scroll)? = state.overlay else { return }
        SourceView.draw(state, index: index, link: link, scroll: scroll, into: &grid, regions: &regions)
    }
}

extension AppState {
    public func sourceLines(_ index: Int) -> [DetailLine] {
        DetailLayout.lines(store.detail(of: .source(index), lang), width: SourceView.box(layout).inner.width, lang: lang)
    }

    mutating func moveSourceLink(by delta: Int) {
        guard case .source(let index, let link, let scroll)? = overlay else { return }
        let moved = OverlayDetail.moveLink(sourceLines(index), link: link, scroll: scroll, height: SourceView.box(layout).inner.height, by: delta)
        overlay = .source(index: index, link: moved.link, scroll: moved.scroll)
    }

    mutating func scrollSource(by delta: Int) {
        guard case .source(let index, let link, let scroll)? = overlay else { return }
        let moved = OverlayDetail.scroll(sourceLines(index), link: link, scroll: scroll, height: SourceView.box(layout).inner.height, by: delta)
        overlay = .source(index: index, link: moved.link, scroll: moved.scroll)
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
