import DossierCore
@testable import DossierUI
import Testing

/// The caches behind a key's frame (the selected record's laid-out detail, the list rows already
/// drawn): after any key, the screen is the one a state with empty caches renders, so a cache
/// never shows the record, width, language or order it was filled for after they change.
@Suite struct RenderCacheTests {
    /// Renders `state` as it is (caches warm from the keys before) and again with empty caches.
    private func expectSameAsFresh(_ state: AppState, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var fresh = state
        fresh.emptyCaches()
        let cached = ScreenView.render(state), rendered = ScreenView.render(fresh)
        #expect(cached == rendered, "after \(step)", sourceLocation: sourceLocation)
        #expect(state.detailLines == fresh.detailLines, "detail after \(step)", sourceLocation: sourceLocation)
        #expect(state.links == fresh.links, "links after \(step)", sourceLocation: sourceLocation)
    }

    @Test func everyKeyRendersAsWithEmptyCaches() throws {
        var state = try UIFixtures.state(width: 120, height: 40)
        let keys: [Key] = [.character("j"), .character("j"), .character("k"), .character("J"), .character("K"),
                           .enter, .character("j"), .character("j"), .escape, .character("L"), .character("j"),
                           .character("L"), .character("1"), .character("j"), .character("3"), .character("k"),
                           .character("5"), .character("s"), .character("j"), .character("s"), .character("4"),
                           .character("2"), .character("-"), .character("j"), .character("+"), .control("e"),
                           .control("e"), .character("k"), .character("G"), .character("g")]
        for key in keys {
            state.press(key)
            expectSameAsFresh(state, "\(key)")
        }
    }

    @Test func resizingRendersAsWithEmptyCaches() throws {
        var state = try UIFixtures.state(width: 120, height: 40)
        state.press(.character("j"), .character("j"))
        for (width, height) in [(80, 24), (60, 20), (200, 60), (120, 40), (81, 24)] {
            state.reduce(.resize(width: width, height: height))
            expectSameAsFresh(state, "a resize to \(width)×\(height)")
            state.press(.character("k"))
            expectSameAsFresh(state, "k at \(width)×\(height)")
        }
    }

    @Test func searchHighlightsAreNotCached() throws {
        var state = try UIFixtures.state(width: 120, height: 40)
        state.press(.character("j"))
        _ = ScreenView.render(state)
        state.press(.character("/"))
        state.type("privacy")
        state.press(.enter)
        expectSameAsFresh(state, "a search")
        state.press(.character("n"))
        expectSameAsFresh(state, "the next hit")
    }

    /// The frame lays out only the detail lines it shows: they are the full layout's first ones.
    @Test func limitedLayoutIsThePrefixOfTheFullOne() throws {
        let store = try UIFixtures.store()
        let refs = store.events.indices.map { RecordRef.event($0) } + store.parties.indices.map { RecordRef.party($0) }
            + store.sources.indices.map { RecordRef.source($0) }
        for ref in refs {
            for lang in Language.allCases {
                let blocks = store.detail(of: ref, lang)
                for width in [1, 20, 57] {
                    let full = DetailLayout.lines(blocks, width: width, lang: lang)
                    for limit in [0, 1, 3, 10, full.count, full.count + 5] {
                        #expect(DetailLayout.lines(blocks, width: width, lang: lang, limit: limit) == Array(full.prefix(limit)),
                                "\(ref) \(lang) width \(width) limit \(limit)")
                    }
                }
            }
        }
    }

    /// A box drawn cell by cell is the one drawn as strings was, over wide characters too.
    @Test func boxCellsMatchBoxStrings() {
        for focused in [false, true] {
            var base = Grid(width: 14, height: 6)
            for row in 0..<6 { base.put("法律法律法律法律", row: row, column: 0) }
            var boxed = base
            Box.draw(Rect(row: 1, column: 1, width: 10, height: 4), title: "titre long", focused: focused, into: &boxed)
            var reference = base
            let (h, v, tl, tr, bl, br) = focused ? ("═", "║", "╔", "╗", "╚", "╝") : ("─", "│", "┌", "┐", "└", "┘")
            let style: Style = focused ? .focusBorder : .border
            reference.put(tl + String(repeating: h, count: 8) + tr, row: 1, column: 1, maxWidth: 10, style: style)
            for r in 2..<4 {
                reference.put(v, row: r, column: 1, style: style)
                reference.put(v, row: r, column: 10, style: style)
            }
            reference.put(bl + String(repeating: h, count: 8) + br, row: 4, column: 1, maxWidth: 10, style: style)
            reference.put(" " + TextLayout.truncate("titre long", to: 4) + " ", row: 1, column: 3, maxWidth: 6, style: focused ? .focusTitle : .title)
            #expect(boxed == reference, "focused \(focused)")
            #expect((0..<6).allSatisfy { boxed.rowWidth($0) == 14 })
        }
    }

    /// Going back to records seen a moment ago finds their detail kept, and draws it as a state
    /// with empty caches does; no more than `DetailCache.capacity` records are kept.
    @Test func recordsSeenJustBeforeRenderAsWithEmptyCaches() throws {
        // a synthetic dossier: more events than the cache holds
        let store = DossierStore(try DossierLoader.load(texts: SyntheticDossier.generate(events: 60).map { ($0.name, $0.text) }))
        var state = AppState(store: store, lang: .fr, width: 120, height: 40)
        state.press(.character("g"))
        var seen: Set<RecordRef> = []
        for _ in 0..<(DetailCache.capacity + 6) {
            state.press(.character("j"))
            _ = ScreenView.render(state)
            if let ref = state.selectedRef { seen.insert(ref) }
        }
        #expect(seen.count > 2)
        #expect(state.detailCache.count == min(seen.count, DetailCache.capacity))
        for _ in 0..<(DetailCache.capacity + 6) {
            state.press(.character("k"))
            expectSameAsFresh(state, "k back to \(String(describing: state.selectedRef))")
        }
        #expect(state.detailCache.count <= DetailCache.capacity)
    }

    /// The detail's lines, copied in as cells drawn once, are what writing their segments in place
    /// draws (French and English, wide and narrow, scrolled).
    @Test func detailCellsAreTheSegmentsWrittenInPlace() throws {
        for (width, height, lang) in [(120, 40, Language.fr), (80, 24, .en), (60, 20, .fr)] {
            var state = try UIFixtures.state(width: width, height: height, lang: lang)
            for step in 0..<12 {
                state.press(.character(step == 6 ? "J" : "j"))
                if step == 8 { state.press(.control("e")) }
                let grid = ScreenView.render(state)
                let inner = state.layout.detail.inner
                var reference = Grid(width: width, height: height)
                let lines = state.detailLines
                for n in 0..<inner.height where state.detailScroll + n < lines.count {
                    var column = inner.column
                    for segment in lines[state.detailScroll + n].segments {
                        column += reference.put(segment.text, row: inner.row + n, column: column,
                                                maxWidth: inner.column + inner.width - column, style: segment.style)
                    }
                }
                for row in inner.row..<(inner.row + inner.height) {
                    // the text, its role and width (the selection and highlights restyle over them)
                    let drawn = grid.cells(row: row, column: inner.column, count: inner.width).map { "\($0.text)\($0.role)\($0.width)" }
                    #expect(drawn == reference.cells(row: row, column: inner.column, count: inner.width).map { "\($0.text)\($0.role)\($0.width)" },
                            "\(width)×\(height) \(lang) step \(step) row \(row)")
                }
            }
        }
    }

    /// Once a frame is out, the loop draws (and throws away) the frames `j` and `k` would bring,
    /// so the record after the selected one has its detail laid out before it is ever shown.
    @Test func theLoopPreparesTheNeighboursOfTheSelection() throws {
        let store = try UIFixtures.store()
        let start = AppState(store: store, lang: .en, width: 120, height: 40)
        let backend = TestBackend(width: 120, height: 40, script: [.key(.character("g")), .key(.character("j")), .key(.character("q"))])
        var explorer = ExplorerLoop(backend: backend, state: start, buildSearchIndex: { _, done in done() })
        #expect(explorer.run() == 0)
        var shown: Set<RecordRef?> = [start.selectedRef]
        var top = start
        top.reduce(.first)
        shown.insert(top.selectedRef)
        shown.insert(explorer.state.selectedRef)
        var next = explorer.state
        next.reduce(.moveDown)
        try #require(next.selectedRef != nil && !shown.contains(next.selectedRef), "the record after is one never selected")
        #expect(explorer.state.detailCache.holdsLines(next.detailKey), "its detail was prepared")
        #expect(backend.calls.filter { $0 == .draw }.count == 3, "and nothing more was drawn on the terminal")
        var other = AppState(store: store, lang: .en, width: 120, height: 40)
        other.reduce(.first)
        other.reduce(.moveDown)
        #expect(!other.detailCache.holdsLines(next.detailKey), "a state of its own holds no such detail")
    }

    /// The explorer opens with the timeline's list only; another pane's list is built when the
    /// pane is first shown, and shows as one built at the start does.
    @Test func panesNotShownYetBuildTheirListWhenShown() throws {
        let store = try UIFixtures.store()
        var lazy = AppState(store: store, lang: .fr, width: 120, height: 40)
        _ = ScreenView.render(lazy)
        #expect(lazy.builtPanes == [.timeline])
        var eager = AppState(store: store, lang: .fr, width: 120, height: 40)
        _ = eager.lists
        #expect(eager.builtPanes == Pane.allCases)
        for key in ["5", "j", "s", "1", "j", "3", "4", "2"].map({ Key.character(Character($0)) }) {
            lazy.press(key)
            eager.press(key)
            #expect(ScreenView.render(lazy) == ScreenView.render(eager), "after \(key)")
        }
        #expect(lazy.builtPanes == Pane.allCases, "each built once shown")
    }
}
