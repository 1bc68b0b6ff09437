/// What the reducer asks the shell to do, returned by `reduce` and `handle`: the reducer stays
/// free of I/O and threads, and the shell never reads flags out of the state.
public enum Effect: Sendable, Hashable {
    /// Put a text on the terminal's clipboard (OSC 52).
    case copyToClipboard(String)
    /// End the explorer with this exit status.
    case quit(status: Int32)
    /// Forget what the screen shows and repaint all of it (Ctrl-L).
    case fullRedraw
    /// Build the search index in the background, then send `.searchIndexReady`.
    case buildSearchIndex
    /// A search came before the index was ready: wait for it, send `.searchIndexReady`, then
    /// send this action again.
    case waitForSearchIndex(then: Action)
}
