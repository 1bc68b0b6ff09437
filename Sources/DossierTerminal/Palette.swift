@preconcurrency import CNcursesw
import DossierUI

/// Paints each style's `Look` with ncurses: colours by role when the terminal has them, attributes
/// only under NO_COLOR. Selection is reverse video either way.
enum Palette {
    /// Colour pairs, numbered from 1, one per style that has a colour; foreground on the
    /// terminal's own background (-1).
    private static let coloured: [Style] = Style.allCases.filter { $0.look.colour != nil }

    static func install() {
        for (index, style) in coloured.enumerated() {
            init_pair(Int16(index + 1), colour(style.look.colour!), -1)
        }
    }

    static func look(of style: Style, monochrome: Bool) -> (attr_t, Int16) {
        let look = style.look
        var attributes = dossier_A_NORMAL()
        if look.attributes.contains(.bold) { attributes |= dossier_A_BOLD() }
        if look.attributes.contains(.dim) { attributes |= dossier_A_DIM() }
        if look.attributes.contains(.underline) { attributes |= dossier_A_UNDERLINE() }
        if look.attributes.contains(.reverse) { attributes |= dossier_A_REVERSE() }
        guard !monochrome, let index = coloured.firstIndex(of: style) else { return (attributes, 0) }
        return (attributes, Int16(index + 1))
    }

    private static func colour(_ colour: Look.Colour) -> Int16 {
        switch colour {
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        }
    }
}
