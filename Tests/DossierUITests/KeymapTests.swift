import DossierCore
import Foundation
import Testing

@testable import DossierUI

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
        #expect(
            Keymap.conflicts(in: [bind(z, .quit, .everywhere), bind(z, .follow, .detail)]).count == 1,
            "everywhere overlaps every scope")
        #expect(
            Keymap.conflicts(in: [bind(z, .openDetail, .list), bind(z, .follow, .detail)]).isEmpty,
            "the list and the detail never apply at once")
    }

    /// The README and the explorer's reference both show the key table.
    @Test(arguments: ["README.md", "docs/KEYS.md"])
    func theDocumentedKeyTableIsTheKeymap(document: String) throws {
        let text = try UIFixtures.projectText(document)
        #expect(text.contains(Keymap.markdownTable(.en)), "\(document)'s key table differs from Keymap.markdownTable(): regenerate it with `dossier keys`")
    }

    @Test func helpListsEveryBindingInBothLanguages() throws {
        for lang in Language.allCases {
            var state = try UIFixtures.state(width: 160, height: 300, lang: lang)
            state.press(.character("?"))
            let frame = ScreenView.frame(state)
            // only the help box: beside it, the panes' text would fall between a wrapped help line's halves
            let box = try #require(frame.regions.overlay)
            let screen = (box.row..<(box.row + box.height)).map { row in
                (box.column..<(box.column + box.width)).map { frame.grid[row, $0].text }.joined()
            }.joined(separator: "\n")
            // help lines may wrap: compare with white space folded
            let folded = screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "║" || $0 == "│" }).joined(separator: " ")
            for binding in Keymap.bindings {
                let words = binding.help[lang].split(separator: " ").joined(separator: " ")
                #expect(folded.contains(words), "help lacks '\(binding.help[lang])'")
            }
            // and each overlay's keys, in its own section under its name; long key lists wrap in
            // their column, so every key's name is looked for, whole, in the section
            let titles = OverlayKind.allCases.map { $0.title[lang].split(separator: " ").joined(separator: " ") }
            for (n, kind) in OverlayKind.allCases.enumerated() {
                guard let start = folded.range(of: titles[n]) else { Issue.record("help lacks '\(titles[n])'"); continue }
                let end = n + 1 < titles.count ? folded.range(of: titles[n + 1])?.lowerBound ?? folded.endIndex : folded.endIndex
                let section = folded[start.upperBound..<end]
                for binding in OverlayKeymap.bindings(kind) {
                    #expect(section.contains(binding.label[lang]), "help lacks \(kind): '\(binding.label[lang])'")
                    for key in binding.keys {
                        let name = KeyNames.localized(key.name, lang)
                        #expect(
                            section.contains(name) && !section.contains(name.prefix(max(1, name.count - 1)) + "…"),
                            "help lacks \(kind): key \(name)")
                    }
                }
            }
        }
    }
}
