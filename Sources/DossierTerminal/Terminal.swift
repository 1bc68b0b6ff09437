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

/// The only code that talks to ncurses: it opens and restores the terminal and reads keys.
/// Frames do not go through ncurses: `FrameWriter` turns each grid into the terminal's own
/// control strings and text, written in one `write()`. ncurses never paints (its window is kept
/// untouched), so it never sends a byte between frames.
public final class Terminal: TerminalBackend {
    var writer: FrameWriter
    /// The theme painted in: mono when the terminal has no colours.
    public let theme: Theme
    private var closed = false
    var immediateErrors = 0
    /// The characters after ESC of a terminal reply whose end has not come yet (`readKey`).
    var unfinishedReply: [UInt32]?
    /// No terminal reply is longer (an OSC 11 answer is about 30).
    static let longestReply = 512

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
        // the terminal's own size (TIOCGWINSZ), not COLUMNS and LINES, which anyone can set to
        // 6000×4000 (gigabytes of frame) and which go stale after a resize
        use_env(true)
        use_tioctl(true)
        guard newterm(nil, dossier_stdout(), dossier_stdin()) != nil else { throw .cannotStart }
        cursesOpen = true
        Terminal.captureStandardError()
        Terminal.installFatalSignalHandlers()
        if !escapeDelaySet { set_escdelay(25) }
        cbreak()
        noecho()
        nonl()
        Terminal.disableFlowControl()
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

    /// Ctrl-S would freeze the explorer's output (and so every signal's restore) until Ctrl-Q:
    /// flow control is off while it runs. ncurses takes the modes as its program mode, so a
    /// resume after Ctrl-Z keeps it off, and `endwin` gives back the shell's, flow control included.
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(0, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON | IXOFF)
        guard tcsetattr(0, TCSANOW, &modes) == 0 else { return }
        def_prog_mode()
    }

    /// Restores the terminal. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        cursesOpen = false
        writeRestoreBytes()
        endwin()
        releaseStandardError()
        Terminal.handBackTerminatingSignals()
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
                    return  // the terminal is gone: the loop hears of it as a hang-up
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
