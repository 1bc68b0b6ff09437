import DossierCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The second hardening round (issue 25) against the real binary in tmux: terminal replies,
/// signals, flow control, typed-ahead keys.
@Suite(.serialized, .enabled(if: Tmux.available), .e2eTimeLimit)
struct HardeningE2ESecondRoundTests {
    func start(_ tmux: Tmux, _ line: String, width: Int = 100, height: Int = 30) throws {
        try tmux.startLine(line, width: width, height: height)
    }

    func appPID(_ tmux: Tmux) throws -> pid_t { try tmux.appPID() }

    func bytes(_ tmux: Tmux, _ bytes: [UInt8]) throws {
        try tmux.run(["send-keys", "-t", "e2e", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// The tty's modes and the screen after the app ended: `ECHO=on|off` and the exit status.
    static let report = "echo EXIT=$?; stty -a | grep -q -- ' -echo ' && echo ECHO=off || echo ECHO=on"

    /// With no locale set, the explorer asks the terminal where a two-byte character left the
    /// cursor. A forged report with a twenty-digit column, typed ahead of the real one, trapped
    /// (an `Int` overflow, exit 132); now it is no report, the real one is read, the explorer runs.
    @Test func aCursorReportWithTwentyDigitsDoesNotCrashTheProbe() throws {
        let tmux = Tmux()
        // typed while `sleep` runs, so the forged report waits in the tty before the real one
        try start(tmux, "sleep 1.5; env -u LANG -u LC_ALL -u LC_CTYPE \(Tmux.binary); \(Self.report)")
        try bytes(tmux, Array("\u{1B}[1;\(String(repeating: "7", count: 20))R".utf8))
        let screen = try tmux.waitFor("the explorer, or its end") { $0.contains("[2 Timeline]") || $0.contains("EXIT=") }
        #expect(!screen.contains("EXIT="), "\(screen)")
        try tmux.keys("q")
        let after = try tmux.waitFor(text: "ECHO=")
        #expect(after.contains("EXIT=0"), "\(after)")
    }

    /// SIGQUIT (Ctrl-\\), SIGUSR1, SIGALRM, SIGXCPU, a real-time signal: each ends the explorer
    /// with its own status (a core dump, where limits allow, after), the terminal restored first:
    /// normal screen, echo back, the explorer's screen gone.
    @Test(arguments: [SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGPIPE, __libc_current_sigrtmin() + 2])
    func everyTerminatingSignalRestoresTheTerminalFirst(signal: Int32) throws {
        let tmux = Tmux()
        try start(tmux, "ulimit -c 0; env LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no \(Tmux.binary); \(Self.report)")
        _ = try tmux.waitFor(text: "[2 Timeline]")
        if signal == SIGQUIT {
            try bytes(tmux, [0x1C])
        } else {
            kill(try appPID(tmux), signal)
        }
        let screen = try tmux.waitFor(text: "ECHO=")
        #expect(screen.contains("EXIT=\(128 + signal)"), "\(screen)")
        #expect(screen.contains("ECHO=on"), "signal \(signal): the tty's modes are restored")
        #expect(!screen.contains("[2 Timeline]"), "signal \(signal): the explorer's screen is gone")
        #expect(try tmux.value("#{alternate_on}") == "0", "signal \(signal) leaves the normal screen")
    }

    /// Ctrl-S froze the explorer's output (flow control) until Ctrl-Q: now it is a key like any
    /// other, the next keys redraw, and the shell gets its flow control back at the end.
    @Test func ctrlSDoesNotFreezeTheExplorer() throws {
        let tmux = Tmux()
        try start(tmux, "env LANG=C.UTF-8 \(Tmux.binary); echo EXIT=$?; stty -a | grep -q -- ' -ixon' && echo IXON=off || echo IXON=on")
        _ = try tmux.waitFor(text: "[2 Timeline]")
        try bytes(tmux, [0x13])
        try tmux.keys("j")
        _ = try tmux.waitFor("the frame after Ctrl-S then j") { $0.split(separator: "\n").last?.contains("Timeline 59/") == true }
        try tmux.keys("q")
        let screen = try tmux.waitFor(text: "IXON=")
        #expect(screen.contains("EXIT=0"), "\(screen)")
        #expect(screen.contains("IXON=on"), "flow control is the shell's again: \(screen)")
    }

    /// A reply that arrives in two pieces, the second after ncurses and the reply reader gave up
    /// waiting (here 150 ms later), is still one reply: its tail (`5j`, a count and a move) is
    /// dropped with it, never read as keys; the next real `j` moves one line.
    @Test func aReplySplitInTwoIsNeverReadAsKeys() throws {
        let tmux = Tmux()
        try start(tmux, "env LANG=C.UTF-8 \(Tmux.binary); echo EXIT=$?")
        _ = try tmux.waitFor(text: "[2 Timeline]")
        for (head, tail) in [("\u{1B}[1;", "5j"), ("\u{1B}[?6", "5j")] {
            try bytes(tmux, Array(head.utf8))
            usleep(150_000)  // the gap under test: longer than every wait for the rest of a reply
            try bytes(tmux, Array(tail.utf8))
        }
        try tmux.keys("j")
        let screen = try tmux.waitFor("the frame after j") { $0.split(separator: "\n").last?.contains("Timeline ") == true && !$0.contains("Timeline 58/") }
        #expect(screen.split(separator: "\n").last?.contains("Timeline 59/") == true, "only the real j moved: \(screen)")
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }

    /// COLUMNS and LINES say 6000×4000; the terminal says 100×30: the explorer believes the
    /// terminal (ncurses took the variables first, and drew frames of 24 million cells).
    @Test func theTerminalsOwnSizeWinsOverColumnsAndLines() throws {
        let tmux = Tmux()
        try start(tmux, "env LANG=C.UTF-8 COLUMNS=6000 LINES=4000 \(Tmux.binary); echo EXIT=$?")
        let screen = try tmux.waitFor(text: "[2 Timeline]")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("╔") && $0.count == 100 }, "a box spans the 100 columns:\n\(screen)")
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }
}
