import Foundation
import Testing

/// The explorer under a locale that is not UTF-8 (LC_ALL=C), as in an xterm started without
/// UTF-8: everything it writes is ASCII (line drawing goes through the terminal's alternate
/// character set, ASCII bytes too), it says how to force UTF-8, and terminal replies arriving as
/// input (cursor reports, OSC answers, device attributes) never act as keys or make a count.
@Suite(.serialized, .enabled(if: Tmux.available), .e2eTimeLimit)
struct NonUTF8E2ETests {
    @Test func writesOnlyASCIIAndIgnoresTerminalReplies() throws {
        let tmux = Tmux()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-ascii-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let go = directory.appendingPathComponent("go").path
        let captured = directory.appendingPathComponent("output").path
        // the explorer starts once the pane's output is being captured
        try tmux.start(
            "sh -c 'while [ ! -e \(go) ]; do sleep 0.02; done; exec \(Tmux.binary)'",
            width: 120, height: 34, environment: "LC_ALL=C LANG=C")
        try tmux.run(["pipe-pane", "-O", "-t", "e2e", "cat > \(captured)"])
        FileManager.default.createFile(atPath: go, contents: Data())

        var screen = try tmux.waitFor(text: "[2 Timeline]")
        screen = try tmux.waitFor(text: "Not a UTF-8 terminal: drawing ASCII (LC_ALL=C.UTF-8 forces UTF-8)")
        #expect(screen.contains("Conseil d'Etat"), "accents transliterated, the apostrophe in ASCII")
        let start = try #require(position(in: screen))

        // replies a terminal sends, arriving as input; then the user's own k
        for reply in ["\u{1B}[56;87R", "\u{1B}[?64;1;2;6;22c", "\u{1B}]11;rgb:0000/0000/0000\u{1B}\\", "\u{1B}[9999;9999R"] {
            try tmux.run(["send-keys", "-t", "e2e", "-H"] + reply.utf8.map { String(format: "%02x", $0) })
        }
        try tmux.keys("k")
        screen = try tmux.waitFor("one event up") { position(in: $0) == start - 1 }
        let status = screen.split(separator: "\n").last(where: { $0.contains("Timeline") }).map(String.init) ?? ""
        #expect(!status.contains("9999") && !status.contains("│ 56"), "no count appeared unasked: \(status)")

        try tmux.keys("q")
        screen = try tmux.waitFor(text: "EXIT=0")
        let bytes = try #require(FileManager.default.contents(atPath: captured))
        #expect(bytes.count > 1000, "the explorer's output was captured")
        let high = bytes.enumerated().filter { $0.element >= 0x80 }
        #expect(high.isEmpty, "\(high.count) bytes ≥ 0x80, first at \(high.first?.offset ?? -1)")
    }

    /// No locale at all (common in containers): the terminal is asked, and tmux, a UTF-8
    /// terminal, keeps the explorer in UTF-8.
    @Test func withoutALocaleAUTF8TerminalStaysUTF8() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary, width: 100, height: 30, environment: "-u LANG -u LC_ALL -u LC_CTYPE TERM=xterm-256color")
        let screen = try tmux.waitFor(text: "[2 Timeline]")
        #expect(screen.contains("Conseil d’État"), "accents and typographic apostrophes kept")
        #expect(screen.contains("╔") || screen.contains("┌"), "box drawing kept")
        #expect(!screen.contains("Not a UTF-8 terminal"))
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }

    /// "Timeline 57/87" in the status bar: 57.
    private func position(in screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").last(where: { $0.hasPrefix(" Timeline ") }) else { return nil }
        let digits = line.dropFirst(" Timeline ".count).prefix { $0.isNumber }
        return Int(digits)
    }
}
