import DossierCore
import DossierUI
import Testing

/// Moves that land elsewhere than asked say so (issue 29, on the bundled dossier, whose events
/// jump from 1981 to 1995 and from 2000 to 2013).
@Suite struct SaidNotSilentTests {
    @Test func aDateWithNoEventSaysWhichEventIsShown() throws {
        var state = AppState(store: try HardeningFixtures.bundled(), lang: .en, width: 120, height: 40)
        state.reduce(.searchIndexReady)
        state.reduce(.startPrompt(.gotoDate))
        for character in "1990" { state.reduce(.promptInput(character)) }
        state.reduce(.promptSubmit)
        let shown = try #require(
            state.selectedRef.flatMap { ref -> Event? in
                if case .event(let i) = ref { return state.store.events[i] } else { return nil }
            })
        #expect(shown.date.year != 1990)
        #expect(state.message?.en == "Nothing at 1990: the nearest event, \(shown.date), is shown.")
        // a date that has an event says nothing
        state.reduce(.startPrompt(.gotoDate))
        for character in "2015" { state.reduce(.promptInput(character)) }
        state.reduce(.promptSubmit)
        #expect(state.message == nil)
    }

    @Test func yearsWithoutEventsThatJPassesOverAreSaid() throws {
        let store = try HardeningFixtures.bundled()
        var state = AppState(store: store, lang: .fr, width: 120, height: 40)
        state.reduce(.first)
        // from 1981, J goes to 1995: 1982–1994 have no event
        state.reduce(.nextGroup)
        #expect(state.message?.fr == "Aucun événement en 1982–1994\u{00A0}: sauté.")
        state.reduce(.nextGroup)
        #expect(state.message?.fr == "Aucun événement en 1996–1999\u{00A0}: sauté.")
        state.reduce(.nextGroup)
        #expect(state.message?.fr == "Aucun événement en 2001–2012\u{00A0}: sauté.")
        state.reduce(.nextGroup)
        #expect(state.message == nil, "2013 to 2014 skips nothing")
    }
}
