@preconcurrency import CNcursesw
import DossierUI

/// How each style looks: colours by role when the terminal has them (8 colours are enough),
/// attributes only under NO_COLOR. Selection is reverse video either way.
enum Palette {
    /// Colour pairs, numbered from 1; foreground on the terminal's own background (-1).
    private static let pairs: [(Style, Int16)] = [
        (.accent, Int16(COLOR_CYAN)), (.link, Int16(COLOR_BLUE)), (.focusBorder, Int16(COLOR_CYAN)),
        (.focusTitle, Int16(COLOR_CYAN)), (.era0, Int16(COLOR_YELLOW)), (.era1, Int16(COLOR_GREEN)),
        (.era2, Int16(COLOR_MAGENTA)), (.match, Int16(COLOR_YELLOW)), (.warning, Int16(COLOR_RED)),
        (.heading, Int16(COLOR_CYAN)), (.tabActive, Int16(COLOR_CYAN)),
    ]

    static func install() {
        for (index, pair) in pairs.enumerated() {
            init_pair(Int16(index + 1), pair.1, -1)
        }
    }

    static func look(of style: Style, monochrome: Bool) -> (attr_t, Int16) {
        let bold = dossier_A_BOLD(), dim = dossier_A_DIM(), reverse = dossier_A_REVERSE(), underline = dossier_A_UNDERLINE()
        let attributes: attr_t
        switch style {
        case .normal, .link, .tab, .border: attributes = dossier_A_NORMAL()
        case .muted, .eraNone: attributes = dim
        case .heading, .title, .accent, .era0, .era1, .era2, .warning: attributes = bold
        case .selection: attributes = reverse
        case .selectionInactive: attributes = underline
        case .focusBorder: attributes = bold
        case .focusTitle, .tabActive, .header: attributes = bold | reverse
        case .statusBar: attributes = reverse
        case .match: attributes = bold | underline
        }
        guard !monochrome, let index = pairs.firstIndex(where: { $0.0 == style }) else { return (attributes, 0) }
        return (attributes, Int16(index + 1))
    }
}
