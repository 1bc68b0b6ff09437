import DossierCore
import DossierUI
import Testing

/// The hostile dossier (escape sequences, C1, BEL, BS, CR, bidi in every text) in the explorer:
/// every screen of every record shows the sequences as inert text.
@Suite struct HostileScreenTests {
    @Test(arguments: [(80, 24), (120, 40), (50, 14), (200, 60)])
    func everyScreenOfTheHostileDossierIsInert(width: Int, height: Int) throws {
        let store = try HardeningFixtures.store("hostile")
        var seen = ""
        for lang in [Language.en, .fr] {
            var state = AppState(store: store, lang: lang, width: width, height: height)
            for pane in Pane.allCases {
                state.reduce(.focus(pane))
                state.reduce(.first)
                for _ in 0..<max(1, state.list.count) {
                    for screen in [ScreenView.render(state)] + detailScreens(&state) {
                        #expect(gridProblems(screen, width: width, height: height).isEmpty, "\(gridProblems(screen, width: width, height: height))")
                        seen += screen.text + "\n"
                    }
                    state.reduce(.moveDown)
                }
            }
            state.reduce(.toggleHelp)
            #expect(gridProblems(ScreenView.render(state), width: width, height: height).isEmpty)
        }
        // the payloads are there to read, defused
        #expect(seen.contains("]52;c;ZXZpbA=="))
        #expect(seen.contains("\u{FFFD}[2J") || width < 60)
        #expect(!seen.contains("\u{1B}") && !seen.contains("\u{9B}") && !seen.contains("\u{7}") && !seen.contains("\r"))
    }

    /// Opens the detail and walks its links, rendering each step.
    private func detailScreens(_ state: inout AppState) -> [Grid] {
        var screens: [Grid] = []
        state.reduce(.openDetail)
        guard state.area == .detail else { return screens }
        for _ in 0..<state.links.count {
            screens.append(ScreenView.render(state))
            state.reduce(.moveDown)
        }
        state.reduce(.closeDetail)
        return screens
    }
}
