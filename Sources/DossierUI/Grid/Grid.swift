import DossierCore
import Synchronization

/// What a cell means; the terminal backend decides how that looks (colours, or attributes only
/// under NO_COLOR). Meaning never rests on colour alone: focus and selection also change glyphs
/// or use reverse video.
public enum Style: UInt8, Sendable, Hashable, CaseIterable {
    case normal, muted, heading, accent, link
    case selection  // the selected row of the focused area: reverse video
    case selectionInactive  // the selected row of an unfocused area: underline/bold
    case border, focusBorder, title, focusTitle
    case tab, tabActive, statusBar, header
    case era0, era1, era2, eraNone
    case match, warning
}

/// One terminal cell: the grapheme drawn there (empty for the right half of a wide character),
/// the style it is painted in, and the role its content was drawn with. Plain bytes, no
/// reference: a grid of them is made, copied, compared and freed without counting references
/// (a cell holding a `String` had made that most of a frame's cost).
public struct Cell: Sendable, Hashable {
    /// The grapheme's UTF-8 bytes, up to 8 of them, from the low byte up (`length` long); a
    /// longer grapheme is kept in `Glyphs` and this is its number (`length` is then `interned`).
    private var bits: UInt64
    private var length: UInt8
    /// What the terminal paints: the role, or what covers it (a selection, a search match).
    public var style: Style
    /// Cells the grapheme takes: 1, 2 for a wide character, 0 for the right half of one.
    public var width: UInt8
    /// What the content is (a link, a heading, muted text…), kept when a selection or a match
    /// restyles the cell, so tests and themes can tell a selected link from selected text.
    public var role: Style

    private static let interned: UInt8 = 0xFF

    public init(text: String, style: Style, width: UInt8, role: Style? = nil) {
        (bits, length) = Cell.encode(text.utf8)
        self.style = style
        self.width = width
        self.role = role ?? style
    }

    /// A cell for one grapheme, without making a `String` of it first.
    init(_ character: Character, style: Style, width: UInt8) {
        (bits, length) = Cell.encode(character.utf8)
        self.style = style
        self.width = width
        role = style
    }

    /// A cell for a printable ASCII character.
    init(ascii byte: UInt8, style: Style) {
        bits = UInt64(byte)
        length = 1
        self.style = style
        width = 1
        role = style
    }

    /// A space in a style (what `fill` and a clipped wide character leave).
    static func space(_ style: Style) -> Cell { Cell(ascii: 0x20, style: style) }

    public static let blank = Cell(text: " ", style: .normal, width: 1)

    private static func encode<Bytes: Collection<UInt8>>(_ utf8: Bytes) -> (UInt64, UInt8) {
        var bits: UInt64 = 0, count = 0
        for byte in utf8 {
            guard count < 8 else { return (UInt64(Glyphs.number(Array(utf8))), interned) }
            bits |= UInt64(byte) << (8 * UInt64(count))
            count += 1
        }
        return (bits, UInt8(count))
    }

    /// The grapheme drawn in the cell.
    public var text: String {
        get {
            if length == Cell.interned { return Glyphs.text(Int(bits)) }
            var bytes = bits
            return withUnsafeBytes(of: &bytes) { String(decoding: $0.prefix(Int(length)), as: UTF8.self) }
        }
        set { (bits, length) = Cell.encode(newValue.utf8) }
    }

    /// Whether the two cells hold the same grapheme, byte for byte.
    public func sameText(as other: Cell) -> Bool { bits == other.bits && length == other.length }

    /// The grapheme's bytes, appended to `out` (what a terminal is sent).
    public func appendText(to out: inout [UInt8]) {
        if length == Cell.interned {
            out += Glyphs.text(Int(bits)).utf8
            return
        }
        var bytes = bits
        for _ in 0..<length {
            out.append(UInt8(truncatingIfNeeded: bytes))
            bytes >>= 8
        }
    }

    /// The one byte of a cell holding a single byte of text (ASCII), else nil.
    public var singleByte: UInt8? { length == 1 ? UInt8(truncatingIfNeeded: bits) : nil }
}

/// The graphemes longer than 8 bytes that cells have held (a flag, an emoji sequence), by number:
/// few, and the same ones again and again, so kept for the process's life.
enum Glyphs {
    private struct Table {
        var texts: [String] = []
        var numbers: [[UInt8]: Int] = [:]
    }

    private static let table = Mutex(Table())

    static func number(_ utf8: [UInt8]) -> Int {
        table.withLock { table in
            if let number = table.numbers[utf8] { return number }
            table.texts.append(String(decoding: utf8, as: UTF8.self))
            table.numbers[utf8] = table.texts.count - 1
            return table.texts.count - 1
        }
    }

    static func text(_ number: Int) -> String { table.withLock { $0.texts[number] } }
}

/// An in-memory screen: the views draw into it, tests compare it with golden text, and the
/// terminal backend paints it (only the cells that changed).
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the hardware cursor goes (the selected row), so screen readers follow the selection.
    public var cursor: (row: Int, column: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Grid, b: Grid) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursor?.row == b.cursor?.row && a.cursor?.column == b.cursor?.column
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `text` from (row, column), clipped to `maxWidth` cells and the grid's edge.
    /// Returns the number of cells used. Control characters are shown as `?` (defence in depth:
    /// data is sanitised at load). A wide character that would straddle the clip edge is replaced
    /// by a space, never split.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, maxWidth: Int = Int.max, style: Style = .normal) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let limit = min(width, maxWidth == Int.max ? width : column + max(0, maxWidth))
        var col = max(0, column)
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            guard col < limit else { break }
            // printable ASCII not followed by a mark is a narrow grapheme of its own: no need to
            // find the grapheme's end or measure it
            let byte = utf8[index], next = utf8.index(after: index)
            if byte >= 0x20 && byte < 0x7F && (next == utf8.endIndex || utf8[next] < 0x80) {
                set(row: row, column: col, Cell(ascii: byte, style: style))
                col += 1
                index = next
                continue
            }
            var character = text[index]
            index = text.index(after: index)
            var w = DisplayWidth.of(character)
            if character.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) {
                character = "?"
                w = 1
            }
            if w == 0 {
                // a lone combining mark: attach to the previous cell
                if col > 0 { attach(String(character), row: row, column: col - 1) }
                continue
            }
            if w >= 2 {
                if col + 2 > limit {
                    set(row: row, column: col, Cell.space(style))
                    col += 1
                    break
                }
                set(row: row, column: col, Cell(character, style: style, width: 2))
                set(row: row, column: col + 1, Cell(text: "", style: style, width: 0))
                col += 2
            } else {
                set(row: row, column: col, Cell(character, style: style, width: 1))
                col += 1
            }
        }
        return col - max(0, column)
    }

    /// Writes one cell of width 1 at (row, column), as `put` writes a one-cell character: for
    /// text already known to be one narrow grapheme (box lines), without measuring it again.
    mutating func put(cell: Cell, row: Int, column: Int) {
        guard row >= 0, row < height, column < width else { return }
        set(row: row, column: max(0, column), cell)
    }

    /// Fills a rectangle with spaces of a style.
    public mutating func fill(row: Int, column: Int, width w: Int, height h: Int, style: Style = .normal) {
        let space = Cell.space(style)
        for r in max(0, row)..<min(height, row + h) {
            for c in max(0, column)..<min(width, column + w) {
                set(row: r, column: c, space)
            }
        }
    }

    /// The cells of a row from `column`, `count` of them (clipped to the grid).
    func cells(row: Int, column: Int, count: Int) -> ArraySlice<Cell> {
        guard row >= 0, row < height else { return [] }
        let start = max(0, min(column, width)), end = max(start, min(width, column + count))
        return cells[(row * width + start)..<(row * width + end)]
    }

    /// Puts back cells taken with `cells(row:column:count:)` from a row drawn in the same place,
    /// over blank cells (a wide character's two halves come together, so there is nothing to repair).
    mutating func paste<C: Collection<Cell>>(_ run: C, row: Int, column: Int) {
        guard row >= 0, row < height, column >= 0 else { return }
        var index = row * width + column
        let end = row * width + width
        for cell in run {
            guard index < end else { break }
            cells[index] = cell
            index += 1
        }
    }

    /// Changes the style of a run of cells without changing their text or their role.
    public mutating func restyle(row: Int, column: Int, width w: Int, style: Style) {
        guard row >= 0, row < height else { return }
        for c in max(0, column)..<min(width, column + w) { cells[row * width + c].style = style }
    }

    private mutating func attach(_ mark: String, row: Int, column: Int) {
        var c = column
        if cells[row * width + c].width == 0 && c > 0 { c -= 1 }
        cells[row * width + c].text += mark
    }

    /// Sets a cell, repairing any wide character it half-overwrites.
    private mutating func set(row: Int, column: Int, _ cell: Cell) {
        guard column >= 0, column < width else { return }
        let index = row * width + column
        let old = cells[index]
        // overwriting the right half of a wide character leaves its left half a space; a right
        // half being written belongs to the wide character just set on its left
        if old.width == 0 && cell.width != 0 && column > 0 && cells[index - 1].width == 2 {
            cells[index - 1] = Cell(text: " ", style: cells[index - 1].style, width: 1, role: cells[index - 1].role)
        }
        if old.width == 2 && column + 1 < width && cell.width != 2 {
            cells[index + 1] = Cell(text: " ", style: old.style, width: 1, role: old.role)
        }
        cells[index] = cell
    }

    /// The screen as text, one line per row with trailing spaces removed, like `tmux capture-pane -p`.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for r in 0..<height {
            var line = ""
            for c in 0..<width { line += cells[r * width + c].text }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The width in cells of each row's content, for invariant checks (always `width`).
    public func rowWidth(_ row: Int) -> Int {
        var total = 0
        for c in 0..<width { total += Int(cells[row * width + c].width) }
        return total
    }
}
