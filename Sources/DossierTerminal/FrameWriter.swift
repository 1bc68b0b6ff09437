import DossierUI

/// Turns each grid into the bytes that bring the screen from the last grid written to it: cursor
/// moves, attributes and colours, and text, in one buffer the terminal writes in one `write()`.
/// Only the cells that changed are sent; after `invalidate` (or a change of size) the next frame
/// clears the screen and paints everything. Every control string is the terminal's own
/// (`TerminalStrings`, from terminfo). No I/O here, so tests replay its bytes on a model screen.
public struct FrameWriter {
    /// What the terminal is drawing with: attributes, colours and whether line drawing is on.
    struct Pen: Equatable {
        var attributes: Look.Attributes = []
        var foreground: Look.Colour?
        var background: Look.Colour?
        var lineDrawing = false
    }

    private let strings: TerminalStrings
    /// The pen for each style (by raw value), in the theme, without the colours when the
    /// terminal has none or the theme is mono, without the attributes `ncv` forbids with colour.
    private let pens: [Pen]
    private let ascii: Bool
    private let libcAgrees: (Cell) -> Bool
    /// What the screen shows, as we last wrote it; nil: unknown (repaint all).
    private var screen: Grid?
    /// What the terminal's pen is; nil: unknown.
    private var pen: Pen?
    /// Where the cursor is; nil: unknown (after a write into the last column, or at the start).
    private var cursor: (row: Int, column: Int)?
    private var cursorShown: Bool?
    private var out: [UInt8] = []

    /// `ascii`: the terminal is not UTF-8 (see `ASCIIFallback`). `libcAgrees`: whether the
    /// terminal will give a cell the width the grid gave it (otherwise it is drawn as `?`s).
    public init(strings: TerminalStrings, theme: Theme, ascii: Bool = false, libcAgrees: @escaping (Cell) -> Bool = { _ in true }) {
        self.strings = strings
        self.ascii = ascii
        self.libcAgrees = libcAgrees
        let colours = strings.hasColours && theme != .mono
        pens = Style.allCases.map { style in
            let look = style.look(in: theme)
            var pen = Pen(attributes: look.attributes)
            if colours {
                pen.foreground = look.foreground
                pen.background = look.background
                if look.hasColour { pen.attributes.subtract(FrameWriter.forbidden(strings.noColourVideo)) }
            }
            return pen
        }
    }

    /// The attributes `ncv`'s bits name (standout 1, underline 2, reverse 4, dim 16, bold 32).
    private static func forbidden(_ ncv: Int) -> Look.Attributes {
        var set: Look.Attributes = []
        if ncv & 2 != 0 { set.insert(.underline) }
        if ncv & 4 != 0 { set.insert(.reverse) }
        if ncv & 16 != 0 { set.insert(.dim) }
        if ncv & 32 != 0 { set.insert(.bold) }
        return set
    }

    /// Forgets what the screen shows (after a resume, a resize, Ctrl-L): the next frame repaints it all.
    public mutating func invalidate() {
        screen = nil
        pen = nil
        cursor = nil
        cursorShown = nil
    }

    /// The bytes that turn the screen into `grid`; empty when nothing changed.
    public mutating func frame(_ grid: Grid) -> [UInt8] {
        out.removeAll(keepingCapacity: true)
        if screen == nil || screen?.width != grid.width || screen?.height != grid.height {
            repaintFrom(blankOf: grid)
        }
        let previous = screen!
        if grid.cursor == nil, cursorShown != false {
            out += strings.hideCursor
            cursorShown = false
        }
        // without `clear`, the screen after a repaint is "unknown": an empty grid, every cell sent
        let compare = !previous.cells.isEmpty
        for row in 0..<grid.height {
            let base = row * grid.width
            var erasedTo = 0
            for column in 0..<grid.width {
                if column < erasedTo { continue }
                let raw = grid.cells[base + column]
                var cell = raw
                if raw.width == 0 {
                    // the right half of a wide character goes with its left; one without its left
                    // (a wide character written over another in the same place leaves one) is a space
                    if column > 0, grid.cells[base + column - 1].width == 2 { continue }
                    cell = Cell(text: " ", style: cell.style, width: 1)
                }
                if compare {
                    let old = previous.cells[base + column]
                    let wasLone = old.width == 0 && !(column > 0 && previous.cells[base + column - 1].width == 2)
                    if old.sameText(as: raw) && old.style == raw.style && old.width == raw.width && (raw.width != 0 || wasLone) { continue }
                }
                let end = column + Int(cell.width)
                if let erased = erase(grid, previous: compare ? previous : nil, row: row, from: column) {
                    erasedTo = erased
                    continue
                }
                if row == grid.height - 1, end >= grid.width, strings.scrollsAtLastCell { continue }
                if cursor == nil || cursor! != (row, column) {
                    if !rewriteGap(grid, row: row, to: column) { move(row: row, column: column) }
                }
                put(cell)
                cursor = end >= grid.width ? nil : (row, end)
            }
        }
        if let target = grid.cursor {
            if cursor == nil || cursor! != (target.row, target.column) { move(row: target.row, column: target.column) }
            if cursorShown != true {
                out += strings.showCursor
                cursorShown = true
            }
        }
        screen = grid
        return out
    }

    /// The screen is unknown or has another size: reset the pen, clear (the screen is then blank
    /// cells in the terminal's own colours) and take that as what it shows. Without `clear`,
    /// every cell is painted.
    private mutating func repaintFrom(blankOf grid: Grid) {
        resetPen()
        cursorShown = nil
        if strings.clear.isEmpty {
            screen = Grid(width: 0, height: 0)
            cursor = nil
        } else {
            out += strings.clear
            screen = Grid(width: grid.width, height: grid.height)
            cursor = (0, 0)
        }
    }

    private mutating func move(row: Int, column: Int) {
        // without `msgr`, moving with attributes on may smear them
        if !strings.movesInAttributes, let pen, pen.attributes != [] || pen.foreground != nil || pen.background != nil { resetPen() }
        if cursor?.row != row || !strings.move(column: column, into: &out) {
            strings.move(row: row, column: column, into: &out)
        }
        cursor = (row, column)
    }

    /// A run of blanks from `column` erased with `el` (to the end of the line) or `ech` instead
    /// of written as spaces, when that is shorter: blanks whose pen has no attribute and no
    /// foreground (what an erase leaves), on the terminal's own background or, with `bce`, on
    /// any. The cursor stays at `column`. The column after the erased cells, nil when not done.
    private mutating func erase(_ grid: Grid, previous: Grid?, row: Int, from column: Int) -> Int? {
        let base = row * grid.width
        let first = grid.cells[base + column]
        guard first.width == 1, first.singleByte == 0x20 else { return nil }
        let target = pens[Int(first.style.rawValue)]
        guard target.attributes == [], target.foreground == nil,
            target.background == nil || strings.backColourErase,
            strings.ech != nil || !strings.eraseToEndOfLine.isEmpty
        else { return nil }
        // the blanks in this pen from `column`, and the last of them that changed
        var stop = column, lastChanged = column
        while stop < grid.width {
            let cell = grid.cells[base + stop]
            guard cell.width == 1, cell.singleByte == 0x20, pens[Int(cell.style.rawValue)] == target else { break }
            if let previous, previous.cells[base + stop] == cell {} else { lastChanged = stop }
            stop += 1
        }
        // do not erase half of a wide character the screen shows past the run
        if let previous, stop < grid.width, previous.cells[base + stop].width == 0, previous.cells[base + stop - 1].width == 2 {
            stop -= 1
            lastChanged = min(lastChanged, stop - 1)
            if stop <= column { return nil }
        }
        let count = lastChanged + 1 - column
        var bytes: [UInt8]
        if stop == grid.width, !strings.eraseToEndOfLine.isEmpty {
            bytes = strings.eraseToEndOfLine
        } else {
            bytes = []
            guard strings.erase(characters: count, into: &bytes) else { return nil }
        }
        // the cursor does not move: the next change past the run costs a move (about 6 bytes)
        let next = lastChanged + 1
        let moveAfter = next < grid.width && (previous == nil || previous!.cells[base + next] != grid.cells[base + next]) ? 6 : 0
        guard bytes.count + moveAfter < count else { return nil }
        if cursor == nil || cursor! != (row, column) { move(row: row, column: column) }
        setPen(target)
        out += bytes
        return lastChanged + 1
    }

    /// A few unchanged cells between the cursor and the next change, on the same row, written
    /// again instead of moving over them, when that is shorter: narrow ASCII cells in the pen
    /// already on. True when done (the cursor is then at `column`).
    private mutating func rewriteGap(_ grid: Grid, row: Int, to column: Int) -> Bool {
        guard let cursor, cursor.row == row, column > cursor.column, column - cursor.column <= 3,
            let pen, !pen.lineDrawing
        else { return false }
        let base = row * grid.width
        for c in cursor.column..<column {
            let cell = grid.cells[base + c]
            let target = pens[Int(cell.style.rawValue)]
            guard cell.width == 1, let byte = cell.singleByte, byte >= 0x20, byte < 0x7F,
                target.attributes == pen.attributes, target.foreground == pen.foreground,
                target.background == pen.background
            else { return false }
        }
        for c in cursor.column..<column { out.append(grid.cells[base + c].singleByte!) }
        self.cursor = (row, column)
        return true
    }

    /// Back to the plain pen: line drawing off first (some `sgr0` leave it, some end it), then
    /// `sgr0`, then `op` when colours may be on.
    private mutating func resetPen() {
        if pen?.lineDrawing != false, ascii { out += strings.exitLineDrawing }
        out += strings.sgr0
        if pen == nil || pen?.foreground != nil || pen?.background != nil { out += strings.originalPair }
        pen = Pen()
    }

    private mutating func setPen(_ target: Pen) {
        if pen == nil { resetPen() }
        var current = pen!
        if current.attributes == target.attributes && current.foreground == target.foreground
            && current.background == target.background
        {
            return
        }
        let dropped =
            !current.attributes.isSubset(of: target.attributes)
            || (current.foreground != nil && target.foreground == nil) || (current.background != nil && target.background == nil)
        if dropped {
            // attributes cannot be switched off one by one: back to the plain pen, then on again
            resetPen()
            current = Pen()
        }
        let added = target.attributes.subtracting(current.attributes)
        if added.contains(.bold) { out += strings.bold }
        if added.contains(.dim) { out += strings.dim }
        if added.contains(.underline) { out += strings.underline }
        if added.contains(.reverse) { out += strings.reverse }
        if let colour = target.foreground, colour != current.foreground { out += strings.foreground[colour.rawValue] }
        if let colour = target.background, colour != current.background { out += strings.background[colour.rawValue] }
        current.attributes = target.attributes
        current.foreground = target.foreground
        current.background = target.background
        pen = current
    }

    private mutating func lineDrawing(_ on: Bool) {
        guard pen?.lineDrawing != on else { return }
        out += on ? strings.enterLineDrawing : strings.exitLineDrawing
        pen?.lineDrawing = on
    }

    private mutating func put(_ cell: Cell) {
        setPen(pens[Int(cell.style.rawValue)])
        if ascii {
            switch ASCIIFallback.glyph(cell) {
            case .line(let line):
                if let byte = strings.lineDrawing[FrameWriter.vt100(line)] {
                    lineDrawing(true)
                    out.append(byte)
                } else {
                    lineDrawing(false)
                    out += Array(String(line.ascii).utf8)
                }
            case .text(let text):
                lineDrawing(false)
                out += text.utf8
            }
            return
        }
        // A character whose width the C library (and so most terminals) sees differently from
        // the grid would shift the rest of the row: question marks fill its cells instead.
        if libcAgrees(cell) {
            cell.appendText(to: &out)
        } else {
            out += repeatElement(UInt8(ascii: "?"), count: Int(cell.width))
        }
    }

    /// The VT100 line-drawing letter `acsc` maps from.
    private static func vt100(_ line: ASCIIFallback.Line) -> UInt8 {
        switch line {
        case .horizontal: return UInt8(ascii: "q")
        case .vertical: return UInt8(ascii: "x")
        case .upperLeft: return UInt8(ascii: "l")
        case .upperRight: return UInt8(ascii: "k")
        case .lowerLeft: return UInt8(ascii: "m")
        case .lowerRight: return UInt8(ascii: "j")
        case .teeLeft: return UInt8(ascii: "t")
        case .teeRight: return UInt8(ascii: "u")
        case .teeDown: return UInt8(ascii: "w")
        case .teeUp: return UInt8(ascii: "v")
        case .cross: return UInt8(ascii: "n")
        }
    }
}
