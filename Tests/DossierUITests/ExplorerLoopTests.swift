import Dispatch
import DossierCore
import DossierUI
import Synchronization
import Testing

/// The explorer's loop on the in-memory backend: scripted events in, frames, backend calls and
/// exit statuses out — what the tmux tests check from outside, here without a terminal.
@Suite struct ExplorerLoopTests {
    /// A loop on a fresh state (no index reported yet), with an index builder that finishes at
    /// once unless told otherwise.
    func loop(
        _ backend: TestBackend, mouse: Bool = false,
        buildSearchIndex: @escaping ExplorerLoop.IndexBuilder = { _, done in done() }
    ) throws -> ExplorerLoop {
        let state = AppState(store: try UIFixtures.store(), lang: .en, width: backend.size.width, height: backend.size.height, mouse: mouse)
        return ExplorerLoop(backend: backend, state: state, buildSearchIndex: buildSearchIndex)
    }

    @Test func qQuitsWithStatusZeroAfterDrawingEachKey() throws {
        let backend = TestBackend(width: 80, height: 24, script: [.key(.character("g")), .key(.character("q"))])
        var explorer = try loop(backend)
        #expect(explorer.run() == 0)
        #expect(backend.calls == [.draw, .draw, .close], "the first frame, the frame after g, then the terminal given back")
        #expect(backend.remainingSteps == 0)
        #expect(explorer.state.selectedRef.map(explorer.state.store.id) == "ev-accord")
        #expect(backend.lastFrame == ScreenView.render(explorer.state))
    }

    @Test(arguments: [Int32(1), 2, 15])
    func aStopSignalEndsWith128PlusItsNumber(signal: Int32) throws {
        let backend = TestBackend(width: 80, height: 24, script: [.key(.character("j")), .signal(signal), .key(.character("q"))])
        var explorer = try loop(backend)
        #expect(explorer.run() == 128 + signal)
        #expect(backend.isClosed)
        #expect(backend.remainingSteps == 1, "nothing is read after the signal")
    }

    @Test func inputThatEndsIsAHangUp() throws {
        let backend = TestBackend(width: 80, height: 24, script: [])
        var explorer = try loop(backend)
        #expect(explorer.run() == 129)
        #expect(backend.calls == [.draw, .close])
    }

    @Test func eachResizeIsDrawnAtTheNewSize() throws {
        let sizes = [(120, 40), (1, 1), (50, 14), (60, 20)]
        let backend = TestBackend(width: 80, height: 24, script: sizes.map { .resize(width: $0.0, height: $0.1) } + [.key(.character("q"))])
        var explorer = try loop(backend)
        #expect(explorer.run() == 0)
        #expect(backend.frames.map { "\($0.width)×\($0.height)" } == ["80×24", "120×40", "1×1", "50×14", "60×20"])
        #expect(explorer.state.layout.width == 60 && explorer.state.layout.height == 20)
        #expect(backend.lastFrame == ScreenView.render(explorer.state))
    }

    @Test func yCopiesTheCitationThroughTheBackend() throws {
        // y, then q closes the citation overlay, and only the second q quits
        let backend = TestBackend(width: 80, height: 24, script: [.key(.character("y")), .key(.character("q")), .key(.character("q"))])
        var explorer = try loop(backend)
        #expect(explorer.run() == 0)
        let copies = backend.calls.compactMap { if case .copyToClipboard(let text) = $0 { return text } else { return nil } }
        #expect(copies.count == 1)
        #expect(
            copies.first?.hasPrefix("Conseil d’État, interim relief order of 22 March 2024, Claimant, No. 492369, ECLI:FR:CEORD:2024:492369.20240322\nSources:")
                == true)
        #expect(backend.frames.contains { $0.text.contains("sent to the terminal’s clipboard") && $0.text.contains("Citation — select it") })
    }

    @Test func ctrlLAndAResumeRepaintTheWholeScreen() throws {
        let backend = TestBackend(width: 80, height: 24, script: [.key(.control("l")), .suspendAndResume, .key(.character("q"))])
        var explorer = try loop(backend)
        #expect(explorer.run() == 0)
        #expect(backend.calls == [.draw, .invalidate, .draw, .invalidate, .draw, .close])
        #expect(backend.frames[1] == backend.frames[0] && backend.frames[2] == backend.frames[0], "the same screen, repainted")
    }

    @Test func theIndexBuiltInTheBackgroundIsReportedAsState() throws {
        let asked = Atomic<Int>(0)
        let backend = TestBackend(width: 80, height: 24, script: [.key(.character("j")), .key(.character("q"))])
        var explorer = try loop(backend) { store, done in
            asked.add(1, ordering: .relaxed)
            _ = store.searchIndex
            done()
        }
        #expect(!explorer.state.searchIndexReady)
        #expect(explorer.run() == 0)
        #expect(asked.load(ordering: .relaxed) == 1, "the build is asked for once, after the first frame")
        #expect(explorer.state.searchIndexReady)
    }

    /// The loop does not poll: while nothing happens it blocks in the backend, and the index
    /// built on another thread wakes it. The builder reports from another thread, before or after
    /// the loop blocks; the backend counts wake-ups, so either order ends the wait, and without the
    /// wake-up the wait never ends (the backend gives up and says so).
    @Test func theIndexBuiltOnAnotherThreadWakesTheBlockedLoop() throws {
        let backend = TestBackend(width: 80, height: 24, script: [.waitForWakeUp, .key(.character("q"))])
        var explorer = try loop(backend) { store, done in
            DispatchQueue.global().async {
                _ = store.searchIndex
                done()
            }
        }
        #expect(explorer.run() == 0)
        #expect(!backend.missedWakeUp, "the index's news woke the loop")
        #expect(backend.wakeUpCalls == 1)
        #expect(explorer.state.searchIndexReady)
        #expect(backend.remainingSteps == 0)
    }

    /// The shell waits (here the build never reports back, so it is the only way to get an index):
    /// the search typed before the index was ready finds what it would have found after.
    @Test func aSearchTypedBeforeTheIndexIsReadyWaitsForItInTheShell() throws {
        let backend = TestBackend(width: 80, height: 24, script: [.key(.character("/")), .type("court"), .key(.enter), .key(.character("q"))])
        var explorer = try loop(backend) { _, _ in }
        #expect(explorer.run() == 0)
        #expect(explorer.state.searchIndexReady)
        var reference = try UIFixtures.state()
        reference.press(.character("/"))
        reference.type("court")
        reference.press(.enter)
        #expect(explorer.state.search?.hits == reference.search?.hits)
        #expect(explorer.state.search?.hits.isEmpty == false)
        #expect(backend.lastFrame == ScreenView.render(reference))
    }

    @Test func clicksHitWhatTheLastFrameDrew() throws {
        // tab 1 at column 2 of row 1; then the first event row of the timeline, below strip and heading
        let backend = TestBackend(
            width: 120, height: 40,
            script: [
                .key(.mouse(MouseEvent(kind: .click, row: 1, column: 2))),
                .key(.character("2")),
                .key(.mouse(MouseEvent(kind: .click, row: 5, column: 5))),
                .key(.character("q")),
            ])
        var explorer = try loop(backend, mouse: true)
        #expect(explorer.run() == 0)
        #expect(explorer.state.pane == .timeline)
        #expect(explorer.state.selectedRef.map(explorer.state.store.id) == "ev-accord")
        #expect(backend.frames[1].text.contains("[1 Parties]"), "the click on the tab focused Parties")
    }
}
