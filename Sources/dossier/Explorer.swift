import DossierCore
import DossierTerminal
import DossierUI

/// The thin shell around the pure UI: it opens the ncurses terminal and runs the explorer's loop
/// on it.
enum Explorer {
    /// Runs the explorer until `q` or a stop signal; returns the exit status.
    /// `monochrome`: NO_COLOR or --no-color; `theme`: what --theme or DOSSIER_THEME asked for.
    static func run(store: DossierStore, lang: Language, theme choice: ThemeChoice, monochrome: Bool,
                    environment: [String: String], mouse: Bool = false, at start: String? = nil) -> Int32 {
        do {
            try Terminal.preflight(term: environment["TERM"])
        } catch {
            printError("dossier: \(error.message)")
            printError("dossier: use a terminal such as xterm-256color, or a command such as `dossier timeline` for plain output")
            return 2
        }
        // the character set from the locale; when no locale is set at all, from the terminal
        let localeUTF8 = Terminal.localeIsUTF8() || TerminalReplies.localeNamesUTF8(environment) == true
        let probeUTF8 = !localeUTF8 && !TerminalReplies.localeIsSet(environment)
        let askBackground = !monochrome && choice == .auto
        let answers = Terminal.ask(background: askBackground, probeUTF8: probeUTF8)
        let ascii = !localeUTF8 && (probeUTF8 ? answers.utf8 == false : true)
        let theme = TerminalReplies.theme(choice: choice, monochrome: monochrome, osc11: answers.osc11,
                                          colorfgbg: environment["COLORFGBG"])
        let terminal: Terminal
        do {
            terminal = try Terminal(theme: theme, ascii: ascii, escapeDelaySet: environment["ESCDELAY"] != nil, mouse: mouse)
        } catch {
            printError("dossier: \(error.message)")
            return 2
        }
        defer { terminal.close() }
        let size = terminal.size
        var state = AppState(store: store, lang: lang, width: size.width, height: size.height)
        state.mouseEnabled = mouse
        if ascii { state.message = UIText.asciiNotice.text }
        if let start { state.open(at: start) }
        var loop = ExplorerLoop(backend: terminal, state: state)
        return loop.run()
    }
}
