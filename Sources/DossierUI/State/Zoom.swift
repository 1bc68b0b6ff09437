import DossierCore

/// How closely the timeline is looked at (`+`/`-`): every event, or events counted by month,
/// by year, or by era (which EU–US accord was in force).
public enum Zoom: Int, Sendable, CaseIterable {
    case events, months, years, eras

    public var label: Localized {
        switch self {
        case .events: return UIText.zoomEvents.text
        case .months: return UIText.zoomMonths.text
        case .years: return UIText.zoomYears.text
        case .eras: return UIText.zoomEras.text
        }
    }
}

/// A group of consecutive events shown as one row when zoomed out.
public struct Bucket: Sendable, Hashable {
    public var label: Localized
    /// Indices into `store.events`, in date order.
    public var events: [Int]
}
