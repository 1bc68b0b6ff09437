import DossierCore
import DossierUI
import Testing

@Suite struct SearchAndFilterTests {
    @Test func searchIsIncrementalAndNMovesAcrossPanes() throws {
        var state = try UIFixtures.state()
        state.press(.character("/"))
        state.type("conseil d'e")
        // hits update per keystroke and the first one is shown at once: the court, then the
        // source it publishes
        #expect(state.search?.hits.map(\.kind) == [.party, .source])
        #expect(state.pane == .parties && state.selectedID == "court")
        state.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        state.type("court")
        let hits = try #require(state.search?.hits)
        #expect(hits.count >= 3)
        state.press(.enter)
        #expect(state.prompt == nil)
        let first = state.selectedID
        state.press(.character("n"))
        #expect(state.selectedID != first)
        for _ in 0..<(hits.count - 1) { state.press(.character("n")) }
        #expect(state.selectedID == first, "n wraps around")
        state.press(.character("N"))
        #expect(state.search?.current == hits.count - 1)
    }

    @Test func escapeDuringASearchReturnsToWhereItStarted() throws {
        var state = try UIFixtures.state()
        state.press(.character("/"))
        state.type("claimant")
        #expect(state.pane == .parties)
        state.press(.escape)
        #expect(state.pane == .timeline && state.selectedID == "ev-ruling")
    }

    @Test func resultsOverlayListsHitsAndOpensOne() throws {
        var state = try UIFixtures.state(width: 120, height: 40)
        state.press(.character("/"))
        state.type("court")
        state.press(.enter, .control("f"))
        #expect(state.overlay == .results(selected: 0))
        state.press(.character("j"), .enter)
        #expect(state.overlay == nil)
        #expect(state.search?.current == 1)
        let screen = ScreenView.render(state)
        // matches are highlighted in the list and the detail
        #expect(screen.cells.contains { $0.style == .match })
    }

    @Test func filtersTheFocusedListAndEscapeClearsIt() throws {
        var state = try UIFixtures.state()
        state.press(.character("f"))
        state.type("kind:filing")
        state.press(.enter)
        #expect(state.list.count == 1)
        #expect(state.selectedID == "ev-filing")
        #expect(ScreenView.render(state).text.contains("filter: kind:filing"))
        state.press(.escape)
        #expect(state.list.count == 4)
        #expect(state.selectedID == "ev-filing", "the selection survives clearing the filter")
        state.press(.character("f"))
        state.type("colour:red")
        state.press(.enter)
        #expect(state.prompt?.error != nil, "an unknown filter key is reported, not applied")
        state.press(.escape)
        state.press(.character("f"))
        state.type("year")
        state.press(.enter)
        #expect(state.list.count == 1 && state.selectedID == "ev-year", "free words match titles")
    }

    @Test func filterCompletesKeysAndValuesWithTab() throws {
        var state = try UIFixtures.state()
        state.press(.character("f"))
        state.type("tr")
        state.press(.tab)
        #expect(state.prompt?.input == "track:")
        state.type("co")
        state.press(.tab)
        #expect(state.prompt?.input == "track:courts ")
    }

    @Test func onePartysTimeline() throws {
        var state = try UIFixtures.state()
        state.press(.character("1"), .end, .character("e"))
        #expect(state.pane == .timeline)
        #expect(state.filter.party == "wide")
        #expect(state.list.count == 2)
        state.press(.backspace)
        #expect(state.pane == .parties && state.selectedID == "wide")
    }
}

@Suite struct TimelineDepthTests {
    @Test func zoomsOutToMonthsYearsAndErasAndBackIn() throws {
        var state = try UIFixtures.state(width: 120, height: 40)
        #expect(state.zoom == .events)
        state.press(.character("-"))
        #expect(state.zoom == .months)
        #expect(state.list.count == 3, "2000-07, 2013, 2024-03 (two events): one bucket per month")
        state.press(.character("-"))
        #expect(state.zoom == .years)
        #expect(state.list.count == 3)
        let years = ScreenView.render(state).text
        #expect(years.contains("2001–2012: no events"), "empty stretches are collapsed")
        #expect(years.contains("2 events"))
        state.press(.character("-"))
        #expect(state.zoom == .eras)
        #expect(ScreenView.render(state).text.contains("Test Accord (2000–2015)"), "the accord's own years, not its events'")
        state.press(.character("-"))
        #expect(state.message != nil, "no level beyond eras")
        state.press(.character("+"), .character("+"), .character("+"))
        #expect(state.zoom == .events)
        #expect(state.selectedID == "ev-ruling", "zooming out and back in returns to the event you started from")
        // another bucket chosen on the way: zooming in lands on its first event
        state.press(.character("-"), .character("-"), .character("g"), .character("+"), .character("+"))
        #expect(state.zoom == .events)
        #expect(state.selectedID == "ev-accord", "the bucket chosen no longer holds the start: its first event")
        // Enter on a bucket zooms in
        state.press(.character("-"), .character("-"), .home, .enter)
        #expect(state.zoom == .months)
    }

    @Test func jumpsByKindWithCountsAndPrefixes() throws {
        var state = try UIFixtures.state()
        state.press(.home)
        state.press(.character("]"), .character("o"))
        #expect(state.selectedID == "ev-ruling", "]o: next order")
        state.press(.character("["), .character("f"))
        #expect(state.selectedID == "ev-filing", "[f: previous filing")
        state.press(.character("["), .character("r"))
        #expect(state.message != nil, "no ruling before")
        state.press(.home, .character("g"), .character("6"), .character("J"))
        #expect(state.pane == .timeline)
        #expect(state.selectedItem == state.list.count - 1, "6J: six years on, as far as the timeline goes")
        state.press(.character("g"), .character("6"), .character("5"), .character("j"))
        #expect(state.pane == .timeline, "once a count has begun, 1–5 continue it")
        #expect(state.count == nil && state.selectedItem == state.list.count - 1, "65j: sixty-five down, to the last")
        state.press(.character("3"))
        #expect(state.pane == .arguments, "a pane key switches panes")
    }

    @Test func marksAndHomeKey() throws {
        var state = try UIFixtures.state()
        state.press(.home, .character("m"), .character("a"))
        state.press(.character("1"), .character("'"), .character("a"))
        #expect(state.pane == .timeline && state.selectedID == "ev-accord")
        state.press(.character("'"), .character("z"))
        #expect(state.message?.en == "No mark 'z'.")
        state.press(.character("H"))
        #expect(state.selectedID == "ev-ruling", "H returns to the focal point")
    }

    @Test func commandLineGotoLangAndCompletion() throws {
        var state = try UIFixtures.state()
        state.press(.character(":"))
        state.type("go")
        state.press(.tab)
        #expect(state.prompt?.input == "goto ")
        state.type("ev-y")
        state.press(.tab)
        #expect(state.prompt?.input == "goto ev-year")
        state.press(.enter)
        #expect(state.selectedID == "ev-year")
        state.press(.character(":"))
        state.type("goto 2024-03-06")
        state.press(.enter)
        #expect(state.selectedID == "ev-filing")
        state.press(.character(":"))
        state.type("lang fr")
        state.press(.enter)
        #expect(state.lang == .fr)
        state.press(.character(":"))
        state.type("filter kind:order")
        state.press(.enter)
        #expect(state.list.count == 1)
        state.press(.character(":"))
        state.type("bogus")
        state.press(.enter)
        #expect(state.message != nil)
    }

    @Test func densityStripMarksTheSelectedYear() throws {
        let state = try UIFixtures.state(width: 120, height: 40)
        let grid = ScreenView.render(state)
        let row = state.layout.list.inner.row
        let line = (0..<grid.width).map { grid[row, $0].text }.joined()
        #expect(line.contains("2000–2024"))
        // marked in its own look, never reverse video, which would hollow its bar
        let marked = (0..<grid.width).filter { grid[row, $0].style == .selectionInactive }
        #expect(marked.count == 1, "the selected year is marked")
        #expect(marked.allSatisfy { grid[row, $0].text != " " }, "and keeps its bar")
        #expect(!(0..<grid.width).contains { grid[row, $0].style == .selection })
    }
}

@Suite struct CitationAndTourTests {
    @Test func copiesTheCitationWithSources() throws {
        var state = try UIFixtures.state()
        let effects = state.press(.character("y"))
        guard case .copyToClipboard(let text)? = effects.first, effects.count == 1 else {
            Issue.record("y asks for one clipboard copy, not \(effects)")
            return
        }
        #expect(
            text.hasPrefix(
                "Conseil d’État, interim relief order of 22 March 2024, Claimant, No. 492369, ECLI:FR:CEORD:2024:492369.20240322\nSources:\n- Conseil d’État, “Ordonnance du 22 mars 2024”, 2024-03-22 — https://example.org/court"
            ))
        #expect(state.message?.en.contains("sent to the terminal’s clipboard") == true)
        #expect(state.overlay == .citation(text), "the citation is also shown, to read and select")
    }

    @Test func tourWalksThroughItsStepsSelectingEachRecord() throws {
        var state = try UIFixtures.state(width: 80, height: 24, lang: .fr)
        state.press(.character("T"))
        #expect(state.overlay == .tour(step: 0))
        #expect(state.pane == .accords && state.selectedID == "test-accord")
        #expect(ScreenView.render(state).text.contains("D’abord, l’accord."))
        state.press(.right)
        #expect(state.pane == .timeline && state.selectedID == "ev-ruling")
        state.press(.character("p"))
        #expect(state.overlay == .tour(step: 0))
        state.press(.escape)
        #expect(state.overlay == nil)
        #expect(state.selectedID == "test-accord", "Esc leaves the tour where you are")
    }

    @Test func mouseClicksSelectAndFollowOnlyWhenEnabled() throws {
        var state = try UIFixtures.state(width: 120, height: 40)
        let row = state.layout.list.inner.row + 2  // strip, heading 2000, then the first event
        state.press(.mouse(MouseEvent(kind: .click, row: row, column: 5)))
        #expect(state.selectedID == "ev-ruling", "ignored without --mouse")
        state = try UIFixtures.state(width: 120, height: 40, mouse: true)
        state.press(.mouse(MouseEvent(kind: .click, row: row, column: 5)))
        #expect(state.selectedID == "ev-accord")
        state.press(.mouse(MouseEvent(kind: .wheelDown, row: row, column: 5)))
        #expect(state.selectedID == "ev-ruling")
        state.press(.mouse(MouseEvent(kind: .click, row: 1, column: 2)))
        #expect(state.pane == .parties, "a click on a tab focuses it")
    }

    /// Clicks land on what the last frame drew there (its published regions).
    @Test func clicksHitTheRegionsTheFrameDrew() throws {
        var state = try UIFixtures.state(width: 120, height: 40, mouse: true)
        let tabs = ScreenView.frame(state).regions.tabs
        #expect(tabs.map(\.pane) == Pane.allCases)
        // the space after a tab still picks it, as before the regions were published
        let gap = try #require(tabs.first { $0.pane == .parties }).rect
        state.press(.mouse(MouseEvent(kind: .click, row: gap.row, column: gap.column + gap.width - 1)))
        #expect(state.pane == .parties)
        state.press(.character("2"))
        // a year heading is no item: the click lands in the list and selects nothing
        let heading = state.layout.list.inner.row + 1
        #expect(!ScreenView.frame(state).regions.listRows.contains { $0.row == heading })
        state.press(.mouse(MouseEvent(kind: .click, row: heading, column: 5)))
        #expect(state.selectedID == "ev-ruling")
        // a link line of the detail follows its link
        let link = try #require(ScreenView.frame(state).regions.linkLines.first)
        let target = state.links[link.link]
        state.press(.mouse(MouseEvent(kind: .click, row: link.row, column: state.layout.detail.inner.column + 2)))
        #expect(state.selectedRef == target)
    }

    @Test func helpScrollsNoFurtherThanTheBoxItWasDrawnIn() throws {
        var state = try UIFixtures.state(width: 80, height: 24)
        state.press(.character("?"))
        let box = try #require(ScreenView.frame(state).regions.overlay)
        for _ in 0..<400 { state.press(.character("j")) }
        guard case .help(let end)? = state.overlay else { Issue.record("the help closed"); return }
        #expect(end > 0, "the help is longer than a 24-row screen")
        state.press(.character("j"))
        #expect(state.overlay == .help(scroll: end), "no further than its end")
        // the last line of the help is on screen, just above the box's bottom border
        let grid = ScreenView.render(state)
        let lastRow = box.row + box.height - 2
        let shown = (0..<grid.width).map { grid[lastRow, $0].text }.joined()
        let last = try #require(OverlayKeymap.bindings(OverlayKind.allCases.last!).last)
        #expect(shown.contains(last.label.en), "the last overlay binding's help")
        let bottom = (0..<grid.width).map { grid[box.row + box.height - 1, $0].text }.joined()
        let total = end + box.height - 2
        #expect(bottom.contains("\(end + 1)–\(total) of \(total)"), "the help says where you are in it")
    }

    @Test func browseAtOpensOnARecordOrADate() throws {
        var state = try UIFixtures.state()
        let opened = state.open(at: "claimant")
        #expect(opened)
        #expect(state.pane == .parties && state.selectedID == "claimant")
        let openedDate = state.open(at: "2013-05")
        #expect(openedDate)
        #expect(state.pane == .timeline && state.selectedID == "ev-year")
        let openedNothing = state.open(at: "nowhere")
        #expect(!openedNothing)
    }
}
