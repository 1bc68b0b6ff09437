import Testing

/// The explorer sends its questions to the terminal (background colour, device attributes) before
/// it loads the dossier, so the answers travel meanwhile; whatever happens next, the terminal
/// gets its modes back and the answers never show or act as keys.
@Suite(.serialized, .enabled(if: Tmux.available), .e2eTimeLimit)
struct StartQueriesE2ETests {
    /// A dossier that cannot be loaded, after the questions went out: the error shows, and the
    /// shell gets a terminal that echoes and reads lines again.
    @Test func aLoadErrorLeavesTheTerminalAsItWas() throws {
        let tmux = Tmux()
        try tmux.start("\(Tmux.binary) --data /nonexistent/dossier; echo STATUS=$?; stty -a")
        let screen = try tmux.waitFor(text: "EXIT=0")
        #expect(screen.contains("STATUS=1"), "the load failed: \(screen)")
        let words = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(words.contains("echo") && !words.contains("-echo"), "echo back on: \(screen)")
        #expect(words.contains("icanon") && !words.contains("-icanon"), "lines read whole again: \(screen)")
        #expect(!screen.contains("rgb:") && !screen.contains("[?"), "no answer shown: \(screen)")
    }
}
