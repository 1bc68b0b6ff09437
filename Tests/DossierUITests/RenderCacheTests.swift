import DossierCore
import Testing

@testable import DossierUI

/// The renderer's caches (the selected record's laid-out detail, the list rows and the parts
/// already drawn): after any key, the frame the renderer draws is the one drawn with no cache at
/// all, so a cache never shows the record, width, language or order it was filled for after they
/// change.
@Suite struct RenderCacheTests {
    /// A state and the renderer that draws it, driven as the explorer loop drives them: a key
    /// (hit-tested against the frame on screen), the frame, then the neighbours prepared.
    struct Session {
        var state: AppState
        let renderer = Renderer()

        init(_ state: AppState) {
            self.state = state
            _ = renderer.draw(state)
        }

        mutating func press(_ keys: Key...) {
            for key in keys {
                state.handle(key, regions: renderer.regions)
                _ = renderer.draw(state)
                renderer.prepareNeighbours(of: state)
            }
        }

        mutating func reduce(_ action: Action) {
            state.reduce(action)
            _ = renderer.draw(state)
        }
    }

    /// Draws the session's state with its renderer (caches warm from the keys before) and again
    /// with none.
    private func expectSameAsFresh(_ session: Session, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let cached = session.renderer.draw(session.state), fresh = ScreenView.render(session.state)
        // compared as a Bool, so a failure names the row rather than printing two grids
        let same = cached == fresh
        let row = (0..<fresh.height).first { cached.cells(row: $0, column: 0, count: fresh.width) != fresh.cells(row: $0, column: 0, count: fresh.width) }
        #expect(same, "after \(step): row \(row.map(String.init) ?? "?") differs\n\(cached.text)", sourceLocation: sourceLocation)
    }

    /// Keys the storm draws from: moves, panes, links, every overlay and prompt, and what is typed
    /// in them; a few resizes.
    static let stormKeys: [Key] = [
        .character("j"), .character("k"), .character("J"), .character("K"), .character("g"), .character("G"),
        .enter, .enter, .escape, .escape, .backspace, .tab, .character("l"), .character("h"),
        .character("1"), .character("2"), .character("3"), .character("4"), .character("5"), .character("L"),
        .character("s"), .character("-"), .character("+"), .control("e"), .control("y"), .character(" "),
        .character("?"), .character("/"), .character("w"), .character("c"), .character("C"), .character("T"),
        .character("y"), .character("n"), .character("N"), .character(":"), .character("f"), .character("t"),
        .character("e"), .character("a"), .character("p"), .character("r"), .character("i"), .character("o"),
        .character("]"), .character("["), .character("m"), .character("'"), .character("6"), .character("0"),
        .character("x"), .down, .up, .pageDown, .pageUp, .home, .end, .control("o"), .control("i"),
    ]

    /// A seeded storm of keys that opens and closes every overlay and prompt, in both languages
    /// and at several sizes: after each key, the renderer's frame is the one drawn from scratch.
    @Test(arguments: [UInt64(0xCAC4E), 0x5EED, 0xD055_1E2])
    func aRandomKeyStormRendersAsWithNoCache(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var session = Session(try UIFixtures.state(width: 120, height: 40, lang: seed % 2 == 0 ? .en : .fr))
        var overlaysSeen: Set<String> = []
        for step in 0..<600 {
            if step % 150 == 149 {
                let (width, height) = [(80, 24), (200, 60), (60, 20), (120, 40)][step / 150 % 4]
                session.reduce(.resize(width: width, height: height))
                expectSameAsFresh(session, "step \(step): a resize to \(width)×\(height)")
                continue
            }
            if step % 97 == 96 { session.reduce(.toggleLanguage) }
            let key = Self.stormKeys.randomElement(using: &rng)!
            session.press(key)
            if let overlay = session.state.overlay { overlaysSeen.insert(String(describing: overlay).prefix { $0 != "(" }.description) }
            expectSameAsFresh(session, "step \(step): \(key)")
        }
        // the storm is worth something only if it reached the overlays
        #expect(overlaysSeen.count >= 4, "overlays reached: \(overlaysSeen.sorted())")
    }

    @Test func resizingRendersAsWithEmptyCaches() throws {
        var session = Session(try UIFixtures.state(width: 120, height: 40))
        session.press(.character("j"), .character("j"))
        for (width, height) in [(80, 24), (60, 20), (200, 60), (120, 40), (81, 24)] {
            session.reduce(.resize(width: width, height: height))
            expectSameAsFresh(session, "a resize to \(width)×\(height)")
            session.press(.character("k"))
            expectSameAsFresh(session, "k at \(width)×\(height)")
        }
    }

    @Test func searchHighlightsAreNotCached() throws {
        var session = Session(try UIFixtures.state(width: 120, height: 40))
        session.press(.character("j"), .character("/"))
        for character in "privacy" { session.press(.character(character)) }
        session.press(.enter)
        expectSameAsFresh(session, "a search")
        session.press(.character("n"))
        expectSameAsFresh(session, "the next hit")
    }

    /// The frame lays out only the detail lines it shows: they are the full layout's first ones.
    @Test func limitedLayoutIsThePrefixOfTheFullOne() throws {
        let store = try UIFixtures.store()
        let refs =
            store.events.indices.map { RecordRef.event($0) } + store.parties.indices.map { RecordRef.party($0) }
            + store.sources.indices.map { RecordRef.source($0) }
        for ref in refs {
            for lang in Language.allCases {
                let blocks = store.detail(of: ref, lang)
                for width in [1, 20, 57] {
                    let full = DetailLayout.lines(blocks, width: width, lang: lang)
                    for limit in [0, 1, 3, 10, full.count, full.count + 5] {
                        #expect(
                            DetailLayout.lines(blocks, width: width, lang: lang, limit: limit) == Array(full.prefix(limit)),
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
        var session = Session(AppState(store: store, lang: .fr, width: 120, height: 40))
        session.press(.character("g"))
        var seen: Set<RecordRef> = []
        for _ in 0..<(DetailCache.capacity + 6) {
            session.state.handle(.character("j"))
            _ = session.renderer.draw(session.state)
            if let ref = session.state.selectedRef { seen.insert(ref) }
        }
        #expect(seen.count > 2)
        #expect(session.renderer.caches.details.count == min(seen.count, DetailCache.capacity))
        for _ in 0..<(DetailCache.capacity + 6) {
            session.press(.character("k"))
            expectSameAsFresh(session, "k back to \(String(describing: session.state.selectedRef))")
        }
        #expect(session.renderer.caches.details.count <= DetailCache.capacity)
    }

    /// The detail's lines, copied in as cells drawn once, are what writing their segments in place
    /// draws (French and English, wide and narrow, scrolled).
    @Test func detailCellsAreTheSegmentsWrittenInPlace() throws {
        for (width, height, lang) in [(120, 40, Language.fr), (80, 24, .en), (60, 20, .fr)] {
            var session = Session(try UIFixtures.state(width: width, height: height, lang: lang))
            for step in 0..<12 {
                session.press(.character(step == 6 ? "J" : "j"))
                if step == 8 { session.press(.control("e")) }
                let state = session.state
                // drawn twice: the second time from the cells the first one kept
                _ = session.renderer.draw(state)
                let grid = session.renderer.draw(state)
                let inner = state.layout.detail.inner
                var reference = Grid(width: width, height: height)
                let lines = state.detailLines
                for n in 0..<inner.height where state.detailScroll + n < lines.count {
                    var column = inner.column
                    for segment in lines[state.detailScroll + n].segments {
                        column += reference.put(
                            segment.text, row: inner.row + n, column: column,
                            maxWidth: inner.column + inner.width - column, style: segment.style)
                    }
                }
                for row in inner.row..<(inner.row + inner.height) {
                    // the text, its role and width (the selection and highlights restyle over them)
                    let drawn = grid.cells(row: row, column: inner.column, count: inner.width).map { "\($0.text)\($0.role)\($0.width)" }
                    #expect(
                        drawn == reference.cells(row: row, column: inner.column, count: inner.width).map { "\($0.text)\($0.role)\($0.width)" },
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
        #expect(explorer.renderer.caches.details.holdsLines(ScreenView.detailKey(next)), "its detail was prepared")
        #expect(backend.calls.filter { $0 == .draw }.count == 3, "and nothing more was drawn on the terminal")
        let other = Renderer()
        _ = other.draw(start)
        #expect(!other.caches.details.holdsLines(ScreenView.detailKey(next)), "a renderer of its own holds no such detail")
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
