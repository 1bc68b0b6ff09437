/// What a cell becomes on a terminal that is not UTF-8: ASCII only, except box drawing, which the
/// terminal draws itself (ncurses' alternate character set, ASCII bytes on the wire). Arrows,
/// blocks, dashes, quotes, the ellipsis and the degree sign of « n° » get ASCII stand-ins; accented letters lose their
/// accents; anything else is `?` (a wide character `??`), so every cell keeps its width.
public enum ASCIIFallback {
    /// The terminal's line-drawing characters.
    public enum Line: Sendable, Hashable {
        case horizontal, vertical, upperLeft, upperRight, lowerLeft, lowerRight, teeLeft, teeRight, teeDown, teeUp, cross

        /// The ASCII drawn where there is no line drawing at all (and in tests).
        public var ascii: Character {
            switch self {
            case .horizontal: return "-"
            case .vertical: return "|"
            default: return "+"
            }
        }
    }

    public enum Glyph: Sendable, Hashable {
        /// ASCII text exactly as wide as the cell.
        case text(String)
        case line(Line)
    }

    public static func glyph(_ cell: Cell) -> Glyph {
        let scalars = cell.text.unicodeScalars
        if scalars.allSatisfy({ $0.value < 0x7F }) { return .text(cell.text) }
        if cell.width == 0 { return .text("") }
        guard cell.width == 1, let first = scalars.first else { return .text(String(repeating: "?", count: Int(cell.width))) }
        if let line = line(first) { return .line(line) }
        return .text(String(character(first)))
    }

    /// The whole grid as it shows on such a terminal, lines as `-`, `|` and `+` (for tests).
    public static func text(_ grid: Grid) -> String {
        var rows: [String] = []
        for r in 0..<grid.height {
            var row = ""
            for c in 0..<grid.width {
                switch glyph(grid[r, c]) {
                case .text(let text): row += text
                case .line(let line): row.append(line.ascii)
                }
            }
            while row.hasSuffix(" ") { row.removeLast() }
            rows.append(row)
        }
        return rows.joined(separator: "\n")
    }

    static func line(_ scalar: Unicode.Scalar) -> Line? {
        switch scalar {
        case "─", "═", "━": return .horizontal
        case "│", "║", "┃": return .vertical
        case "┌", "╔", "╭": return .upperLeft
        case "┐", "╗", "╮": return .upperRight
        case "└", "╚", "╰": return .lowerLeft
        case "┘", "╝", "╯": return .lowerRight
        case "├", "╠": return .teeLeft
        case "┤", "╣": return .teeRight
        case "┬", "╦": return .teeDown
        case "┴", "╩": return .teeUp
        case "┼", "╬": return .cross
        default: return nil
        }
    }

    private static let letters: [Character: Character] = {
        var map: [Character: Character] = [:]
        let groups: [(String, Character)] = [
            ("àáâãäåāă", "a"), ("ÀÁÂÃÄÅĀĂ", "A"), ("çćč", "c"), ("ÇĆČ", "C"), ("ď", "d"), ("Ď", "D"),
            ("èéêëēęě", "e"), ("ÈÉÊËĒĘĚ", "E"), ("ìíîïī", "i"), ("ÌÍÎÏĪ", "I"), ("ñńň", "n"), ("ÑŃŇ", "N"),
            ("òóôõöøō", "o"), ("ÒÓÔÕÖØŌ", "O"), ("ùúûüūů", "u"), ("ÙÚÛÜŪŮ", "U"), ("ýÿ", "y"), ("ÝŸ", "Y"),
            ("śšș", "s"), ("ŚŠȘ", "S"), ("żźž", "z"), ("ŻŹŽ", "Z"), ("ł", "l"), ("Ł", "L"), ("ř", "r"), ("Ř", "R"),
            ("ťț", "t"), ("ŤȚ", "T"), ("œæ", "o"), ("ŒÆ", "O"), ("ß", "s"),
        ]
        for (from, to) in groups { for c in from { map[c] = to } }
        return map
    }()

    static func character(_ scalar: Unicode.Scalar) -> Character {
        switch scalar {
        case "▁", "▂": return "."
        case "▃", "▄": return ":"
        case "▅", "▆": return "+"
        case "▇", "█", "■", "▮": return "#"
        case "→", "›", "▸", "▶", "»": return ">"
        case "←", "‹", "◂", "◀", "«": return "<"
        case "↓", "▾": return "v"
        case "↑", "▴": return "^"
        case "↔": return "="
        case "…", "·", "•": return "."
        case "–", "—", "‑", "−": return "-"
        case "’", "‘", "ʼ": return "'"
        case "“", "”", "„": return "\""
        case "×": return "x"
        // « n° 492369 » (numéro) reads "no 492369"; the ordinal indicator the same
        case "°", "º": return "o"
        case "ª": return "a"
        case "\u{A0}", "\u{202F}", "\u{2009}": return " "
        default: return scalar.value < 0x7F ? Character(scalar) : letters[Character(scalar)] ?? "?"
        }
    }
}
