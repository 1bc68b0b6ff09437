/// A key as the terminal backend reports it, independent of ncurses.
public enum Key: Sendable, Hashable {
    case character(Character)
    case control(Character)  // Ctrl-letter, lowercase: .control("o")
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, tab, backTab, backspace, escape, delete
    case function(Int)
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
    case unknown

    /// How the key is written in help and the README.
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .escape: return "Esc"
        case .delete: return "Delete"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        case .unknown: return "?"
        }
    }
}

/// A click or a wheel step, in screen cells (only with `--mouse`).
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var column: Int
    public init(kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }

    /// The action, once hit-tested against the regions of the frame on screen.
    func action(on regions: Regions) -> Action {
        let target = regions.target(row: row, column: column)
        switch kind {
        case .click: return .click(target)
        case .wheelUp: return .wheel(-3, over: target)
        case .wheelDown: return .wheel(3, over: target)
        }
    }
}
