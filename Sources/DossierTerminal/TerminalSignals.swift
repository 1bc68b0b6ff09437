@preconcurrency import CNcursesw
import DossierCore
import DossierUI

#if canImport(Glibc)
import Glibc
#endif

/// The last signal that asked the explorer to stop; read by the key loop once it wakes.
nonisolated(unsafe) var pendingSignal: Int32 = 0
/// Set when the process continues after a stop (Ctrl-Z, then `fg`); read by the key loop.
nonisolated(unsafe) var pendingResume = false

/// The self-pipe that ends the key loop's wait: the signal handlers (SIGWINCH, the stop signals,
/// SIGCONT) and the background search index write a byte to it, the loop blocks in `poll` on it
/// and on standard input, with no time-out. Both ends are non-blocking.
nonisolated(unsafe) var wakeRead: Int32 = -1
nonisolated(unsafe) var wakeWrite: Int32 = -1
/// ncurses's own SIGWINCH handler (it turns a resize into KEY_RESIZE), called from ours.
nonisolated(unsafe) var cursesWinchHandler: (@convention(c) (Int32) -> Void)?
/// ncurses's own SIGTSTP handler (it leaves the program mode, stops, and re-enters it on the way
/// back), called from ours once the screen is restored as far as ncurses cannot know it.
nonisolated(unsafe) var cursesStopHandler: (@convention(c) (Int32) -> Void)?

/// Ends the key loop's wait. Async-signal-safe (errno is kept); a full pipe already wakes it.
func wakeKeyLoop() {
    guard wakeWrite >= 0 else { return }
    let saved = errno
    var byte: UInt8 = 1
    _ = write(wakeWrite, &byte, 1)
    errno = saved
}

/// State the fatal-signal handler needs, in globals a signal handler may touch.
nonisolated(unsafe) var cursesOpen = false
nonisolated(unsafe) var savedStandardError: Int32 = -1
nonisolated(unsafe) var capturedStandardError: Int32 = -1
nonisolated(unsafe) var drainBuffer = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 8)
/// What ncurses does not know to undo, since the frames are ours: line drawing off, attributes and
/// colours reset, the cursor shown (the terminal's own strings, set when the terminal opens).
/// Written by every way out, before `endwin()`, the signal handlers included (one `write`).
nonisolated(unsafe) var restoreBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
nonisolated(unsafe) var restoreCount = 0
func writeRestoreBytes() {
    guard restoreCount > 0 else { return }
    let saved = errno
    _ = write(1, restoreBytes, restoreCount)
    errno = saved
}
nonisolated(unsafe) var previousFatalActions: [sigaction] = Array(repeating: sigaction(), count: 65)
let fatalSignals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
/// Every other signal whose default action ends the process (SIGKILL aside, which cannot be
/// caught; SIGINT, SIGTERM and SIGHUP end the loop cleanly instead): the core-dumping SIGQUIT,
/// SIGSYS, SIGXCPU, SIGXFSZ, then SIGALRM, SIGUSR1… and the real-time signals.
let terminatingSignals: [Int32] = {
    var numbers = [
        SIGQUIT, SIGSYS, SIGXCPU, SIGXFSZ, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGPOLL, SIGPROF, SIGVTALRM,
        SIGSTKFLT, SIGPWR,
    ]
    numbers += Array(__libc_current_sigrtmin()...min(__libc_current_sigrtmax(), 64))
    return numbers
}()
nonisolated(unsafe) private var fatalHandlersInstalled = false
/// Which terminating signals our handler has (their previous actions are to be given back).
nonisolated(unsafe) private var terminatingHandled = [Bool](repeating: false, count: 65)

/// Puts standard error back where it was and copies what was written meanwhile (a Swift runtime
/// "Fatal error: …" message, a warning) to it, now that the terminal shows the normal screen.
/// Only async-signal-safe calls: it also runs in the fatal-signal handler.
func releaseStandardError() {
    guard savedStandardError >= 0 else { return }
    dup2(savedStandardError, 2)
    close(savedStandardError)
    savedStandardError = -1
    while true {
        let count = read(capturedStandardError, drainBuffer, 4096)
        guard count > 0 else { break }
        _ = write(2, drainBuffer, count)
    }
    close(capturedStandardError)
    capturedStandardError = -1
}

/// A crash (a Swift runtime trap is SIGILL or SIGTRAP; SIGSEGV, SIGBUS, SIGABRT, SIGFPE) while the
/// explorer is open: restore the terminal first, then hand the signal to whoever had it before (the
/// Swift runtime's backtracer, or the default action, a core dump included), which reports on the
/// normal screen and ends the process with the signal's status.
func fatalSignalHandler(_ received: Int32) {
    if cursesOpen {
        cursesOpen = false
        writeRestoreBytes()
        endwin()
    }
    releaseStandardError()
    if received >= 0 && received < Int32(previousFatalActions.count) {
        sigaction(received, &previousFatalActions[Int(received)], nil)
    } else {
        signal(received, SIG_DFL)
    }
    // A fault re-executes its instruction on return and meets the previous handler; a signal sent
    // with kill() is raised again and delivered as soon as this handler returns.
    raise(received)
}

extension Terminal {
    /// Our handlers for the stop signals are installed before ncurses starts, so ncurses keeps
    /// them (it only installs its own where the default is in place); they set a flag and wake the
    /// key loop, which restores the terminal. Signals a parent may have blocked are unblocked.
    static func prepareSignals() {
        if wakeRead < 0 {
            var ends: [Int32] = [-1, -1]
            if pipe(&ends) == 0 {
                for fd in ends {
                    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                }
                wakeRead = ends[0]
                wakeWrite = ends[1]
            }
        }
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT] { sigaddset(&set, signal) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            installHandler(signal) { received in
                pendingSignal = received
                wakeKeyLoop()
            }
        }
        // ncurses handles SIGTSTP itself (it restores the terminal and repaints on the way back);
        // the loop hears of the resume too, to repaint from its own grid
        installHandler(SIGCONT) { _ in
            pendingResume = true
            wakeKeyLoop()
        }
    }

    /// ncurses installs its SIGWINCH handler when it starts (it notes the resize for KEY_RESIZE);
    /// ours calls it, then wakes the key loop, which reads the KEY_RESIZE and redraws at once.
    static func chainResizeSignal() {
        var current = sigaction()
        guard sigaction(SIGWINCH, nil, &current) == 0, current.sa_flags & SA_SIGINFO == 0 else { return }
        let handler = current.__sigaction_handler.sa_handler
        let raw = unsafeBitCast(handler, to: Int.self)
        // SIG_DFL is 0 and SIG_IGN is 1: no function to call then
        cursesWinchHandler = raw > 1 ? handler : nil
        var action = current
        action.__sigaction_handler.sa_handler = { received in
            cursesWinchHandler?(received)
            wakeKeyLoop()
        }
        sigaction(SIGWINCH, &action, nil)
    }

    /// ncurses's SIGTSTP handler (installed by newterm) restores what it knows of the terminal; ours
    /// first writes what it does not know (the frames' attributes, the hidden cursor), then calls it.
    static func chainStopSignal() {
        var current = sigaction()
        guard sigaction(SIGTSTP, nil, &current) == 0, current.sa_flags & SA_SIGINFO == 0 else { return }
        let handler = current.__sigaction_handler.sa_handler
        guard unsafeBitCast(handler, to: Int.self) > 1 else { return }
        cursesStopHandler = handler
        var action = current
        action.__sigaction_handler.sa_handler = { received in
            writeRestoreBytes()
            cursesStopHandler?(received)
        }
        sigaction(SIGTSTP, &action, nil)
    }

    /// While the explorer is open, standard error goes into a pipe instead of the screen, where a
    /// message would be drawn over the explorer and lost when the alternate screen goes away; it is
    /// copied out when the terminal is restored, normally or in the fatal-signal handler. Writes do
    /// not block: past the pipe's 64 KiB a message would be dropped, never hang the explorer.
    static func captureStandardError() {
        guard savedStandardError < 0 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        let saved = dup(2)
        guard saved >= 0 else { Glibc.close(ends[0]); Glibc.close(ends[1]); return }
        for fd in [ends[0], ends[1], saved] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        for fd in [ends[0], ends[1]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        savedStandardError = saved
        capturedStandardError = ends[0]
        dup2(ends[1], 2)
        Glibc.close(ends[1])
    }

    /// See `fatalSignalHandler`. Installed once the terminal is open, after the Swift runtime's
    /// own handlers, which are kept and called afterwards.
    /// A terminating signal the parent ignores (`nohup`, a shell's SIGQUIT for a background job)
    /// stays ignored; any handler in place (the Swift runtime's backtracer takes SIGQUIT) is kept
    /// and called afterwards.
    ///
    /// The other terminating signals (`terminatingSignals`) stop the loop like SIGTERM: their
    /// handler only notes them and wakes the loop (a handler that restored the terminal itself
    /// could deadlock, caught inside malloc or ncurses); `close` restores the terminal, then
    /// hands the signal to its previous action (`handBackTerminatingSignals`).
    static func installFatalSignalHandlers() {
        if !fatalHandlersInstalled {
            fatalHandlersInstalled = true
            for number in fatalSignals {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = fatalSignalHandler
                sigemptyset(&action.sa_mask)
                action.sa_flags = 0
                sigaction(number, &action, &previousFatalActions[Int(number)])
            }
        }
        for number in terminatingSignals {
            var current = sigaction()
            guard sigaction(number, nil, &current) == 0,
                current.sa_flags & SA_SIGINFO != 0 || unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) != 1
            else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                pendingSignal = received
                wakeKeyLoop()
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, &previousFatalActions[Int(number)])
            terminatingHandled[Int(number)] = true
        }
    }

    /// Gives the terminating signals their previous actions back, once the terminal is restored;
    /// the one that stopped the explorer, if any, is raised again to take it (a core dump, the
    /// runtime's backtrace, the default end with the signal's status).
    static func handBackTerminatingSignals() {
        for number in terminatingSignals where terminatingHandled[Int(number)] {
            sigaction(number, &previousFatalActions[Int(number)], nil)
            terminatingHandled[Int(number)] = false
        }
        if terminatingSignals.contains(pendingSignal) { raise(pendingSignal) }
    }
}

/// Installs a plain signal handler (no flags, nothing masked while it runs).
func installHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(signal, &action, nil)
}
