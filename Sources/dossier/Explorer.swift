import DossierCore
import DossierTerminal
import DossierUI

/// The thin shell around the pure UI: it opens the ncurses terminal and runs the explorer's loop
/// on it.
enum Explorer {
    /// Runs the explorer until `q` or a stop signal; returns the exit status.
    /// `monochrome`: NO_COLOR or --no-color; `theme`: what --theme or DOSSIER_THEME asked for.
    /// What the explorer asks the terminal before it opens, and whether the locale is UTF-8.
    private struct Questions {
        var localeUTF8: Bool, probeUTF8: Bool, background: Bool

        init(choice: ThemeChoice, monochrome: Bool, environment: [String: String]) {
            // the character set from the locale; when no locale is set at all, from the terminal
            localeUTF8 = Terminal.localeIsUTF8() || TerminalReplies.localeNamesUTF8(environment) == true
            probeUTF8 = !localeUTF8 && !TerminalReplies.localeIsSet(environment)
            background = !monochrome && choice == .auto
        }
    }

    /// Sends the explorer's questions to the terminal now, so that the answers travel while the
    /// dossier loads (`run` reads them); nil when there is nothing to ask or the terminal cannot
    /// run the explorer (`run` then says why).
    static func ask(theme choice: ThemeChoice, monochrome: Bool, environment: [String: String]) -> Terminal.PendingAnswers? {
        guard (try? Terminal.preflight(term: environment["TERM"])) != nil else { return nil }
        let questions = Questions(choice: choice, monochrome: monochrome, environment: environment)
        return Terminal.send(background: questions.background, probeUTF8: questions.probeUTF8)
    }

    /// `asked`: the questions `ask` sent with the same theme, monochrome and environment.
    static func run(
        store: DossierStore, lang: Language, theme choice: ThemeChoice, monochrome: Bool,
        environment: [String: String], mouse: Bool = false, at start: String? = nil,
        asked: Terminal.PendingAnswers? = nil
    ) -> Int32 {
        if asked == nil {
            do {
                try Terminal.preflight(term: environment["TERM"])
            } catch {
                printError("dossier: \(error.message)")
                printError("dossier: use a terminal such as xterm-256color, or a command such as `dossier timeline` for plain output")
                return 2
            }
        }
        let questions = Questions(choice: choice, monochrome: monochrome, environment: environment)
        let localeUTF8 = questions.localeUTF8, probeUTF8 = questions.probeUTF8
        let answers = asked?.answers() ?? Terminal.ask(background: questions.background, probeUTF8: probeUTF8)
        let ascii = !localeUTF8 && (probeUTF8 ? answers.utf8 == false : true)
        let theme = TerminalReplies.theme(
            choice: choice, monochrome: monochrome, osc11: answers.osc11,
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
        var state = AppState(
            store: store, lang: lang, width: size.width, height: size.height,
            mouse: mouse, notice: ascii ? UIText.asciiNotice.text : nil)
        if let start { state.open(at: start) }
        var loop = ExplorerLoop(backend: terminal, state: state)
        return loop.run()
    }
}
