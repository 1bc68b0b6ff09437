import DossierCore

/// Marks search matches on screen: folds each cell's grapheme the way search folds text, finds
/// the terms in the folded row, and restyles the cells they cover.
enum Highlight {
    /// What each ASCII character folds to, folded once (most cells hold one).
    private static let asciiFolds: [[UInt8]] = (0..<128).map { Array(TextFold.fold(String(UnicodeScalar(UInt8($0)))).utf8) }

    static func apply(_ terms: [String], row: Int, column: Int, width: Int, in grid: inout Grid) {
        guard !terms.isEmpty, row >= 0, row < grid.height else { return }
        var folded: [UInt8] = []
        var owner: [Int] = []  // for each folded byte, the cell column it came from
        let end = min(grid.width, column + width)
        for c in max(0, column)..<end {
            let cell = grid[row, c]
            guard cell.width > 0 else { continue }
            if let byte = cell.singleByte, byte < 0x80 {
                for folding in asciiFolds[Int(byte)] {
                    folded.append(folding)
                    owner.append(c)
                }
                continue
            }
            for byte in TextFold.fold(cell.text).utf8 {
                folded.append(byte)
                owner.append(c)
            }
        }
        for term in terms {
            let needle = Array(term.utf8)
            guard !needle.isEmpty, needle.count <= folded.count else { continue }
            var i = 0
            while i + needle.count <= folded.count {
                if folded[i] == needle[0] && Array(folded[i..<i + needle.count]) == needle {
                    let first = owner[i], last = owner[i + needle.count - 1]
                    let lastWidth = Int(grid[row, last].width)
                    grid.restyle(row: row, column: first, width: last - first + max(1, lastWidth), style: .match)
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
    }
}
