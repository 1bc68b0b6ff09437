import DossierCore

/// The glossary (`w`, `:glossary`): its list, narrowed as you type, and the terms opened.
enum GlossaryOverlay: OverlayComponent {
    static let title = Localized(en: "In the glossary (w, :glossary)", fr: "Dans le glossaire (w,\u{00A0}:glossary)")

    static let bindings: [OverlayBinding] = [
        OverlayBinding([.character("q"), .escape, .character("w")], OverlayKeymap.close, hinted: true, .closeOverlay),
        OverlayBinding(
            [.character("j"), .down], Localized(en: "next term or link", fr: "terme ou lien suivant"), hinted: true, short: Localized(en: "move", fr: "bouger"),
            hintKeys: "j/k", .overlayLink(1)),
        OverlayBinding([.character("k"), .up], Localized(en: "previous term or link", fr: "terme ou lien précédent"), .overlayLink(-1)),
        OverlayBinding(
            [.enter, .character("l"), .right], Localized(en: "open the term, follow the link", fr: "ouvrir le terme, suivre le lien"), hinted: true,
            short: Localized(en: "open", fr: "ouvrir"), .followOverlayLink),
        OverlayBinding(
            [.character("h"), .left, .backspace, .control("o"), .character("<")],
            Localized(en: "back to the previous term or the list", fr: "revenir au terme précédent ou à la liste"), hinted: true,
            short: Localized(en: "back", fr: "retour"), .glossaryBack),
        OverlayBinding(
            [.character("/")], Localized(en: "narrow the list as you type (on the list)", fr: "filtrer la liste à la frappe (sur la liste)"), hinted: true,
            short: Localized(en: "narrow", fr: "filtrer")
        ) { state in
            guard case .glossary(let glossary)? = state.overlay, glossary.pages.isEmpty else { return nil }
            return .startPrompt(.glossary)
        },
        OverlayBinding([.character("g"), .home], Localized(en: "first term or link", fr: "premier terme ou lien"), .overlayLink(-1_000_000)),
        OverlayBinding([.character("G"), .end], Localized(en: "last term or link", fr: "dernier terme ou lien"), .overlayLink(1_000_000)),
        OverlayBinding([.control("e")], OverlayKeymap.lineDown, .overlayLines(1)),
        OverlayBinding([.control("y")], OverlayKeymap.lineUp, .overlayLines(-1)),
        OverlayBinding([.character(" "), .pageDown, .control("d")], OverlayKeymap.pageDown) { .overlayLines(OverlayKeymap.page($0, margin: 6)) },
        OverlayBinding([.character("b"), .pageUp, .control("u")], OverlayKeymap.pageUp) { .overlayLines(-OverlayKeymap.page($0, margin: 6)) },
        OverlayBinding([.character("n")], Localized(en: "next search hit", fr: "occurrence suivante"), .nextHit),
        OverlayBinding([.character("N")], Localized(en: "previous search hit", fr: "occurrence précédente"), .previousHit),
        OverlayBinding([.character("L")], Localized(en: "English / French", fr: "anglais / français"), .toggleLanguage),
        OverlayBinding([.character("?")], Localized(en: "help", fr: "aide"), .toggleHelp),
        OverlayBinding(
            [.character("y")], Localized(en: "cite the term shown or chosen, with its sources", fr: "citer le terme affiché ou choisi, avec ses sources"),
            .copyCitation),
        OverlayBinding([.character("Y")], OverlayKeymap.citeMarkdown, .copyCitationMarkdown),
    ]

    static func update(_ state: inout AppState, _ action: Action) {
        switch action {
        case .overlayLink(let delta): state.moveGlossary(by: delta)
        case .overlayLines(let delta), .scrollOverlay(let delta): state.scrollGlossary(by: delta)
        case .followOverlayLink: state.followGlossary()
        case .glossaryBack: state.glossaryBack()
        default: break
        }
    }

    static func draw(_ state: AppState, into grid: inout Grid, regions: inout Regions) {
        guard case .glossary(let glossary)? = state.overlay else { return }
        let statusCursor = grid.cursor
        GlossaryView.draw(state, glossary, into: &grid, regions: &regions)
        // the filter being typed keeps the cursor in the status bar
        if state.prompt != nil { grid.cursor = statusCursor }
    }
}
