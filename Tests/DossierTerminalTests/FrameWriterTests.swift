import DossierCore
import DossierUI
import Testing

@testable import DossierTerminal

/// A tiny terminal: it interprets the control sequences xterm-256color's terminfo strings produce
/// (cup, hpa, clear, sgr0, bold, dim, smul, rev, setaf/setab/op for the eight colours, smacs/rmacs,
/// civis/cnorm, ech and el, erasing with the current background when the terminal has `bce`,
/// with its own otherwise) and UTF-8 text, with xterm's rules for wide characters and the last column.
/// Anything else it meets is noted in `errors`, so a test fails on a byte it does not expect.
struct ModelScreen {
    struct Place: Equatable, CustomStringConvertible {
        var text = " "
        var attributes: Look.Attributes = []
        var foreground: Int?
        var background: Int?
        /// The right half of a wide character.
        var continuation = false
        var description: String { "\(text)[\(attributes.rawValue),\(foreground ?? -1),\(background ?? -1)]" }
    }

    let width: Int, height: Int
    var places: [Place]
    var row = 0, column = 0
    var pendingWrap = false
    var attributes: Look.Attributes = []
    var foreground: Int?, background: Int?
    var lineDrawing = false
    var cursorShown = true
    var errors: [String] = []
    /// `bce`: erasing fills with the current background colour.
    let backColourErase: Bool

    init(width: Int, height: Int, filler: String = " ", backColourErase: Bool = true) {
        self.width = width
        self.height = height
        self.backColourErase = backColourErase
        places = Array(
            repeating: Place(text: filler, attributes: filler == " " ? [] : [.bold], foreground: filler == " " ? nil : 3),
            count: width * height)
    }

    subscript(row: Int, column: Int) -> Place { places[row * width + column] }

    mutating func apply(_ bytes: [UInt8]) {
        var i = 0
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty { printText(String(decoding: text, as: UTF8.self)) }
            text.removeAll()
        }
        while i < bytes.count {
            if bytes[i] != 0x1B {
                text.append(bytes[i])
                i += 1
                continue
            }
            flushText()
            guard i + 1 < bytes.count else { errors.append("a lone ESC at the end"); return }
            if bytes[i + 1] == UInt8(ascii: "("), i + 2 < bytes.count {
                lineDrawing = bytes[i + 2] == UInt8(ascii: "0")
                if bytes[i + 2] != UInt8(ascii: "0") && bytes[i + 2] != UInt8(ascii: "B") { errors.append("charset \(bytes[i + 2])") }
                i += 3
                continue
            }
            guard bytes[i + 1] == UInt8(ascii: "[") else { errors.append("ESC \(bytes[i + 1])"); i += 2; continue }
            var j = i + 2
            var isPrivate = false
            if j < bytes.count, bytes[j] == UInt8(ascii: "?") { isPrivate = true; j += 1 }
            var parameters: [Int] = []
            var current: Int?
            while j < bytes.count, (bytes[j] >= 0x30 && bytes[j] <= 0x39) || bytes[j] == UInt8(ascii: ";") {
                if bytes[j] == UInt8(ascii: ";") {
                    parameters.append(current ?? 0)
                    current = nil
                } else {
                    current = (current ?? 0) * 10 + Int(bytes[j] - 0x30)
                }
                j += 1
            }
            if let current { parameters.append(current) }
            guard j < bytes.count else { errors.append("an unfinished CSI"); return }
            control(isPrivate, parameters, bytes[j])
            i = j + 1
        }
        flushText()
    }

    private mutating func control(_ isPrivate: Bool, _ parameters: [Int], _ final: UInt8) {
        switch (isPrivate, Character(Unicode.Scalar(final))) {
        case (true, "l") where parameters == [25]: cursorShown = false
        case (true, "h") where parameters == [25]: cursorShown = true
        case (true, "l") where parameters == [12]: break  // blinking off (part of cnorm)
        case (false, "H"):
            row = max(1, parameters.first ?? 1) - 1
            column = max(1, parameters.count > 1 ? parameters[1] : 1) - 1
            pendingWrap = false
            if row >= height || column >= width { errors.append("cup outside the screen \(row) \(column)") }
        case (false, "G"):
            column = max(1, parameters.first ?? 1) - 1
            pendingWrap = false
            if column >= width { errors.append("hpa outside the screen \(column)") }
        case (false, "J") where parameters == [2]:
            // xterm clears with the current background colour (bce)
            places = Array(repeating: Place(background: background), count: width * height)
        case (false, "X"):
            erase(count: max(1, parameters.first ?? 1))
        case (false, "K") where parameters.isEmpty || parameters == [0]:
            erase(count: width - column)
        case (false, "m"):
            for parameter in parameters.isEmpty ? [0] : parameters {
                switch parameter {
                case 0: attributes = []; foreground = nil; background = nil
                case 1: attributes.insert(.bold)
                case 2: attributes.insert(.dim)
                case 4: attributes.insert(.underline)
                case 7: attributes.insert(.reverse)
                case 30...37: foreground = parameter - 30
                case 39: foreground = nil
                case 40...47: background = parameter - 40
                case 49: background = nil
                default: errors.append("SGR \(parameter)")
                }
            }
        default:
            errors.append("CSI \(isPrivate ? "?" : "")\(parameters) \(Character(Unicode.Scalar(final)))")
        }
    }

    /// DEC special graphics, as xterm draws them.
    private static let graphics: [Character: String] = [
        "q": "─", "x": "│", "l": "┌", "k": "┐", "m": "└", "j": "┘", "t": "├", "u": "┤", "w": "┬", "v": "┴", "n": "┼",
    ]

    private mutating func printText(_ text: String) {
        for character in text {
            var shown = String(character)
            if lineDrawing, let line = ModelScreen.graphics[character] { shown = line }
            let cells = DisplayWidth.of(character)
            if character.unicodeScalars.allSatisfy({ $0.value < 0x20 }) { errors.append("control \(character.unicodeScalars.first!.value)"); continue }
            if cells == 0 {
                // a combining mark joins the character before the cursor
                let back = column > 0 ? column - 1 : 0
                var index = row * width + back
                if places[index].continuation, back > 0 { index -= 1 }
                places[index].text += shown
                continue
            }
            if pendingWrap {
                column = 0
                row += 1
                pendingWrap = false
                if row >= height { errors.append("the screen scrolled"); row = height - 1 }
            }
            if column + cells > width { errors.append("a wide character split at \(row),\(column)"); return }
            clearHalves(row: row, column: column, count: cells)
            let place = Place(text: shown, attributes: attributes, foreground: foreground, background: background)
            places[row * width + column] = place
            if cells == 2 {
                var right = place
                right.text = ""
                right.continuation = true
                places[row * width + column + 1] = right
            }
            if column + cells >= width {
                column = width - 1
                pendingWrap = true
            } else {
                column += cells
            }
        }
    }

    /// `ech` and `el`: blanks from the cursor, which does not move, in the current background
    /// (with `bce`) without attributes; a wide character cut in two loses its other half.
    private mutating func erase(count: Int) {
        let last = min(width, column + count) - 1
        guard column <= last else { return }
        clearHalves(row: row, column: column, count: last - column + 1)
        for c in column...last { places[row * width + c] = Place(background: backColourErase ? background : nil) }
        pendingWrap = false
    }

    /// Writing over half of a wide character blanks its other half.
    private mutating func clearHalves(row: Int, column: Int, count: Int) {
        let base = row * width
        if places[base + column].continuation, column > 0 { places[base + column - 1] = Place() }
        let last = column + count - 1
        if last + 1 < width, places[base + last + 1].continuation { places[base + last + 1] = Place() }
    }
}

@Suite struct FrameWriterTests {
    static let xterm = TerminalStrings.of(terminalType: "xterm-256color")

    /// What the model must show for a grid: each cell's text in its look; a wide character's
    /// right half as a continuation.
    func expectShows(
        _ model: ModelScreen, _ grid: Grid, theme: Theme, text: (Cell) -> String = { $0.text },
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(model.errors == [], sourceLocation: sourceLocation)
        var mismatches: [String] = []
        for row in 0..<grid.height {
            for column in 0..<grid.width {
                let cell = grid[row, column], place = model[row, column]
                if cell.width == 0, column == 0 || grid[row, column - 1].width != 2 {
                    // a right half without its left (the grid can leave one when a wide
                    // character is written over another in the same place): drawn as a space
                    let look = cell.style.look(in: theme)
                    let expected = ModelScreen.Place(
                        text: " ", attributes: look.attributes,
                        foreground: look.foreground?.rawValue, background: look.background?.rawValue)
                    if place != expected { mismatches.append("\(row),\(column): \(place), wanted \(expected) (a lone right half)") }
                    continue
                }
                if cell.width == 0, text(grid[row, column - 1]) == "??" {
                    // a wide character drawn as two question marks (the ASCII fallback)
                    let look = grid[row, column - 1].style.look(in: theme)
                    let expected = ModelScreen.Place(
                        text: "?", attributes: look.attributes,
                        foreground: look.foreground?.rawValue, background: look.background?.rawValue)
                    if place != expected { mismatches.append("\(row),\(column): \(place), wanted \(expected)") }
                    continue
                }
                if cell.width == 0 {
                    if !place.continuation { mismatches.append("\(row),\(column): \(place) is not a wide character's right half") }
                    continue
                }
                let look = cell.style.look(in: theme)
                let shown = text(cell) == "??" ? "?" : text(cell)
                let expected = ModelScreen.Place(
                    text: shown, attributes: look.attributes,
                    foreground: look.foreground?.rawValue, background: look.background?.rawValue)
                if place != expected { mismatches.append("\(row),\(column): \(place), wanted \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(8))", sourceLocation: sourceLocation)
        if let cursor = grid.cursor {
            #expect(model.cursorShown && model.row == cursor.row && model.column == cursor.column, sourceLocation: sourceLocation)
        } else {
            #expect(!model.cursorShown, sourceLocation: sourceLocation)
        }
    }

    static func sample(width: Int = 30, height: Int = 6) -> Grid {
        var grid = Grid(width: width, height: height)
        grid.put("Chronologie", row: 0, column: 0, style: .title)
        grid.put("法律 et l’État", row: 1, column: 2, style: .heading)
        grid.put("lien", row: 2, column: 0, style: .link)
        grid.put("choisi", row: 2, column: 6, style: .selection)
        grid.put("e\u{301}te\u{301}", row: 3, column: 1, style: .era2)
        grid.fill(row: height - 1, column: 0, width: width, height: 1, style: .statusBar)
        grid.put("[2 Timeline] 中", row: height - 1, column: 0, style: .statusBar)
        grid.put("Z", row: height - 1, column: width - 1, style: .warning)
        grid.cursor = (2, 6)
        return grid
    }

    @Test func aSequenceOfGridsLandsOnTheScreenCellsAndAttributes() throws {
        let strings = try #require(Self.xterm, "no terminfo entry for xterm-256color")
        var writer = FrameWriter(strings: strings, theme: .dark)
        var model = ModelScreen(width: 30, height: 6, filler: "#")
        var grid = Self.sample()
        model.apply(writer.frame(grid))
        expectShows(model, grid, theme: .dark)
        // attributes dropped and added, a wide character over narrow ones and the reverse,
        // colours changed, the cursor hidden
        grid.put("choisi", row: 2, column: 6, style: .normal)
        grid.put("中文", row: 0, column: 3, style: .match)
        grid.put("ab", row: 1, column: 2, style: .accent)
        grid.put("x", row: 1, column: 5, style: .normal)  // the right half of 律
        grid.cursor = nil
        model.apply(writer.frame(grid))
        expectShows(model, grid, theme: .dark)
        grid.restyle(row: 3, column: 0, width: 10, style: .era0)
        grid.put("plain", row: 4, column: 25, style: .normal)
        grid.cursor = (4, 25)
        model.apply(writer.frame(grid))
        expectShows(model, grid, theme: .dark)
    }

    @Test func anUnchangedGridGivesNoBytes() throws {
        let strings = try #require(Self.xterm)
        var writer = FrameWriter(strings: strings, theme: .dark)
        let grid = Self.sample()
        #expect(!writer.frame(grid).isEmpty)
        #expect(writer.frame(grid) == [])
        var hidden = grid
        hidden.cursor = nil
        #expect(!writer.frame(hidden).isEmpty)
        #expect(writer.frame(hidden) == [])
    }

    @Test func afterInvalidationTheNextFrameRepaintsEverything() throws {
        let strings = try #require(Self.xterm)
        var writer = FrameWriter(strings: strings, theme: .dark)
        let grid = Self.sample()
        var model = ModelScreen(width: 30, height: 6)
        model.apply(writer.frame(grid))
        // the screen is spoilt behind the writer's back (a resume, a resize, a stray message),
        // in a colour left on
        var spoilt = ModelScreen(width: 30, height: 6, filler: "@")
        spoilt.apply(Array("\u{1B}[1;44m\u{1B}(0".utf8))
        spoilt.cursorShown = false
        writer.invalidate()
        spoilt.apply(writer.frame(grid))
        expectShows(spoilt, grid, theme: .dark)
        // and a change of size repaints too
        let larger = Self.sample(width: 34, height: 7)
        var resized = ModelScreen(width: 34, height: 7, filler: "%")
        resized.apply(writer.frame(larger))
        expectShows(resized, larger, theme: .dark)
    }

    @Test func theMonoThemeSendsNoColour() throws {
        let strings = try #require(Self.xterm)
        var writer = FrameWriter(strings: strings, theme: .mono)
        var model = ModelScreen(width: 30, height: 6)
        let grid = Self.sample()
        let bytes = writer.frame(grid)
        model.apply(bytes)
        expectShows(model, grid, theme: .mono)
        for colour in strings.foreground + strings.background {
            #expect(!contains(bytes, colour), "no setaf or setab")
        }
    }

    @Test func aTerminalThatIsNotUTF8GetsASCIIAndItsLineDrawing() throws {
        let strings = try #require(Self.xterm)
        var writer = FrameWriter(strings: strings, theme: .safe, ascii: true)
        var grid = Grid(width: 12, height: 3)
        grid.put("┌──┐ élan", row: 0, column: 0, style: .border)
        grid.put("中→", row: 1, column: 0, style: .normal)
        grid.put("└──┘", row: 2, column: 0, style: .focusBorder)
        let bytes = writer.frame(grid)
        #expect(bytes.allSatisfy { $0 < 0x80 }, "ASCII bytes only")
        var model = ModelScreen(width: 12, height: 3, filler: "#")
        model.apply(bytes)
        expectShows(model, grid, theme: .safe) { cell in
            switch ASCIIFallback.glyph(cell) {
            case .text(let text): return text
            case .line: return cell.text  // drawn by the terminal's line drawing
            }
        }
        // text after line drawing, in the next frame: line drawing is ended first
        grid.put("xy", row: 2, column: 1, style: .focusBorder)
        model.apply(writer.frame(grid))
        #expect(model[2, 1].text == "x" && model[2, 2].text == "y" && model[2, 3].text == "┘")
    }

    @Test func aCharacterTheCLibraryMeasuresOtherwiseIsDrawnAsQuestionMarks() throws {
        let strings = try #require(Self.xterm)
        var writer = FrameWriter(strings: strings, theme: .dark, libcAgrees: { $0.text != "中" })
        var grid = Grid(width: 8, height: 1)
        grid.put("a中b", row: 0, column: 0)
        let bytes = writer.frame(grid)
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("a??b"))
    }

    @Test func blankRunsAreErasedInFewerBytesThanSpaces() throws {
        let strings = try #require(Self.xterm)
        #expect(strings.ech != nil && !strings.eraseToEndOfLine.isEmpty && strings.backColourErase, "xterm has ech, el and bce")
        var writer = FrameWriter(strings: strings, theme: .dark)
        var model = ModelScreen(width: 60, height: 3)
        var grid = Grid(width: 60, height: 3)
        grid.put(String(repeating: "texte ", count: 10), row: 0, column: 0)
        grid.put(String(repeating: "mot ", count: 15), row: 1, column: 0)
        grid.put("│", row: 1, column: 59, style: .border)
        grid.fill(row: 2, column: 0, width: 60, height: 1, style: .statusBar)
        grid.put("statut", row: 2, column: 0, style: .statusBar)
        model.apply(writer.frame(grid))
        // the first line blanked to its end, the second but for its border, the bar in its colour
        grid.fill(row: 0, column: 4, width: 56, height: 1)
        grid.fill(row: 1, column: 2, width: 56, height: 1)
        grid.fill(row: 2, column: 0, width: 60, height: 1, style: .statusBar)
        let bytes = writer.frame(grid)
        model.apply(bytes)
        expectShows(model, grid, theme: .dark)
        #expect(contains(bytes, strings.eraseToEndOfLine), "el for the first line")
        var ech: [UInt8] = []
        _ = strings.erase(characters: 56, into: &ech)
        #expect(contains(bytes, ech), "ech for the second")
        #expect(bytes.count < 60, "\(bytes.count) bytes for 56 + 56 + 6 blanked cells")
    }

    /// A terminal without `bce` erases in its own colours: blanks on a background are written,
    /// and one without `ech` or `el` (or both) gets spaces; the screen ends right either way.
    @Test func erasingHonoursTheTerminalsCapabilities() throws {
        let xterm = try #require(Self.xterm)
        let variants = [
            xterm.without(bce: true), xterm.without(ech: true), xterm.without(el: true),
            xterm.without(bce: true, ech: true, el: true),
        ]
        for (index, strings) in variants.enumerated() {
            var random = SplitMix(seed: UInt64(100 + index))
            var writer = FrameWriter(strings: strings, theme: .dark)
            var model = ModelScreen(width: 20, height: 5, backColourErase: strings.backColourErase)
            var grid = Grid(width: 20, height: 5)
            for _ in 0..<40 {
                grid.put(
                    String(repeating: "ab 中 ", count: 1 + random.next(3)), row: random.next(5), column: random.next(10),
                    style: [.normal, .statusBar, .heading][random.next(3)])
                blankSomeCells(&grid, &random)
                let bytes = writer.frame(grid)
                model.apply(bytes)
                expectShows(model, grid, theme: .dark)
                if strings.ech == nil { #expect(!hasControl(bytes, final: "X"), "no ech") }
                if strings.eraseToEndOfLine.isEmpty { #expect(!hasControl(bytes, final: "K"), "no el") }
            }
        }
    }

    /// Random grids one after another, each drawn over the last: the screen always ends as the
    /// last grid, whatever changed (a fixed seed, so a failure repeats).
    @Test func randomGridsOneAfterAnother() throws {
        let strings = try #require(Self.xterm)
        var random = SplitMix(seed: 16)
        let pieces = ["a", "bc", "中", "文字", "é", "e\u{301}", " ", "──", "’", "x"]
        for theme in [Theme.dark, .light, .mono] {
            var writer = FrameWriter(strings: strings, theme: theme)
            var model = ModelScreen(width: 20, height: 5, filler: "?")
            var grid = Grid(width: 20, height: 5)
            for step in 0..<60 {
                if step % 20 == 7 {
                    writer.invalidate()
                    model = ModelScreen(width: 20, height: 5, filler: "!")
                }
                for _ in 0..<(1 + random.next(6)) {
                    let style = Style.allCases[random.next(Style.allCases.count)]
                    let text = (0..<(1 + random.next(4))).map { _ in pieces[random.next(pieces.count)] }.joined()
                    grid.put(text, row: random.next(5), column: random.next(20), style: style)
                }
                if random.next(3) == 0 { grid.restyle(row: random.next(5), column: random.next(20), width: 5, style: .selection) }
                blankSomeCells(&grid, &random)
                grid.cursor = random.next(2) == 0 ? nil : (random.next(5), random.next(20))
                model.apply(writer.frame(grid))
                expectShows(model, grid, theme: theme)
            }
        }
    }
}

/// Blank runs, so that erasing (`ech`, `el`) has something to do: in the plain style, in one
/// with a background, to the end of the line or not, over wide characters or not.
func blankSomeCells(_ grid: inout Grid, _ random: inout SplitMix) {
    guard random.next(2) == 0 else { return }
    let column = random.next(grid.width)
    let width = random.next(2) == 0 ? grid.width - column : 1 + random.next(grid.width - column)
    let style: Style = [.normal, .normal, .statusBar, .selection][random.next(4)]
    grid.fill(row: random.next(grid.height), column: column, width: width, height: 1, style: style)
}

extension TerminalStrings {
    /// These strings as a terminal with fewer erasing capabilities would have them.
    func without(bce: Bool = false, ech: Bool = false, el: Bool = false) -> TerminalStrings {
        TerminalStrings(
            cup: cup, hpa: hpa, sgr0: sgr0, bold: bold, dim: dim, underline: underline, reverse: reverse,
            foreground: foreground, background: background, originalPair: originalPair,
            hideCursor: hideCursor, showCursor: showCursor, clear: clear,
            enterLineDrawing: enterLineDrawing, exitLineDrawing: exitLineDrawing, lineDrawing: lineDrawing,
            scrollsAtLastCell: scrollsAtLastCell, movesInAttributes: movesInAttributes, noColourVideo: noColourVideo,
            ech: ech ? nil : self.ech, eraseToEndOfLine: el ? [] : eraseToEndOfLine,
            backColourErase: bce ? false : backColourErase)
    }
}

/// Whether the bytes hold a control sequence `ESC [ digits final`.
func hasControl(_ bytes: [UInt8], final: Character) -> Bool {
    var i = 0
    while i + 1 < bytes.count {
        if bytes[i] == 0x1B, bytes[i + 1] == UInt8(ascii: "[") {
            var j = i + 2
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
            if j < bytes.count, bytes[j] == final.asciiValue! { return true }
        }
        i += 1
    }
    return false
}

func contains(_ bytes: [UInt8], _ part: [UInt8]) -> Bool {
    guard !part.isEmpty, bytes.count >= part.count else { return false }
    return (0...(bytes.count - part.count)).contains { Array(bytes[$0..<($0 + part.count)]) == part }
}

/// A small deterministic generator for the random grids.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
