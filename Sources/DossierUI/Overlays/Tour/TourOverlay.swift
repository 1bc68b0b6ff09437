import DossierCore

/// The guided tour (`T`): the dossier's steps, each beside its record.
enum TourOverlay: OverlayComponent {
    static let title = Localized(en: "In the guided tour (T)", fr: "Dans la visite guidée (T)")

    static let bindings: [OverlayBinding] = [
        OverlayBinding([.character("q"), .escape, .character("T")], OverlayKeymap.close, hinted: true, .closeOverlay),
        OverlayBinding(
            [.character("n"), .right, .character(" "), .enter], Localized(en: "next step", fr: "étape suivante"), hinted: true,
            short: Localized(en: "next", fr: "suivante"), .tourNext),
        OverlayBinding(
            [.character("p"), .left, .backspace], Localized(en: "previous step", fr: "étape précédente"), hinted: true,
            short: Localized(en: "back", fr: "retour"), .tourPrevious),
        OverlayBinding([.character("?")], Localized(en: "help", fr: "aide"), hinted: true, .toggleHelp),
    ]

    static func update(_ state: inout AppState, _ action: Action) {
        guard case .tour(let step)? = state.overlay else { return }
        switch action {
        case .tourNext: state.showTourStep(step + 1)
        case .tourPrevious: state.showTourStep(max(0, step - 1))
        default: break
        }
    }

    static func draw(_ state: AppState, into grid: inout Grid, regions: inout Regions) {
        guard case .tour(let step)? = state.overlay else { return }
        TourView.draw(state, step: step, into: &grid, regions: &regions)
    }
}

extension AppState {
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
}
