@preconcurrency import CNcursesw
import DossierCore
import DossierUI

#if canImport(Glibc)
import Glibc
#endif

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

extension Terminal {
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

        /// Every signal that would end the process meanwhile (SIGKILL aside).
        private static let stopSignals = [SIGINT, SIGTERM, SIGHUP] + terminatingSignals

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
        guard
            let start = bytes.indices.first(where: { i in
                i + 2 < bytes.count && bytes[i] == 0x1B && bytes[i + 1] == 0x5B && bytes[i + 2] == 0x3F
            })
        else { return false }
        return bytes[(start + 3)...].contains(0x63)
    }
}
