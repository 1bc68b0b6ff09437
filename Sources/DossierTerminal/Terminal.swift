@preconcurrency import CNcursesw
import DossierCore
import DossierUI
#if canImport(Glibc)
import Glibc
#endif

/// Why the explorer cannot run on this terminal.
public enum TerminalError: Error, Sendable, Equatable {
    case notATerminal
    case noTerm
    case unknownTerm(String)
    case noCursorAddressing(String)
    case cannotStart

    public var message: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal"
        case .noTerm: return "TERM is not set: cannot drive the terminal"
        case .unknownTerm(let term): return "TERM=\(term) is not a terminal type this system knows (no terminfo entry)"
        case .noCursorAddressing(let term): return "TERM=\(term) cannot move the cursor (a dumb or hardcopy terminal)"
        case .cannotStart: return "the terminal could not be initialised"
        }
    }
}

/// What the terminal said before the explorer opened (see `Terminal.ask`).
public struct TerminalAnswers: Sendable {
    /// The answer to OSC 11 (the background colour), if one came.
    public var osc11: [UInt8]?
    /// Whether a two-byte character moved the cursor one column (UTF-8) or two (not); nil
    /// when not asked or not answered.
    public var utf8: Bool?
}

/// The terminal's modes while queries await their answers (`Terminal.send`), and the stop
/// signals' actions from before, for a stop signal's handler meanwhile.
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var previousActions: [sigaction] = Array(repeating: sigaction(), count: 65)

/// The last signal that asked the explorer to stop; read by the key loop once it wakes.
nonisolated(unsafe) private var pendingSignal: Int32 = 0
/// Set when the process continues after a stop (Ctrl-Z, then `fg`); read by the key loop.
nonisolated(unsafe) private var pendingResume = false

/// The self-pipe that ends the key loop's wait: the signal handlers (SIGWINCH, the stop signals,
/// SIGCONT) and the background search index write a byte to it, the loop blocks in `poll` on it
/// and on standard input, with no time-out. Both ends are non-blocking.
nonisolated(unsafe) private var wakeRead: Int32 = -1
nonisolated(unsafe) private var wakeWrite: Int32 = -1
/// ncurses's own SIGWINCH handler (it turns a resize into KEY_RESIZE), called from ours.
nonisolated(unsafe) private var cursesWinchHandler: (@convention(c) (Int32) -> Void)?
/// ncurses's own SIGTSTP handler (it leaves the program mode, stops, and re-enters it on the way
/// back), called from ours once the screen is restored as far as ncurses cannot know it.
nonisolated(unsafe) private var cursesStopHandler: (@convention(c) (Int32) -> Void)?

/// Ends the key loop's wait. Async-signal-safe (errno is kept); a full pipe already wakes it.
private func wakeKeyLoop() {
    guard wakeWrite >= 0 else { return }
    let saved = errno
    var byte: UInt8 = 1
    _ = write(wakeWrite, &byte, 1)
    errno = saved
}

/// State the fatal-signal handler needs, in globals a signal handler may touch.
nonisolated(unsafe) private var cursesOpen = false
nonisolated(unsafe) private var savedStandardError: Int32 = -1
nonisolated(unsafe) private var capturedStandardError: Int32 = -1
nonisolated(unsafe) private var drainBuffer = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 8)
/// What ncurses does not know to undo, since the frames are ours: line drawing off, attributes and
/// colours reset, the cursor shown (the terminal's own strings, set when the terminal opens).
/// Written by every way out, before `endwin()`, the signal handlers included (one `write`).
nonisolated(unsafe) private var restoreBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
nonisolated(unsafe) private var restoreCount = 0
private func writeRestoreBytes() {
    guard restoreCount > 0 else { return }
    let saved = errno
    _ = write(1, restoreBytes, restoreCount)
    errno = saved
}
nonisolated(unsafe) private var previousFatalActions: [sigaction] = Array(repeating: sigaction(), count: 65)
private let fatalSignals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

/// Puts standard error back where it was and copies what was written meanwhile (a Swift runtime
/// "Fatal error: …" message, a warning) to it, now that the terminal shows the normal screen.
/// Only async-signal-safe calls: it also runs in the fatal-signal handler.
private func releaseStandardError() {
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
/// Swift runtime's backtracer, or the default action), which reports on the normal screen and ends
/// the process with the signal's status.
private func fatalSignalHandler(_ received: Int32) {
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

/// The only code that talks to ncurses: it opens and restores the terminal and reads keys.
/// Frames do not go through ncurses: `FrameWriter` turns each grid into the terminal's own
/// control strings and text, written in one `write()`. ncurses never paints (its window is kept
/// untouched), so it never sends a byte between frames.
public final class Terminal: TerminalBackend {
    private var writer: FrameWriter
    /// The theme painted in: mono when the terminal has no colours.
    public let theme: Theme
    private var closed = false
    private var immediateErrors = 0

    /// Checks everything that would make ncurses exit the process or draw garbage, before
    /// touching the terminal: both ends must be terminals and TERM must address the cursor.
    public static func preflight(term: String?) throws(TerminalError) {
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        guard let term, !term.isEmpty else { throw .noTerm }
        var status: Int32 = 0
        guard setupterm(term, 1, &status) == OK else { throw .unknownTerm(term) }
        let addressable = dossier_has_cursor_addressing() == 1
        if let current = cur_term { del_curterm(current) }
        guard addressable, term != "dumb" else { throw .noCursorAddressing(term) }
    }

    /// Whether the locale's character set is UTF-8 (after `setlocale(LC_ALL, "")`).
    public static func localeIsUTF8() -> Bool {
        setlocale(LC_ALL, "")
        return String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
    }

    /// Asks the terminal, before ncurses opens it, for its background colour (OSC 11) and, when
    /// `probeUTF8`, whether it is UTF-8 (a two-byte character, then a cursor position report).
    /// A device-attributes query goes last: every terminal answers it, so its answer ends the
    /// wait early; otherwise the wait ends after `timeout` milliseconds. Everything read is
    /// consumed here, so no answer is left in the input for the explorer to take as keys.
    public static func ask(background: Bool, probeUTF8: Bool, timeout: Int = 150) -> TerminalAnswers {
        send(background: background, probeUTF8: probeUTF8, timeout: timeout)?.answers() ?? TerminalAnswers()
    }

    /// Sends `ask`'s queries and returns at once, so the answers travel while the dossier loads;
    /// their `answers()` then waits only for what has not come yet (the `timeout` counts from
    /// now). Until then the terminal neither echoes the answers nor holds them back for a line;
    /// a stop signal meanwhile puts it back first. Nil when there is nothing to ask.
    public static func send(background: Bool, probeUTF8: Bool, timeout: Int = 150) -> PendingAnswers? {
        guard background || probeUTF8, isatty(0) == 1, isatty(1) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        PendingAnswers.holdStopSignals(restoring: saved)
        guard tcsetattr(0, TCSANOW, &raw) == 0 else {
            PendingAnswers.releaseStopSignals()
            return nil
        }
        var query = ""
        if probeUTF8 { query += "\r\u{E9}\u{1B}[6n\r   \r" }
        if background { query += "\u{1B}]11;?\u{1B}\\" }
        query += "\u{1B}[c"
        var bytes = Array(query.utf8)
        bytes.withUnsafeMutableBytes { _ = write(1, $0.baseAddress, $0.count) }
        return PendingAnswers(saved: saved, background: background, probeUTF8: probeUTF8, deadline: milliseconds() + timeout)
    }

    /// Queries sent to the terminal (`send`), their answers not read yet.
    public final class PendingAnswers {
        private var saved: termios
        private let background: Bool, probeUTF8: Bool
        private let deadline: Int
        private var result: TerminalAnswers?

        fileprivate init(saved: termios, background: Bool, probeUTF8: Bool, deadline: Int) {
            self.saved = saved
            self.background = background
            self.probeUTF8 = probeUTF8
            self.deadline = deadline
        }

        /// Never leaves the terminal without its echo, even when nobody asked for the answers.
        deinit { _ = answers() }

        /// Reads the answers (waiting until the device attributes come, or the deadline), then
        /// gives the terminal its modes back. What is already there is read even past the deadline.
        public func answers() -> TerminalAnswers {
            if let result { return result }
            var reply: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 512)
            while reply.count < 65536 {
                var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
                guard poll(&fds, 1, Int32(max(0, deadline - Terminal.milliseconds()))) > 0 else { break }
                let count = read(0, &buffer, buffer.count)
                guard count > 0 else { break }
                reply += buffer[0..<count]
                if Terminal.deviceAttributesAnswered(reply) { break }
            }
            tcsetattr(0, TCSANOW, &saved)
            PendingAnswers.releaseStopSignals()
            var answers = TerminalAnswers()
            if background, reply.contains(0x5D) { answers.osc11 = reply }
            if probeUTF8, let column = TerminalReplies.cursorColumn(in: reply) { answers.utf8 = column == 2 }
            result = answers
            return answers
        }

        private static let stopSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

        /// While the answers are awaited, a stop signal first gives the terminal its modes back
        /// (`tcsetattr` may be called in a handler), then does what it did before.
        fileprivate static func holdStopSignals(restoring modes: termios) {
            savedModes = modes
            for number in stopSignals {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { received in
                    _ = tcsetattr(0, TCSANOW, &savedModes)
                    if received >= 0 && received < Int32(previousActions.count) {
                        sigaction(received, &previousActions[Int(received)], nil)
                    }
                    raise(received)
                }
                sigemptyset(&action.sa_mask)
                action.sa_flags = 0
                sigaction(number, &action, &previousActions[Int(number)])
            }
        }

        fileprivate static func releaseStopSignals() {
            for number in stopSignals { sigaction(number, &previousActions[Int(number)], nil) }
        }
    }

    /// `ESC [ ? … c`, the answer to a primary device attributes query, is in `bytes`.
    fileprivate static func deviceAttributesAnswered(_ bytes: [UInt8]) -> Bool {
        guard let start = bytes.indices.first(where: { i in
            i + 2 < bytes.count && bytes[i] == 0x1B && bytes[i + 1] == 0x5B && bytes[i + 2] == 0x3F
        }) else { return false }
        return bytes[(start + 3)...].contains(0x63)
    }

    /// Opens the terminal in a theme. Unless `ascii`: the user's locale, but with a UTF-8
    /// character type when the locale is C/POSIX, so accented and wide text never turns into
    /// mojibake. With `ascii` (the terminal is not UTF-8) the locale stays as it is and only
    /// ASCII and line drawing are sent.
    public init(theme: Theme, ascii: Bool = false, escapeDelaySet: Bool, mouse: Bool = false) throws(TerminalError) {
        setlocale(LC_ALL, "")
        if !ascii, String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        Terminal.prepareSignals()
        guard newterm(nil, dossier_stdout(), dossier_stdin()) != nil else { throw .cannotStart }
        cursesOpen = true
        Terminal.captureStandardError()
        Terminal.installFatalSignalHandlers()
        if !escapeDelaySet { set_escdelay(25) }
        cbreak()
        noecho()
        nonl()
        wtimeout(dossier_stdscr(), 100)
        if mouse {
            mousemask(dossier_mouse_mask(), nil)
            mouseinterval(0)
        }
        let strings = TerminalStrings.current()
        self.theme = strings.hasColours ? theme : .mono
        let agrees: (Cell) -> Bool = ascii ? { _ in true } : { Terminal.libcAgrees(with: $0) }
        writer = FrameWriter(strings: strings, theme: self.theme, ascii: ascii, libcAgrees: agrees)
        var restore = ascii ? strings.exitLineDrawing : []
        restore += strings.sgr0 + strings.originalPair + strings.showCursor
        restoreCount = min(restore.count, 256)
        restore.withUnsafeBufferPointer { restoreBytes.update(from: $0.baseAddress!, count: restoreCount) }
        Terminal.chainResizeSignal()
        Terminal.chainStopSignal()
        // ncurses's refresh would poll standard input for typeahead; it only refreshes on the way
        // back from a stop now, but then in one piece
        typeahead(-1)
        // The keypad mode, sent now with what ncurses holds since newterm (the alternate screen):
        // one write before the first frame, none at the first read.
        keypad(dossier_stdscr(), true)
    }

    deinit { close() }

    /// Restores the terminal. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        cursesOpen = false
        writeRestoreBytes()
        endwin()
        releaseStandardError()
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(dossier_stdscr())), Int(getmaxy(dossier_stdscr())))
    }

    /// The signal that asked us to stop, if one arrived (SIGINT, SIGTERM, SIGHUP).
    public var stopSignal: Int32? { pendingSignal == 0 ? nil : pendingSignal }

    /// Paints a grid, sending only the cells that changed since the last one, in one write().
    public func draw(_ grid: Grid) {
        Terminal.writeAll(writer.frame(grid))
    }

    /// Writes all of `bytes` to standard output in as few calls as the terminal takes (one, unless
    /// it takes part of them), through interruptions and a non-blocking descriptor.
    static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard var next = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let count = write(1, next, left)
                if count > 0 {
                    next += count
                    left -= count
                } else if count < 0 && errno == EINTR {
                    continue
                } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    var fds = pollfd(fd: 1, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&fds, 1, 1000)
                } else {
                    return // the terminal is gone: the loop hears of it as a hang-up
                }
            }
        }
    }

    /// Puts text on the clipboard of the terminal (and of tmux with `set-clipboard on`, and over
    /// SSH) with the OSC 52 sequence. The text is ours (a citation), base64-encoded, so nothing
    /// in it can act on the terminal.
    public func copyToClipboard(_ text: String) {
        let sequence = "\u{1B}]52;c;" + Base64.encode(Array(text.utf8)) + "\u{07}"
        Terminal.writeAll(Array(sequence.utf8))
    }

    /// Forgets what is on screen, so the next draw repaints everything (after Ctrl-L or a resume).
    public func invalidate() {
        writer.invalidate()
    }

    /// Waits for a key, without a time-out: what ncurses holds already comes first; otherwise it
    /// blocks until standard input has something or the wake pipe is written (a signal, the search
    /// index). Nil when woken without a key; `.unknown` for what we do not use.
    public func readKey() -> Key? {
        let screen = dossier_stdscr()
        var value: wint_t = 0
        // put-back keys, the rest of a burst, a resize ncurses has noted
        wtimeout(screen, 0)
        var result = Terminal.nextCharacter(screen, &value)
        if result == ERR {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, wakeRead >= 0 ? 2 : 1, -1)
            if wakeRead >= 0, fds[1].revents != 0 { Terminal.drainWakePipe() }
            let input = ready > 0 && fds[0].revents != 0
            // woken without input (a signal, the index): only a resize ncurses noted is read
            wtimeout(screen, input ? 100 : 0)
            let start = Terminal.milliseconds()
            result = Terminal.nextCharacter(screen, &value)
            if result == ERR {
                if input {
                    // input ready yet ERR at once, again and again: standard input is gone (a
                    // hang-up); stop rather than spin
                    immediateErrors = Terminal.milliseconds() - start < 5 ? immediateErrors + 1 : 0
                    if immediateErrors > 50 { pendingSignal = SIGHUP }
                }
                return nil
            }
        }
        immediateErrors = 0
        if result == KEY_CODE_YES {
            // the terminal may have reflowed or cleared the screen: the next frame repaints it
            if Int32(value) == KEY_RESIZE { writer.invalidate() }
            return Terminal.key(code: Int32(value))
        }
        if value == 27, dropTerminalReply() { return .unknown }
        return Terminal.key(character: UInt32(value))
    }

    /// After an ESC that ncurses did not match to a key: when what follows is a control sequence
    /// (a cursor report, an OSC answer, device attributes, a key ncurses does not know), reads it
    /// whole and drops it, so none of its characters become keys (its digits a count); true then.
    /// Otherwise puts back what it read (ESC was the Escape key, or Alt with a key) and says false.
    private func dropTerminalReply() -> Bool {
        let screen = dossier_stdscr()
        var after: [UInt32] = []
        var specials: [Int32] = []
        wtimeout(screen, 0)
        while after.count < 512 {
            var next: wint_t = 0
            let result = Terminal.nextCharacter(screen, &next)
            if result == ERR {
                // a reply may still be arriving: wait a little once it has begun
                guard case .incomplete = TerminalReplies.scan(after), !after.isEmpty else { break }
                wtimeout(screen, 30)
                let retry = Terminal.nextCharacter(screen, &next)
                wtimeout(screen, 0)
                if retry == ERR { break }
                if retry == KEY_CODE_YES { specials.append(Int32(next)); break }
            } else if result == KEY_CODE_YES {
                specials.append(Int32(next))
                break
            }
            after.append(UInt32(next))
            switch TerminalReplies.scan(after) {
            case .sequence(let length):
                // anything read past the sequence goes back
                putBack(after[length...], specials)
                return true
            case .incomplete: continue
            case .notASequence:
                putBack(after[...], specials)
                return false
            }
        }
        if case .incomplete = TerminalReplies.scan(after), !after.isEmpty {
            putBack([], specials)
            return true // the start of a reply whose end never came: dropped too
        }
        putBack(after[...], specials)
        return false
    }

    /// `wget_wch`, with ncurses's window marked untouched first: it refreshes a touched window
    /// before it reads (after a resize it would paint its own blank window over our frame).
    private static func nextCharacter(_ screen: UnsafeMutablePointer<WINDOW>?, _ value: inout wint_t) -> Int32 {
        untouchwin(screen)
        return wget_wch(screen, &value)
    }

    /// ncurses reads back what is put back last first: the keys read last go back first.
    private func putBack(_ scalars: ArraySlice<UInt32>, _ specials: [Int32]) {
        for code in specials.reversed() { ungetch(code) }
        for scalar in scalars.reversed() { unget_wch(wchar_t(bitPattern: scalar)) }
    }

    /// Ends a wait in `readEvent` from any thread (the search index is built).
    public var wakeUp: @Sendable () -> Void { { wakeKeyLoop() } }

    /// Empties the wake pipe (its bytes only say "look again").
    private static func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }

    /// A key, or news that the process was continued after a stop.
    public func readEvent() -> TerminalEvent? {
        if pendingResume {
            pendingResume = false
            // ncurses re-entered the program mode but sends the keypad mode only at the next
            // read: send it now, before the repaint
            keypad(dossier_stdscr(), true)
            writer.invalidate()
            return .resumed
        }
        return readKey().map(TerminalEvent.key)
    }

    static func key(code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return .unknown }
            let kind: MouseEvent.Kind
            if dossier_is_wheel_up(event.bstate) != 0 { kind = .wheelUp }
            else if dossier_is_wheel_down(event.bstate) != 0 { kind = .wheelDown }
            else if dossier_is_click(event.bstate) != 0 { kind = .click }
            else { return .unknown }
            return .mouse(MouseEvent(kind: kind, row: Int(event.y), column: Int(event.x)))
        case KEY_RESIZE:
            return .resize(width: Int(getmaxx(dossier_stdscr())), height: Int(getmaxy(dossier_stdscr())))
        default:
            let f0 = dossier_key_f0()
            if code > f0 && code <= f0 + 63 { return .function(Int(code - f0)) }
            return .unknown
        }
    }

    static func key(character: UInt32) -> Key {
        switch character {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(character + 96)!))
        case 0, 28...31: return .unknown
        default:
            guard let scalar = Unicode.Scalar(character), !Sanitizer.isControl(scalar) else { return .unknown }
            return .character(Character(scalar))
        }
    }

    /// Our handlers for the stop signals are installed before ncurses starts, so ncurses keeps
    /// them (it only installs its own where the default is in place); they set a flag and wake the
    /// key loop, which restores the terminal. Signals a parent may have blocked are unblocked.
    private static func prepareSignals() {
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
    private static func chainResizeSignal() {
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
    private static func chainStopSignal() {
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
    private static func captureStandardError() {
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
    private static func installFatalSignalHandlers() {
        for number in fatalSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = fatalSignalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, &previousFatalActions[Int(number)])
        }
    }

    /// glibc's `wcwidth`, looked up at run time (Glibc does not export it to Swift).
    nonisolated(unsafe) private static let wcwidth: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// Whether the C library gives the cell's text the width the grid gave it. ASCII is always fine.
    static func libcAgrees(with cell: Cell) -> Bool {
        if cell.width == 1, let byte = cell.singleByte, byte < 0x7F { return true }
        let scalars = cell.text.unicodeScalars
        guard let wcwidth else { return true }
        var total: Int32 = 0
        for scalar in scalars.prefix(4) {
            let width = wcwidth(Int32(bitPattern: scalar.value))
            guard width >= 0 else { return false }
            total += width
        }
        return Int(total) == Int(cell.width)
    }

    static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}

/// Standard base64 (RFC 4648), for OSC 52; no Foundation on this path.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Installs a plain signal handler (no flags, nothing masked while it runs).
private func installHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(signal, &action, nil)
}
