import DossierCore

/// The panes, in the order of their keys 1–5.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case parties, timeline, arguments, accords, sources

    /// The one registry of panes, in the manner of tig's view table: each pane's file says what it
    /// lists, how its list is built and how a row is drawn.
    var component: any PaneComponent.Type {
        switch self {
        case .parties: return PartiesPane.self
        case .timeline: return TimelinePane.self
        case .arguments: return ArgumentsPane.self
        case .accords: return AccordsPane.self
        case .sources: return SourcesPane.self
        }
    }

    public var title: Localized { component.title }

    /// The pane that lists records of a kind (terms have none).
    public static func showing(_ kind: RecordKind) -> Pane? {
        allCases.first { $0.component.kind == kind }
    }
}

/// A pane: a list of one kind of record beside the selected one's detail.
protocol PaneComponent {
    /// Its name on its tab, in the header and in the status bar.
    static var title: Localized { get }
    /// The kind of record it lists.
    static var kind: RecordKind { get }
    /// Its list, narrowed by its filter (the timeline's zoom and the sources' order where they apply).
    static func list(_ store: DossierStore, filter: ListFilter, zoom: Zoom, sourceOrder: SourceOrder) -> PaneList
    /// One row of its list.
    static func drawRow(_ ref: RecordRef, state: AppState, row: Int, inner: Rect, into grid: inout Grid)
}
