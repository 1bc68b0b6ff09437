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
