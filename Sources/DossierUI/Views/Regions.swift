/// Where a frame drew what the mouse can hit. The views publish it with the grid they draw
/// (`ScreenView.frame`), the renderer keeps the last one, and a click or a wheel step is hit-tested
/// against it before it reaches the reducer, which receives what was hit (`Target`), not a cell.
public struct Regions: Sendable, Hashable {
    public struct Tab: Sendable, Hashable {
        public var pane: Pane
        /// The tab's label and the space after it (a click between two tabs picks the left one).
        public var rect: Rect
    }

    public struct ListRow: Sendable, Hashable {
        public var row: Int
        public var item: Int
    }

    public struct LinkLine: Sendable, Hashable {
        public var row: Int
        public var link: Int
        /// Where on the row the link is, when links sit side by side (the comparison).
        public var column = 0
        public var width = Int.max

        public func contains(row r: Int, column c: Int) -> Bool { r == row && c >= column && c - column < width }
    }

    /// The row of tabs, and each tab on it.
    public var tabStrip: Rect?
    public var tabs: [Tab] = []
    /// The inside of the list box, and the selectable rows shown in it.
    public var list: Rect?
    public var listRows: [ListRow] = []
    /// The inside of the detail box, and the lines in it that show a link.
    public var detail: Rect?
    public var linkLines: [LinkLine] = []
    /// The box of the open overlay (help, results, tour), if any.
    public var overlay: Rect?
    /// The lines of the open source view that show a citing record.
    public var overlayLinks: [LinkLine] = []

    public init() {}

    /// What a click at a cell lands on, topmost first: an open overlay takes every click inside
    /// its box, so nothing under it is hit by accident.
    public func target(row: Int, column: Int) -> Target? {
        if let overlay, overlay.contains(row: row, column: column) {
            return .overlay(link: overlayLinks.first { $0.contains(row: row, column: column) }?.link)
        }
        if let tabStrip, tabStrip.contains(row: row, column: column) {
            return tabs.first { $0.rect.contains(row: row, column: column) }.map { .tab($0.pane) } ?? .tabStrip
        }
        if let list, list.contains(row: row, column: column) {
            return listRows.first { $0.row == row }.map { .listRow(item: $0.item) } ?? .list
        }
        if let detail, detail.contains(row: row, column: column) {
            return linkLines.first { $0.row == row }.map { .link($0.link) } ?? .detail
        }
        return nil
    }

    public enum Target: Sendable, Hashable {
        case tab(Pane)
        case tabStrip
        case listRow(item: Int)
        case list
        case link(Int)
        case detail
        /// Inside the open overlay's box, on one of its links or not.
        case overlay(link: Int?)
    }
}

extension Rect {
    public func contains(row r: Int, column c: Int) -> Bool {
        r >= row && r < row + height && c >= column && c < column + width
    }
}
