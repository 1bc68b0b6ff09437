import DossierCore
import Testing

@testable import DossierUI

/// The glossary (`w`, `:glossary`): its list, its filter, a term's detail and the ways in and out.
@Suite struct GlossaryTests {
    func glossary(_ state: AppState) -> GlossaryState? {
        if case .glossary(let glossary)? = state.overlay { return glossary } else { return nil }
    }

    func shownTerm(_ state: AppState) -> String? {
        glossary(state)?.pages.last.map { state.store.terms[$0.term].id }
    }

    func selectedTerm(_ state: AppState) -> String? {
        glossary(state)?.selected.map { state.store.terms[$0].id }
    }

    @Test func wOpensItOnTheFirstTermAndQOrEscCloseIt() throws {
        var state = try UIFixtures.state()
        state.press(.character("w"))
        #expect(selectedTerm(state) == "appeal")
        #expect(glossary(state)?.pages.isEmpty == true)
        let effects = state.press(.character("q"))
        #expect(state.overlay == nil)
        #expect(!effects.contains { if case .quit = $0 { return true } else { return false } }, "q closes, it does not quit")
        state.press(.character("w"), .escape)
        #expect(state.overlay == nil)
        state.press(.character("w"), .character("w"))
        #expect(state.overlay == nil, "w again closes it")
    }

    @Test func theCommandOpensItTooAndTabCompletesIt() throws {
        var state = try UIFixtures.state()
        state.press(.character(":"))
        state.type("glo")
        state.press(.tab)
        #expect(state.prompt?.input == "glossary ")
        state.press(.enter)
        #expect(glossary(state) != nil)
        #expect(selectedTerm(state) == "appeal")
    }

    @Test func itListsTermsInTheLanguagesOwnOrder() throws {
        var state = try UIFixtures.state()
        state.press(.character("w"))
        #expect(state.glossaryTerms(filter: "").map { state.store.terms[$0].id } == ["appeal", "interim-order", "stay"])
        state.press(.character("j"))
        #expect(selectedTerm(state) == "interim-order")
        // in French « ordonnance de référé » comes before « recours »; the same term stays chosen
        state.press(.character("L"))
        #expect(state.glossaryTerms(filter: "").map { state.store.terms[$0].id } == ["interim-order", "appeal", "stay"])
        #expect(selectedTerm(state) == "interim-order")
        state.press(.character("j"))
        #expect(selectedTerm(state) == "appeal")
        state.press(.character("G"))
        #expect(selectedTerm(state) == "stay")
    }

    @Test func slashNarrowsAsYouTypeAndEnterOpensTheMatch() throws {
        var state = try UIFixtures.state()
        state.press(.character("w"), .character("/"))
        #expect(state.prompt?.kind == .glossary)
        // an alias matches, accents ignored: « requête » is the appeal's
        state.type("requete")
        #expect(glossary(state)?.filter == "requete")
        #expect(state.glossaryTerms(filter: "requete").map { state.store.terms[$0].id } == ["appeal"])
        #expect(selectedTerm(state) == "appeal")
        #expect(ScreenView.render(state).text.contains("1 of 3 terms match “requete”"))
        state.press(.enter)
        #expect(state.prompt == nil)
        #expect(shownTerm(state) == "appeal")
        // Back returns to the narrowed list; Esc while narrowing shows every term again
        state.press(.character("h"))
        #expect(shownTerm(state) == nil && glossary(state)?.filter == "requete")
        state.press(.character("/"))
        #expect(state.prompt?.input == "requete")
        state.press(.escape)
        #expect(glossary(state)?.filter == "")
        #expect(state.glossaryTerms(filter: "").count == 3)
        // words that match nothing say so, and Enter opens nothing
        state.press(.character("/"))
        state.type("zzz")
        #expect(glossary(state)?.selected == nil)
        state.press(.enter)
        #expect(shownTerm(state) == nil)
        #expect(state.message?.en.hasPrefix("No term matches") == true)
    }

    @Test func enterOpensATermWhoseLinksAreFollowedAndBackReturns() throws {
        var state = try UIFixtures.state()
        state.press(.character("w"), .character("j"), .enter)
        #expect(shownTerm(state) == "interim-order")
        let text = ScreenView.render(state).text
        #expect(text.contains("The 22 March order is one; see also stay."), "the explanation, its links in words")
        #expect(text.contains("Used in"))
        // its links: related (the ruling, the court), terms (stay), used in (…), sources
        let links = state.store.detail(of: .term(1), .en).compactMap { block -> RecordRef? in
            if case .link(let ref, _) = block { return ref } else { return nil }
        }
        let stayRef = try #require(state.store.ref("stay"))
        let stay = try #require(links.firstIndex(of: stayRef))
        for _ in 0..<stay { state.press(.character("j")) }
        state.press(.enter)
        #expect(shownTerm(state) == "stay", "a term link opens the term on top")
        state.press(.backspace)
        #expect(shownTerm(state) == "interim-order", "Back uncovers the term before")
        state.press(.character("g"), .enter)  // the first link: the ruling, shown in its pane
        #expect(state.overlay == nil)
        #expect(state.selectedID == "ev-ruling")
        // Back returns to the term the link was followed from, the glossary as it was
        state.press(.backspace)
        #expect(shownTerm(state) == "interim-order", "Back reopens the glossary on the term")
        #expect(glossary(state)?.pages.count == 1 && glossary(state)?.hasList == true)
        // a source followed from a term: closing its view returns to the term
        let sourceLink = try #require(links.firstIndex { if case .source = $0 { return true } else { return false } })
        state.press(.character("g"))
        for _ in 0..<sourceLink { state.press(.character("j")) }
        state.press(.enter)
        guard case .source? = state.overlay else { Issue.record("Enter on a source link did not open its view"); return }
        state.press(.character("q"))
        #expect(shownTerm(state) == "interim-order", "closing the source view returns to the term")
    }

    @Test func aTermLinkInAnEventsDetailOpensTheTermAndBackComesBack() throws {
        var state = try UIFixtures.state()
        state.reduce(.startPrompt(.command))
        state.type("goto ev-filing")
        state.press(.enter)
        #expect(state.selectedID == "ev-filing")
        state.press(.enter)
        let orderRef = try #require(state.store.ref("interim-order"))
        let termLink = try #require(state.links.firstIndex(of: orderRef))
        for _ in 0..<(termLink - state.linkIndex) { state.press(.character("j")) }
        #expect(state.linkIndex == termLink)
        let screen = ScreenView.render(state).text
        #expect(screen.contains("Terms") && screen.contains("→ interim order"), "\(screen)")
        state.press(.enter)
        #expect(shownTerm(state) == "interim-order")
        #expect(glossary(state)?.hasList == false)
        state.press(.backspace)
        #expect(state.overlay == nil, "Back closes the term opened from a link")
        #expect(state.selectedID == "ev-filing" && state.area == .detail && state.linkIndex == termLink)
    }

    @Test func gotoAndSearchReachTerms() throws {
        var state = try UIFixtures.state()
        state.press(.character(":"))
        state.type("goto stay")
        state.press(.enter)
        #expect(shownTerm(state) == "stay")
        state.press(.escape)
        // a mistyped term id is answered with the nearest ids, terms included
        state.press(.character(":"))
        state.type("goto stya")
        state.press(.enter)
        #expect(state.message?.en.contains("stay") == true)
        // a search hit that is a term opens it; n goes on to the next hit and closes it
        state.press(.character("/"))
        state.type("provisional")
        state.press(.enter)
        #expect(shownTerm(state) == "interim-order")
        #expect(state.search?.hits.contains(.term(1)) == true)
        // Ctrl-F lists it under its kind, and Enter there opens it
        state.press(.escape, .control("f"))
        #expect(ScreenView.render(state).text.contains("Glossary (1)"))
        state.press(.enter)
        #expect(shownTerm(state) == "interim-order")
    }

    @Test func aClickOpensATermAndFollowsItsLinks() throws {
        var state = try UIFixtures.state(mouse: true)
        state.press(.character("w"))
        let line = try #require(ScreenView.frame(state).regions.overlayLinks.first { state.store.terms[$0.link].id == "stay" })
        state.press(.mouse(MouseEvent(kind: .click, row: line.row, column: 5)))
        #expect(shownTerm(state) == "stay")
        let link = try #require(ScreenView.frame(state).regions.overlayLinks.first)
        state.press(.mouse(MouseEvent(kind: .click, row: link.row, column: 5)))
        #expect(shownTerm(state) == "interim-order", "stay's first link is the interim order it uses")
    }

    @Test func itFitsTheSmallestTerminalInBothLanguages() throws {
        for lang in Language.allCases {
            var state = try UIFixtures.state(width: 50, height: 14, lang: lang)
            state.press(.character("w"))
            let text = ScreenView.render(state).text
            #expect(text.contains(lang == .en ? "appeal" : "ordonnance de référé"))
            state.press(.enter)
            #expect(!ScreenView.render(state).text.isEmpty)
            #expect(shownTerm(state) != nil)
        }
    }

    @Test(arguments: [(80, 24, Language.en), (80, 24, .fr), (160, 50, .en), (160, 50, .fr)])
    func glossaryGolden(width: Int, height: Int, lang: Language) throws {
        var state = try UIFixtures.state(width: width, height: height, lang: lang)
        state.press(.character("w"))
        try expectGolden(ScreenView.render(state), "glossary-\(width)x\(height)-\(lang.rawValue)")
        state.press(.character("j"), .enter)
        try expectGolden(ScreenView.render(state), "term-\(width)x\(height)-\(lang.rawValue)")
    }
}
