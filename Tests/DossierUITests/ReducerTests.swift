import DossierCore
import DossierUI
import Testing

@Suite struct ReducerTests {
    @Test func opensOnTheFocalEventOfTheTimeline() throws {
        let state = try UIFixtures.state()
        #expect(state.pane == .timeline)
        #expect(state.selectedID == "ev-ruling")
    }

    @Test func movesThroughTheTimelineByEventYearAndEnds() throws {
        var state = try UIFixtures.state()
        state.press(.character("g"))
        #expect(state.selectedID == "ev-accord")
        state.press(.character("j"))
        #expect(state.selectedID == "ev-year")
        state.press(.down, .down, .down, .down)
        #expect(state.selectedID == "ev-ruling", "clamped at the last event")
        state.press(.character("k"))
        #expect(state.selectedID == "ev-filing")
        state.press(.home, .character("J"))
        #expect(state.selectedID == "ev-year", "next year: 2013")
        state.press(.character("J"))
        #expect(state.selectedID == "ev-filing", "next year: 2024")
        state.press(.character("j"), .character("K"))
        #expect(state.selectedID == "ev-filing", "back to the start of the year first")
        state.press(.character("K"))
        #expect(state.selectedID == "ev-year")
        state.press(.character("}"), .end)
        #expect(state.selectedID == "ev-ruling")
        state.press(.pageUp)
        #expect(state.selectedID == "ev-accord")
    }

    @Test func focusesPanesByNumberAndTab() throws {
        var state = try UIFixtures.state()
        state.press(.character("1"))
        #expect(state.pane == .parties)
        state.press(.tab)
        #expect(state.pane == .timeline)
        state.press(.backTab, .backTab)
        #expect(state.pane == .sources, "BackTab from the first pane wraps to the fifth")
        state.press(.backTab)
        #expect(state.pane == .accords)
        state.press(.character("3"))
        #expect(state.pane == .arguments)
        #expect(state.selectedID == "arg-risk", "arguments are grouped by case in date order")
    }

    @Test func followsLinksAndComesBackAndForth() throws {
        var state = try UIFixtures.state()
        // ev-ruling's links: claimant, court, arg-held, src-court
        state.press(.enter)
        #expect(state.area == .detail)
        state.press(.character("j"))
        #expect(state.linkIndex == 1)
        state.press(.enter)
        #expect(state.pane == .parties)
        #expect(state.selectedID == "court")
        #expect(state.area == .list)
        // court's links: ev-ruling, arg-held, src-court → follow the argument
        state.press(.character("l"), .character("j"), .enter)
        #expect(state.pane == .arguments)
        #expect(state.selectedID == "arg-held")
        state.press(.backspace)
        #expect(state.pane == .parties && state.selectedID == "court")
        state.press(.control("o"))
        #expect(state.pane == .timeline && state.selectedID == "ev-ruling")
        state.press(.backspace)
        #expect(state.message != nil, "nothing further back")
        state.press(.character(">"))
        #expect(state.pane == .parties && state.selectedID == "court")
        state.press(.character(">"))
        #expect(state.pane == .arguments && state.selectedID == "arg-held")
    }

    @Test func followingASourceOpensItsView() throws {
        var state = try UIFixtures.state()
        state.press(.enter, .end, .enter)
        #expect(state.pane == .timeline)
        guard case .source(let index, 0, 0)? = state.overlay else { Issue.record("no source view: \(String(describing: state.overlay))"); return }
        #expect(state.store.sources[index].id == "src-court")
        let screen = ScreenView.render(state).text
        #expect(screen.contains("https://example.org/court"))
        #expect(screen.contains("Publisher: Conseil d’État"))
        state.press(.character("h"))
        #expect(state.overlay == nil && state.area == .detail, "h closes the source view, back in the detail")
    }

    @Test func goesToTheNearestEventOfADate() throws {
        var state = try UIFixtures.state()
        state.press(.character("1"), .character("t"))
        state.type("2013")
        state.press(.enter)
        #expect(state.pane == .timeline && state.selectedID == "ev-year")
        state.press(.character("t"))
        state.type("2024-03-20")
        state.press(.enter)
        #expect(state.selectedID == "ev-ruling", "22 March is nearer than 5 March")
        state.press(.character("t"))
        state.type("2024-03-10")
        state.press(.enter)
        #expect(state.selectedID == "ev-filing")
        state.press(.character("t"))
        state.type("1990")
        state.press(.enter)
        #expect(state.selectedID == "ev-accord", "before the first event: the first")
        state.press(.character("t"))
        state.type("2099")
        state.press(.enter)
        #expect(state.selectedID == "ev-ruling", "after the last event: the last")
        state.press(.character("t"))
        state.type("2024-13")
        state.press(.enter)
        #expect(state.prompt?.error != nil, "the prompt stays open with an error on a bad date")
        state.press(.escape)
        #expect(state.prompt == nil)
        state.press(.backspace)
        #expect(state.selectedID == "ev-accord", "a goto is remembered in the history")
    }

    @Test func helpOpensAndClosesAndLanguageSwitchesKeepingTheSelection() throws {
        var state = try UIFixtures.state()
        state.press(.character("?"))
        #expect(state.overlay == .help(scroll: 0))
        state.press(.character("j"))
        state.press(.escape)
        #expect(state.overlay == nil)
        state.press(.character("L"))
        #expect(state.lang == .fr)
        #expect(state.selectedID == "ev-ruling")
        #expect(state.press(.character("q")) == [.quit(status: 0)])
    }

    @Test func keepsTheSelectionVisibleThroughResizes() throws {
        var state = try UIFixtures.state(width: 120, height: 40)
        state.press(.end)
        for (width, height) in [(60, 20), (1, 1), (300, 100), (50, 14), (80, 24)] {
            state.press(.resize(width: width, height: height))
            let list = state.list
            let row = list.itemRows[state.selectedItem]
            let top = state.scroll[state.pane.rawValue]
            #expect(row >= top && row < top + state.layout.listRows, "selection hidden at \(width)×\(height)")
        }
    }
}
