import DossierCore
import Testing

@testable import DossierUI

/// One table of filter keys (FilterKey) drives parsing, writing back, completion, the prompt's
/// help and the `f` key's help: a key added there shows up in all five.
@Suite struct FilterKeyTests {
    @Test(arguments: FilterKey.allCases)
    func eachKeyParsesCompletesAndIsListed(key: FilterKey) throws {
        let store = try UIFixtures.store()
        let value = try #require(key.values(in: store).first, "\(key) has values")
        let parsed = try ListFilter.parse("\(key.rawValue):\(value) word", store: store).get()
        #expect(key.value(in: parsed) == value)
        #expect(parsed.description == "\(key.rawValue):\(value) word", "written back as typed")
        let completions = CommandCompletion.completions(for: String(key.rawValue.prefix(2)), kind: .filter, store: store)
        #expect(completions.contains(key.rawValue + ":"))
        let values = CommandCompletion.completions(for: "\(key.rawValue):", kind: .filter, store: store)
        #expect(values.contains("\(key.rawValue):\(value) "))
        guard case .failure(let error) = ListFilter.parse("\(key.rawValue):no-such-value", store: store) else {
            Issue.record("\(key): a bad value is refused")
            return
        }
        #expect(error.message.en.contains(key.rawValue))

        let filterHelp = try #require(Keymap.bindings.first { $0.action == .startPrompt(.filter) }).help
        for lang in Language.allCases {
            #expect(filterHelp[lang].contains("\(key.rawValue):\(key.placeholder)"))
            var state = try UIFixtures.state(width: 120, height: 30, lang: lang)
            state.press(.character("f"))
            #expect(ScreenView.render(state).text.contains(key.rawValue + ":"), "the prompt's help lists \(key)")
        }
    }

    @Test func anUnknownKeyNamesEveryKnownOne() throws {
        guard case .failure(let error) = ListFilter.parse("colour:red", store: try UIFixtures.store()) else {
            Issue.record("colour: is not a filter key")
            return
        }
        #expect(error.message.en == "unknown filter 'colour:' (party, kind, track, certainty, side, role, case, lang, publisher)")
    }
}
