import DossierCore
import Testing

@testable import DossierUI

/// Cells keep their grapheme as bytes (inline up to 8, numbered beyond), and `put` writes
/// printable ASCII without measuring it: neither changes what a grid holds.
@Suite struct CellStorageTests {
    /// Every kind of grapheme comes back as it went in, and compares by its bytes.
    @Test(arguments: ["", " ", "a", "é", "e\u{301}", "法", "→", "🇫🇷", "👍🏽", "👩‍👩‍👧‍👦", "1\u{FE0F}\u{20E3}", "a\u{301}\u{302}\u{303}\u{304}"])
    func aCellGivesBackItsGrapheme(_ text: String) {
        let cell = Cell(text: text, style: .link, width: 1)
        #expect(cell.text == text)
        #expect(Array(cell.text.utf8) == Array(text.utf8), "byte for byte")
        var bytes: [UInt8] = []
        cell.appendText(to: &bytes)
        #expect(bytes == Array(text.utf8))
        #expect(cell == Cell(text: text, style: .link, width: 1))
        #expect(cell.sameText(as: Cell(text: text, style: .normal, width: 2)))
        #expect(!cell.sameText(as: Cell(text: text + "x", style: .link, width: 1)))
        #expect(cell.singleByte == (text.utf8.count == 1 ? text.utf8.first : nil))
        var changed = cell
        changed.text = "x"
        #expect(changed.text == "x" && changed.style == .link)
    }

    /// `put` one grapheme at a time (each written alone, so measured as a grapheme): the
    /// reference the quick way through runs of ASCII is checked against.
    private func putByGraphemes(_ text: String, into grid: inout Grid, row: Int, column: Int, maxWidth: Int) -> Int {
        guard row >= 0, row < grid.height, column < grid.width else { return 0 }
        let limit = min(grid.width, column + max(0, maxWidth))
        var col = max(0, column)
        for character in text {
            guard col < limit else { break }
            let used = grid.put(String(character), row: row, column: col, maxWidth: limit - col, style: .accent)
            col += used
            // a wide character cut at the edge leaves a space, and nothing after it
            let control = character.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
            if !control && DisplayWidth.of(character) >= 2 && used == 1 { break }
        }
        return col - max(0, column)
    }

    /// Random strings of ASCII, marks, controls, wide and emoji pieces, written at random places
    /// over a row holding wide characters: the grid and the width used are the reference's.
    @Test func putWritesWhatWritingGraphemeByGraphemeWrites() {
        let pieces = [
            "a", "Z", " ", "e", "\u{301}", "é", "法", "\r", "\n", "\r\n", "\t", "🇫", "🇷", "👍", "\u{1F3FD}",
            "\u{200D}", "❤", "\u{FE0F}", "1", "\u{20E3}", "«", "\u{0}", "\u{7F}", "\u{85}", "~",
        ]
        var random = SplitMix64(seed: 16)
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<Int(random.next() % 12) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            var grid = Grid(width: 12, height: 1)
            grid.put("世界x世", row: 0, column: Int(random.next() % 3))
            var expected = grid
            let column = Int(random.next() % 13) - 1, maxWidth = Int(random.next() % 14)
            let used = grid.put(text, row: 0, column: column, maxWidth: maxWidth, style: .accent)
            let expectedUsed = putByGraphemes(text, into: &expected, row: 0, column: column, maxWidth: maxWidth)
            #expect(
                grid == expected && used == expectedUsed,
                "round \(round): \(text.unicodeScalars.map { String($0.value, radix: 16) }) at \(column) max \(maxWidth)")
        }
    }
}
