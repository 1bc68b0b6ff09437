import Dispatch
import Synchronization

/// A terminal in memory, for tests (after ratatui's `TestBackend`): it plays a script of events
/// and records what the loop did with it.
public final class TestBackend: TerminalBackend {
    public enum Step: Sendable, Hashable {
        case key(Key)
        /// Each character of a text, as keys.
        case type(String)
        /// The terminal takes a new size and reports it, as ncurses does with KEY_RESIZE.
        case resize(width: Int, height: Int)
        /// A stop signal arrives (SIGINT 2, SIGTERM 15, SIGHUP 1).
        case signal(Int32)
        /// Ctrl-Z, then `fg`.
        case suspendAndResume
        /// Nothing happens: `readEvent` blocks, as a terminal does while idle, until `wakeUp` is
        /// called (from any thread), then gives nil. If no wake-up comes within 10 seconds (a
        /// safety net, not a measurement) it gives up, notes `missedWakeUp` and reports SIGHUP.
        case waitForWakeUp
    }

    /// What the loop asked of the backend, in order.
    public enum Call: Sendable, Hashable {
        case draw, invalidate
        case copyToClipboard(String)
        case close
    }

    public private(set) var size: (width: Int, height: Int)
    public private(set) var stopSignal: Int32?
    public private(set) var calls: [Call] = []
    /// Every grid drawn, in order.
    public private(set) var frames: [Grid] = []
    private var script: [Step]
    private let wakeUps = DispatchSemaphore(value: 0)
    private let wakeUpCount = WakeUpCounter()
    /// A `waitForWakeUp` step that no wake-up ended.
    public private(set) var missedWakeUp = false
    /// How many times `wakeUp` was called.
    public var wakeUpCalls: Int { wakeUpCount.value.load(ordering: .acquiring) }

    public init(width: Int, height: Int, script: [Step]) {
        size = (width, height)
        self.script = script
    }

    public var lastFrame: Grid? { frames.last }
    public var isClosed: Bool { calls.contains(.close) }
    /// Steps not played yet (a loop that ended early leaves some).
    public var remainingSteps: Int { script.count }

    public func draw(_ grid: Grid) {
        calls.append(.draw)
        frames.append(grid)
    }

    /// The next step of the script. When the script is over, input is gone: like the ncurses
    /// backend when standard input closes, the backend reports SIGHUP.
    public func readEvent() -> TerminalEvent? {
        guard !script.isEmpty else {
            stopSignal = 1
            return nil
        }
        switch script.removeFirst() {
        case .key(let key):
            return .key(key)
        case .type(let text):
            script.insert(contentsOf: text.map { Step.key(.character($0)) }, at: 0)
            return readEvent()
        case .resize(let width, let height):
            size = (width, height)
            return .key(.resize(width: width, height: height))
        case .signal(let number):
            stopSignal = number
            return nil
        case .suspendAndResume:
            return .resumed
        case .waitForWakeUp:
            if wakeUps.wait(timeout: .now() + .seconds(10)) == .timedOut {
                missedWakeUp = true
                stopSignal = 1
            }
            return nil
        }
    }

    public var wakeUp: @Sendable () -> Void {
        let semaphore = wakeUps, count = wakeUpCount
        return {
            count.value.add(1, ordering: .releasing)
            semaphore.signal()
        }
    }

    public func copyToClipboard(_ text: String) { calls.append(.copyToClipboard(text)) }
    public func invalidate() { calls.append(.invalidate) }
    public func close() { calls.append(.close) }
}

/// Wake-ups counted on any thread.
private final class WakeUpCounter: Sendable {
    let value = Atomic<Int>(0)
}
