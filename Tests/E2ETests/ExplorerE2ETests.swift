import Foundation
import Testing

/// The real binary in a real terminal (tmux): what golden screens cannot prove — ncurses setup,
/// keys as a terminal sends them, resize signals, and the terminal restored on every exit.
@Suite(.serialized, .enabled(if: Tmux.available), .e2eTimeLimit)
struct ExplorerE2ETests {
    @Test func navigatesOpensHelpResizesAndQuits() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary)
        var screen = try tmux.waitFor(text: "[2 Timeline]")
        #expect(screen.contains("Timeline › Conseil d’État refuses to suspend"), "opens on the focal event")
        #expect(try tmux.value("#{alternate_on}") == "1")

        // next event, then follow a link from the detail and come back
        try tmux.keys("j")
        screen = try tmux.waitFor(text: "Timeline 59/")
        try tmux.keys("1")
        screen = try tmux.waitFor(text: "[1 Parties]")
        try tmux.keys("Enter", "Enter")
        screen = try tmux.waitFor(text: "Clever Cloud → Timeline ›")
        try tmux.keys("BSpace")
        screen = try tmux.waitFor(text: "[1 Parties]")

        // help overlay, generated from the keymap
        try tmux.keys("?")
        screen = try tmux.waitFor(text: "Help — ? or Esc closes")
        try tmux.keys("Escape")
        screen = try tmux.waitFor("help closed") { !$0.contains("Help — ? or Esc closes") }

        // goto date and year jumps
        try tmux.keys("t")
        try tmux.literal("2020-07-16")
        try tmux.keys("Enter")
        screen = try tmux.waitFor(text: "Timeline › Schrems II")
        try tmux.keys("J")
        screen = try tmux.waitFor("next year") { $0.contains("Timeline › ") && !$0.contains("Timeline › Schrems II") }

        // resize: the layout follows (the detail moves below the list under 100 columns)
        try tmux.run(["resize-window", "-t", "e2e", "-x", "80", "-y", "24"])
        screen = try tmux.waitFor("80-column layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 3 && lines[2].hasPrefix("╔") && lines[2].hasSuffix("╗") && lines[2].count == 80
        }
        try tmux.run(["resize-window", "-t", "e2e", "-x", "30", "-y", "8"])
        screen = try tmux.waitFor(text: "too small")
        try tmux.run(["resize-window", "-t", "e2e", "-x", "120", "-y", "40"])
        screen = try tmux.waitFor(text: "[2 Timeline]")

        try tmux.keys("q")
        screen = try tmux.waitFor(text: "EXIT=0")
        #expect(try tmux.value("#{alternate_on}") == "0", "the terminal is restored")
    }

    @Test func speaksFrenchWithTheLocaleAndSwitchesLive() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary, width: 100, height: 30, environment: "LANG=fr_FR.UTF-8")
        var screen = try tmux.waitFor(text: "[2 Chronologie]")
        #expect(screen.contains("Détail"))
        try tmux.keys("L")
        screen = try tmux.waitFor(text: "[2 Timeline]")
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }

    @Test func restoresTheTerminalOnSignals() throws {
        for (signal, status) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
            let tmux = Tmux()
            try tmux.start(Tmux.binary, width: 80, height: 24)
            _ = try tmux.waitFor(text: "[2 Timeline]")
            // the pane's shell runs `env … dossier` (env execs dossier): signal its child
            let shell = try #require(Int32(try tmux.value("#{pane_pid}")))
            let app = try #require(Tmux.childProcess(of: shell), "no dossier process under the pane's shell")
            kill(app, signal == "TERM" ? SIGTERM : signal == "INT" ? SIGINT : SIGHUP)
            _ = try tmux.waitFor(text: "EXIT=\(status)")
            #expect(try tmux.value("#{alternate_on}") == "0", "SIG\(signal) leaves the terminal restored")
        }
    }

    @Test func refusesADumbTerminalWithAClearMessage() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary, width: 100, height: 10, environment: "LANG=C.UTF-8 TERM=dumb")
        let screen = try tmux.waitFor(text: "EXIT=2")
        #expect(screen.contains("TERM=dumb cannot move the cursor"))
    }

    @Test func worksInTheCLocaleAndWithoutColour() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary + " --no-color", width: 80, height: 24, environment: "LC_ALL=C NO_COLOR=1")
        let screen = try tmux.waitFor(text: "[2 Timeline]")
        // LC_ALL=C says the terminal is not UTF-8: ASCII, accents dropped, lines by the terminal
        #expect(screen.contains("Conseil d'Etat"), "accented text is transliterated under LC_ALL=C")
        #expect(screen.unicodeScalars.allSatisfy { $0.value < 0x80 }, "nothing but ASCII on screen")
        #expect(screen.contains("Not a UTF-8 terminal"), "and the status bar says so")
        let styled = try tmux.run(["capture-pane", "-p", "-e", "-t", "e2e"]).output
        let colour = try NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*(3[0-7]|38;5;[0-9]+)m")
        #expect(colour.firstMatch(in: styled, range: NSRange(styled.startIndex..., in: styled)) == nil, "no foreground colours under NO_COLOR")
        #expect(styled.contains("\u{1B}[7m"), "the selection is still reverse video")
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }

    @Test func searchesFiltersZoomsToursAndCopiesACitation() throws {
        let tmux = Tmux()
        try tmux.run(["start-server", ";", "set-option", "-s", "exit-empty", "off"])  // an empty server exits, maybe under the next new-session
        try tmux.start(Tmux.binary, width: 160, height: 50)
        try tmux.run(["set-option", "-s", "set-clipboard", "on"])
        _ = try tmux.waitFor(text: "[2 Timeline]")

        try tmux.keys("/")
        try tmux.literal("max schrems")
        _ = try tmux.waitFor(text: "Parties › Max Schrems")
        try tmux.keys("Enter")
        _ = try tmux.waitFor(text: "Match 1 of")
        try tmux.keys("n")
        _ = try tmux.waitFor(text: "Match 2 of")

        try tmux.keys("2", "f")
        try tmux.literal("kind:ruling")
        try tmux.keys("Enter")
        var screen = try tmux.waitFor(text: "filter: kind:ruling")
        #expect(!screen.contains("filing  "), "only rulings are listed")
        try tmux.keys("Escape")
        _ = try tmux.waitFor("filter cleared") { !$0.contains("filter: kind:ruling") }

        try tmux.keys("-", "-")
        screen = try tmux.waitFor(text: "zoom: years")
        #expect(screen.contains("events"))
        try tmux.keys("+", "+", "H")
        _ = try tmux.waitFor(text: "Timeline › Conseil d’État refuses to suspend")

        try tmux.keys("y")
        screen = try tmux.waitFor(text: "Citation sent to the terminal’s clipboard")
        #expect(
            screen.contains("\nConseil d’État, interim relief order of 22 March 2024, Société Clever Cloud and others, No. 492369"),
            "the citation is shown from the first column, to select")
        let buffer = try tmux.run(["show-buffer"]).output
        #expect(
            buffer.hasPrefix("Conseil d’État, interim relief order of 22 March 2024, Société Clever Cloud and others, No. 492369"),
            "OSC 52 reached tmux: \(buffer)")
        #expect(buffer.contains("https://"))
        try tmux.keys("q")
        _ = try tmux.waitFor("citation closed by q") { !$0.contains("Citation — select it") && $0.contains("[2 Timeline]") }

        try tmux.keys("T")
        _ = try tmux.waitFor(text: "Tour 1/")
        try tmux.keys("Right")
        _ = try tmux.waitFor(text: "Tour 2/")
        try tmux.keys("Escape")
        _ = try tmux.waitFor("tour closed") { !$0.contains("Tour 2/") }

        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }

    @Test func browseOpensWhereAsked() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary + " browse --at schrems-ii --lang fr", width: 80, height: 24)
        _ = try tmux.waitFor(text: "Schrems II")
        let screen = try tmux.screen()
        #expect(screen.contains("[2 Chronologie]"))
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }

    /// `--mouse`: tmux delivers the terminal's mouse reports (X10 form: ESC [ M, then button,
    /// column and row, each plus 32) like typed bytes; ncurses turns them into mouse events.
    @Test func takesClicksAndTheWheelWithMouse() throws {
        func report(button: Int, column: Int, row: Int) -> String {
            "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + column))) + String(UnicodeScalar(UInt8(33 + row)))
        }
        let tmux = Tmux()
        try tmux.start(Tmux.binary + " --mouse", width: 120, height: 40)
        _ = try tmux.waitFor(text: "[2 Timeline]")
        // a click is a press (button 0) then a release (button 3)
        try tmux.literal(report(button: 0, column: 4, row: 1) + report(button: 3, column: 4, row: 1))  // first tab
        _ = try tmux.waitFor(text: "[1 Parties]")
        try tmux.literal(report(button: 0, column: 5, row: 5) + report(button: 3, column: 5, row: 5))  // second party
        _ = try tmux.waitFor(text: "Parties 2/")
        try tmux.literal(report(button: 65, column: 5, row: 5))  // wheel down: three rows on
        _ = try tmux.waitFor(text: "Parties 5/")
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }
}
