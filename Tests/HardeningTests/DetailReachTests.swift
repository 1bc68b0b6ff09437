import DossierCore
import DossierUI
import Testing

/// Issue 14: every line of every record's detail can be brought on screen with the scroll keys,
/// at the two sizes that matter most (a classic terminal and the smallest one drawn).
@Suite struct DetailReachTests {
    @Test(arguments: [(80, 24), (50, 14)])
    func everyLineOfEveryRecordIsReachable(width: Int, height: Int) throws {
        var state = AppState(store: try HardeningFixtures.bundled(), lang: .en, width: width, height: height)
        var problems: [String] = []
        for pane in Pane.allCases {
            state.reduce(.focus(pane))
            state.reduce(.first)
            for item in 0..<state.list.count {
                if item > 0 { state.reduce(.moveDown) }
                let lines = state.detailLines.map { $0.segments.map(\.text).joined().trimmingTrailingSpaces }
                var seen = Set<Int>()
                while true {
                    let grid = ScreenView.render(state)
                    let inner = state.layout.detail.inner
                    for n in 0..<inner.height where state.detailScroll + n < lines.count {
                        let index = state.detailScroll + n
                        let shown = (inner.column..<(inner.column + inner.width)).map { grid[inner.row + n, $0].text }.joined()
                        if shown.trimmingTrailingSpaces == lines[index] { seen.insert(index) }
                    }
                    let before = state.detailScroll
                    state.reduce(.scrollDetail(1))
                    if state.detailScroll == before { break }
                }
                let missing = Set(lines.indices).subtracting(seen)
                if !missing.isEmpty {
                    problems.append(
                        "\(pane) item \(item) (\(state.selectedRef.map { state.store.id(of: $0) } ?? "bucket")): lines \(missing.sorted().prefix(5)) never shown"
                    )
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

@Suite struct BundledZoomTests {
    /// The report: `---` then `+++` from the 22 March 2024 order landed on 2023-02-15.
    @Test func zoomingOutAndBackInReturnsToTheFocalOrder() throws {
        var state = AppState(store: try HardeningFixtures.bundled(), lang: .en, width: 80, height: 24)
        let start = state.selectedRef
        for key in "---+++" { state.handle(.character(key)) }
        #expect(state.selectedRef == start)
        #expect(state.selectedRef.map { state.store.id(of: $0) } == "ce-2024-03-22-ordonnance-492369")
    }
}

@Suite struct SourceViewReachTests {
    /// The source view never cuts an address: at the narrowest screen, the lines of the URL field
    /// put back together are the whole address, for every bundled source.
    @Test func everyAddressIsShownWhole() throws {
        let state = AppState(store: try HardeningFixtures.bundled(), lang: .en, width: 50, height: 14)
        var problems: [String] = []
        for (index, source) in state.store.sources.enumerated() {
            let lines = state.sourceLines(index).map { $0.segments.map(\.text).joined() }
            guard let start = lines.firstIndex(where: { $0.hasPrefix("URL: ") }) else { problems.append("\(source.id): no URL line"); continue }
            var url = String(lines[start].dropFirst(5))
            for line in lines[(start + 1)...] where line.hasPrefix("     ") { url += line.dropFirst(5) }
            if url.trimmingTrailingSpaces != source.url { problems.append("\(source.id): \(url)") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }
}
