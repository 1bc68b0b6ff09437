import DossierCore

/// One line above the timeline: how many events each year holds, as bars, with the selected
/// event's year marked. Shown when the list has room for it.
public enum DensityStrip {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Rows the strip takes in the timeline list.
    public static func rows(_ layout: Layout) -> Int { layout.list.inner.height >= 8 ? 1 : 0 }

    static func draw(_ state: AppState, row: Int, column: Int, width: Int, into grid: inout Grid) {
        let events = state.store.events
        guard let first = events.first?.date.year, let last = events.last?.date.year, width > 4 else { return }
        let years = last - first + 1
        // each cell stands for one or more years
        let perCell = max(1, (years + width - 1) / width)
        let cells = min(width, (years + perCell - 1) / perCell)
        var counts = [Int](repeating: 0, count: cells)
        for (offset, count) in state.yearCounts.enumerated() { counts[min(cells - 1, offset / perCell)] += count }
        let peak = max(1, counts.max() ?? 1)
        var selectedCell: Int?
        if let index = state.paneList(.timeline).firstEvent(at: state.selection[Pane.timeline.rawValue]) {
            selectedCell = min(cells - 1, (events[index].date.year - first) / perCell)
        }
        for (i, count) in counts.enumerated() {
            let bar = count == 0 ? " " : String(bars[min(bars.count - 1, (count * bars.count - 1) / peak)])
            // the selected year keeps its bar, in another look (reverse video would hollow it)
            grid.put(bar == " " && i == selectedCell ? "▁" : bar, row: row, column: column + i, style: i == selectedCell ? .selectionInactive : .accent)
        }
        // the years, and the selected year's own count, as much as there is room for
        let range = " \(first)–\(last)"
        var choices = [range]
        if let selectedCell {
            let year = first + selectedCell * perCell
            let shown = perCell == 1 ? "\(year)" : "\(year)–\(min(last, year + perCell - 1))"
            choices = [range + " · " + shown + ": \(counts[selectedCell])", " " + shown + ": \(counts[selectedCell])", " " + shown, range]
        }
        if let text = choices.first(where: { cells + DisplayWidth.of($0) <= width }) {
            grid.put(text, row: row, column: column + cells, style: .muted)
        }
    }
}
