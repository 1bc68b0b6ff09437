import DossierCore
import Testing

@testable import DossierUI

/// Issue 14's fifth pane: the bibliography, browsed by date, publisher or kind, filtered, each
/// source's detail the source view's content, reached by `5`, Tab, search and `:goto`.
@Suite struct SourcesPaneTests {
    /// A made-up dossier with twenty sources, some with long titles.
    static func synthetic(width: Int = 80, height: Int = 24) throws -> AppState {
        let store = DossierStore(try DossierLoader.load(texts: SyntheticDossier.generate(events: 40).map { ($0.name, $0.text) }))
        var state = AppState(store: store, lang: .en, width: width, height: height)
        state.reduce(.searchIndexReady)
        return state
    }

    func sourceIDs(_ state: AppState) -> [String] {
        (0..<state.list.count).compactMap { state.list.ref(at: $0) }.map { state.store.id(of: $0) }
    }

    @Test func fiveFocusesSourcesAndJMovesOneRow() throws {
        var state = try UIFixtures.state()
        state.press(.character("5"))
        #expect(state.pane == .sources && state.count == nil, "5 is a pane key, not a count")
        #expect(state.selectedID == "src-press", "sorted by date: the March 2024 report before the 22 March order")
        state.press(.character("j"))
        #expect(state.pane == .sources && state.selectedItem == 1 && state.selectedID == "src-court", "5 then j moves one row")
    }

    @Test func sixBeginsACountAndFiveContinuesOne() throws {
        var state = try Self.synthetic()
        state.press(.character("5"), .character("g"), .character("6"), .character("j"))
        #expect(state.pane == .sources && state.selectedItem == 6 && state.count == nil, "6j moves six")
        state.press(.character("g"), .character("6"), .character("5"))
        #expect(state.pane == .sources && state.count == 65, "once begun, 5 continues the count")
        state.press(.character("k"))
        #expect(state.selectedItem == 0 && state.count == nil)
    }

    @Test func tabAndBackTabCycleThroughSources() throws {
        var state = try UIFixtures.state()
        state.press(.character("4"), .tab)
        #expect(state.pane == .sources)
        state.press(.tab)
        #expect(state.pane == .parties, "Tab after Sources wraps to Parties")
        state.press(.backTab)
        #expect(state.pane == .sources)
    }

    @Test func sortedByDateThenPublisherThenKindWithAHeadingPerGroup() throws {
        var state = try Self.synthetic()
        state.press(.character("5"))
        let store = state.store
        func sorted(by key: (Source) -> String) -> Bool {
            let keys = (0..<state.list.count).compactMap { state.list.ref(at: $0) }.map { ref -> String in
                guard case .source(let i) = ref else { return "" }
                return key(store.sources[i])
            }
            return keys == keys.sorted()
        }
        #expect(state.sourceOrder == .date && state.list.count == store.sources.count)
        #expect(sorted { "\($0.date)" }, "by date by default")
        let years = Set(store.sources.map(\.date.year)).count
        #expect(state.list.rows.count == store.sources.count + years, "a heading per year")
        let selected = state.selectedRef
        state.press(.character("s"))
        #expect(state.sourceOrder == .publisher && sorted { TextFold.fold($0.publisher) })
        #expect(state.selectedRef == selected, "the selection stays on the same source")
        #expect(state.message?.en == "Sources by publisher (s: next order)")
        #expect(state.message?.fr == "Sources par éditeur (s\u{00A0}: ordre suivant)")
        #expect(ScreenView.render(state).text.contains("/\(store.sources.count) · by publisher ═"), "the list's title says the order")
        state.press(.character("s"))
        #expect(state.sourceOrder == .kind && sorted { $0.kind.rawValue })
        state.press(.character("J"))
        state.press(.character("s"))
        #expect(state.sourceOrder == .date, "s cycles back to date")
    }

    @Test func sElsewhereSaysWhatItDoesAndSortNamesAnOrder() throws {
        var state = try UIFixtures.state()
        state.press(.character("s"))
        #expect(state.pane == .timeline && state.sourceOrder == .date)
        #expect(state.message?.en == "s sorts the Sources pane (5).")
        state.press(.character(":"))
        state.type("sort publisher")
        state.press(.enter)
        #expect(state.pane == .sources && state.sourceOrder == .publisher)
        #expect(sourceIDs(state) == ["src-court", "src-press"], "Conseil d’État before Example Press")
        state.press(.character(":"))
        state.type("sort colour")
        state.press(.enter)
        #expect(state.message?.en == "sort: date, publisher or kind" && state.sourceOrder == .publisher)
        #expect(CommandCompletion.completions(for: "sort p", kind: .command, store: state.store) == ["sort publisher"])
    }

    @Test func filteredByKindLanguagePublisherAndWords() throws {
        var state = try UIFixtures.state()
        func filter(_ text: String) {
            state.press(.character("5"), .character("f"))
            state.type(text)
            state.press(.enter)
        }
        filter("kind:press")
        #expect(sourceIDs(state) == ["src-press"])
        #expect(ScreenView.render(state).text.contains("filter: kind:press"), "the status bar writes the filter back")
        state.press(.escape)
        filter("lang:fr")
        #expect(sourceIDs(state) == ["src-court"])
        state.press(.escape)
        filter("publisher:conseil-d'etat")
        #expect(sourceIDs(state) == ["src-court"], "publisher: ignores case and accents, - for a space")
        state.press(.escape)
        filter("example.org/press")
        #expect(sourceIDs(state) == ["src-press"], "words match the address too")
        state.press(.escape)
        filter("publisher:nobody")
        #expect(state.prompt?.error?.en == "no publisher 'nobody'")
        state.press(.escape)
        filter("lang:de")
        #expect(state.prompt?.error?.en == "lang: one of en, fr")
        state.press(.escape)
        // kind: still filters events by their own kinds
        state.press(.character("2"), .character("f"))
        state.type("kind:order")
        state.press(.enter)
        #expect(state.list.count == 1 && state.selectedID == "ev-ruling")
    }

    @Test func theDetailIsTheSourceViewAndItsLinksLeadToTheCitingRecordsAndBack() throws {
        var state = try UIFixtures.state()
        state.press(.character("5"), .character("j"))
        #expect(state.selectedID == "src-court")
        let citing = state.store.citations(ofSource: "src-court")
        #expect(state.detailBlocks == state.store.detail(of: try #require(state.selectedRef), .en), "the source view's content")
        #expect(state.links == citing, "every record that cites it, as links")
        let text = state.detailLines.map { $0.segments.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("https://example.org/court") && text.contains("Publisher: Conseil d’État") && text.contains("Cited by"))
        state.press(.enter, .character("j"), .enter)
        #expect(state.selectedRef == citing[1] && state.pane == Pane.showing(citing[1].kind), "a citing record opens in its pane")
        state.press(.backspace)
        #expect(state.pane == .sources && state.selectedID == "src-court", "Back returns to the source")
    }

    @Test func searchAndNStepThroughSourcesToo() throws {
        var state = try UIFixtures.state()
        state.press(.character("/"))
        state.type("example press")
        state.press(.enter)
        let hits = try #require(state.search?.hits)
        #expect(hits.contains { $0.kind == .source }, "sources are searched")
        var visited: Set<Pane> = []
        for _ in hits { state.press(.character("n")); visited.insert(state.pane) }
        #expect(visited.contains(.sources), "n lands in the Sources pane on a source")
        state.press(.control("f"))
        #expect(ScreenView.render(state).text.contains("Sources ("), "Ctrl-F groups them under Sources")
    }

    @Test func gotoASourceIDLandsInTheSourcesPane() throws {
        var state = try UIFixtures.state()
        state.press(.character(":"))
        state.type("goto src-press")
        state.press(.enter)
        #expect(state.pane == .sources && state.selectedID == "src-press")
        state.press(.character(":"))
        state.type("goto src-pres")
        state.press(.enter)
        #expect(state.message?.en.contains("src-press") == true, "a mistyped source id is suggested")
        #expect(state.open(at: "src-court") && state.pane == .sources, "browse --at takes a source id")
        #expect(CommandCompletion.completions(for: "goto src-c", kind: .command, store: state.store) == ["goto src-court"])
    }

    @Test func aSourceLinkInARecordStillOpensTheSourceView() throws {
        var state = try UIFixtures.state()
        state.press(.enter, .end, .enter)
        guard case .source? = state.overlay else { Issue.record("no source view over the record"); return }
        #expect(state.pane == .timeline)
    }

    @Test func rowsShowDateKindInWordsPublisherAndATruncatedTitle() throws {
        for width in [50, 80, 160] {
            var state = try Self.synthetic(width: width, height: 24)
            state.press(.character("5"))
            let grid = ScreenView.render(state)
            let list = try #require(ScreenView.frame(state).regions.list)
            #expect(ScreenView.frame(state).regions.listRows.count > 3)
            for shown in ScreenView.frame(state).regions.listRows {
                guard case .source(let i)? = state.list.ref(at: shown.item) else { continue }
                let source = state.store.sources[i]
                // the row inside the list box only (at 160 columns the detail is beside it)
                let line = (list.column..<(list.column + list.width)).map { grid[shown.row, $0].text }.joined()
                #expect(line.contains(source.date.description), "\(width): the date in \(line)")
                #expect(line.contains(String(source.publisher.prefix(6))), "\(width): the publisher in \(line)")
                if width >= 80 { #expect(line.contains(" press "), "\(width): the kind in words, not by colour alone, in \(line)") }
                #expect(line.contains(String(source.title.prefix(8))), "\(width): the title in \(line)")
                if DisplayWidth.of(source.title) > list.width { #expect(line.contains("…"), "\(width): a long title ends with … in \(line)") }
            }
            #expect((0..<grid.height).allSatisfy { grid.rowWidth($0) == width })
        }
    }

    @Test func theTabStripFitsFiftyColumnsAndClicksFollowIt() throws {
        var state = try UIFixtures.state(width: 50, height: 14, lang: .fr, mouse: true)
        let strip = ScreenView.render(state).text.split(separator: "\n")[1]
        #expect(strip.contains(" 1  [2 Chronologie]  3   4   5"), "the focused tab keeps its title, the others their key: \(strip)")
        let tabs = ScreenView.frame(state).regions.tabs
        #expect(tabs.map(\.pane) == Pane.allCases)
        #expect(tabs.allSatisfy { $0.rect.column + $0.rect.width <= 50 }, "every tab on screen")
        let five = try #require(tabs.last).rect
        state.press(.mouse(MouseEvent(kind: .click, row: five.row, column: five.column + 1)))
        #expect(state.pane == .sources, "a click on 5 focuses Sources")
        let after = ScreenView.render(state).text.split(separator: "\n")[1]
        #expect(after.contains("[5 Sources]") && after.contains(" 2 "))
        // at 80 columns every tab has its title
        let wide = ScreenView.render(try UIFixtures.state(width: 80, height: 24, lang: .fr)).text.split(separator: "\n")[1]
        #expect(wide.contains(" 1 Parties ") && wide.contains("[2 Chronologie]") && wide.contains(" 5 Sources"))
    }

    @Test func yCitesTheSelectedSource() throws {
        var state = try UIFixtures.state()
        state.press(.character("5"), .character("j"))
        let effects = state.press(.character("y"))
        guard case .copyToClipboard(let text)? = effects.first else { Issue.record("no copy"); return }
        #expect(text.contains("https://example.org/court"))
    }
}

/// Golden screens of the Sources pane at the three sizes, both languages, and the dark and light
/// themes (re-recorded with the other GoldenScreenTests).
@Suite struct SourcesPaneGoldenTests {
    static let sizes: [(Int, Int)] = [(80, 24), (160, 50), (50, 14)]
    static let cases: [(Int, Int, Language)] = sizes.flatMap { size in Language.allCases.map { (size.0, size.1, $0) } }

    func screen(width: Int, height: Int, lang: Language) throws -> Grid {
        var state = try UIFixtures.state(width: width, height: height, lang: lang)
        state.press(.character("5"), .character("j"))
        return ScreenView.render(state)
    }

    @Test(arguments: cases)
    func sourcesPane(width: Int, height: Int, lang: Language) throws {
        try expectGolden(try screen(width: width, height: height, lang: lang), "sources-\(width)x\(height)-\(lang.rawValue)")
    }

    @Test(arguments: cases)
    func sourcesPaneThemed(width: Int, height: Int, lang: Language) throws {
        let grid = try screen(width: width, height: height, lang: lang)
        for theme in [Theme.dark, .light] {
            try expectThemedGolden(grid, "sources-\(theme.rawValue)-\(width)x\(height)-\(lang.rawValue)", theme: theme)
        }
    }
}
