import DossierCore
import Synchronization

/// The explorer's loop over any backend: events in, actions through the reducer, effects
/// performed, frames out. The ncurses shell runs it on a terminal; tests run it on `TestBackend`.
public struct ExplorerLoop {
    /// Starts building the search index and calls back (on any thread) once it is built.
    public typealias IndexBuilder = @Sendable (DossierStore, @escaping @Sendable () -> Void) -> Void

    public private(set) var state: AppState
    /// Draws the frames, and keeps their caches and where the one on screen put things.
    public let renderer = Renderer()
    private let backend: any TerminalBackend
    private let buildSearchIndex: IndexBuilder
    private let indexBuilt = IndexBuiltFlag()

    public init(
        backend: any TerminalBackend, state: AppState,
        buildSearchIndex: @escaping IndexBuilder = { store, done in store.buildSearchIndexInBackground(then: done) }
    ) {
        self.backend = backend
        self.state = state
        self.buildSearchIndex = buildSearchIndex
    }

    /// Runs until `q` (its status, 0) or a stop signal (128 + the signal); the backend is closed
    /// either way.
    public mutating func run() -> Int32 {
        defer { backend.close() }
        draw()
        if let status = perform(state.reduce(.started)) { return status }
        renderer.prepareNeighbours(of: state)
        while true {
            if let signal = backend.stopSignal { return 128 + signal }
            if !state.searchIndexReady && indexBuilt.isSet {
                if let status = perform(state.reduce(.searchIndexReady)) { return status }
            }
            guard let event = backend.readEvent() else { continue }
            switch event {
            case .key(let key):
                if let status = perform(state.handle(key, regions: renderer.regions)) { return status }
            case .resumed:
                // the terminal may have changed size while stopped, and shows whatever was left
                let size = backend.size
                if size.width != state.layout.width || size.height != state.layout.height {
                    state.reduce(.resize(width: size.width, height: size.height))
                }
                backend.invalidate()
            }
            draw()
            renderer.prepareNeighbours(of: state)
        }
    }

    private func draw() {
        backend.draw(renderer.draw(state))
    }

    /// Performs effects in order; the exit status when one of them ends the explorer.
    private mutating func perform(_ effects: [Effect]) -> Int32? {
        for effect in effects {
            switch effect {
            case .copyToClipboard(let text):
                backend.copyToClipboard(text)
            case .quit(let status):
                return status
            case .fullRedraw:
                backend.invalidate()
            case .buildSearchIndex:
                let flag = indexBuilt
                let wakeUp = backend.wakeUp
                // the loop is blocked waiting for input: wake it to take the news
                buildSearchIndex(state.store) {
                    flag.set()
                    wakeUp()
                }
            case .waitForSearchIndex(let action):
                // the wait happens here, in the shell: this returns once the build under way (or
                // one started now) is done
                _ = state.store.searchIndex
                if let status = perform(state.reduce(.searchIndexReady)) { return status }
                if let status = perform(state.reduce(action)) { return status }
            }
        }
        return nil
    }
}

/// Set by the index builder's thread, read by the loop's.
private final class IndexBuiltFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
