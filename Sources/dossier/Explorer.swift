import DossierCore
import DossierTerminal
import DossierUI

/// The thin shell around the pure UI: keys in, actions through the reducer, effects performed,
/// grids out.
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
        func draw() {
            let frame = ScreenView.frame(state)
            terminal.draw(frame.grid)
            state.reduce(.drawn(frame.regions))
        }
        /// The exit status when an effect ends the explorer.
        func perform(_ effects: [Effect]) -> Int32? {
            for effect in effects {
                switch effect {
                case .copyToClipboard(let text): terminal.copyToClipboard(text)
                case .quit(let status): return status
                case .fullRedraw: terminal.invalidate()
                case .buildSearchIndex: store.prepareSearchIndexInBackground()
                case .waitForSearchIndex(let action):
                    _ = store.searchIndex // waits for the background build
                    if let status = perform(state.reduce(.searchIndexReady)) { return status }
                    if let status = perform(state.reduce(action)) { return status }
                }
            }
            return nil
        }
        draw()
        if let status = perform(state.reduce(.started)) { return status }
        while true {
            if let signal = terminal.stopSignal {
                terminal.close()
                return 128 + signal
            }
            guard let key = terminal.readKey() else { continue }
            if let status = perform(state.handle(key)) { return status }
            draw()
        }
    }
}
