/// What the explorer's loop needs from a terminal (after ratatui's `Backend`): the ncurses
/// terminal implements it for people, `TestBackend` in memory for tests.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Shows a grid (a backend may send only what changed since the last one).
    func draw(_ grid: Grid)
    /// Waits briefly (up to 100 ms for a terminal) for something to happen; nil when nothing did.
    func readEvent() -> TerminalEvent?
    /// Puts text on the clipboard (OSC 52 for a terminal).
    func copyToClipboard(_ text: String)
    /// Forgets what the screen shows, so the next draw repaints all of it.
    func invalidate()
    /// The signal that asked the explorer to stop (SIGINT, SIGTERM, SIGHUP), if one came.
    var stopSignal: Int32? { get }
    /// Gives the terminal back as it was. Safe to call more than once.
    func close()
}

/// What a backend reports.
public enum TerminalEvent: Sendable, Hashable {
    /// A key, a resize or a mouse event.
    case key(Key)
    /// The process was stopped (Ctrl-Z) and continued (`fg`): the screen may hold anything.
    case resumed
}
