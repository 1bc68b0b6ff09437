import DossierCore
import DossierTerminal
import DossierUI

/// The thin shell around the pure UI: it opens the ncurses terminal and runs the explorer's loop
/// on it.
enum Explorer {
    /// Runs the explorer until `q` or a stop signal; returns the exit status.
    static func run(store: DossierStore, lang: Language, colorMode: ColorMode, environment: [String: String],
                    mouse: Bool = false, at start: String? = nil) -> Int32 {
        do {
            try Terminal.preflight(term: environment["TERM"])
        } catch {
            printError("dossier: \(error.message)")
            printError("dossier: use a terminal such as xterm-256color, or a command such as `dossier timeline` for plain output")
            return 2
        }
        let terminal: Terminal
        do {
            terminal = try Terminal(colorMode: colorMode, escapeDelaySet: environment["ESCDELAY"] != nil, mouse: mouse)
        } catch {
            printError("dossier: \(error.message)")
            return 2
        }
        defer { terminal.close() }
        let size = terminal.size
        var state = AppState(store: store, lang: lang, width: size.width, height: size.height)
        state.mouseEnabled = mouse
        if let start { state.open(at: start) }
        var loop = ExplorerLoop(backend: terminal, state: state)
        return loop.run()
    }
}
