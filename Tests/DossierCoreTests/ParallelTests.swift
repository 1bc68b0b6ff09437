import Foundation
import Synchronization
import Testing

@testable import DossierCore

#if canImport(Glibc)
import Glibc
#endif

/// `Parallel` calls the work once per index, whatever the count and the number of threads asked
/// for, on threads made once; `detach` runs its work on another thread.
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

    /// Calls are served by the same threads, never by new ones: over 200 calls (a search
    /// keystroke makes one per word) the work runs on this thread and at most one thread per
    /// other core. Threads made per call would give each call new thread ids.
    @Test func theProcesssPoolMakesNoThreadPerCall() async throws {
        let ranOn = UnsafeMutableBufferPointer<pid_t>.allocate(capacity: 64)
        defer { ranOn.deallocate() }
        var threads = Set<pid_t>()
        for _ in 0..<200 {
            ranOn.initialize(repeating: 0)
            Parallel.forEach(64, threads: 2) { index in
                ranOn[index] = WorkerPool.kernelThreadID()
                spin()
            }
            threads.formUnion(ranOn)
        }
        #expect(!threads.contains(0), "every index ran")
        #expect(threads.count <= Parallel.processorCount, "\(threads.count) threads ran the work of 200 calls")
        // a thread notes its id when it starts, which may be after the calls
        let pool = try await eventually { Parallel.pool.threadIDs.count == Parallel.processorCount - 1 ? true : nil }
        #expect(pool)
    }

    /// A pool makes its threads at its first call that can use them, and only then: the ids stay
    /// the same over later calls, and they, with the caller, are the only threads that run work.
    @Test func aPoolMakesItsThreadsOnceAtItsFirstUse() async throws {
        let pool = WorkerPool(threads: 3)
        defer { pool.stop() }
        #expect(pool.threadIDs.isEmpty, "no thread before the first call")
        pool.forEach(1, threads: 4) { _ in }
        #expect(pool.threadIDs.isEmpty, "a call that one thread does makes none")
        pool.forEach(8, threads: 4) { _ in }
        let first = try await eventually { pool.threadIDs.count == 3 ? pool.threadIDs : nil }
        // the work is spread until a pool thread has taken part, so the pool is seen serving
        let helpedBy = Mutex(Set<pid_t>())
        let deadline = ContinuousClock.now + .seconds(20)
        while helpedBy.withLock({ $0.isEmpty }) && ContinuousClock.now < deadline {
            let caller = WorkerPool.kernelThreadID()
            pool.forEach(64, threads: 4) { _ in
                let me = WorkerPool.kernelThreadID()
                if me != caller { helpedBy.withLock { _ = $0.insert(me) } }
                spin()
            }
        }
        let helpers = helpedBy.withLock { $0 }
        #expect(!helpers.isEmpty, "a pool thread took part within 20 s")
        #expect(helpers.isSubset(of: first), "only the pool's threads helped: \(helpers) ⊄ \(first)")
        #expect(Set(pool.threadIDs) == Set(first), "the same threads after the later calls")
    }

    /// The pool's threads block every signal a thread can block: the terminal's signals go to
    /// the main thread's handlers and its self-pipe, whatever thread the kernel would pick.
    @Test(.enabled(if: FileManager.default.isReadableFile(atPath: "/proc/self/status")))
    func poolThreadsBlockEverySignal() async throws {
        let pool = WorkerPool(threads: 2)
        defer { pool.stop() }
        pool.forEach(8, threads: 3) { _ in }
        let ids = try await eventually { pool.threadIDs.count == 2 ? pool.threadIDs : nil }
        for id in ids {
            let mask = try #require(try Self.status(of: id)["SigBlk"])
            let blocked = try #require(UInt64(mask, radix: 16))
            for signal in 1...31 where signal != SIGKILL && signal != SIGSTOP {
                #expect(blocked & (1 << (signal - 1)) != 0, "thread \(id) blocks signal \(signal)")
            }
        }
    }

    /// Idle, the pool's threads are blocked in futex() with no time-out (/proc/self/task/ID/syscall
    /// shows the call's number and arguments, the time-out fourth), so nothing but a new call
    /// wakes them; and over 1.5 s (Dispatch's pool wakes once a second) none is switched in.
    @Test(.enabled(if: FileManager.default.isReadableFile(atPath: "/proc/self/syscall")))
    func idlePoolThreadsNeverWake() async throws {
        let pool = WorkerPool(threads: 2)
        defer { pool.stop() }
        pool.forEach(64, threads: 3) { _ in spin() }
        let ids = try await eventually { pool.threadIDs.count == 2 ? pool.threadIDs : nil }
        _ = try await eventually { ids.allSatisfy(Self.blockedInFutexWithoutTimeout) ? true : nil }
        let before = try ids.map(Self.switches)
        // the window is what is measured (no wake-up in it), not a wait for something to happen
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(try ids.map(Self.switches) == before, "no pool thread woke while idle")
        #expect(ids.allSatisfy(Self.blockedInFutexWithoutTimeout))
    }

    /// Calls made inside `work` (on the pool's threads and on the caller) and calls from several
    /// threads at once all finish, each index done once. A deadlock would leave the callers
    /// blocked: they run on threads of their own, and the test gives up on them after 60 s.
    @Test func nestedAndConcurrentCallsFinish() async throws {
        let pool = WorkerPool(threads: 2)
        let callers = 4, outer = 6, inner = 40, rounds = 30
        let finished = Mutex(0)
        let results = Mutex([Bool](repeating: false, count: callers))
        for caller in 0..<callers {
            Parallel.detach {
                var allOnce = true
                for _ in 0..<rounds {
                    let visits = UnsafeMutableBufferPointer<Int>.allocate(capacity: outer * inner)
                    visits.initialize(repeating: 0)
                    pool.forEach(outer, threads: 3) { o in
                        pool.forEach(inner, threads: 3) { i in
                            visits[o * inner + i] += 1
                            spin()
                        }
                    }
                    allOnce = allOnce && visits.allSatisfy { $0 == 1 }
                    visits.deallocate()
                }
                results.withLock { $0[caller] = allOnce }
                finished.withLock { $0 += 1 }
            }
        }
        let done = try? await eventually(within: .seconds(60)) { finished.withLock { $0 } == callers ? true : nil }
        #expect(done == true, "\(finished.withLock { $0 }) of \(callers) callers finished within 60 s")
        // a deadlocked pool's threads would never end: stopping it would hang the test
        if done == true { pool.stop() }
        #expect(results.withLock { $0 } == [Bool](repeating: true, count: callers), "every index done once")
    }

    @Test func detachRunsTheWorkElsewhere() async throws {
        let ranOn = Mutex<pid_t?>(nil)
        Parallel.detach { ranOn.withLock { $0 = WorkerPool.kernelThreadID() } }
        let thread = try await eventually { ranOn.withLock { $0 } }
        #expect(thread != WorkerPool.kernelThreadID())
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

    /// The fields of /proc/self/task/ID/status, by name.
    static func status(of thread: pid_t) throws -> [String: String] {
        let text = try String(contentsOfFile: "/proc/self/task/\(thread)/status", encoding: .utf8)
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// How many times the thread has been switched in, by its own wait ending or by preemption.
    static func switches(_ thread: pid_t) throws -> Int {
        let fields = try status(of: thread)
        let voluntary = try #require(Int(fields["voluntary_ctxt_switches"] ?? ""))
        let preempted = try #require(Int(fields["nonvoluntary_ctxt_switches"] ?? ""))
        return voluntary + preempted
    }

    static func blockedInFutexWithoutTimeout(_ thread: pid_t) -> Bool {
        guard let text = try? String(contentsOfFile: "/proc/self/task/\(thread)/syscall", encoding: .utf8) else { return false }
        let fields = text.split(separator: " ")
        #if arch(x86_64)
        let futex = "202"
        #elseif arch(arm64)
        let futex = "98"
        #else
        let futex = "-"
        #endif
        return fields.count >= 5 && fields[0] == futex && fields[4] == "0x0"
    }
}

/// A few microseconds of work that the optimiser keeps, so that the other threads get a share.
private func spin() {
    var x = 0
    for i in 0..<2_000 { x &+= i &* i }
    withExtendedLifetime(x) {}
}

/// Polls `value` every 5 ms until it is not nil, and returns it; throws if it is still nil
/// `within` from now.
private func eventually<T>(within: Duration = .seconds(20), _ value: () throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now + within
    while true {
        if let found = try value() { return found }
        guard ContinuousClock.now < deadline else { throw Timeout(within: within) }
        try await Task.sleep(for: .milliseconds(5))
    }
}

private struct Timeout: Error, CustomStringConvertible {
    let within: Duration
    var description: String { "the condition did not hold within \(within)" }
}
