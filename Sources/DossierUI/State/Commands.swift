import DossierCore

/// A line of the `:` prompt: the command's name and the rest of the line.
struct Command {
    static let names = ["filter", "goto", "help", "lang", "quit", "search", "tour", "zoom"]

    var name: String
    var argument: String

    static func parse(_ line: String) -> Command? {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return nil }
        return Command(name: name, argument: parts.count > 1 ? parts[1].trimmingSpaces() : "")
    }
}

extension AppState {
    /// `:goto 2020-07-16`, `:goto schrems-ii`, `:lang fr`, `:filter …`, `:search …`, `:zoom years`, `:tour`, `:help`, `:quit`.
    mutating func runCommand(_ line: String) -> [Effect] {
        guard let command = Command.parse(line) else { return [] }
        let argument = command.argument
        switch command.name {
        case "goto", "g":
            if let date = DossierDate(argument) { gotoDate(date) }
            else if let ref = store.ref(argument), Pane.showing(ref.kind) != nil { navigate(to: ref, remember: true) }
            else { message = UIText.gotoUsage.text }
        case "lang":
            if let language = Language(rawValue: argument) { lang = language }
            else { message = UIText.langUsage.text }
        case "filter":
            prompt = Prompt(kind: .filter, input: argument)
            return submitPrompt()
        case "search":
            prompt = Prompt(kind: .search, input: argument, origin: currentLocation)
            return submitPrompt()
        case "zoom":
            if let level = Zoom.allCases.first(where: { $0.label.en == argument || $0.label.fr == argument }) {
                if pane != .timeline { pane = .timeline }
                rebuild(.timeline, zoom: level)
            } else {
                message = UIText.zoomUsage.text
            }
        case "tour": showTourStep(0)
        case "help": overlay = .help(scroll: 0)
        case "quit", "q": return [.quit(status: 0)]
        default:
            message = UIText.unknownCommand(command.name)
        }
        return []
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
