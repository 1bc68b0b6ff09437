/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var row: Int, column: Int, width: Int, height: Int
    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }
    /// The inside of a box drawn on this rectangle's edge.
    public var inner: Rect { Rect(row: row + 1, column: column + 1, width: width - 2, height: height - 2) }
}

/// Where everything goes for a terminal size. The reducer uses it to keep the selection in view;
/// the views use it to draw. Wide terminals (≥ 100 columns) put the detail beside the list,
/// narrow ones below it; from 160 columns the list gets a fixed, roomier width.
public struct Layout: Sendable, Hashable {
    public static let minimumWidth = 50
    public static let minimumHeight = 14
    public static let sideBySideWidth = 100
    public static let roomyWidth = 160

    public let width: Int, height: Int
    public let tooSmall: Bool
    public let header: Rect, tabs: Rect, status: Rect
    public let list: Rect, detail: Rect
    public let sideBySide: Bool

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        tooSmall = width < Layout.minimumWidth || height < Layout.minimumHeight
        header = Rect(row: 0, column: 0, width: width, height: 1)
        tabs = Rect(row: 1, column: 0, width: width, height: 1)
        status = Rect(row: height - 1, column: 0, width: width, height: 1)
        let bodyTop = 2, bodyHeight = max(0, height - 3)
        sideBySide = width >= Layout.sideBySideWidth
        if sideBySide {
            let listWidth = width >= Layout.roomyWidth ? 72 : max(44, width * 45 / 100)
            list = Rect(row: bodyTop, column: 0, width: listWidth, height: bodyHeight)
            detail = Rect(row: bodyTop, column: listWidth, width: width - listWidth, height: bodyHeight)
        } else {
            let listHeight = max(5, bodyHeight * 9 / 20)
            list = Rect(row: bodyTop, column: 0, width: width, height: listHeight)
            detail = Rect(row: bodyTop + listHeight, column: 0, width: width, height: bodyHeight - listHeight)
        }
    }

    /// Rows of list content visible at once.
    public var listRows: Int { max(1, list.inner.height) }
    public var detailRows: Int { max(1, detail.inner.height) }
}
