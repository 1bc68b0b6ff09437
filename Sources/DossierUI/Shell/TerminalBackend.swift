/// What the explorer's loop needs from a terminal (after ratatui's `Backend`): the ncurses
/// terminal implements it for people, `TestBackend` in memory for tests.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Shows a grid (a backend may send only what changed since the last one).
    func draw(_ grid: Grid)
    /// Waits for something to happen, with no time-out: a key, a resize, a resume, or a wake-up
    /// (a stop signal, `wakeUp`), which gives nil.
    func readEvent() -> TerminalEvent?
    /// Ends a wait in `readEvent`; callable from any thread (the search index is built there).
    var wakeUp: @Sendable () -> Void { get }
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
