import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Runs independent pieces of work on the machine's cores, on threads of its own (POSIX threads,
/// not Dispatch: Dispatch's thread pool on Linux keeps a monitor timer that wakes the process once
/// a second for as long as it lives, and the explorer must not wake while idle). The threads are
/// made once, at the first call that can use them, one fewer than the machine has cores (the
/// caller is the other lane); between calls they sleep on a condition variable, with no time-out,
/// so an idle process is never woken by them. Indices are handed out one at a time to whichever
/// thread is free, so a large file does not hold up the small ones behind it.
enum Parallel {
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// The process's threads, made at its first use (a static is initialised lazily), their
    /// threads at the first call that can use them.
    static let pool = WorkerPool(threads: processorCount - 1)

    /// Calls `work(i)` once for each i in 0..<count, on up to `threads` threads (the calling one
    /// included), and returns when all are done. `work` must only touch what index i owns. Calls
    /// may come from several threads at once and from inside `work`: see `WorkerPool.forEach`.
    static func forEach(_ count: Int, threads: Int = processorCount, _ work: (Int) -> Void) {
        pool.forEach(count, threads: threads, work)
    }

    /// Runs `work` on a thread of its own and returns at once. Not on the pool: the one caller
    /// (the search index, built once in the background) would hold a pool thread for its whole
    /// length, and its own `forEach` calls would find no thread to help them.
    static func detach(_ work: @escaping @Sendable () -> Void) {
        if let thread = WorkerPool.start(work) {
            pthread_detach(thread)
        } else {
            work()
        }
    }
}

/// A fixed set of threads that run the indices of `forEach` calls. A call is published as a job;
/// the caller works on its own job's indices, and idle threads join it, up to the number of
/// threads the call asked for. The caller never waits for a thread to become free (it does the
/// whole job alone if none is), only, at the end, for the indices helpers have already taken:
/// so calls from several threads at once, and calls made inside `work`, cannot deadlock (a
/// helper only ever waits for jobs begun after the one it is helping).
///
/// The state is guarded by a pthread mutex (hence `@unchecked Sendable`); the threads wait on
/// condition variables with no time-out and block every signal, which go to the main thread.
final class WorkerPool: @unchecked Sendable {
    private let size: Int
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when a job is published (or the pool stops): the idle threads wait here.
    private let published = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Broadcast when a job's last helper leaves it: callers wait here for their helpers.
    private let helped = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // guarded by `lock`
    private var jobs: [Job] = []
    private var threads: [pthread_t] = []
    private var kernelIDs: [pid_t] = []
    private var started = false
    private var stopping = false

    /// A pool of `threads` threads (none if below one), started at the first call that can use them.
    init(threads: Int) {
        size = max(0, threads)
        pthread_mutex_init(lock, nil)
        pthread_cond_init(published, nil)
        pthread_cond_init(helped, nil)
    }

    deinit {
        pthread_cond_destroy(helped)
        pthread_cond_destroy(published)
        pthread_mutex_destroy(lock)
        helped.deallocate()
        published.deallocate()
        lock.deallocate()
    }

    /// The kernel ids of the pool's running threads (empty until the first call that used them):
    /// what /proc/self/task lists.
    var threadIDs: [pid_t] {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return kernelIDs
    }

    /// Calls `work(i)` once for each i in 0..<count, on the calling thread and up to `threads - 1`
    /// of the pool's, and returns when every call has returned.
    ///
    /// `work` is not `@Sendable`: the callers write each result into its own slot of a buffer they
    /// allocated, which the compiler cannot prove disjoint. The threads need a `Sendable` job, so
    /// that contract is passed on here, in one place, as `@unchecked Sendable`.
    func forEach(_ count: Int, threads: Int, _ work: (Int) -> Void) {
        let helpers = min(count, threads, size + 1) - 1
        if helpers <= 0 {
            for index in 0..<count { work(index) }
            return
        }
        withoutActuallyEscaping(work) { work in
            let job = Job(count: count, helpers: helpers, work: work)
            pthread_mutex_lock(lock)
            if !started { startThreads() }
            jobs.append(job)
            for _ in 0..<helpers { pthread_cond_signal(published) }
            pthread_mutex_unlock(lock)
            job.run()
            // every index is taken: no thread joins the job any more once it is off the list, and
            // `work` must not outlive this call, so wait for those still running one
            pthread_mutex_lock(lock)
            jobs.removeAll { $0 === job }
            while job.helping > 0 { pthread_cond_wait(helped, lock) }
            pthread_mutex_unlock(lock)
        }
    }

    /// Ends the threads once they are idle and waits for them (tests make pools of their own and
    /// stop them; the process's pool lives as long as the process).
    func stop() {
        pthread_mutex_lock(lock)
        stopping = true
        pthread_cond_broadcast(published)
        let running = threads
        threads = []
        kernelIDs = []
        pthread_mutex_unlock(lock)
        for thread in running { pthread_join(thread, nil) }
    }

    /// Called with `lock` held. A thread that cannot be made is done without: callers do their
    /// jobs on the threads there are, their own at least.
    private func startThreads() {
        started = true
        for _ in 0..<size {
            if let thread = WorkerPool.start({ [self] in serve() }) { threads.append(thread) }
        }
    }

    /// A pool thread's life: join a job that wants help, or wait, with no time-out, for one.
    private func serve() {
        pthread_mutex_lock(lock)
        kernelIDs.append(WorkerPool.kernelThreadID())
        while !stopping {
            if let job = jobs.first(where: { $0.helping < $0.helpers && !$0.exhausted }) {
                job.helping += 1
                pthread_mutex_unlock(lock)
                job.run()
                pthread_mutex_lock(lock)
                job.helping -= 1
                if job.helping == 0 { pthread_cond_broadcast(helped) }
            } else {
                pthread_cond_wait(published, lock)
            }
        }
        pthread_mutex_unlock(lock)
    }

    /// One `forEach` call: its indices, handed out one at a time, and its helpers.
    private final class Job: @unchecked Sendable {
        let count: Int
        /// How many pool threads may join the caller.
        let helpers: Int
        /// How many pool threads are on the job now (guarded by the pool's lock).
        var helping = 0
        let work: (Int) -> Void
        private let next = Atomic<Int>(0)

        init(count: Int, helpers: Int, work: @escaping (Int) -> Void) {
            self.count = count
            self.helpers = helpers
            self.work = work
        }

        var exhausted: Bool { next.load(ordering: .relaxed) >= count }

        func run() {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                work(index)
            }
        }
    }

    /// Starts a thread running `work` with every signal blocked; nil if none could be started.
    static func start(_ work: @escaping @Sendable () -> Void) -> pthread_t? {
        let box = Unmanaged.passRetained(Start(work)).toOpaque()
        var all = sigset_t(), saved = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { context in
                let start = Unmanaged<Start>.fromOpaque(context!).takeRetainedValue()
                start.work()
                return nil
            }, box)
        guard status == 0 else {
            Unmanaged<Start>.fromOpaque(box).release()
            return nil
        }
        return thread
    }

    /// The calling thread's id in the kernel (what /proc/self/task lists), 0 where /proc does not
    /// tell it. Read from /proc/thread-self, a link to "PID/task/ID": `gettid()` is hidden
    /// from Swift (a GNU extension), and `syscall()` is variadic.
    static func kernelThreadID() -> pid_t {
        var path = [CChar](repeating: 0, count: 64)
        let length = readlink("/proc/thread-self", &path, path.count - 1)
        guard length > 0 else { return 0 }
        let link = String(decoding: path[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return link.split(separator: "/").last.flatMap { pid_t($0) } ?? 0
    }

    private final class Start: Sendable {
        let work: @Sendable () -> Void
        init(_ work: @escaping @Sendable () -> Void) { self.work = work }
    }
}
