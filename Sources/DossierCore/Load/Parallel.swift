import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs independent pieces of work on the machine's cores: plain threads taking the next index
/// from a shared counter, so a large file does not hold up the small ones behind it.
enum Parallel {
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Calls `work(i)` once for each i in 0..<count, on up to `threads` threads (the calling one
    /// included), and returns when all are done. `work` must only touch what index i owns.
    static func forEach(_ count: Int, threads: Int = processorCount, _ work: @escaping (Int) -> Void) {
        let job = Job(count: count, work: work)
        let helpers = min(threads, count) - 1
        var started: [pthread_t] = []
        for _ in 0..<max(0, helpers) {
            // no thread to be had: the caller does the work
            if let thread = start(job) { started.append(thread) }
        }
        job.drain()
        for thread in started { pthread_join(thread, nil) }
    }

    /// Runs `work` on a thread of its own and returns at once.
    static func detach(_ work: @escaping @Sendable () -> Void) {
        let job = Job(count: 1) { _ in work() }
        if let thread = start(job) {
            pthread_detach(thread)
        } else {
            job.drain() // no thread to be had: do it now
        }
    }

    /// A thread that drains `job`, or nil if none could be created.
    private static func start(_ job: Job) -> pthread_t? {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        let result = pthread_create(&thread, nil, { context in
            let job = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
            job.drain()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return nil
        }
        return thread
    }

    private final class Job: @unchecked Sendable {
        let count: Int
        let next = Atomic<Int>(0)
        let work: (Int) -> Void

        init(count: Int, work: @escaping (Int) -> Void) {
            self.count = count
            self.work = work
        }

        func drain() {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                work(index)
            }
        }
    }
}
