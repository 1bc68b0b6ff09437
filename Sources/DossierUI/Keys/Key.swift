/// A key as the terminal backend reports it, independent of ncurses.
public enum Key: Sendable, Hashable {
    case character(Character)
    case control(Character)      // Ctrl-letter, lowercase: .control("o")
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, tab, backTab, backspace, escape, delete
    case function(Int)
    case resize(width: Int, height: Int)
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
        case .unknown: return "?"
        }
    }
}
