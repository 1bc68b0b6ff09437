import DossierCore

/// An overlay — what covers the panes — as a component of its own, as bubbletea nests models:
/// its state is its case of `Overlay`, and its folder holds its keys, how it answers the actions
/// its keys give while it is open, and how it draws. Adding one: a folder with a type that
/// conforms, a case in `Overlay` and `OverlayKind`, and a line in `OverlayKind.component`.
protocol OverlayComponent {
    /// Its name and the key that opens it (the help, docs/KEYS.md).
    static var title: Localized { get }
    /// Its keys, the key that closes first (its hint survives on a narrow screen): dispatch
    /// while it is open, the status bar's hints and the key tables all come from them.
    static var bindings: [OverlayBinding] { get }
    /// Answers one of the actions that only an open overlay's keys give (the reducer routes
    /// them here: moving through its links and lines, following, scrolling, stepping).
    static func update(_ state: inout AppState, _ action: Action)
    /// Draws it over the panes and publishes where it put what clicks can hit.
    static func draw(_ state: AppState, into grid: inout Grid, regions: inout Regions)
}

extension OverlayComponent {
    static func update(_ state: inout AppState, _ action: Action) {}
}

extension OverlayKind {
    /// The one registry of overlays.
    var component: any OverlayComponent.Type {
        switch self {
        case .help: return HelpOverlay.self
        case .results: return ResultsOverlay.self
        case .tour: return TourOverlay.self
        case .citation: return CitationOverlay.self
        case .caseMap: return CaseMapOverlay.self
        case .source: return SourceOverlay.self
        case .compare: return CompareOverlay.self
        case .glossary: return GlossaryOverlay.self
        }
    }

    /// The overlay's name and the key that opens it, for the help and the table in docs/KEYS.md.
    public var title: Localized { component.title }
}

/// What every overlay shares: leaving it for a record, closing it, and what Back reopens.
extension AppState {
    /// Closes the overlay and selects a record, remembering the place left — with the comparison
    /// that was open there, if any, so that Back reopens it.
    mutating func leaveOverlay(for target: RecordRef) {
        let here = currentLocation
        overlay = nil
        overlayBelow = nil
        navigate(to: target, remember: false)
        if let here, here != currentLocation { remember(here) }
    }

    /// `q`, Esc: a source view opened from the comparison, or a citation made in an overlay,
    /// gives way to the overlay under it; anything else closes.
    mutating func closeOverlay() {
        switch overlay {
        case .source?, .citation?: overlay = overlayBelow
        default: overlay = nil
        }
        overlayBelow = nil
    }

    /// The comparison or the glossary open here (or under the source view), for the back
    /// stack: Back to a place left from one of them reopens it as it was.
    var returnableOverlay: Overlay? {
        switch overlay {
        case .compare?, .glossary?: return overlay
        case .source?:
            switch overlayBelow {
            case .compare?, .glossary?: return overlayBelow
            default: return nil
            }
        default: return nil
        }
    }
}

/// A detail shown over the panes (a source, a term): moving its chosen link and its window, the
/// one keeping the other in view.
enum OverlayDetail {
    static func moveLink(_ lines: [DetailLine], link: Int, scroll: Int, height: Int, by delta: Int) -> (link: Int, scroll: Int) {
        let count = (lines.compactMap(\.link).max() ?? -1) + 1
        guard count > 0 else { return (link, scroll) }
        let chosen = min(max(0, link + delta), count - 1)
        var top = scroll
        if let line = lines.firstIndex(where: { $0.link == chosen }) {
            if line < top { top = line }
            if line >= top + height { top = line - height + 1 }
        }
        return (chosen, top)
    }

    static func scroll(_ lines: [DetailLine], link: Int, scroll: Int, height: Int, by delta: Int) -> (link: Int, scroll: Int) {
        let height = max(0, height)
        let top = min(max(0, scroll + delta), max(0, lines.count - height))
        let window = lines[min(top, lines.count)..<min(top + height, lines.count)]
        var chosen = link
        if !window.contains(where: { $0.link == link }), let first = window.compactMap(\.link).first { chosen = first }
        return (chosen, top)
    }
}
