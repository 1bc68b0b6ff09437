import DossierCore

/// Where a binding applies.
public enum KeyScope: Sendable, Hashable {
    case everywhere
    case list  // the focused pane's list
    case detail  // the detail, when a link is being chosen

    /// Whether a key could mean two things: both scopes apply in some context.
    func overlaps(_ other: KeyScope) -> Bool {
        self == other || self == .everywhere || other == .everywhere
    }
}

public enum KeyGroup: Int, Sendable, CaseIterable {
    case move, timeline, panes, search, links, general

    public var title: Localized {
        switch self {
        case .move: return UIText.groupMove.text
        case .timeline: return UIText.groupTimeline.text
        case .panes: return UIText.groupPanes.text
        case .search: return UIText.groupSearch.text
        case .links: return UIText.groupLinks.text
        case .general: return UIText.groupGeneral.text
        }
    }
}

/// One line of the keymap: the keys, what they do, where, and how help and hints describe it.
public struct Binding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var scope: KeyScope
    public var group: KeyGroup
    public var help: Localized
    /// Short label for the status bar, when the binding is worth a hint there.
    public var hint: Localized?
}

/// The one table of keys: dispatch, the `?` overlay, the status-bar hints and the README's key
/// table all come from it.
public enum Keymap {
    public static let bindings: [Binding] = [
        // move
        Binding(
            keys: [.character("j"), .down], action: .moveDown, scope: .everywhere, group: .move,
            help: Localized(en: "next item (next link in the detail)", fr: "élément suivant (lien suivant dans le détail)"),
            hint: Localized(en: "move", fr: "bouger")),
        Binding(
            keys: [.character("k"), .up], action: .moveUp, scope: .everywhere, group: .move,
            help: Localized(en: "previous item (previous link)", fr: "élément précédent (lien précédent)"), hint: nil),
        Binding(
            keys: [.character("J"), .character("}")], action: .nextGroup, scope: .list, group: .move,
            help: Localized(
                en: "next year (timeline), role (parties), case (arguments) or group of sources (year, publisher or kind)",
                fr: "année suivante (chronologie), rôle (parties), affaire (arguments) ou groupe de sources (année, éditeur ou nature)"),
            hint: UIText.groupYear.text),  // the status bar names the groups of the list shown
        Binding(
            keys: [.character("K"), .character("{")], action: .previousGroup, scope: .list, group: .move,
            help: Localized(en: "previous year, role, case or group of sources", fr: "année, rôle, affaire ou groupe de sources précédents"), hint: nil),
        Binding(
            keys: [.character("g"), .home], action: .first, scope: .everywhere, group: .move,
            help: Localized(en: "first item", fr: "premier élément"), hint: nil),
        Binding(
            keys: [.character("G"), .end], action: .last, scope: .everywhere, group: .move,
            help: Localized(en: "last item", fr: "dernier élément"), hint: nil),
        Binding(
            keys: [.pageDown, .control("d")], action: .pageDown, scope: .everywhere, group: .move,
            help: Localized(en: "page down", fr: "page suivante"), hint: nil),
        Binding(
            keys: [.pageUp, .control("u")], action: .pageUp, scope: .everywhere, group: .move,
            help: Localized(en: "page up", fr: "page précédente"), hint: nil),
        Binding(
            keys: [.character("6"), .character("7"), .character("8"), .character("9"), .character("0")],
            action: .digit(0), scope: .everywhere, group: .move,
            help: Localized(
                en: "count before a move, starting with 6–9: 6J is six years on, 60j sixty items down (1–5 are only panes)",
                fr: "nombre avant un déplacement, commençant par 6 à 9\u{00A0}: 6J avance de six ans, 60j descend de soixante (1–5 ne sont que des volets)"),
            hint: nil),
        // timeline
        Binding(
            keys: [.character("t")], action: .startPrompt(.gotoDate), scope: .everywhere, group: .timeline,
            help: Localized(
                en: "go to a date: 2020, 2020-07 or 2020-07-16 (nearest event)",
                fr: "aller à une date\u{00A0}: 2020, 2020-07 ou 2020-07-16 (événement le plus proche)"),
            hint: nil),
        Binding(
            keys: [.character("H")], action: .home, scope: .everywhere, group: .timeline,
            help: Localized(
                en: "back to the affair’s focal point (the 22 March 2024 ordonnance)",
                fr: "revenir au cœur de l’affaire (l’ordonnance du 22 mars 2024)"), hint: nil),
        Binding(
            keys: [.character("]")], action: .prefix("]"), scope: .everywhere, group: .timeline,
            help: Localized(
                en: "then r l f d o h: next ruling, law, filing, decision, order, hearing",
                fr: "puis r l f d o h\u{00A0}: arrêt, loi, recours, décision, ordonnance, audience suivants"), hint: nil),
        Binding(
            keys: [.character("[")], action: .prefix("["), scope: .everywhere, group: .timeline,
            help: Localized(en: "then r l f d o h: previous one of that kind", fr: "puis r l f d o h\u{00A0}: le précédent de ce type"), hint: nil),
        Binding(
            keys: [.character("+"), .character("=")], action: .zoomIn, scope: .everywhere, group: .timeline,
            help: Localized(en: "zoom in: eras → years → months → every event", fr: "zoomer\u{00A0}: époques → années → mois → chaque événement"),
            hint: nil),
        Binding(
            keys: [.character("-")], action: .zoomOut, scope: .everywhere, group: .timeline,
            help: Localized(en: "zoom out: events counted by month, year, era", fr: "dézoomer\u{00A0}: événements comptés par mois, année, époque"),
            hint: nil),
        // panes
        Binding(
            keys: [.character("1")], action: .focus(.parties), scope: .everywhere, group: .panes,
            help: Localized(en: "Parties pane", fr: "volet Parties"), hint: nil),
        Binding(
            keys: [.character("2")], action: .focus(.timeline), scope: .everywhere, group: .panes,
            help: Localized(en: "Timeline pane", fr: "volet Chronologie"), hint: nil),
        Binding(
            keys: [.character("3")], action: .focus(.arguments), scope: .everywhere, group: .panes,
            help: Localized(en: "Arguments pane", fr: "volet Arguments"), hint: nil),
        Binding(
            keys: [.character("4")], action: .focus(.accords), scope: .everywhere, group: .panes,
            help: Localized(en: "Accords pane", fr: "volet Accords"), hint: nil),
        Binding(
            keys: [.character("5")], action: .focus(.sources), scope: .everywhere, group: .panes,
            help: Localized(
                en: "Sources pane: the bibliography, each source’s full address and who cites it",
                fr: "volet Sources\u{00A0}: la bibliographie, l’adresse complète de chaque source et qui la cite"), hint: nil),
        Binding(
            keys: [.character("s")], action: .cycleSourceOrder, scope: .everywhere, group: .panes,
            help: Localized(
                en: "Sources pane: sort by date, publisher, kind in turn (:sort ORDER names one)",
                fr: "volet Sources\u{00A0}: trier par date, éditeur, nature tour à tour (:sort ORDRE en choisit un)"), hint: nil),
        Binding(
            keys: [.tab], action: .nextPane, scope: .everywhere, group: .panes,
            help: Localized(en: "next pane", fr: "volet suivant"), hint: nil),
        Binding(
            keys: [.backTab], action: .previousPane, scope: .everywhere, group: .panes,
            help: Localized(en: "previous pane", fr: "volet précédent"), hint: nil),
        Binding(
            keys: [.enter, .character("l"), .right], action: .openDetail, scope: .list, group: .panes,
            help: Localized(
                en: "choose among the detail’s links (on a zoomed-out row: zoom in)",
                fr: "choisir parmi les liens du détail (sur une ligne dézoomée\u{00A0}: zoomer)"),
            hint: Localized(en: "links", fr: "liens")),
        Binding(
            keys: [.control("e")], action: .scrollDetail(1), scope: .everywhere, group: .panes,
            help: Localized(en: "scroll the detail down a line (from the list too)", fr: "faire défiler le détail d’une ligne (depuis la liste aussi)"),
            hint: nil),
        Binding(
            keys: [.control("y")], action: .scrollDetail(-1), scope: .everywhere, group: .panes,
            help: Localized(en: "scroll the detail up a line", fr: "remonter le détail d’une ligne"), hint: nil),
        Binding(
            keys: [.character(" ")], action: .scrollDetailPage(1), scope: .everywhere, group: .panes,
            help: Localized(
                en: "scroll the detail down a page (↓ on its border: there is more)",
                fr: "faire défiler le détail d’une page (↓ sur son bord\u{00A0}: il y a une suite)"),
            hint: nil),
        Binding(
            keys: [.character("b")], action: .scrollDetailPage(-1), scope: .everywhere, group: .panes,
            help: Localized(en: "scroll the detail up a page (↑ on its border)", fr: "remonter le détail d’une page (↑ sur son bord)"), hint: nil),
        Binding(
            keys: [.character("c")], action: .openCaseMap, scope: .everywhere, group: .panes,
            help: Localized(
                en: "case map: each claim, the defence’s answers and the court’s holding, who made each (on an argument or a court event)",
                fr: "carte de l’affaire\u{00A0}: chaque moyen, les réponses de la défense et ce que le juge a tranché, et qui (sur un argument ou une décision)"
            ),
            hint: nil),
        Binding(
            keys: [.character("h"), .left, .escape], action: .closeDetail, scope: .detail, group: .panes,
            help: Localized(en: "back to the list", fr: "revenir à la liste"), hint: Localized(en: "list", fr: "liste")),
        // search and filter
        Binding(
            keys: [.character("/")], action: .startPrompt(.search), scope: .everywhere, group: .search,
            help: Localized(
                en: "search everything, as you type (case, accents, apostrophes ignored)",
                fr: "tout chercher, au fil de la frappe (casse, accents, apostrophes ignorés)"),
            hint: Localized(en: "search", fr: "chercher")),
        Binding(
            keys: [.character("n")], action: .nextHit, scope: .everywhere, group: .search,
            help: Localized(en: "next match, across panes", fr: "résultat suivant, d’un volet à l’autre"), hint: nil),
        Binding(
            keys: [.character("N")], action: .previousHit, scope: .everywhere, group: .search,
            help: Localized(en: "previous match", fr: "résultat précédent"), hint: nil),
        Binding(
            keys: [.control("f")], action: .showResults, scope: .everywhere, group: .search,
            help: Localized(en: "all matches, grouped by kind", fr: "tous les résultats, par type"), hint: nil),
        Binding(
            keys: [.character("f")], action: .startPrompt(.filter), scope: .everywhere, group: .search,
            help: Localized(
                en: "filter this list: \(FilterKey.synopsis) words",
                fr: "filtrer cette liste\u{00A0}: \(FilterKey.synopsis) mots"),
            hint: Localized(en: "filter", fr: "filtrer")),
        Binding(
            keys: [.escape], action: .clearFilter, scope: .list, group: .search,
            help: Localized(en: "clear the filter (then the search highlight)", fr: "retirer le filtre (puis la recherche)"), hint: nil),
        Binding(
            keys: [.character("e")], action: .filterTimelineByParty, scope: .everywhere, group: .search,
            help: Localized(en: "timeline of the selected party’s events", fr: "chronologie des événements de la partie choisie"),
            hint: nil),
        Binding(
            keys: [.character(":")], action: .startPrompt(.command), scope: .everywhere, group: .search,
            help: Localized(
                en: "command: \(PromptCommands.summary) (Tab completes)",
                fr: "commande\u{00A0}: \(PromptCommands.summary) (Tab complète)"),
            hint: nil),
        // links, history, marks
        Binding(
            keys: [.enter, .character("l"), .right], action: .follow, scope: .detail, group: .links,
            help: Localized(en: "follow the selected link", fr: "suivre le lien choisi"),
            hint: Localized(en: "follow", fr: "suivre")),
        Binding(
            keys: [.backspace, .control("o"), .character("<")], action: .back, scope: .everywhere, group: .links,
            help: Localized(en: "back to where you were", fr: "revenir en arrière"), hint: Localized(en: "back", fr: "retour")),
        Binding(
            keys: [.character(">")], action: .forward, scope: .everywhere, group: .links,
            help: Localized(en: "forward again (Ctrl-I is Tab in a terminal)", fr: "avancer de nouveau (Ctrl-I est Tab dans un terminal)"),
            hint: nil),
        Binding(
            keys: [.character("m")], action: .prefix("m"), scope: .everywhere, group: .links,
            help: Localized(en: "then a letter: set a mark here (ma)", fr: "puis une lettre\u{00A0}: poser une marque ici (ma)"), hint: nil),
        Binding(
            keys: [.character("'")], action: .prefix("'"), scope: .everywhere, group: .links,
            help: Localized(en: "then a letter: go to that mark ('a)", fr: "puis une lettre\u{00A0}: aller à cette marque ('a)"), hint: nil),
        Binding(
            keys: [.character("y")], action: .copyCitation, scope: .everywhere, group: .links,
            help: Localized(
                en: "cite the selected row: shown to read and select, and sent to the terminal’s clipboard (OSC 52)",
                fr: "citer la ligne choisie\u{00A0}: affichée pour la lire et la sélectionner, et envoyée au presse-papiers du terminal (OSC 52)"), hint: nil),
        Binding(
            keys: [.character("Y")], action: .copyCitationMarkdown, scope: .everywhere, group: .links,
            help: Localized(en: "the same citation as a Markdown link", fr: "la même citation en lien Markdown"), hint: nil),
        // general
        Binding(
            keys: [.character("T")], action: .startTour, scope: .everywhere, group: .general,
            help: Localized(
                en: "guided tour of the affair (n/p or →/← move, Esc leaves)",
                fr: "visite guidée de l’affaire (n/p ou →/← pour avancer, Échap pour sortir)"), hint: nil),
        Binding(
            keys: [.character("w")], action: .toggleGlossary, scope: .everywhere, group: .general,
            help: Localized(
                en: "glossary: the affair’s words and what they mean (/ narrows it, Enter opens a term, also :glossary)",
                fr: "glossaire\u{00A0}: les mots de l’affaire et leur sens (/ filtre, Entrée ouvre un terme, aussi\u{00A0}:glossary)"),
            hint: nil),
        Binding(
            keys: [.character("L")], action: .toggleLanguage, scope: .everywhere, group: .general,
            help: Localized(en: "English ↔ French", fr: "français ↔ anglais"), hint: nil),
        Binding(
            keys: [.character("?"), .function(1)], action: .toggleHelp, scope: .everywhere, group: .general,
            help: Localized(en: "this help", fr: "cette aide"), hint: Localized(en: "help", fr: "aide")),
        Binding(
            keys: [.control("l")], action: .redraw, scope: .everywhere, group: .general,
            help: Localized(en: "redraw the screen", fr: "redessiner l’écran"), hint: nil),
        Binding(
            keys: [.character("q")], action: .quit, scope: .everywhere, group: .general,
            help: Localized(
                en: "quit (in an overlay: close it; :q and Ctrl-C quit from anywhere)",
                fr: "quitter (dans une fenêtre\u{00A0}: la fermer\u{00A0}; Ctrl-C et\u{00A0}:q quittent de partout)"),
            hint: Localized(en: "quit", fr: "quitter")),
        // the accords compared (issue 17)
        Binding(
            keys: [.character("C")], action: .openComparison, scope: .everywhere, group: .panes,
            help: Localized(
                en: "on the Accords pane (or :compare): the accords compared point by point; J/K step dimensions, j/k links, Enter follows, q closes",
                fr:
                    "dans le volet Accords (ou\u{00A0}:compare)\u{00A0}: les accords comparés point par point\u{00A0}; J/K changent de point, j/k de lien, Entrée suit, q ferme"
            ),
            hint: nil),
    ]

    /// The action a key triggers in the given context, if any. Scoped bindings win over
    /// `everywhere` ones for the same key.
    public static func action(for key: Key, area: Area, pane: Pane) -> Action? {
        var fallback: Action?
        for binding in bindings where binding.keys.contains(key) {
            switch binding.scope {
            case .everywhere:
                // digit bindings carry the digit itself
                if case .digit = binding.action, case .character(let c) = key, let n = c.wholeNumberValue {
                    fallback = fallback ?? .digit(n)
                } else {
                    fallback = fallback ?? binding.action
                }
            case .list: if area == .list { return binding.action }
            case .detail: if area == .detail { return binding.action }
            }
        }
        return fallback
    }

    /// Bindings that apply in a context, for the status-bar hints; help comes first so that it
    /// survives on narrow screens. `group` names what J/K step through in the list shown (nil:
    /// the list has no groups, and J/K get no hint).
    public static func hints(area: Area, pane: Pane, group: Localized?) -> [(keys: String, label: Localized)] {
        let ordered = bindings.filter { $0.action == .toggleHelp } + bindings.filter { $0.action != .toggleHelp }
        return ordered.compactMap { binding in
            guard let hint = binding.hint else { return nil }
            switch binding.scope {
            case .everywhere: break
            case .list: if area != .list { return nil }
            case .detail: if area != .detail { return nil }
            }
            switch binding.action {
            case .moveDown: return ("j/k", hint)
            case .nextGroup: return group.map { ("J/K", $0) }
            default: return (binding.keys[0].name, hint)
            }
        }
    }

    /// Keys bound twice where their scopes overlap (the same scope, or `everywhere` and any):
    /// a mistake the tests catch. Every pair of bindings is compared, not only neighbours.
    public static func conflicts(in bindings: [Binding] = Keymap.bindings) -> [String] {
        var problems: [String] = []
        for (i, first) in bindings.enumerated() {
            for second in bindings[(i + 1)...] where first.scope.overlaps(second.scope) {
                for key in first.keys where second.keys.contains(key) {
                    problems.append("\(key.name) is bound to \(first.action) (\(first.scope)) and to \(second.action) (\(second.scope))")
                }
            }
        }
        return problems
    }

    /// The key table as Markdown, for the README and docs/KEYS.md (a test keeps them identical).
    public static func markdownTable(_ lang: Language = .en) -> String {
        markdown(
            KeyGroup.allCases.map { group in
                (group.title[lang], bindings.filter { $0.group == group }.map { ($0.keys, $0.help[lang]) })
            }, lang)
    }

    /// A table of keys in Markdown: a bold row per section, then a row per binding.
    static func markdown(_ sections: [(title: String, rows: [(keys: [Key], text: String)])], _ lang: Language) -> String {
        var out = "| \(UIText.keysHeader.text[lang]) | \(UIText.actionHeader.text[lang]) |\n|---|---|\n"
        for section in sections {
            out += "| **\(section.title)** | |\n"
            for row in section.rows {
                let keys = row.keys.map { "`\($0.name == "`" ? "\\`" : $0.name)`" }.joined(separator: " ")
                out += "| \(keys) | \(row.text.replacingPipes()) |\n"
            }
        }
        return out
    }
}

extension String {
    func replacingPipes() -> String { String(map { $0 == "|" ? "/" : $0 }) }
}
