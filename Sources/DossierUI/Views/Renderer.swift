import DossierCore

/// What the renderer keeps between frames: details laid out and drawn, list rows and the parts
/// of the frame that stay the same from one key to the next. None of it is state: a frame drawn
/// with these caches is the frame drawn without them (`RenderCacheTests` holds that), only
/// sooner. The store never changes, so everything a cached value depends on is in its key.
public final class RenderCaches: Sendable {
    let details = DetailCache()
    let rows = RowCache()
    let parts = PartCache()
    public init() {}
}

/// Draws the explorer's frames and owns what drawing needs besides the state: the caches, and
/// where the last frame put what the mouse can hit. The explorer loop keeps one; the reducer
/// never sees it (a click reaches the reducer as what it landed on, not as a cell).
public final class Renderer {
    public let caches = RenderCaches()
    /// Where the frame on screen drew tabs, rows, links and overlays.
    public private(set) var regions = Regions()

    public init() {}

    /// The frame for `state`; its regions are kept for the clicks that follow.
    public func draw(_ state: AppState) -> Grid {
        let frame = ScreenView.frame(state, caches: caches)
        regions = frame.regions
        return frame.grid
    }

    /// Draws, and throws away, the frames a `j` and a `k` in the list would bring next, so the
    /// records they select find their detail, rows and header in the caches when the key comes
    /// (a record not shown before costs several times one seen). The loop calls it once a frame
    /// is out and before it waits for the next key: no wake-up of its own. The state is not
    /// changed; the regions of the frame on screen are kept.
    public func prepareNeighbours(of state: AppState) {
        guard state.overlay == nil, state.prompt == nil, state.area == .list, state.count == nil,
            state.pendingPrefix == nil, state.list.count > 1
        else { return }
        for action in [Action.moveDown, .moveUp] {
            var next = state
            _ = next.reduce(action)
            guard next.selectedItem != state.selectedItem else { continue }
            _ = ScreenView.frame(next, caches: caches)
        }
    }
}
