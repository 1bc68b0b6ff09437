import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Runs independent pieces of work on the machine's cores, through Dispatch's thread pool: no
/// thread of our own to start, join or hand a closure to. `concurrentPerform` hands out the
/// indices one at a time to whichever thread is free, so a large file does not hold up the small
/// ones behind it.
enum Parallel {
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Calls `work(i)` once for each i in 0..<count, on up to `threads` threads (the calling one
    /// included), and returns when all are done. `work` must only touch what index i owns.
    ///
    /// `work` is not `@Sendable`: the callers write each result into its own slot of a buffer they
    /// allocated, which the compiler cannot prove disjoint. Dispatch asks for a `@Sendable`
    /// closure, so that contract is passed on here, in one place, as `nonisolated(unsafe)`.
    static func forEach(_ count: Int, threads: Int = processorCount, _ work: (Int) -> Void) {
        let width = min(count, threads)
        if width <= 1 {
            for index in 0..<count { work(index) }
            return
        }
        withoutActuallyEscaping(work) { work in
            nonisolated(unsafe) let work = work
            if width >= count || width >= processorCount {
                DispatchQueue.concurrentPerform(iterations: count) { work($0) }
            } else {
                // fewer threads than the caller's items and the cores: `width` lanes, each taking
                // every width-th item
                DispatchQueue.concurrentPerform(iterations: width) { lane in
                    for index in stride(from: lane, to: count, by: width) { work(index) }
                }
            }
        }
    }

    /// Runs `work` on one of Dispatch's threads and returns at once.
    static func detach(_ work: @escaping @Sendable () -> Void) {
        DispatchQueue.global().async(execute: work)
    }
}
