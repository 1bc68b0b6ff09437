@preconcurrency import CNcursesw
import DossierUI

/// Paints each style's `Look` in a theme with ncurses: colour pairs for the styles that have a
/// colour, attributes only in the mono theme. Selection is reverse video in every theme.
struct Palette {
    let theme: Theme
    /// Colour pairs, numbered from 1, one per style that has a colour in the theme; nil (-1)
    /// stands for the terminal's own foreground or background.
    private let coloured: [Style]

    init(theme: Theme) {
        self.theme = theme
        coloured = theme == .mono ? [] : Style.allCases.filter { $0.look(in: theme).hasColour }
    }

    func install() {
        for (index, style) in coloured.enumerated() {
            let look = style.look(in: theme)
            init_pair(Int16(index + 1), Int16(look.foreground?.rawValue ?? -1), Int16(look.background?.rawValue ?? -1))
        }
    }

    func look(of style: Style) -> (attr_t, Int16) {
        let look = style.look(in: theme)
        var attributes = dossier_A_NORMAL()
        if look.attributes.contains(.bold) { attributes |= dossier_A_BOLD() }
        if look.attributes.contains(.dim) { attributes |= dossier_A_DIM() }
        if look.attributes.contains(.underline) { attributes |= dossier_A_UNDERLINE() }
        if look.attributes.contains(.reverse) { attributes |= dossier_A_REVERSE() }
        guard let index = coloured.firstIndex(of: style) else { return (attributes, 0) }
        return (attributes, Int16(index + 1))
    }
}
