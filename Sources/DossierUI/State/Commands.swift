import DossierCore

/// One `:` command: its name (and short aliases), what it takes, what Tab offers after it, and
/// what it does. `PromptCommands.all` is the one table of them: the line's parser, Tab
/// completion and the `:` key's help all read it, so a command is added in one place.
struct PromptCommand: Sendable {
    let name: String
    var aliases: [String] = []
    /// What follows the name, as the help writes it (`DATE|ID`), if anything.
    var argument: String?
    /// What Tab offers after the name.
    var values: @Sendable (DossierStore) -> [String] = { _ in [] }
    let run: @Sendable (inout AppState, String) -> [Effect]
}

enum PromptCommands {
    static let all: [PromptCommand] = [
        PromptCommand(
            name: "goto", aliases: ["g"], argument: "DATE|ID",
            values: { store in
                store.events.map(\.id) + store.parties.map(\.id) + store.arguments.map(\.id) + store.accords.map(\.id)
                    + store.sources.map(\.id) + store.terms.map(\.id)
            },
            run: { state, argument in
                state.goto(argument)
                return []
            }),
        PromptCommand(
            name: "lang", argument: Language.allCases.map(\.rawValue).joined(separator: "|"),
            values: { _ in Language.allCases.map(\.rawValue) },
            run: { state, argument in
                if let language = Language(rawValue: argument) { state.lang = language } else { state.message = UIText.langUsage.text }
                return []
            }),
        PromptCommand(name: "filter", argument: "…") { state, argument in
            state.prompt = Prompt(kind: .filter, input: argument)
            return state.submitPrompt()
        },
        PromptCommand(name: "search", argument: "…") { state, argument in
            state.prompt = Prompt(kind: .search, input: argument, origin: state.currentLocation)
            return state.submitPrompt()
        },
        PromptCommand(
            name: "zoom", argument: "…", values: { _ in Zoom.allCases.map(\.label.en) },
            run: { state, argument in
                state.zoom(to: argument)
                return []
            }),
        PromptCommand(
            name: "sort", argument: SourceOrder.allCases.map(\.rawValue).joined(separator: "|"),
            values: { _ in SourceOrder.allCases.map(\.rawValue) },
            run: { state, argument in
                if let order = SourceOrder(rawValue: argument) { state.sortSources(order) } else { state.message = UIText.sortUsage.text }
                return []
            }),
        PromptCommand(name: "tour") { state, _ in
            state.showTourStep(0)
            return []
        },
        PromptCommand(name: "glossary") { state, _ in
            if case .glossary? = state.overlay {} else { state.toggleGlossary() }
            return []
        },
        PromptCommand(name: "compare") { state, _ in
            state.openComparison()
            return []
        },
        PromptCommand(name: "help") { state, _ in
            state.overlay = .help(scroll: 0)
            return []
        },
        PromptCommand(name: "quit", aliases: ["q"]) { _, _ in [.quit(status: 0)] },
    ]

    /// The command a line names (by its name or an alias), and the rest of the line.
    static func parse(_ line: String) -> (command: PromptCommand?, name: String, argument: String)? {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return nil }
        let command = all.first { $0.name == name || $0.aliases.contains(name) }
        return (command, name, parts.count > 1 ? parts[1].trimmingSpaces() : "")
    }

    /// The names Tab offers on an empty line, in order.
    static var names: [String] { all.map(\.name).sorted() }

    /// "goto DATE|ID, lang en|fr, filter …" for the `:` key's help.
    static var summary: String {
        all.map { command in command.argument.map { command.name + " " + $0 } ?? command.name }.joined(separator: ", ")
    }
}

extension AppState {
    /// Runs a `:` line (`:goto 2020-07-16`, `:lang fr`, `:sort publisher`…).
    mutating func runCommand(_ line: String) -> [Effect] {
        guard let parsed = PromptCommands.parse(line) else { return [] }
        guard let command = parsed.command else {
            message = UIText.unknownCommand(parsed.name)
            return []
        }
        return command.run(&self, parsed.argument)
    }

    /// `:goto`: a date, or a record by id (the nearest ids offered when none has it).
    mutating func goto(_ argument: String) {
        if let date = DossierDate(argument) {
            gotoDate(date)
        } else if let ref = store.ref(argument), ref.isBrowsable {
            navigate(to: ref, remember: true)
        } else if !argument.isEmpty, case let near = nearestIDs(to: argument), !near.isEmpty {
            message = UIText.gotoNoSuch(argument, near.joined(separator: ", "))
        } else {
            message = UIText.gotoUsage.text
        }
    }

    /// `:zoom LEVEL`: the timeline at that level, named in either language.
    mutating func zoom(to argument: String) {
        guard let level = Zoom.allCases.first(where: { $0.label.en == argument || $0.label.fr == argument }) else {
            message = UIText.zoomUsage.text
            return
        }
        if pane != .timeline { pane = .timeline }
        rebuild(.timeline, zoom: level)
    }
}

extension AppState {
    /// The ids of the records that are closest to a mistyped one (see `Suggestions`).
    func nearestIDs(to typed: String, limit: Int = 3) -> [String] {
        var ids: [String] = []
        for i in store.parties.indices { ids.append(store.parties[i].id) }
        for i in store.events.indices { ids.append(store.events[i].id) }
        for i in store.arguments.indices { ids.append(store.arguments[i].id) }
        for i in store.accords.indices { ids.append(store.accords[i].id) }
        for i in store.sources.indices { ids.append(store.sources[i].id) }
        for i in store.terms.indices { ids.append(store.terms[i].id) }
        return Suggestions.nearest(typed, among: ids, limit: limit)
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
