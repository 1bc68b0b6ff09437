import DossierCore
@testable import DossierUI
import Foundation
import Testing

@Suite struct KeymapTests {
    @Test func noKeyIsBoundTwiceInTheSameContext() {
        #expect(Keymap.conflicts().isEmpty, "\(Keymap.conflicts())")
    }

    /// A test-only keymap with the conflicts the old check missed: it compared a binding only
    /// with the last scope seen for its key, so list, detail, list again passed.
    @Test func conflictsCompareEveryPairOfScopes() {
        func bind(_ key: Key, _ action: Action, _ scope: KeyScope) -> Binding {
            Binding(keys: [key], action: action, scope: scope, group: .general, help: Localized("test"), hint: nil)
        }
        let x = Key.character("x"), z = Key.character("z")
        let listDetailList = [bind(x, .moveDown, .list), bind(x, .follow, .detail), bind(x, .moveUp, .list)]
        #expect(Keymap.conflicts(in: listDetailList).count == 1)
        #expect(Keymap.conflicts(in: [bind(z, .quit, .everywhere), bind(z, .follow, .detail)]).count == 1,
                "everywhere overlaps every scope")
        #expect(Keymap.conflicts(in: [bind(z, .openDetail, .list), bind(z, .follow, .detail)]).isEmpty,
                "the list and the detail never apply at once")
    }

    @Test func theREADMEKeyTableIsTheKeymap() throws {
        let readme = try String(contentsOf: UIFixtures.testsRoot.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(Keymap.markdownTable(.en)), "README's key table differs from Keymap.markdownTable(): regenerate it with `dossier keys`")
    }

    @Test func helpListsEveryBindingInBothLanguages() throws {
        for lang in Language.allCases {
            var state = try UIFixtures.state(width: 160, height: 120, lang: lang)
            state.press(.character("?"))
            // only what is inside the help box: the panes beside it must not fill a wrapped line's gap
            let grid = ScreenView.render(state)
            let box = try #require(state.regions.help?.box.inner)
            let screen = (box.row..<(box.row + box.height)).map { row in
                (box.column..<(box.column + box.width)).map { grid[row, $0].text }.joined()
            }.joined(separator: "\n")
            // help lines may wrap: compare with white space folded
            let folded = screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "║" || $0 == "│" }).joined(separator: " ")
            for binding in Keymap.bindings {
                let words = binding.help[lang].split(separator: " ").joined(separator: " ")
                #expect(folded.contains(words), "help lacks '\(binding.help[lang])'")
            }
        }
    }
}
