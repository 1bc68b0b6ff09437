import DossierCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The key-and-signal storm: in each round the explorer gets random bytes with escape fragments,
/// resizes and harmless signals, then one signal that ends it, drawn from every catchable one;
/// after each the terminal must be restored (normal screen, echo back) and the status be the
/// signal's. The test suite runs a few rounds (seconds); `DOSSIER_STORM_SECONDS=300 swift test
/// --filter SignalStorm` runs rounds for five minutes.
@Suite(.serialized, .enabled(if: Tmux.available), .e2eTimeLimit)
struct SignalStormE2ETests {
    static let ending: [Int32] =
        [
            SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU, SIGXFSZ,
            SIGSYS, SIGPROF, SIGVTALRM, SIGPOLL, SIGSTKFLT, SIGPWR, SIGABRT, SIGSEGV, SIGBUS, SIGFPE,
            SIGILL, SIGTRAP,
        ] + Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
    static let harmless: [Int32] = [SIGWINCH, SIGCONT, SIGCHLD, SIGURG]
    static let fragments: [[UInt8]] = [
        "\u{1B}", "\u{1B}[", "\u{1B}[1;", "\u{1B}[?6", "\u{1B}]11;rgb:", "\u{1B}P", "\u{1B}O",
        "\u{1B}[<0;12;5M", "\u{1B}[200~", "\u{1B}[201~", "\u{1B}[99999999999999999999;1R",
        "\u{1B}[6n", "\u{7}", "\u{1B}\\",
    ].map { Array($0.utf8) }

    @Test func everySignalAmidAKeyStormLeavesTheTerminalRestored() throws {
        let seconds = Double(ProcessInfo.processInfo.environment["DOSSIER_STORM_SECONDS"] ?? "") ?? 0
        let deadline = Date().addingTimeInterval(seconds)
        var rng = SplitMix64(seed: 0x5707_2025)  // fixed: a failure can be replayed
        var rounds = 0
        // Ctrl-C, Ctrl-Z, Ctrl-\ and q would end or stop the round before its signal
        let excluded: Set<UInt8> = [0x03, 0x1A, 0x1C, UInt8(ascii: "q")]
        repeat {
            let signal = Self.ending.randomElement(using: &rng)!
            let tmux = Tmux()
            let report = "echo EXIT=$?; stty -a | grep -q -- ' -echo ' && echo ECHO=off || echo ECHO=on"
            try tmux.startLine("ulimit -c 0; env LANG=C.UTF-8 SWIFT_BACKTRACE=enable=no \(Tmux.binary); \(report)")
            _ = try tmux.waitFor(text: "[2 Timeline]")
            let pid = try tmux.appPID()
            for _ in 0..<Int.random(in: 3...8, using: &rng) {
                var batch: [UInt8] = []
                while batch.count < 12 {
                    if Bool.random(using: &rng) {
                        batch += Self.fragments.randomElement(using: &rng)!
                    } else {
                        let byte = UInt8.random(in: 0...255, using: &rng)
                        if !excluded.contains(byte) { batch.append(byte) }
                    }
                }
                try tmux.run(["send-keys", "-t", "e2e", "-H"] + batch.map { String(format: "%02x", $0) })
                if Int.random(in: 0..<3, using: &rng) == 0 {
                    try tmux.run([
                        "resize-window", "-t", "e2e", "-x", "\(Int.random(in: 10...160, using: &rng))",
                        "-y", "\(Int.random(in: 3...50, using: &rng))",
                    ])
                }
                kill(pid, Self.harmless.randomElement(using: &rng)!)
            }
            try tmux.run(["resize-window", "-t", "e2e", "-x", "100", "-y", "30"])
            print("signal storm: round \(rounds), signal \(signal)")
            kill(pid, signal)
            let screen = try tmux.waitFor(text: "ECHO=")
            let sanitized = screen.contains("AddressSanitizer")
            #expect(screen.contains("EXIT=\(128 + signal)") || sanitized, "round \(rounds), signal \(signal):\n\(screen)")
            #expect(screen.contains("ECHO=on"), "round \(rounds), signal \(signal): echo restored")
            #expect(try tmux.value("#{alternate_on}") == "0", "round \(rounds), signal \(signal): normal screen")
            rounds += 1
        } while rounds < 4 || Date() < deadline
        print("signal storm: \(rounds) rounds")
    }
}
