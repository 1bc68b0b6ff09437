import DossierCore
import DossierUI
import Testing

/// What must survive a cut, on the bundled dossier at the widths where it used to be lost, in
/// both languages: certainty marks, accords' years, eras' years, whole words in the header, a
/// meaningful party kind, and titles aligned after dates of any precision.
@Suite struct TruncationTests {
    static let sizes: [(Int, Language)] = [(100, .en), (120, .en), (159, .en), (100, .fr), (120, .fr), (159, .fr)]

    func state(_ width: Int, _ lang: Language, height: Int = 40) throws -> AppState {
        var state = AppState(store: try HardeningFixtures.bundled(), lang: lang, width: width, height: height)
        return state
    }

    func rows(_ state: AppState) -> [String] {
        ScreenView.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys {
            state.handle(key)
        }
    }

    @Test(arguments: sizes)
    func certaintyMarksShowBeforeTheTitle(width: Int, lang: Language) throws {
        let store = try HardeningFixtures.bundled()
        let uncertain = store.events.filter { $0.certainty != .verified }
        #expect(!uncertain.isEmpty)
        for event in uncertain {
            var state = try state(width, lang)
            let opened = state.open(at: event.id)
            #expect(opened)
            let grid = ScreenView.render(state)
            let cursor = try #require(grid.cursor)
            let row = rows(state)[cursor.row]
            let mark = event.certainty == .reported ? "? " : "! "
            let start = String(event.title[lang].prefix(6))
            #expect(row.contains(mark + start), "\(event.id) at \(width) \(lang): \(row)")
        }
    }

    @Test(arguments: sizes)
    func accordsKeepTheirYears(width: Int, lang: Language) throws {
        var state = try state(width, lang)
        press(&state, .character("4"))
        let text = rows(state).joined(separator: "\n")
        for accord in state.store.accords {
            let span = "\(accord.inForceFrom.year)–\(accord.inForceTo.map { String($0.year) } ?? "")"
            #expect(text.contains(span), "\(accord.id) at \(width) \(lang)")
        }
    }

    @Test(arguments: sizes)
    func erasShowTheirYears(width: Int, lang: Language) throws {
        var state = try state(width, lang)
        press(&state, .character("-"), .character("-"), .character("-"))
        let buckets = rows(state).filter { $0.contains("■") }
        #expect(buckets.count >= 3)
        for row in buckets {
            // an accord's own span ("2000–2015", "2023–, in force"), or the years of a stretch with none
            #expect(row.contains(/\(\d{4}(–(\d{4})?)?(, [^)]+)?\) +■/), "at \(width) \(lang): \(row)")
        }
    }

    @Test(arguments: sizes)
    func theHeaderIsCutBetweenWords(width: Int, lang: Language) throws {
        var state = try state(width, lang)
        // a long crumb: a party, then an event, then back-links
        press(&state, .character("1"), .end, .enter, .enter)
        for state in [try self.state(width, lang), state] {
            let header = rows(state)[0]
            let source = " dossier · " + state.store.info.title[lang]
            let words = Set(
                (source + " " + state.store.title(of: state.selectedRef!, lang) + " "
                    + state.backStack.map { state.store.title(of: $0.ref, lang) }.joined(separator: " ") + " " + state.pane.title[lang])
                    .split(separator: " ").map(String.init))
            for piece in header.split(separator: " ") where piece.hasSuffix("…") {
                let word = String(piece.dropLast())
                #expect(word.isEmpty || words.contains(word), "'\(piece)' cut mid-word at \(width) \(lang): \(header)")
            }
        }
    }

    @Test(arguments: sizes)
    func partyKindsAreWholeOrAbbreviated(width: Int, lang: Language) throws {
        var state = try state(width, lang)
        press(&state, .character("1"))
        let labels = PartyKind.allCases.map { $0.label[lang] }
        for _ in 0..<state.list.count {
            let grid = ScreenView.render(state)
            let cursor = try #require(grid.cursor)
            let list = rows(state)[cursor.row]
            let inList = String(list.dropFirst().prefix { $0 != "║" && $0 != "│" })
            let last = String(inList.split(separator: " ").last ?? "")
            for label in labels where label.count > last.count && label.hasPrefix(last) && !last.isEmpty {
                #expect(label == last, "kind cut to '\(last)' at \(width) \(lang): \(list)")
            }
            press(&state, .character("j"))
        }
    }

    @Test(arguments: sizes)
    func linkTitlesLineUpAfterDates(width: Int, lang: Language) throws {
        var state = try state(width, lang, height: 90)
        _ = state.store.searchIndex
        state.reduce(.searchIndexReady)
        // an accord's detail lists events of every date precision
        press(&state, .character("4"), .enter)
        var columns = Set<Int>()
        for row in rows(state) {
            guard let match = row.firstMatch(of: /[║│]→ \d{4}(-\d{2}(-\d{2})?)? +/) else { continue }
            columns.insert(row.distance(from: row.startIndex, to: match.range.upperBound))
        }
        #expect(columns.count == 1, "titles start at columns \(columns.sorted()) at \(width) \(lang)\n\(rows(state).joined(separator: "\n"))")

        // and in the search results (Ctrl-F)
        press(&state, .escape, .character("/"))
        for c in "schrems" { press(&state, .character(c)) }
        press(&state, .enter, .control("f"))
        columns = []
        for row in rows(state) {
            guard let match = row.firstMatch(of: /\ \ \d{4}(-\d{2}(-\d{2})?)? +/) else { continue }
            columns.insert(row.distance(from: row.startIndex, to: match.range.upperBound))
        }
        #expect(columns.count == 1, "results: titles start at columns \(columns.sorted()) at \(width) \(lang)\n\(rows(state).joined(separator: "\n"))")
    }
}

/// Pictures that do not mislead: the density strip keeps the selected year's bar, and the bars
/// of `zoom: years` are scaled to the largest year with the count beside.
@Suite struct DensityPictureTests {
    @Test(arguments: [100, 120, 159])
    func theSelectedYearKeepsItsBar(width: Int) throws {
        var state = AppState(store: try HardeningFixtures.bundled(), lang: .en, width: width, height: 40)
        let grid = ScreenView.render(state)
        let strip = state.layout.list.inner
        var selected: [Cell] = []
        for c in strip.column..<(strip.column + strip.width) where grid[strip.row, c].role == .selectionInactive || grid[strip.row, c].style == .selection {
            selected.append(grid[strip.row, c])
        }
        #expect(selected.count == 1)
        #expect(selected.allSatisfy { $0.style != .selection && $0.text != " " }, "no reverse video hollowing the bar")
        let row = grid.text.split(separator: "\n")[strip.row]
        let year = try #require(state.selectedRef.flatMap { if case .event(let i) = $0 { return state.store.events[i].date.year } else { return nil } })
        let count = state.store.events.filter { $0.date.year == year }.count
        // the strip names the selected year (or the span of years its cell stands for) and its count
        let inList = String(row.dropFirst().prefix(strip.width))
        let named = try #require(inList.matches(of: /(\d{4})(–(\d{4}))?(: (\d+))?/).last, "\(inList)")
        let from = Int(named.1)!, to = named.3.map { Int($0)! } ?? from
        #expect((from...to).contains(year), "\(inList)")
        if let shown = named.5 {
            #expect(Int(shown)! == state.store.events.filter { (from...to).contains($0.date.year) }.count, "\(inList)")
        }
        _ = count
    }

    @Test(arguments: [100, 120, 159])
    func yearBarsAreScaledToTheLargestYear(width: Int) throws {
        var state = AppState(store: try HardeningFixtures.bundled(), lang: .en, width: width, height: 60)
        for key in [Key.character("-"), .character("-")] {
            state.handle(key)
        }
        var bars: [(count: Int, length: Int)] = []
        for row in ScreenView.render(state).text.split(separator: "\n") {
            guard let match = row.firstMatch(of: /(■+) (\d+) event/) else { continue }
            bars.append((Int(match.2)!, match.1.count))
        }
        #expect(bars.count >= 10)
        let peak = try #require(bars.max { $0.count < $1.count })
        for a in bars {
            #expect(a.length <= peak.length)
            for b in bars where a.count < b.count { #expect(a.length <= b.length, "\(a) against \(b)") }
        }
        // the longest bar is the busiest year's, not a cap reached by several
        #expect(bars.filter { $0.length == peak.length }.allSatisfy { $0.count == peak.count })
    }
}
