import DossierCore
import Testing

@testable import DossierUI

extension UIFixtures {
    /// The explorer on Fixtures/compare: three made-up accords with every dimension.
    static func compareState(width: Int = 80, height: Int = 24, lang: Language = .en) throws -> AppState {
        let store = DossierStore(try DossierLoader.load(directory: testsRoot.appendingPathComponent("DossierCoreTests/Fixtures/compare").path))
        var state = AppState(store: store, lang: lang, width: width, height: height)
        _ = state.store.searchIndex
        state.reduce(.searchIndexReady)
        return state
    }
}

extension AppState {
    var comparison: (dimension: Int, link: Int, scroll: Int)? {
        if case .compare(let dimension, let link, let scroll)? = overlay { return (dimension, link, scroll) }
        return nil
    }

    /// What the chosen link of the comparison leads to.
    var comparisonTarget: String? {
        guard let chosen = comparison?.link, let content = comparisonContent, chosen < content.targets.count else { return nil }
        return store.id(of: content.targets[chosen])
    }
}

@Suite struct CompareViewTests {
    @Test func cOpensItFromTheAccordsPaneOnlyAndQCloses() throws {
        var state = try UIFixtures.compareState()
        state.press(.character("C"))
        #expect(state.overlay == nil, "not from the timeline")
        #expect(state.message?.en.hasPrefix("C compares the accords from the Accords pane") == true)
        state.press(.character("4"), .character("C"))
        #expect(state.comparison?.dimension == 0)
        let screen = ScreenView.render(state).text
        #expect(screen.contains("Dimension 1 of 9 — Legal instrument and basis"))
        // q closes the comparison without quitting, and so do Esc and C
        let effects = state.press(.character("q"))
        #expect(state.overlay == nil)
        #expect(!effects.contains { if case .quit = $0 { return true } else { return false } })
        state.press(.character("C"), .escape)
        #expect(state.overlay == nil)
        state.press(.character("C"), .character("C"))
        #expect(state.overlay == nil)
    }

    @Test func theCommandOpensItFromAnywhereWithTabCompletion() throws {
        var state = try UIFixtures.compareState()
        state.press(.character(":"))
        state.type("comp")
        state.press(.tab)
        #expect(state.prompt?.input == "compare ")
        state.press(.enter)
        #expect(state.comparison?.dimension == 0)
        #expect(state.pane == .timeline, "the pane under it stays")
    }

    @Test func jAndKStepDimensionsWithTheirIndicator() throws {
        var state = try UIFixtures.compareState(lang: .fr)
        state.press(.character("4"), .character("C"), .character("J"), .character("J"))
        #expect(state.comparison?.dimension == 2)
        #expect(ScreenView.render(state).text.contains("Point 3 sur 9 — Engagements américains"))
        #expect(state.comparisonTarget == "accord-one", "the first link of the page: the oldest accord")
        state.press(.character("K"))
        #expect(state.comparison?.dimension == 1)
        for _ in 0..<12 { state.press(.tab) }
        #expect(state.comparison?.dimension == 8, "Tab steps too, and stops at the last")
        #expect(state.message?.fr == "Pas d’autre point.")
        state.press(.backTab)
        #expect(state.comparison?.dimension == 7)
    }

    @Test func theAccordsComeInDateOrderAndTheUnknownIsSaidInWords() throws {
        var state = try UIFixtures.compareState()
        state.press(.character("4"), .character("C"))
        for _ in 0..<5 { state.press(.character("J")) }
        let screen = ScreenView.render(state).text
        let one = try #require(screen.range(of: "Accord One (2000–2015)")), two = try #require(screen.range(of: "Accord Two (2016–2020)"))
        #expect(one.lowerBound < two.lowerBound)
        #expect(screen.contains("[not established]"), "the bulk-collection cell of Accord One is unknown")
    }

    @Test func aCellsLinksAreFollowedAndBackReturnsToTheComparison() throws {
        var state = try UIFixtures.compareState()
        state.press(.character("4"), .character("C"))
        for _ in 0..<7 { state.press(.character("J")) }  // the ruling
        #expect(state.comparison?.dimension == 7)
        #expect(state.comparisonTarget == "accord-one")
        state.press(.character("j"))
        #expect(state.comparisonTarget == "ev-first-ruling", "the record the text links to")
        state.press(.enter)
        #expect(state.overlay == nil)
        #expect(state.pane == .timeline && state.selectedID == "ev-first-ruling")
        state.press(.backspace)
        #expect(state.comparison?.dimension == 7, "Back reopens the comparison where it was")
        #expect(state.comparisonTarget == "ev-first-ruling")
        #expect(state.pane == .accords)
        // a source opens the source view; closing it comes back to the comparison
        state.press(.character("j"))
        #expect(state.comparisonTarget == "src-beta")
        state.press(.enter)
        guard case .source(let index, _, _)? = state.overlay else { Issue.record("no source view: \(String(describing: state.overlay))"); return }
        #expect(state.store.sources[index].id == "src-beta")
        state.press(.character("q"))
        #expect(state.comparison?.dimension == 7)
        // the accord itself
        state.press(.character("k"), .character("k"), .enter)
        #expect(state.overlay == nil && state.pane == .accords && state.selectedID == "accord-one")
    }

    /// At the end the scroll stops, so the last dimensions' blocks cannot reach the top: the
    /// label of the dimension J stands on is drawn as the active one, and only it.
    @Test func sideBySideTheDimensionJStandsOnIsMarkedEvenWhenTheScrollStops() throws {
        var state = try UIFixtures.compareState(width: 160, height: 50)
        state.press(.character("4"), .character("C"))
        for _ in 0..<8 { state.press(.character("J")) }
        #expect(state.comparison?.dimension == 8)
        let content = try #require(state.comparisonContent)
        #expect(content.dimensionStarts[8] > CompareView.maxScroll(state, content), "the last block starts below the top: the case this is for")
        let grid = ScreenView.render(state)
        let rows = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let labels = AccordComparison.Dimension.allCases.map { $0.label.en }
        func activeRows(_ label: String) -> [Int] {
            let word = String(label.split(separator: " ").first!)
            return rows.indices.filter { row in
                guard let range = rows[row].range(of: word) else { return false }
                let column = DisplayWidth.of(String(rows[row][..<range.lowerBound]))
                return grid[row, column].style == .focusTitle
            }
        }
        #expect(!activeRows(labels[8]).isEmpty, "the last dimension's label is active")
        for label in labels.dropLast() where rows.contains(where: { $0.contains(label.split(separator: " ").first!) }) {
            #expect(activeRows(label).isEmpty, "\(label) is not")
        }
    }

    @Test func sideBySideTheAccordsAreColumnsAndJumpsGoToEachBlock() throws {
        var state = try UIFixtures.compareState(width: 160, height: 50)
        state.press(.character("4"), .character("C"))
        let content = try #require(state.comparisonContent)
        #expect(content.sideBySide)
        #expect(content.dimensionStarts.count == 9)
        let screen = ScreenView.render(state).text
        let header = try #require(screen.split(separator: "\n").first { $0.contains("Accord One (2000–2015)") })
        #expect(header.contains("Accord Two (2016–2020)") && header.contains("Accord Three (2023–)"), "one line: \(header)")
        #expect(screen.contains("Legal instrument"))
        // the accords' names stay at the top; links go on from there into the cells
        state.press(.character("j"), .character("j"), .character("j"))
        #expect(state.comparisonTarget == "src-alpha")
        state.press(.character("J"), .character("J"), .character("J"), .character("J"))
        #expect(state.comparison?.dimension == 4)
        #expect(state.comparison?.scroll == min(content.dimensionStarts[4], CompareView.maxScroll(state, content)))
        #expect(ScreenView.render(state).text.contains("↑"), "there is more above")
    }

    @Test func scrollKeysMoveTheLinesAndTheMarksSaySo() throws {
        var state = try UIFixtures.compareState(width: 120, height: 30)
        state.press(.character("4"), .character("C"))
        #expect(ScreenView.render(state).text.contains("↓"))
        state.press(.control("e"))
        #expect(state.comparison?.scroll == 1)
        state.press(.control("y"), .control("y"))
        #expect(state.comparison?.scroll == 0)
        state.press(.character(" "))
        let paged = try #require(state.comparison?.scroll)
        #expect(paged > 1)
        state.press(.character("b"))
        #expect(state.comparison?.scroll == 0)
        state.press(.character("G"))
        let content = try #require(state.comparisonContent)
        #expect(state.comparison?.scroll == CompareView.maxScroll(state, content))
        #expect(!ScreenView.render(state).text.contains("↓"))
    }

    @Test(arguments: [(80, 24), (120, 40), (160, 50), (50, 14), (200, 60)])
    func nothingIsCutAndEveryRowFits(width: Int, height: Int) throws {
        for lang in Language.allCases {
            var state = try UIFixtures.compareState(width: width, height: height, lang: lang)
            state.press(.character("4"), .character("C"))
            let content = try #require(state.comparisonContent)
            let inner = CompareView.box(state.layout).inner
            for line in content.header + content.body {
                #expect(line.width <= inner.width, "\(width)×\(height) \(lang): \(line.segments.map(\.text).joined())")
            }
            // every word of every cell is somewhere in the lines (wrapped, not cut)
            let all = (content.header + content.body).map { $0.segments.map(\.text).joined() }.joined(separator: " ")
            let table = state.store.comparison(lang)
            let cells = content.sideBySide ? table.rows.flatMap(\.cells) : table.rows[0].cells
            for cell in cells {
                for word in cell.text.split(separator: " ") where word.count < inner.width / 4 {
                    #expect(all.contains(word), "\(width)×\(height) \(lang): '\(word)' missing")
                }
            }
            let grid = ScreenView.render(state)
            for row in 0..<grid.height { #expect(grid.rowWidth(row) == width) }
        }
    }

    @Test func aClickOnALinkFollowsIt() throws {
        var state = try UIFixtures.compareState(width: 160, height: 50)
        state.mouseEnabled = true
        state.press(.character("4"), .character("C"))
        let spot = try #require(ScreenView.frame(state).regions.overlayLinks.first { $0.link == 1 })
        state.press(.mouse(MouseEvent(kind: .click, row: spot.row, column: spot.column + 1)))
        #expect(state.overlay == nil && state.selectedID == "accord-two")
    }
}

/// Golden screens of the comparison (re-recorded with the other GoldenScreenTests).
@Suite struct CompareGoldenScreenTests {
    @Test(arguments: [(80, 24, Language.en), (80, 24, .fr), (160, 50, .en), (160, 50, .fr)])
    func comparison(width: Int, height: Int, lang: Language) throws {
        var state = try UIFixtures.compareState(width: width, height: height, lang: lang)
        state.press(.character("4"), .character("C"))
        try expectGolden(ScreenView.render(state), "compare-\(width)x\(height)-\(lang.rawValue)")
    }

    @Test func aLaterDimensionWithALinkChosenAt80x24() throws {
        var state = try UIFixtures.compareState(width: 80, height: 24)
        state.press(.character("4"), .character("C"), .character("J"), .character("J"), .character("J"), .character("J"), .character("J"), .character("j"))
        try expectGolden(ScreenView.render(state), "compare-bulk-80x24-en")
    }

    @Test func stillUsableAt50x14() throws {
        var state = try UIFixtures.compareState(width: 50, height: 14, lang: .fr)
        state.press(.character("4"), .character("C"))
        let screen = ScreenView.render(state).text
        #expect(screen.contains("Point 1 sur 9"))
        #expect(screen.contains("→ Accord un (2000–2015)"))
        try expectGolden(ScreenView.render(state), "compare-50x14-fr")
    }
}
