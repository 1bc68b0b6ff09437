import DossierCore
import DossierUI
import Foundation
import Testing

@Suite struct KeymapTests {
    @Test func noKeyIsBoundTwiceInTheSameContext() {
        #expect(Keymap.conflicts().isEmpty, "\(Keymap.conflicts())")
    }

    @Test func theREADMEKeyTableIsTheKeymap() throws {
        let readme = try String(contentsOf: UIFixtures.testsRoot.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(Keymap.markdownTable(.en)), "README's key table differs from Keymap.markdownTable(): regenerate it with `dossier keys`")
    }

    @Test func helpListsEveryBindingInBothLanguages() throws {
        for lang in Language.allCases {
            var state = try UIFixtures.state(width: 160, height: 120, lang: lang)
            state.press(.character("?"))
            let screen = ScreenView.render(state).text
            // help lines may wrap: compare with white space folded
            let folded = screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "║" || $0 == "│" }).joined(separator: " ")
            for binding in Keymap.bindings {
                let words = binding.help[lang].split(separator: " ").joined(separator: " ")
                #expect(folded.contains(words), "help lacks '\(binding.help[lang])'")
            }
        }
    }
}
