import DossierCore

/// The kinds of overlay, for the table of their keys.
public enum OverlayKind: Int, Sendable, CaseIterable {
    case help, results, tour, citation, caseMap, source, compare, glossary
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

    init(
        _ keys: [Key], _ label: Localized, hinted: Bool = false, short: Localized? = nil, hintKeys: String? = nil,
        _ action: @escaping @Sendable (AppState) -> Action?
    ) {
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

/// The overlays' keys, each overlay's table in its component (`Overlays/`): dispatch while an
/// overlay is open, its status-bar hints and the table of overlay keys in docs/KEYS.md all come
/// from them (the panes' keys are in `Keymap`). Below: the labels the tables share.
public enum OverlayKeymap {
    static let close = Localized(en: "close", fr: "fermer")
    static let scroll = Localized(en: "scroll", fr: "défiler")
    static let scrollBack = Localized(en: "scroll back", fr: "remonter")
    static let pageDown = Localized(en: "page down", fr: "page suivante")
    static let pageUp = Localized(en: "page up", fr: "page précédente")
    static let top = Localized(en: "top", fr: "début")
    static let bottom = Localized(en: "bottom", fr: "fin")
    static let nextLink = Localized(en: "next link", fr: "lien suivant")
    static let previousLink = Localized(en: "previous link", fr: "lien précédent")
    static let follow = Localized(en: "follow", fr: "suivre")
    static let cite = Localized(en: "cite", fr: "citer")
    static let citeMarkdown = Localized(en: "cite as a Markdown link", fr: "citer en lien Markdown")
    static let lineDown = Localized(en: "one line down", fr: "une ligne plus bas")
    static let lineUp = Localized(en: "one line up", fr: "une ligne plus haut")

    /// The keys of a detail shown over the panes (a source's view, the comparison): choose a
    /// link, follow it, scroll by a line.
    static let linkBindings: [OverlayBinding] = [
        OverlayBinding(
            [.character("j"), .down], OverlayKeymap.nextLink, hinted: true, short: Localized(en: "link", fr: "lien"), hintKeys: "j/k", .overlayLink(1)),
        OverlayBinding([.character("k"), .up], OverlayKeymap.previousLink, .overlayLink(-1)),
        OverlayBinding([.enter, .character("l"), .right], OverlayKeymap.follow, hinted: true, .followOverlayLink),
        OverlayBinding([.control("e")], OverlayKeymap.lineDown, .overlayLines(1)),
        OverlayBinding([.control("y")], OverlayKeymap.lineUp, .overlayLines(-1)),
    ]

    /// A page of a box: the screen's height less the lines around the box's text.
    static func page(_ state: AppState, margin: Int) -> Int { max(1, state.layout.height - margin) }

    /// An overlay's bindings (its component's), built once: dispatch and the status bar read them
    /// at every key.
    public static func bindings(_ kind: OverlayKind) -> [OverlayBinding] { kind.component.bindings }

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
        Keymap.markdown(
            OverlayKind.allCases.map { kind in
                (kind.title[lang], bindings(kind).map { ($0.keys, $0.label[lang]) })
            }, lang)
    }
}
