import DossierCore
import DossierUI
import Testing

/// The UI's specification: chosen states rendered into the in-memory grid at several sizes and
/// compared with Golden/*.txt. Re-record after an intended change with
/// `DOSSIER_RECORD_GOLDEN=1 swift test --filter GoldenScreenTests` and review the diff.
@Suite struct GoldenScreenTests {
    @Test func timelineAt80x24() throws {
        try expectGolden(ScreenView.render(try UIFixtures.state(width: 80, height: 24)), "timeline-80x24-en")
    }

    @Test func timelineInFrenchAt120x40() throws {
        try expectGolden(ScreenView.render(try UIFixtures.state(width: 120, height: 40, lang: .fr)), "timeline-120x40-fr")
    }

    @Test func partiesWithWideCharactersAt60x20() throws {
        var state = try UIFixtures.state(width: 60, height: 20)
        state.press(.character("1"), .end)
        #expect(state.selectedID == "wide")
        try expectGolden(ScreenView.render(state), "parties-wide-60x20-en")
    }

    @Test func detailLinksAt80x24() throws {
        var state = try UIFixtures.state(width: 80, height: 24)
        state.press(.enter, .character("j"))
        try expectGolden(ScreenView.render(state), "detail-links-80x24-en")
    }

    @Test func argumentsInFrenchAt60x20() throws {
        var state = try UIFixtures.state(width: 60, height: 20, lang: .fr)
        state.press(.character("3"), .character("j"))
        try expectGolden(ScreenView.render(state), "arguments-60x20-fr")
    }

    @Test func accordLifecycleAt120x40() throws {
        var state = try UIFixtures.state(width: 120, height: 40)
        state.press(.character("4"))
        try expectGolden(ScreenView.render(state), "accords-120x40-en")
    }

    @Test func helpAt80x24() throws {
        var state = try UIFixtures.state(width: 80, height: 24)
        state.press(.character("?"))
        try expectGolden(ScreenView.render(state), "help-80x24-en")
    }

    @Test func gotoDatePromptAt80x24() throws {
        var state = try UIFixtures.state(width: 80, height: 24, lang: .fr)
        state.press(.character("t"))
        state.type("2013-0")
        try expectGolden(ScreenView.render(state), "goto-80x24-fr")
    }

    @Test func tooSmallInBothLanguages() throws {
        try expectGolden(ScreenView.render(try UIFixtures.state(width: 40, height: 10)), "too-small-40x10-en")
        try expectGolden(ScreenView.render(try UIFixtures.state(width: 30, height: 6, lang: .fr)), "too-small-30x6-fr")
    }
}

@Suite struct ScreenInvariantTests {
    @Test(arguments: [(80, 24), (120, 40), (60, 20), (200, 60), (50, 14), (49, 13), (1, 1), (0, 0)])
    func everyRowIsExactlyTheScreenWidth(width: Int, height: Int) throws {
        var state = try UIFixtures.state(width: width, height: height)
        for keys in [
            [Key.character("1"), .end], [.character("2")], [.enter, .end], [.character("3")], [.character("4")], [.character("5"), .character("s")],
            [.character("?")],
        ] {
            for key in keys { state.handle(key) }
            let grid = ScreenView.render(state)
            #expect(grid.width == width && grid.height == height)
            for row in 0..<grid.height { #expect(grid.rowWidth(row) == width, "row \(row) at \(width)×\(height)") }
        }
    }

    @Test func focusShowsWithoutColourAndSelectionIsReversed() throws {
        let state = try UIFixtures.state(width: 80, height: 24)
        let grid = ScreenView.render(state)
        let cursor = try #require(grid.cursor)
        #expect(grid[cursor.row, cursor.column].style == .selection, "the hardware cursor sits on the selected row")
        #expect(grid[cursor.row, 0].text == "║", "the focused list has a double border")
        #expect(grid.text.contains("[2 Timeline]"))
    }

    @Test func aSelectedLinkIsPaintedSelectedAndStillKnownAsALink() throws {
        var state = try UIFixtures.state(width: 80, height: 24)
        state.press(.enter)
        let grid = ScreenView.render(state)
        let cursor = try #require(grid.cursor)
        #expect(grid[cursor.row, cursor.column].style == .selection)
        #expect(grid[cursor.row, cursor.column].role == .link)
        #expect(grid[cursor.row, cursor.column].text == "→")
    }

    @Test func wideCharactersAreNeverSplitAtTheEdge() throws {
        var grid = Grid(width: 5, height: 1)
        grid.put("ab法法", row: 0, column: 0)
        #expect(grid.text == "ab法")
        #expect(grid.rowWidth(0) == 5)
        grid.put("x", row: 0, column: 3)  // overwrite the right half of 法
        #expect(grid.text == "ab x")
        #expect(grid.rowWidth(0) == 5)
        grid.put("\u{1B}[2J", row: 0, column: 0)
        #expect(grid.text.hasPrefix("?[2J"))
    }
}

@Suite struct PowerNavigationGoldenTests {
    @Test func searchResultsAt160x50() throws {
        var state = try UIFixtures.state(width: 160, height: 50)
        state.press(.character("/"))
        state.type("court")
        state.press(.enter, .control("f"))
        try expectGolden(ScreenView.render(state), "search-results-160x50-en")
    }

    @Test func filteredTimelineAt80x24() throws {
        var state = try UIFixtures.state(width: 80, height: 24, lang: .fr)
        state.press(.character("f"))
        state.type("track:courts")
        state.press(.enter)
        try expectGolden(ScreenView.render(state), "filter-80x24-fr")
    }

    @Test func yearsZoomAt160x50() throws {
        var state = try UIFixtures.state(width: 160, height: 50)
        state.press(.character("-"), .character("-"))
        try expectGolden(ScreenView.render(state), "zoom-years-160x50-en")
    }

    @Test func erasZoomAt80x24() throws {
        var state = try UIFixtures.state(width: 80, height: 24, lang: .fr)
        state.press(.character("-"), .character("-"), .character("-"))
        try expectGolden(ScreenView.render(state), "zoom-eras-80x24-fr")
    }

    @Test func tourAt80x24() throws {
        var state = try UIFixtures.state(width: 80, height: 24)
        state.press(.character("T"), .character("n"))
        try expectGolden(ScreenView.render(state), "tour-80x24-en")
    }

    @Test func commandLineAt160x50() throws {
        var state = try UIFixtures.state(width: 160, height: 50, lang: .fr)
        state.press(.character(":"))
        state.type("goto ev-")
        state.press(.tab)
        try expectGolden(ScreenView.render(state), "command-160x50-fr")
    }
}
