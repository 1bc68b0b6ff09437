@testable import DossierCore
import Synchronization
import Testing

/// `Parallel` (Dispatch's pool underneath) calls the work once per index, whatever the count and
/// the number of threads asked for, and `detach` runs its work on another thread.
@Suite struct ParallelTests {
    @Test(arguments: [(0, 2), (1, 2), (2, 2), (3, 1), (3, 2), (7, 3), (1_000, 2), (1_000, 64)])
    func everyIndexOnce(count: Int, threads: Int) {
        // one slot more than the items: an index out of range would show there
        let visits = UnsafeMutableBufferPointer<Int>.allocate(capacity: count + 1)
        visits.initialize(repeating: 0)
        defer { visits.deallocate() }
        Parallel.forEach(count, threads: threads) { index in visits[index] += 1 }
        #expect(visits.prefix(count).allSatisfy { $0 == 1 }, "\(count) items on \(threads) threads")
        #expect(visits[count] == 0)
    }

    @Test func detachRunsTheWorkElsewhere() async throws {
        let done = Mutex(false)
        Parallel.detach { done.withLock { $0 = true } }
        let deadline = ContinuousClock.now + .seconds(20)
        while !done.withLock({ $0 }) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(done.withLock { $0 }, "the detached work ran within 20 s")
    }

    /// The explorer's path: the index is built in the background while a search comes in; the
    /// search waits for it and finds what a fresh store finds.
    @Test func aSearchDuringTheBackgroundBuildWaitsForIt() throws {
        let files = SyntheticDossier.generate(events: 2_000, seed: 5)
        let store = DossierStore(try DossierLoader.load(texts: files.map { (path: $0.name, text: $0.text) }))
        store.buildSearchIndexInBackground {}
        let hits = store.searchIndex.search("conseil d'état")
        let fresh = DossierStore(try DossierLoader.load(texts: files.map { (path: $0.name, text: $0.text) })).searchIndex.search("conseil d'état")
        #expect(!hits.isEmpty)
        #expect(hits.map(\.ref) == fresh.map(\.ref))
    }
}
