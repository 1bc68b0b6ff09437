import DossierCore
import DossierUI
import Testing

/// Issue 14: keys that never surprise, a detail you can scroll, citations shown as well as sent.
@Suite struct KeysThatNeverSurpriseTests {
    @Test func aPaneKeyIsNeverACount() throws {
        var state = try UIFixtures.state()
        state.press(.character("4"), .character("j"))
        #expect(state.pane == .accords, "4 then j stays in the Accords pane")
        #expect(state.count == nil)
        state.press(.character("1"), .character("2"), .character("3"))
        #expect(state.pane == .arguments && state.count == nil, "1 2 3 switches panes three times, leaving no count")
        state.press(.character("j"))
        #expect(state.selectedItem == 1, "the next j moves one row")
    }

    @Test func countsBeginWithSixToNine() throws {
        var state = try UIFixtures.state()
        state.press(.character("g"), .character("6"))
        #expect(state.count == 6)
        #expect(ScreenView.render(state).text.contains("│ 6 "), "a count being typed shows in the status bar")
        state.press(.character("0"), .character("k"))
        #expect(state.count == nil && state.selectedItem == 0)
        state.press(.character("0"))
        #expect(state.count == nil && state.message?.en == "0: no action · ? for help", "0 does not begin a count")
    }

    @Test func qClosesAnOverlayAndQuitsOnlyFromTheMainScreen() throws {
        func quits(_ effects: [Effect]) -> Bool { effects.contains { if case .quit = $0 { return true } else { return false } } }
        var state = try UIFixtures.state()
        for opener in [[Key.character("?")], [.character("T")], [.character("y")], [.character("/"), .character("c"), .enter, .control("f")]] {
            for key in opener { state.press(key) }
            #expect(state.overlay != nil, "\(opener) opens an overlay")
            #expect(!quits(state.press(.character("q"))), "q in an overlay does not quit")
            #expect(state.overlay == nil, "q closes it")
        }
        #expect(quits(state.press(.character("q"))), "q on the main screen quits")
        // Ctrl-C and :q quit from anywhere
        state.press(.character("?"))
        #expect(quits(state.press(.control("c"))), "Ctrl-C quits from an overlay")
        state.press(.character("/"))
        #expect(quits(state.press(.control("c"))), "and from a prompt")
        state.press(.escape, .escape, .character(":"))
        state.type("q")
        #expect(quits(state.press(.enter)))
    }

    @Test func anUnboundKeySaysSo() throws {
        var state = try UIFixtures.state()
        state.press(.character("x"))
        #expect(state.message?.en == "x: no action · ? for help")
        #expect(ScreenView.render(state).text.contains("x: no action · ? for help"))
        state.reduce(.toggleLanguage)
        state.press(.control("b"))
        #expect(state.message?.fr == "Ctrl-B\u{00A0}: aucune action ·\u{00A0}? pour l’aide")
        state.press(.character("j"))
        #expect(state.message == nil, "the notice lasts until the next key")
    }

    @Test func theDatePromptRejectsAnInvalidDateAndStaysEditable() throws {
        var state = try UIFixtures.state()
        state.press(.character("t"))
        state.type("2024-13-45")
        state.press(.enter)
        #expect(state.prompt?.kind == .gotoDate, "the prompt stays open")
        #expect(state.prompt?.input == "2024-13-45")
        #expect(state.prompt?.error?.en == "“2024-13-45” is not a date: write 2020, 2020-07 or 2020-07-16.")
        state.type("x")
        #expect(state.prompt?.input == "2024-13-45x", "what is typed is shown, not swallowed")
        for _ in 0..<7 { state.press(.backspace) }
        state.type("-03-05")
        state.press(.enter)
        #expect(state.prompt == nil && state.selectedID == "ev-filing")
    }

    @Test func gotoSuggestsTheNearestIDs() throws {
        var state = try UIFixtures.state()
        state.press(.character(":"))
        state.type("goto ev-rulin")
        state.press(.enter)
        #expect(state.message?.en == "goto: no record 'ev-rulin'; did you mean ev-ruling?")
        state.press(.character(":"))
        state.type("goto arg-rsk")
        state.press(.enter)
        #expect(state.message?.en.contains("arg-risk") == true)
        state.press(.character(":"))
        state.type("goto zzzzzzzzzzzz")
        state.press(.enter)
        #expect(state.message?.en == "goto: give a date (2020-07-16) or an id", "nothing near: the usage")
    }
}

@Suite struct DetailScrollTests {
    /// A state whose detail is longer than its box: the fixture's focal event at 50×14.
    func small() throws -> AppState {
        let state = try UIFixtures.state(width: 50, height: 14)
        #expect(state.detailLines.count > state.layout.detailRows)
        return state
    }

    @Test func ctrlEAndCtrlYScrollTheDetailFromTheList() throws {
        var state = try small()
        state.press(.control("e"))
        #expect(state.detailScroll == 1 && state.area == .list, "the detail scrolls, the list keeps the keys")
        let grid = ScreenView.render(state)
        let detail = state.layout.detail
        #expect(grid[detail.row, detail.column + detail.width - 3].text == "↑", "↑: there is more above")
        state.press(.control("y"), .control("y"))
        #expect(state.detailScroll == 0)
        #expect(ScreenView.render(state)[detail.row, detail.column + detail.width - 3].text != "↑")
    }

    @Test func spaceAndBPageAndStopAtTheEnd() throws {
        var state = try small()
        let last = state.detailLines.count - state.layout.detailRows
        for _ in 0..<20 { state.press(.character(" ")) }
        #expect(state.detailScroll == last, "Space pages down and stops at the last full page")
        let grid = ScreenView.render(state)
        let detail = state.layout.detail
        #expect(grid[detail.row + detail.height - 1, detail.column + detail.width - 3].text != "↓", "no ↓ at the end")
        state.press(.character("b"))
        #expect(state.detailScroll == max(0, last - (state.layout.detailRows - 1)))
        state.press(.character("k"))
        #expect(state.detailScroll == 0, "another record: its detail from the top")
    }

    @Test func scrollingInTheDetailKeepsALinkInView() throws {
        var state = try small()
        state.press(.enter)
        #expect(state.area == .detail)
        for _ in 0..<20 { state.press(.control("e")) }
        let lines = state.detailLines
        let window = lines[state.detailScroll..<min(lines.count, state.detailScroll + state.layout.detailRows)]
        #expect(window.contains { $0.link == state.linkIndex }, "the chosen link follows the scroll")
    }

    @Test func enterChoosesTheFirstLinkInView() throws {
        var state = try small()
        for _ in 0..<20 { state.press(.control("e")) }
        let scroll = state.detailScroll
        state.press(.enter)
        let lines = state.detailLines
        let first = lines.indices.first { $0 >= scroll && lines[$0].link != nil }.flatMap { lines[$0].link }
        #expect(state.linkIndex == first, "Enter does not jump back past what is being read")
    }

    @Test func theWheelScrollsWhatIsUnderThePointer() throws {
        var state = try UIFixtures.state(width: 120, height: 20, mouse: true)
        #expect(state.detailLines.count > state.layout.detailRows)
        let detail = try #require(ScreenView.frame(state).regions.detail)
        let before = state.selectedItem
        state.press(.mouse(MouseEvent(kind: .wheelDown, row: detail.row + 1, column: detail.column + 3)))
        #expect(state.detailScroll == min(3, state.detailLines.count - state.layout.detailRows), "the wheel over the detail scrolls it")
        #expect(state.selectedItem == before, "and leaves the list alone")
        let list = try #require(ScreenView.frame(state).regions.list)
        state.press(.mouse(MouseEvent(kind: .wheelUp, row: list.row + 2, column: list.column + 3)))
        #expect(state.selectedItem == max(0, before - 3), "over the list it moves the list")
    }
}

@Suite struct CitationOverlayTests {
    @Test func yShowsWhatItSentAndYTheMarkdownLink() throws {
        var state = try UIFixtures.state()
        let effects = state.press(.character("y"))
        guard case .copyToClipboard(let text)? = effects.first else { Issue.record("no copy"); return }
        #expect(state.overlay == .citation(text))
        let screen = ScreenView.render(state).text
        #expect(screen.contains("Citation — select it with the mouse"))
        #expect(screen.contains("\n" + text.split(separator: "\n")[0].prefix(70)), "the citation starts at the first column, to select")
        #expect(screen.contains("Citation sent to the terminal’s clipboard"))
        let markdown = state.press(.character("Y"))
        guard case .copyToClipboard(let md)? = markdown.first else { Issue.record("no Markdown copy"); return }
        #expect(
            md.hasPrefix(
                "[Conseil d’État, interim relief order of 22 March 2024, Claimant, No. 492369, ECLI:FR:CEORD:2024:492369.20240322](https://example.org/court)"))
        #expect(state.overlay == .citation(md))
    }

    @Test func yOnABucketCitesItsEvents() throws {
        var state = try UIFixtures.state()
        state.press(.character("-"))
        let effects = state.press(.character("y"))
        guard case .copyToClipboard(let text)? = effects.first else { Issue.record("no copy on a bucket"); return }
        #expect(text.contains("2024-03-22  The court rejects the request  (ev-ruling)"))
        #expect(text.contains("(ev-filing)"))
    }

    @Test func yOnAnEmptyListSaysWhy() throws {
        var state = try UIFixtures.state()
        state.press(.character("f"))
        state.type("nothing-matches-this")
        state.press(.enter)
        #expect(state.list.count == 0)
        let effects = state.press(.character("y"))
        #expect(effects.isEmpty && state.overlay == nil)
        #expect(state.message?.en == "Nothing to cite: this list is empty.")
    }

    @Test func yInTheDetailCitesTheChosenLink() throws {
        var state = try UIFixtures.state()
        state.press(.enter, .end)
        let effects = state.press(.character("y"))
        guard case .copyToClipboard(let text)? = effects.first else { Issue.record("no copy"); return }
        #expect(!text.hasPrefix("Conseil d’État, interim"), "the link's record, not the selected one")
    }
}

/// Golden screens of issue 14's views (re-recorded with the other GoldenScreenTests).
@Suite struct ReadingGoldenScreenTests {
    @Test(arguments: [(80, 24, Language.en), (80, 24, .fr), (160, 50, .en), (160, 50, .fr)])
    func citationOverlay(width: Int, height: Int, lang: Language) throws {
        var state = try UIFixtures.state(width: width, height: height, lang: lang)
        state.press(.character("y"))
        try expectGolden(ScreenView.render(state), "citation-\(width)x\(height)-\(lang.rawValue)")
    }

    @Test func detailScrolledFromTheListAt50x14() throws {
        var state = try UIFixtures.state(width: 50, height: 14)
        state.press(.control("e"), .control("e"))
        try expectGolden(ScreenView.render(state), "detail-scrolled-50x14-en")
    }
}

@Suite struct CaseMapTests {
    @Test func argumentsHaveOneHeadingPerCaseAndShowTheirSide() throws {
        var state = try UIFixtures.state()
        state.press(.character("3"))
        let headings = state.list.rows.filter { if case .heading = $0 { return true } else { return false } }
        #expect(headings.count == 2, "two cases, one heading each")
        let screen = ScreenView.render(state).text
        #expect(screen.contains(" claimants  US law exposes the data"))
        #expect(screen.contains(" court      The risk is hypothetical"))
        state.press(.character("g"), .character("J"))
        #expect(state.selectedID == "arg-held", "J steps to the next case")
        state.press(.character("K"))
        #expect(state.selectedID == "arg-risk")
    }

    @Test func cOpensTheCaseFromAnArgumentOrACourtEventAndQCloses() throws {
        var state = try UIFixtures.state()
        // the focal event is the court order: its case map
        state.press(.character("c"))
        guard case .caseMap(let event, 0)? = state.overlay else { Issue.record("no case map: \(String(describing: state.overlay))"); return }
        #expect(state.store.events[event].id == "ev-ruling")
        let map = state.store.caseMap(ofEvent: event)
        #expect(map.threads.count == 1)
        #expect(map.threads[0].claim.map { state.store.arguments[$0].id } == "arg-risk", "the claim filed under the filing joins the order's holding")
        #expect(map.threads[0].holdings.map { state.store.arguments[$0].id } == ["arg-held"])
        let screen = ScreenView.render(state).text
        #expect(screen.contains("Claim 1 · Claimant Ltd (claimant)"))
        #expect(screen.contains("Court · Council of State (court)"))
        state.press(.character("q"))
        #expect(state.overlay == nil)
        // from an argument
        state.press(.character("3"), .character("g"), .character("c"))
        #expect(state.overlay == .caseMap(event: event, scroll: 0) || { if case .caseMap = state.overlay { return true } else { return false } }())
        state.press(.escape)
        // a record with no case says so
        state.press(.character("1"), .character("c"))
        #expect(state.overlay == nil && state.message?.en.hasPrefix("No arguments are recorded") == true)
    }

    @Test(arguments: [(80, 24, Language.en), (80, 24, .fr), (160, 50, .en), (160, 50, .fr)])
    func caseMapGolden(width: Int, height: Int, lang: Language) throws {
        var state = try UIFixtures.state(width: width, height: height, lang: lang)
        state.press(.character("c"))
        try expectGolden(ScreenView.render(state), "case-map-\(width)x\(height)-\(lang.rawValue)")
    }
}

@Suite struct SourceViewTests {
    func openSource(_ state: inout AppState) {
        state.press(.enter, .end, .enter)  // the focal event's last link is its source
    }

    @Test func listsWhoCitesItAndFollowsThem() throws {
        var state = try UIFixtures.state()
        openSource(&state)
        guard case .source(let index, _, _)? = state.overlay else { Issue.record("no source view"); return }
        let citing = state.store.citations(ofSource: state.store.sources[index].id)
        #expect(citing.count >= 2)
        state.press(.character("j"))
        guard case .source(_, 1, _)? = state.overlay else { Issue.record("j chooses the next citing record"); return }
        state.press(.enter)
        #expect(state.overlay == nil)
        #expect(state.selectedRef == citing[1], "Enter follows the chosen record")
        state.press(.backspace)
        #expect(state.selectedID == "ev-ruling", "and Backspace comes back")
    }

    @Test func yInTheSourceViewCitesTheSourceAndInTheCaseMapTheCase() throws {
        var state = try UIFixtures.state()
        openSource(&state)
        let effects = state.press(.character("y"))
        guard case .copyToClipboard(let text)? = effects.first else { Issue.record("no copy"); return }
        #expect(text.hasPrefix("Conseil d’État — Ordonnance du 22 mars 2024\nSources:\n- Conseil d’État"))
        state.press(.escape)
        guard case .source? = state.overlay else { Issue.record("closing the citation did not return to the source view"); return }
        state.press(.escape, .escape, .character("c"))
        let fromMap = state.press(.character("y"))
        guard case .copyToClipboard(let cited)? = fromMap.first else { Issue.record("no copy from the case map"); return }
        #expect(cited.hasPrefix("Conseil d’État, interim relief order of 22 March 2024"))
    }

    @Test func qClosesTheSourceView() throws {
        var state = try UIFixtures.state()
        openSource(&state)
        let effects = state.press(.character("q"))
        #expect(state.overlay == nil)
        #expect(!effects.contains { if case .quit = $0 { return true } else { return false } })
    }

    @Test(arguments: [(80, 24, Language.en), (80, 24, .fr), (160, 50, .en), (160, 50, .fr)])
    func sourceViewGolden(width: Int, height: Int, lang: Language) throws {
        var state = try UIFixtures.state(width: width, height: height, lang: lang)
        openSource(&state)
        try expectGolden(ScreenView.render(state), "source-\(width)x\(height)-\(lang.rawValue)")
    }
}

@Suite struct OverlayClickTests {
    @Test func aClickOnACitingRecordInTheSourceViewFollowsIt() throws {
        var state = try UIFixtures.state(mouse: true)
        state.press(.enter, .end, .enter)
        guard case .source(let index, _, _)? = state.overlay else { Issue.record("no source view"); return }
        let citing = state.store.citations(ofSource: state.store.sources[index].id)
        let line = try #require(ScreenView.frame(state).regions.overlayLinks.first { $0.link == 2 })
        state.press(.mouse(MouseEvent(kind: .click, row: line.row, column: 5)))
        #expect(state.overlay == nil)
        #expect(state.selectedRef == citing[2])
    }

    @Test func aClickOnTheCaseMapHitsNothingUnderIt() throws {
        var state = try UIFixtures.state(mouse: true)
        state.press(.character("c"))
        let before = state.selectedItem
        let list = try #require(ScreenView.frame(state).regions.overlay)
        state.press(.mouse(MouseEvent(kind: .click, row: list.row + 3, column: 5)))
        #expect(state.selectedItem == before)
        if case .caseMap? = state.overlay {} else { Issue.record("the case map stays open") }
    }
}
