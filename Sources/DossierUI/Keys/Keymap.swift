import DossierCore

/// Where a binding applies.
public enum KeyScope: Sendable, Hashable {
    case everywhere
    case list          // the focused pane's list
    case detail        // the detail, when a link is being chosen
}

public enum KeyGroup: Int, Sendable, CaseIterable {
    case move, panes, links, general

    public var title: Localized {
        switch self {
        case .move: return Localized(en: "Move", fr: "Se déplacer")
        case .panes: return Localized(en: "Panes and detail", fr: "Volets et détail")
        case .links: return Localized(en: "Links and history", fr: "Liens et historique")
        case .general: return Localized(en: "General", fr: "Général")
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
        Binding(keys: [.character("j"), .down], action: .moveDown, scope: .everywhere, group: .move,
                help: Localized(en: "next item (next link in the detail)", fr: "élément suivant (lien suivant dans le détail)"),
                hint: Localized(en: "move", fr: "bouger")),
        Binding(keys: [.character("k"), .up], action: .moveUp, scope: .everywhere, group: .move,
                help: Localized(en: "previous item (previous link)", fr: "élément précédent (lien précédent)"), hint: nil),
        Binding(keys: [.character("J"), .character("}")], action: .nextGroup, scope: .list, group: .move,
                help: Localized(en: "next year (timeline) or next group", fr: "année suivante (chronologie) ou groupe suivant"),
                hint: Localized(en: "year", fr: "année")),
        Binding(keys: [.character("K"), .character("{")], action: .previousGroup, scope: .list, group: .move,
                help: Localized(en: "previous year or group", fr: "année ou groupe précédent"), hint: nil),
        Binding(keys: [.character("g"), .home], action: .first, scope: .everywhere, group: .move,
                help: Localized(en: "first item", fr: "premier élément"), hint: nil),
        Binding(keys: [.character("G"), .end], action: .last, scope: .everywhere, group: .move,
                help: Localized(en: "last item", fr: "dernier élément"), hint: nil),
        Binding(keys: [.pageDown, .control("d")], action: .pageDown, scope: .everywhere, group: .move,
                help: Localized(en: "page down", fr: "page suivante"), hint: nil),
        Binding(keys: [.pageUp, .control("u")], action: .pageUp, scope: .everywhere, group: .move,
                help: Localized(en: "page up", fr: "page précédente"), hint: nil),
        Binding(keys: [.character("t")], action: .startGotoDate, scope: .everywhere, group: .move,
                help: Localized(en: "go to a date: 2020, 2020-07 or 2020-07-16 (nearest event)",
                                fr: "aller à une date : 2020, 2020-07 ou 2020-07-16 (événement le plus proche)"),
                hint: Localized(en: "date", fr: "date")),
        Binding(keys: [.character("1")], action: .focus(.parties), scope: .everywhere, group: .panes,
                help: Localized(en: "Parties pane", fr: "volet Parties"), hint: nil),
        Binding(keys: [.character("2")], action: .focus(.timeline), scope: .everywhere, group: .panes,
                help: Localized(en: "Timeline pane", fr: "volet Chronologie"), hint: nil),
        Binding(keys: [.character("3")], action: .focus(.arguments), scope: .everywhere, group: .panes,
                help: Localized(en: "Arguments pane", fr: "volet Arguments"), hint: nil),
        Binding(keys: [.character("4")], action: .focus(.accords), scope: .everywhere, group: .panes,
                help: Localized(en: "Accords pane", fr: "volet Accords"), hint: Localized(en: "panes", fr: "volets")),
        Binding(keys: [.tab], action: .nextPane, scope: .everywhere, group: .panes,
                help: Localized(en: "next pane", fr: "volet suivant"), hint: nil),
        Binding(keys: [.backTab], action: .previousPane, scope: .everywhere, group: .panes,
                help: Localized(en: "previous pane", fr: "volet précédent"), hint: nil),
        Binding(keys: [.enter, .character("l"), .right], action: .openDetail, scope: .list, group: .panes,
                help: Localized(en: "choose among the detail’s links", fr: "choisir parmi les liens du détail"),
                hint: Localized(en: "links", fr: "liens")),
        Binding(keys: [.character("h"), .left, .escape], action: .closeDetail, scope: .detail, group: .panes,
                help: Localized(en: "back to the list", fr: "revenir à la liste"), hint: Localized(en: "list", fr: "liste")),
        Binding(keys: [.enter, .character("l"), .right], action: .follow, scope: .detail, group: .links,
                help: Localized(en: "follow the selected link", fr: "suivre le lien choisi"),
                hint: Localized(en: "follow", fr: "suivre")),
        Binding(keys: [.backspace, .control("o"), .character("<")], action: .back, scope: .everywhere, group: .links,
                help: Localized(en: "back to where you were", fr: "revenir en arrière"), hint: Localized(en: "back", fr: "retour")),
        Binding(keys: [.character(">")], action: .forward, scope: .everywhere, group: .links,
                help: Localized(en: "forward again (Ctrl-I is Tab in a terminal)", fr: "avancer de nouveau (Ctrl-I est Tab dans un terminal)"),
                hint: nil),
        Binding(keys: [.character("L")], action: .toggleLanguage, scope: .everywhere, group: .general,
                help: Localized(en: "English ↔ French", fr: "français ↔ anglais"), hint: Localized(en: "FR", fr: "EN")),
        Binding(keys: [.character("?")], action: .toggleHelp, scope: .everywhere, group: .general,
                help: Localized(en: "this help", fr: "cette aide"), hint: Localized(en: "help", fr: "aide")),
        Binding(keys: [.control("l")], action: .redraw, scope: .everywhere, group: .general,
                help: Localized(en: "redraw the screen", fr: "redessiner l’écran"), hint: nil),
        Binding(keys: [.character("q")], action: .quit, scope: .everywhere, group: .general,
                help: Localized(en: "quit", fr: "quitter"), hint: Localized(en: "quit", fr: "quitter")),
    ]

    /// The action a key triggers in the given context, if any. Scoped bindings win over
    /// `everywhere` ones for the same key.
    public static func action(for key: Key, area: Area, pane: Pane) -> Action? {
        var fallback: Action?
        for binding in bindings where binding.keys.contains(key) {
            switch binding.scope {
            case .everywhere: fallback = fallback ?? binding.action
            case .list: if area == .list { return binding.action }
            case .detail: if area == .detail { return binding.action }
            }
        }
        return fallback
    }

    /// Bindings that apply in a context, for the status-bar hints.
    public static func hints(area: Area, pane: Pane) -> [(keys: String, label: Localized)] {
        bindings.compactMap { binding in
            guard let hint = binding.hint else { return nil }
            switch binding.scope {
            case .everywhere: break
            case .list: if area != .list { return nil }
            case .detail: if area != .detail { return nil }
            }
            let keys: String
            switch binding.action {
            case .moveDown: keys = "j/k"
            case .nextGroup: keys = "J/K"
            case .focus: keys = "1-4"
            default: keys = binding.keys[0].name
            }
            return (keys, hint)
        }
    }

    /// Keys that are bound twice in overlapping scopes: a mistake the tests catch.
    public static func conflicts() -> [String] {
        var seen: [String: KeyScope] = [:]
        var problems: [String] = []
        for binding in bindings {
            for key in binding.keys {
                let id = "\(key)"
                if let scope = seen[id], scope == binding.scope || scope == .everywhere && binding.scope == .everywhere {
                    problems.append("\(key.name) is bound twice in scope \(binding.scope)")
                }
                seen[id] = binding.scope
            }
        }
        return problems
    }

    /// The key table as Markdown, for the README (a test keeps the two identical).
    public static func markdownTable(_ lang: Language = .en) -> String {
        var out = "| \(lang == .en ? "Keys" : "Touches") | \(lang == .en ? "Action" : "Action") |\n|---|---|\n"
        for group in KeyGroup.allCases {
            out += "| **\(group.title[lang])** | |\n"
            for binding in bindings where binding.group == group {
                let keys = binding.keys.map { "`\($0.name == "`" ? "\\`" : $0.name)`" }.joined(separator: " ")
                out += "| \(keys) | \(binding.help[lang].replacingPipes()) |\n"
            }
        }
        return out
    }
}

extension String {
    func replacingPipes() -> String { String(map { $0 == "|" ? "/" : $0 }) }
}
