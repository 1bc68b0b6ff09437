import DossierCore
import Foundation
import Testing

@testable import DossierUI

/// The overlays' keys come from one table (`OverlayKeymap`): what a key does there, what the
/// status bar says while the overlay is open, and the table in docs/KEYS.md.
@Suite struct OverlayKeysTests {
    static func statusLine(_ state: AppState) -> String {
        String(ScreenView.frame(state).grid.text.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    }

    @Test func noKeyIsBoundTwiceInAnOverlay() {
        #expect(OverlayKeymap.conflicts().isEmpty, "\(OverlayKeymap.conflicts())")
    }

    @Test func theKeysReferenceHasTheOverlayKeyTable() throws {
        let keys = try UIFixtures.projectText("docs/KEYS.md")
        #expect(
            keys.contains(OverlayKeymap.markdownTable(.en)),
            "docs/KEYS.md's overlay key table differs from OverlayKeymap.markdownTable(): regenerate it with `dossier keys`")
    }

    /// The glossary's status bar names the glossary's keys, not the panes' under it; `/` is
    /// offered on the list only, where it works.
    @Test func theGlossaryNamesItsOwnKeys() throws {
        var state = try UIFixtures.state(width: 120, height: 30)
        #expect(Self.statusLine(state).contains("? help"), "the panes' hints before the glossary opens")
        state.press(.character("w"))
        let list = Self.statusLine(state)
        #expect(list.hasPrefix(" q close  j/k move  Enter open  h back  / narrow"), "\(list)")
        #expect(!list.contains("? help") && !list.contains("Timeline"), "\(list)")
        state.press(.enter)
        guard case .glossary(let glossary)? = state.overlay else { Issue.record("the glossary closed"); return }
        #expect(!glossary.pages.isEmpty, "Enter opened a term")
        let page = Self.statusLine(state)
        #expect(page.contains("h back") && !page.contains("/ narrow"), "\(page)")
        #expect(KeyDispatch.action(for: .character("/"), in: state) == nil, "/ does nothing on a term's page")
    }

    @Test func eachOverlayHasACloseHintInBothLanguages() throws {
        for lang in Language.allCases {
            for keys in [[Key.character("?")], [.character("w")], [.character("4"), .character("C")], [.character("T")]] {
                var state = try UIFixtures.state(width: 120, height: 30, lang: lang)
                for key in keys { state.press(key) }
                #expect(state.overlay != nil, "\(keys) opens an overlay")
                let status = Self.statusLine(state)
                let close = lang == .en ? " q close " : " q fermer "
                #expect(status.hasPrefix(close), "\(keys) \(lang): \(status)")
            }
        }
    }

    /// The comparison keeps the keys it had before the table: Tab steps dimensions, and a page
    /// is the box's height less its fixed lines.
    @Test func dispatchFollowsTheTable() throws {
        var state = try UIFixtures.state(width: 120, height: 30)
        state.press(.character("4"), .character("C"))
        #expect(KeyDispatch.action(for: .tab, in: state) == .stepDimension(1))
        #expect(KeyDispatch.action(for: .backTab, in: state) == .stepDimension(-1))
        #expect(KeyDispatch.action(for: .character(" "), in: state) == .overlayLines(30 - 7))
        #expect(KeyDispatch.action(for: .character("2"), in: state) == nil, "pane keys do not reach through an overlay")
        state.press(.character("q"))
        state.press(.character("?"))
        #expect(KeyDispatch.action(for: .pageDown, in: state) == .scrollOverlay(30 - 5))
    }

    /// `y` in the glossary cites the term shown, with its sources; closing the citation
    /// returns to the term, not to the panes.
    @Test func yInTheGlossaryCitesTheTermAndComesBack() throws {
        var state = try UIFixtures.state(width: 120, height: 30)
        state.press(.character("w"), .character("/"))
        state.type("sursis")
        state.press(.enter)
        guard case .glossary(let glossary)? = state.overlay, let page = glossary.pages.last else { Issue.record("no term open"); return }
        #expect(state.store.terms[page.term].id == "stay")
        let effects = state.press(.character("y"))
        guard case .copyToClipboard(let text)? = effects.first else { Issue.record("y sent nothing: \(effects)"); return }
        #expect(text.contains("stay") && text.contains(state.store.source("src-press")!.title), "\(text)")
        guard case .citation? = state.overlay else { Issue.record("the citation is not shown"); return }
        state.press(.character("q"))
        guard case .glossary(let back)? = state.overlay else { Issue.record("q left the glossary"); return }
        #expect(back.pages.last?.term == page.term)
    }

    /// `y` in the comparison cites the record its chosen link leads to.
    @Test func yInTheComparisonCitesTheChosenLink() throws {
        var state = try UIFixtures.state(width: 120, height: 30)
        state.press(.character("4"), .character("C"))
        guard let target = state.comparisonContent?.targets.first else { Issue.record("the comparison has no link"); return }
        let effects = state.press(.character("y"))
        guard case .copyToClipboard(let text)? = effects.first else { Issue.record("y sent nothing: \(effects)"); return }
        #expect(text == state.store.citation(of: target, .en))
        state.press(.escape)
        guard case .compare? = state.overlay else { Issue.record("Esc left the comparison"); return }
    }

    /// J/K's hint names what they step through in the list shown.
    /// On the bundled dossier, whose lists have several groups each.
    @Test func theGroupHintNamesTheGroupsOfTheListShown() throws {
        let bundled = DossierStore(try DossierLoader.load(directory: UIFixtures.testsRoot.deletingLastPathComponent().appendingPathComponent("Resources").path))
        var state = AppState(store: bundled, lang: .en, width: 200, height: 30)
        func status(after keys: Key...) -> String {
            for key in keys { state.press(key) }
            return Self.statusLine(state)
        }
        #expect(status().contains("J/K year"))
        #expect(status(after: .character("1")).contains("J/K role"))
        #expect(status(after: .character("3")).contains("J/K case"))
        #expect(status(after: .character("5")).contains("J/K year"))
        // `s` says the new order; the next move shows the hints again
        #expect(status(after: .character("s"), .character("j")).contains("J/K publisher"))
        #expect(status(after: .character("s"), .character("j")).contains("J/K kind"))
        #expect(!status(after: .character("4")).contains("J/K"), "the accords have no groups")
        #expect(!status(after: .character("2"), .character("-"), .character("-"), .character("-")).contains("J/K"), "nor the eras")
    }
}

/// A filter condition that no record of the pane has is left aside, and the status bar says so.
@Suite struct FilterLeftAsideTests {
    @Test func aSourceKindOnTheTimelineIsSaidToBeLeftAside() throws {
        var state = try UIFixtures.state(width: 120, height: 30)
        let before = state.list.count
        state.press(.character("f"))
        state.type("kind:court")
        state.press(.enter)
        #expect(state.list.count == before, "the condition is not applied")
        let message = try #require(state.message)
        #expect(message.en == "kind:court: no record of the Timeline pane has it, so it is left aside here.")
        #expect(message.fr.hasPrefix("kind:court\u{00A0}: aucun élément du volet Chronologie"))
    }

    /// `leftAside` and `matches` agree: for every pane and every key, a condition said to be
    /// left aside changes nothing in the pane's list.
    @Test func leftAsideIsExactlyWhatMatchingIgnores() throws {
        let store = try UIFixtures.store()
        let samples: [(FilterKey, String)] = [
            (.party, store.parties[0].id), (.kind, "ruling"), (.kind, "court"), (.kind, "other"), (.track, "accords"),
            (.certainty, "verified"), (.side, "claimants"), (.role, "court"), (.lang, "fr"), (.publisher, "conseil"),
        ]
        for pane in Pane.allCases {
            let all = AppState.buildList(pane, store: store, filter: ListFilter(), zoom: .events, sourceOrder: .date)
            for (key, value) in samples {
                guard case .success(let filter) = ListFilter.parse("\(key.rawValue):\(value)", store: store) else { continue }
                let filtered = AppState.buildList(pane, store: store, filter: filter, zoom: .events, sourceOrder: .date)
                if !filter.leftAside(on: pane).isEmpty {
                    #expect(filtered.count == all.count, "\(key.rawValue):\(value) is left aside on \(pane) but changes its list")
                }
            }
        }
        // and some conditions do apply: the check above is not vacuous
        guard case .success(let court) = ListFilter.parse("kind:court", store: store) else { Issue.record("kind:court"); return }
        #expect(court.leftAside(on: .sources).isEmpty && court.leftAside(on: .timeline) == ["kind:court"])
    }
}
