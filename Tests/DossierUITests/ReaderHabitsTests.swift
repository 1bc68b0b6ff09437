import DossierCore
import DossierUI
import Testing

/// Habits terminal readers bring from shells and pagers (issue 29, section 5).
@Suite struct ReaderHabitsTests {
    @Test func ctrlUClearsAPromptAndCtrlWDeletesAWord() throws {
        var state = try UIFixtures.state()
        state.press(.character(":"))
        state.type("goto  schrems ii")
        state.press(.control("w"))
        #expect(state.prompt?.input == "goto  schrems ")
        state.press(.control("w"))
        #expect(state.prompt?.input == "goto  ", "the word, not the spaces after it")
        state.press(.control("w"))
        #expect(state.prompt?.input == "")
        state.type("lang fr")
        state.press(.control("u"))
        #expect(state.prompt?.input == "")
        #expect(state.prompt?.kind == .command, "the prompt stays open, empty")
        state.press(.control("w"))
        #expect(state.prompt?.input == "", "nothing to delete is no error")
    }

    @Test func ctrlUInTheSearchPromptShowsEveryRecordAgain() throws {
        var state = try UIFixtures.state()
        state.press(.character("/"))
        state.type("zzzzzz")
        #expect(state.search?.hits.isEmpty == true)
        state.press(.control("u"))
        state.type("ruling")
        #expect(state.search?.hits.isEmpty == false, "the search runs on what the line says after Ctrl-U")
    }

    @Test func f1OpensAndClosesTheHelp() throws {
        var state = try UIFixtures.state()
        state.press(.function(1))
        #expect(state.overlay == .help(scroll: 0))
        state.press(.function(1))
        #expect(state.overlay == nil, "F1 is bound where ? is")
    }

    @Test func aCancelledTwoKeySequenceSaysSo() throws {
        for (first, second) in [("m", Key.escape), ("'", .character("1")), ("]", .character("z")), ("[", .down)] {
            var state = try UIFixtures.state()
            state.press(.character(Character(first)))
            #expect(state.pendingPrefix == Character(first))
            state.press(second)
            #expect(state.pendingPrefix == nil)
            #expect(state.message?.en == "\(first): cancelled (it waits for a second key; see ? for which).", "\(first) then \(second)")
            #expect(ScreenView.render(state).text.contains("\(first): cancelled"), "shown in the status bar")
        }
        var state = try UIFixtures.state()
        state.press(.character("m"), .character("a"))
        #expect(state.message?.en == "Mark 'a' set.", "a real second half still works")
    }
}

/// `n`/`N` go on with the last search after Esc, as in less (issue 29, section 3).
@Suite struct SearchAfterEscapeTests {
    @Test func nAndNAfterEscKeepTheLastQuery() throws {
        var state = try UIFixtures.state()
        state.press(.character("/"))
        state.type("ruling")
        state.press(.enter)
        let hits = try #require(state.search?.hits)
        try #require(hits.count > 1)
        state.press(.escape)
        #expect(state.search == nil, "Esc clears the highlight")
        state.press(.character("n"))
        #expect(state.search?.query == "ruling", "n takes the last search up again")
        #expect(state.selectedRef == hits[1], "and moves to the next hit")
        state.press(.escape, .character("N"))
        #expect(state.selectedRef == hits[0])
    }

    @Test func anAbandonedSearchGivesTheOneBeforeItBack() throws {
        var state = try UIFixtures.state()
        state.press(.character("/"))
        state.type("ruling")
        state.press(.enter)
        let before = try #require(state.search)
        state.press(.character("/"))
        state.type("zzz")
        state.press(.escape)
        #expect(state.search?.query == before.query, "the search before the abandoned one")
        state.press(.character("n"))
        #expect(state.message?.en == "Match 2 of \(before.hits.count)", "n goes on from where that search stood")
    }
}

@Suite struct BulletLayoutTests {
    /// The accords' mechanisms are bullets: their wrapped lines hang under the text (issue 29).
    @Test func wrappedBulletLinesAreIndented() {
        let blocks: [DetailBlock] = [.paragraph("• An ombudsperson in the State Department hears complaints from Europeans")]
        let lines = DetailLayout.lines(blocks, width: 24, lang: .en).map { $0.segments.map(\.text).joined() }
        #expect(lines.count > 2)
        #expect(lines.first?.hasPrefix("• An ") == true)
        for line in lines.dropFirst() { #expect(line.hasPrefix("  ") && !line.hasPrefix("   "), "\(line)") }
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 24 })
    }
}

@Suite struct HelpOnATinyScreenTests {
    /// With the help open on a screen too small for the panes (where no help is drawn), scrolling
    /// keys do nothing; once the screen is large enough again, they scroll.
    @Test func scrollingTheHelpOnATooSmallScreenDoesNothing() throws {
        var state = try UIFixtures.state()
        state.press(.function(1))
        state.reduce(.resize(width: 20, height: 5))
        state.press(.character("j"), .character(" "), .pageUp, .character("k"))
        #expect(state.overlay == .help(scroll: 0))
        state.reduce(.resize(width: 80, height: 24))
        state.press(.character("j"))
        #expect(state.overlay == .help(scroll: 1), "scrolls again once the screen is large enough")
    }
}
