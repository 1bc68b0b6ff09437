import DossierCore
import Testing

@testable import DossierUI

/// The `:` commands are declared once (`PromptCommands.all`): the line runs each of them, Tab
/// offers each, and the `:` key's help names each, in both languages.
@Suite struct PromptCommandTests {
    @Test func everyDeclaredCommandRunsCompletesAndIsInTheHelp() throws {
        let colon = try #require(Keymap.bindings.first { $0.keys == [.character(":")] })
        let store = try UIFixtures.store()
        for command in PromptCommands.all {
            for lang in Language.allCases {
                #expect(colon.help[lang].contains(command.name), "the help of : in \(lang) names \(command.name)")
            }
            let offered = CommandCompletion.completions(for: String(command.name.prefix(2)), kind: .command, store: store)
            #expect(offered.contains(command.name + " "), "Tab offers \(command.name)")
            for name in [command.name] + command.aliases {
                var state = try UIFixtures.state()
                state.prompt = Prompt(kind: .command, input: name)
                state.reduce(.promptSubmit)
                #expect(state.message?.en.hasPrefix("Unknown command") != true, ":\(name) is run, not unknown")
            }
        }
        var state = try UIFixtures.state()
        state.prompt = Prompt(kind: .command, input: "nosuch")
        state.reduce(.promptSubmit)
        #expect(state.message?.en.hasPrefix("Unknown command") == true)
    }

    @Test func aCommandsValuesAreWhatTabOffersAfterIt() throws {
        let store = try UIFixtures.store()
        #expect(CommandCompletion.completions(for: "sort p", kind: .command, store: store) == ["sort publisher"])
        #expect(CommandCompletion.completions(for: "lang f", kind: .command, store: store) == ["lang fr"])
        #expect(CommandCompletion.completions(for: "filter ki", kind: .command, store: store) == ["filter kind:"], "the filter prompt's own completion")
        #expect(!CommandCompletion.completions(for: "goto ", kind: .command, store: store).isEmpty)
    }
}
