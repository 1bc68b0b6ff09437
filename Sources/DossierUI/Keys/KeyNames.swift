import DossierCore

/// Key names as a French keyboard writes them, for the status bar and the help when French is on
/// (`Key.name` stays the English spelling the README and `dossier keys` use).
public enum KeyNames {
    private static let french: [(String, String)] = [
        ("Shift-Tab", "Maj-Tab"), ("Enter", "Entrée"), ("Backspace", "Retour arrière"), ("Esc", "Échap"),
        ("Space", "Espace"), ("Home", "Début"), ("End", "Fin"), ("PgUp", "Page préc."), ("PgDn", "Page suiv."),
        ("Delete", "Suppr"),
    ]

    /// `keys` (one name or several, separated by spaces or `/`) in the language.
    public static func localized(_ keys: String, _ lang: Language) -> String {
        guard lang == .fr else { return keys }
        var words: [String] = []
        var current = ""
        for character in keys {
            if character == " " || character == "/" {
                words.append(current)
                words.append(String(character))
                current = ""
            } else {
                current.append(character)
            }
        }
        words.append(current)
        return words.map { word in french.first { $0.0 == word }?.1 ?? word }.joined()
    }
}
