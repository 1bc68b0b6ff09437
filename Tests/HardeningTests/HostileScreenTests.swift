import DossierCore
import Glibc
import Testing

@testable import DossierTerminal
@testable import DossierUI

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

/// Where the grid and the C library (ncurses, most terminals) disagree on a character's width, the
/// backend draws question marks in the grid's cells rather than let the row shift on screen.
@Suite struct WidthAgreementTests {
    @Test func cellsWhoseWidthTheCLibrarySeesDifferentlyAreFlagged() {
        setlocale(LC_CTYPE, "C.UTF-8")
        #expect(Terminal.libcAgrees(with: Cell(text: "a", style: .normal, width: 1)))
        #expect(Terminal.libcAgrees(with: Cell(text: "é", style: .normal, width: 1)))
        #expect(Terminal.libcAgrees(with: Cell(text: "e\u{301}", style: .normal, width: 1)))
        #expect(Terminal.libcAgrees(with: Cell(text: "法", style: .normal, width: 2)))
        #expect(Terminal.libcAgrees(with: Cell(text: "’", style: .normal, width: 1)))
        // U+4DC0 (a hexagram): one cell in the grid's tables, two for glibc
        #expect(!Terminal.libcAgrees(with: Cell(text: "\u{4DC0}", style: .normal, width: UInt8(DisplayWidth.of(Unicode.Scalar(0x4DC0)!)))))
        // U+0600 (an Arabic number sign, a format character): no cell in the grid, one for glibc
        #expect(!Terminal.libcAgrees(with: Cell(text: "x\u{600}", style: .normal, width: 1)))
    }

    /// Every character of the bundled dossier has the same width for the grid and the C library,
    /// so none of it is ever drawn as question marks.
    @Test func theBundledDossierNeedsNoQuestionMarks() throws {
        setlocale(LC_CTYPE, "C.UTF-8")
        let store = try HardeningFixtures.bundled()
        var state = AppState(store: store, lang: .en, width: 160, height: 50)
        var disagreements: Set<String> = []
        for lang in [Language.en, .fr] {
            if state.lang != lang { state.reduce(.toggleLanguage) }
            for pane in Pane.allCases {
                state.reduce(.focus(pane))
                state.reduce(.first)
                for _ in 0..<state.list.count {
                    let grid = ScreenView.render(state)
                    for row in 0..<grid.height {
                        for column in 0..<grid.width where grid[row, column].width > 0 && !Terminal.libcAgrees(with: grid[row, column]) {
                            disagreements.insert(grid[row, column].text)
                        }
                    }
                    state.reduce(.moveDown)
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.map { $0.unicodeScalars.map { String($0.value, radix: 16) } })")
    }
}
