import DossierCore

/// Everything that can happen to the explorer. Keys become actions through the keymap; the
/// reducer is the only place that turns actions into a new state.
public enum Action: Sendable, Hashable {
    case moveDown, moveUp, nextGroup, previousGroup, first, last, pageDown, pageUp
    case focus(Pane), nextPane, previousPane
    case openDetail, closeDetail, follow
    case back, forward
    case startGotoDate, promptInput(Character), promptBackspace, promptSubmit
    case toggleHelp, closeOverlay, scrollOverlay(Int)
    case toggleLanguage
    case redraw
    case resize(width: Int, height: Int)
    case quit
}

/// The four panes, in the order of their keys 1–4.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case parties, timeline, arguments, accords

    public var title: Localized {
        switch self {
        case .parties: return Strings.parties
        case .timeline: return Strings.timeline
        case .arguments: return Strings.arguments
        case .accords: return Strings.accords
        }
    }

    /// The pane that lists records of a kind (sources open in the pane of the record that cites them).
    public static func showing(_ kind: RecordKind) -> Pane? {
        switch kind {
        case .party: return .parties
        case .event: return .timeline
        case .argument: return .arguments
        case .accord: return .accords
        case .source: return nil
        }
    }
}
