import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs independent pieces of work on the machine's cores, on threads of its own (POSIX threads,
/// not Dispatch: Dispatch's thread pool on Linux keeps a monitor timer that wakes the process once
/// a second for as long as it lives, and the explorer must not wake while idle). Indices are
/// handed out one at a time to whichever thread is free, so a large file does not hold up the
/// small ones behind it. The threads block every signal: signals go to the main thread's handlers.
enum Parallel {
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Calls `work(i)` once for each i in 0..<count, on up to `threads` threads (the calling one
    /// included), and returns when all are done. `work` must only touch what index i owns.
    ///
    /// `work` is not `@Sendable`: the callers write each result into its own slot of a buffer they
    /// allocated, which the compiler cannot prove disjoint. The threads need a `@Sendable`
    /// closure, so that contract is passed on here, in one place, as `nonisolated(unsafe)`.
    static func forEach(_ count: Int, threads: Int = processorCount, _ work: (Int) -> Void) {
        let width = min(count, threads)
        if width <= 1 {
            for index in 0..<count { work(index) }
            return
        }
        withoutActuallyEscaping(work) { work in
            nonisolated(unsafe) let work = work
            let next = Counter()
            let lane: @Sendable () -> Void = {
                while true {
                    let index = next.value.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < count else { return }
                    work(index)
                }
            }
            let started = (1..<width).compactMap { _ in start(lane) }
            lane()
            for thread in started { pthread_join(thread, nil) }
        }
    }

    /// Runs `work` on a thread of its own and returns at once.
    static func detach(_ work: @escaping @Sendable () -> Void) {
        if let thread = start(work) {
            pthread_detach(thread)
        } else {
            work()
        }
    }

    /// Starts a thread running `work` with every signal blocked; nil if none could be started
    /// (`forEach` then does the work on the threads it has).
    private static func start(_ work: @escaping @Sendable () -> Void) -> pthread_t? {
        let box = Unmanaged.passRetained(Job(work)).toOpaque()
        var all = sigset_t(), saved = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            let job = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
            job.work()
            return nil
        }, box)
        guard status == 0 else {
            Unmanaged<Job>.fromOpaque(box).release()
            return nil
        }
        return thread
    }

    private final class Job: Sendable {
        let work: @Sendable () -> Void
        init(_ work: @escaping @Sendable () -> Void) { self.work = work }
    }

    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }
}
