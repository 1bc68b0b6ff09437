import DossierCore

/// The kinds of overlay, for the table of their keys.
public enum OverlayKind: Int, Sendable, CaseIterable {
    case help, results, tour, citation, caseMap, source, compare, glossary

    /// The overlay's name and the key that opens it, for the help and the table in docs/KEYS.md.
    public var title: Localized {
        switch self {
        case .help: return Localized(en: "In the help (?)", fr: "Dans l’aide (?)")
        case .results: return Localized(en: "In the search results (Ctrl-F)", fr: "Dans les résultats de recherche (Ctrl-F)")
        case .tour: return Localized(en: "In the guided tour (T)", fr: "Dans la visite guidée (T)")
        case .citation: return Localized(en: "In a citation (y)", fr: "Dans une citation (y)")
        case .caseMap: return Localized(en: "In a case map (c)", fr: "Dans la carte d’une affaire (c)")
        case .source: return Localized(en: "In a source’s view (Enter on a source link)", fr: "Dans la fiche d’une source (Entrée sur un lien de source)")
        case .compare: return Localized(en: "In the accords compared (C, :compare)", fr: "Dans les accords comparés (C,\u{00A0}:compare)")
        case .glossary: return Localized(en: "In the glossary (w, :glossary)", fr: "Dans le glossaire (w,\u{00A0}:glossary)")
        }
    }
}

extension Overlay {
    public var kind: OverlayKind {
        switch self {
        case .help: return .help
        case .results: return .results
        case .tour: return .tour
        case .citation: return .citation
        case .caseMap: return .caseMap
        case .source: return .source
        case .compare: return .compare
        case .glossary: return .glossary
        }
    }
}

/// One key of an overlay. The action may depend on the screen (a page is the box's height) or on
/// the overlay's state; nil means the key does nothing there now, and its hint is not shown.
public struct OverlayBinding: Sendable {
    public var keys: [Key]
    public var label: Localized
    /// Whether the status bar names it while the overlay is open, and with which shorter label.
    public var hinted: Bool
    var short: Localized?
    /// How the status bar writes the keys (`j/k` for a pair), when not the first key's name.
    var hintKeys: String?
    let action: @Sendable (AppState) -> Action?

    init(_ keys: [Key], _ label: Localized, hinted: Bool = false, short: Localized? = nil, hintKeys: String? = nil,
         _ action: @escaping @Sendable (AppState) -> Action?) {
        self.keys = keys
        self.label = label
        self.hinted = hinted
        self.short = short
        self.hintKeys = hintKeys
        self.action = action
    }

    init(_ keys: [Key], _ label: Localized, hinted: Bool = false, short: Localized? = nil, hintKeys: String? = nil, _ action: Action) {
        self.init(keys, label, hinted: hinted, short: short, hintKeys: hintKeys) { _ in action }
    }
}

/// The one table of the overlays' keys: dispatch while an overlay is open, its status-bar hints
/// and the table of overlay keys in docs/KEYS.md all come from it (the panes' keys are in `Keymap`).
/// The key that closes comes first, so its hint survives on a narrow screen.
public enum OverlayKeymap {
    private static let close = Localized(en: "close", fr: "fermer")
    private static let scroll = Localized(en: "scroll", fr: "défiler")
    private static let scrollBack = Localized(en: "scroll back", fr: "remonter")
    private static let pageDown = Localized(en: "page down", fr: "page suivante")
    private static let pageUp = Localized(en: "page up", fr: "page précédente")
    private static let top = Localized(en: "top", fr: "début")
    private static let bottom = Localized(en: "bottom", fr: "fin")
    private static let nextLink = Localized(en: "next link", fr: "lien suivant")
    private static let previousLink = Localized(en: "previous link", fr: "lien précédent")
    private static let follow = Localized(en: "follow", fr: "suivre")
    private static let cite = Localized(en: "cite", fr: "citer")
    private static let citeMarkdown = Localized(en: "cite as a Markdown link", fr: "citer en lien Markdown")
    private static let lineDown = Localized(en: "one line down", fr: "une ligne plus bas")
    private static let lineUp = Localized(en: "one line up", fr: "une ligne plus haut")

    /// A page of a box: the screen's height less the lines around the box's text.
    private static func page(_ state: AppState, margin: Int) -> Int { max(1, state.layout.height - margin) }

    /// An overlay's bindings, built once: dispatch and the status bar read them at every key.
    public static func bindings(_ kind: OverlayKind) -> [OverlayBinding] { tables[kind.rawValue] }

    private static let tables: [[OverlayBinding]] = OverlayKind.allCases.map(table)

    private static func table(_ kind: OverlayKind) -> [OverlayBinding] {
        switch kind {
        case .help:
            return [
                OverlayBinding([.character("q"), .character("?"), .escape, .enter], close, hinted: true, .closeOverlay),
                OverlayBinding([.character("j"), .down], scroll, hinted: true, hintKeys: "j/k", .scrollOverlay(1)),
                OverlayBinding([.character("k"), .up], scrollBack, .scrollOverlay(-1)),
                OverlayBinding([.character(" "), .pageDown], pageDown, hinted: true, short: Localized(en: "page", fr: "page")) { .scrollOverlay(page($0, margin: 5)) },
                OverlayBinding([.pageUp], pageUp) { .scrollOverlay(-page($0, margin: 5)) },
            ]
        case .results:
            return [
                OverlayBinding([.character("q"), .escape, .control("f")], close, hinted: true, .closeOverlay),
                OverlayBinding([.character("j"), .down], Localized(en: "next result", fr: "résultat suivant"), hinted: true, short: Localized(en: "move", fr: "bouger"), hintKeys: "j/k", .scrollOverlay(1)),
                OverlayBinding([.character("k"), .up], Localized(en: "previous result", fr: "résultat précédent"), .scrollOverlay(-1)),
                OverlayBinding([.pageDown], Localized(en: "ten results on", fr: "dix résultats plus loin"), .scrollOverlay(10)),
                OverlayBinding([.pageUp], Localized(en: "ten results back", fr: "dix résultats plus haut"), .scrollOverlay(-10)),
                OverlayBinding([.enter, .character("l"), .right], Localized(en: "open", fr: "ouvrir"), hinted: true, .openResult),
            ]
        case .tour:
            return [
                OverlayBinding([.character("q"), .escape, .character("T")], close, hinted: true, .closeOverlay),
                OverlayBinding([.character("n"), .right, .character(" "), .enter], Localized(en: "next step", fr: "étape suivante"), hinted: true, short: Localized(en: "next", fr: "suivante"), .tourNext),
                OverlayBinding([.character("p"), .left, .backspace], Localized(en: "previous step", fr: "étape précédente"), hinted: true, short: Localized(en: "back", fr: "retour"), .tourPrevious),
                OverlayBinding([.character("?")], Localized(en: "help", fr: "aide"), hinted: true, .toggleHelp),
            ]
        case .citation:
            return [
                OverlayBinding([.character("q"), .escape, .enter, .character("y")], close, hinted: true, .closeOverlay),
                OverlayBinding([.character("Y")], citeMarkdown, hinted: true, short: Localized(en: "Markdown", fr: "Markdown"), .copyCitationMarkdown),
            ]
        case .caseMap:
            return [
                OverlayBinding([.character("q"), .escape, .character("c"), .enter], close, hinted: true, .closeOverlay),
                OverlayBinding([.character("j"), .down, .control("e")], scroll, hinted: true, hintKeys: "j/k", .scrollOverlay(1)),
                OverlayBinding([.character("k"), .up, .control("y")], scrollBack, .scrollOverlay(-1)),
                OverlayBinding([.character(" "), .pageDown, .control("d")], pageDown) { .scrollOverlay(page($0, margin: 5)) },
                OverlayBinding([.character("b"), .pageUp, .control("u")], pageUp) { .scrollOverlay(-page($0, margin: 5)) },
                OverlayBinding([.character("g"), .home], top, .scrollOverlay(-1_000_000)),
                OverlayBinding([.character("G"), .end], bottom, .scrollOverlay(1_000_000)),
                OverlayBinding([.character("y")], cite, hinted: true, .copyCitation),
                OverlayBinding([.character("Y")], citeMarkdown, .copyCitationMarkdown),
            ]
        case .source:
            return [
                OverlayBinding([.character("q"), .escape, .character("h"), .left, .backspace], close, hinted: true, .closeOverlay),
                OverlayBinding([.character("j"), .down], nextLink, hinted: true, short: Localized(en: "link", fr: "lien"), hintKeys: "j/k", .overlayLink(1)),
                OverlayBinding([.character("k"), .up], previousLink, .overlayLink(-1)),
                OverlayBinding([.enter, .character("l"), .right], follow, hinted: true, .followOverlayLink),
                OverlayBinding([.control("e")], lineDown, .overlayLines(1)),
                OverlayBinding([.control("y")], lineUp, .overlayLines(-1)),
                OverlayBinding([.character(" "), .pageDown], pageDown, hinted: true, short: scroll, hintKeys: "Space/b") { .overlayLines(page($0, margin: 6)) },
                OverlayBinding([.character("b"), .pageUp], pageUp) { .overlayLines(-page($0, margin: 6)) },
                OverlayBinding([.character("y")], cite, hinted: true, .copyCitation),
                OverlayBinding([.character("Y")], citeMarkdown, .copyCitationMarkdown),
            ]
        case .compare:
            return [
                OverlayBinding([.character("q"), .escape, .character("C"), .character("h"), .left, .backspace], close, hinted: true, .closeOverlay),
                OverlayBinding([.character("J"), .character("}"), .tab], Localized(en: "next dimension", fr: "point suivant"), hinted: true, short: Localized(en: "dimension", fr: "point"), hintKeys: "J/K", .stepDimension(1)),
                OverlayBinding([.character("K"), .character("{"), .backTab], Localized(en: "previous dimension", fr: "point précédent"), .stepDimension(-1)),
                OverlayBinding([.character("j"), .down], nextLink, hinted: true, short: Localized(en: "link", fr: "lien"), hintKeys: "j/k", .overlayLink(1)),
                OverlayBinding([.character("k"), .up], previousLink, .overlayLink(-1)),
                OverlayBinding([.enter, .character("l"), .right], follow, hinted: true, .followOverlayLink),
                OverlayBinding([.control("e")], lineDown, .overlayLines(1)),
                OverlayBinding([.control("y")], lineUp, .overlayLines(-1)),
                OverlayBinding([.character(" "), .pageDown, .control("d")], pageDown, hinted: true, short: scroll, hintKeys: "Space/b") { .overlayLines(page($0, margin: 7)) },
                OverlayBinding([.character("b"), .pageUp, .control("u")], pageUp) { .overlayLines(-page($0, margin: 7)) },
                OverlayBinding([.character("g"), .home], top, .overlayLines(-1_000_000)),
                OverlayBinding([.character("G"), .end], bottom, .overlayLines(1_000_000)),
                OverlayBinding([.character("y")], Localized(en: "cite the chosen link’s record or source", fr: "citer l’élément ou la source du lien choisi"), .copyCitation),
                OverlayBinding([.character("Y")], citeMarkdown, .copyCitationMarkdown),
            ]
        case .glossary:
            return [
                OverlayBinding([.character("q"), .escape, .character("w")], close, hinted: true, .closeOverlay),
                OverlayBinding([.character("j"), .down], Localized(en: "next term or link", fr: "terme ou lien suivant"), hinted: true, short: Localized(en: "move", fr: "bouger"), hintKeys: "j/k", .overlayLink(1)),
                OverlayBinding([.character("k"), .up], Localized(en: "previous term or link", fr: "terme ou lien précédent"), .overlayLink(-1)),
                OverlayBinding([.enter, .character("l"), .right], Localized(en: "open the term, follow the link", fr: "ouvrir le terme, suivre le lien"), hinted: true, short: Localized(en: "open", fr: "ouvrir"), .followOverlayLink),
                OverlayBinding([.character("h"), .left, .backspace, .control("o"), .character("<")], Localized(en: "back to the previous term or the list", fr: "revenir au terme précédent ou à la liste"), hinted: true, short: Localized(en: "back", fr: "retour"), .glossaryBack),
                OverlayBinding([.character("/")], Localized(en: "narrow the list as you type (on the list)", fr: "filtrer la liste à la frappe (sur la liste)"), hinted: true, short: Localized(en: "narrow", fr: "filtrer")) { state in
                    guard case .glossary(let glossary)? = state.overlay, glossary.pages.isEmpty else { return nil }
                    return .startPrompt(.glossary)
                },
                OverlayBinding([.character("g"), .home], Localized(en: "first term or link", fr: "premier terme ou lien"), .overlayLink(-1_000_000)),
                OverlayBinding([.character("G"), .end], Localized(en: "last term or link", fr: "dernier terme ou lien"), .overlayLink(1_000_000)),
                OverlayBinding([.control("e")], lineDown, .overlayLines(1)),
                OverlayBinding([.control("y")], lineUp, .overlayLines(-1)),
                OverlayBinding([.character(" "), .pageDown, .control("d")], pageDown) { .overlayLines(page($0, margin: 6)) },
                OverlayBinding([.character("b"), .pageUp, .control("u")], pageUp) { .overlayLines(-page($0, margin: 6)) },
                OverlayBinding([.character("n")], Localized(en: "next search hit", fr: "occurrence suivante"), .nextHit),
                OverlayBinding([.character("N")], Localized(en: "previous search hit", fr: "occurrence précédente"), .previousHit),
                OverlayBinding([.character("L")], Localized(en: "English / French", fr: "anglais / français"), .toggleLanguage),
                OverlayBinding([.character("?")], Localized(en: "help", fr: "aide"), .toggleHelp),
                OverlayBinding([.character("y")], Localized(en: "cite the term shown or chosen, with its sources", fr: "citer le terme affiché ou choisi, avec ses sources"), .copyCitation),
                OverlayBinding([.character("Y")], citeMarkdown, .copyCitationMarkdown),
            ]
        }
    }

    /// The action of a key while an overlay of that kind is open; nil when the key does nothing
    /// there (the panes' keys do not reach through an overlay).
    public static func action(for key: Key, in state: AppState) -> Action? {
        guard let kind = state.overlay?.kind else { return nil }
        return bindings(kind).first { $0.keys.contains(key) }?.action(state)
    }

    /// The status bar's hints while the overlay is open: the hinted keys that do something now.
    public static func hints(in state: AppState) -> [(keys: String, label: Localized)] {
        guard let kind = state.overlay?.kind else { return [] }
        return bindings(kind).compactMap { binding in
            guard binding.hinted, binding.action(state) != nil else { return nil }
            return (binding.hintKeys ?? binding.keys[0].name, binding.short ?? binding.label)
        }
    }

    /// Keys bound twice in one overlay: a mistake the tests catch.
    public static func conflicts() -> [String] {
        OverlayKind.allCases.flatMap { kind -> [String] in
            var seen: Set<Key> = [], problems: [String] = []
            for binding in bindings(kind) {
                for key in binding.keys where !seen.insert(key).inserted {
                    problems.append("\(key.name) is bound twice in \(kind)")
                }
            }
            return problems
        }
    }

    /// The overlays' keys as Markdown, for docs/KEYS.md (a test keeps the two identical).
    public static func markdownTable(_ lang: Language = .en) -> String {
        Keymap.markdown(OverlayKind.allCases.map { kind in
            (kind.title[lang], bindings(kind).map { ($0.keys, $0.label[lang]) })
        }, lang)
    }
}
