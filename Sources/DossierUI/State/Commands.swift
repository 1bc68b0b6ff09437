import DossierCore

/// A line of the `:` prompt: the command's name and the rest of the line.
struct Command {
    static let names = ["compare", "filter", "glossary", "goto", "help", "lang", "quit", "search", "sort", "tour", "zoom"]

    var name: String
    var argument: String

    static func parse(_ line: String) -> Command? {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return nil }
        return Command(name: name, argument: parts.count > 1 ? parts[1].trimmingSpaces() : "")
    }
}

extension AppState {
    /// `:goto 2020-07-16`, `:goto schrems-ii`, `:lang fr`, `:filter …`, `:search …`, `:zoom years`,
    /// `:sort publisher` (the Sources pane), `:tour`, `:glossary`, `:help`, `:quit`.
    mutating func runCommand(_ line: String) -> [Effect] {
        guard let command = Command.parse(line) else { return [] }
        let argument = command.argument
        switch command.name {
        case "goto", "g":
            if let date = DossierDate(argument) { gotoDate(date) }
            else if let ref = store.ref(argument), ref.isBrowsable { navigate(to: ref, remember: true) }
            else if !argument.isEmpty, case let near = nearestIDs(to: argument), !near.isEmpty {
                message = UIText.gotoNoSuch(argument, near.joined(separator: ", "))
            } else { message = UIText.gotoUsage.text }
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
        case "sort":
            if let order = SourceOrder(rawValue: argument) { sortSources(order) } else { message = UIText.sortUsage.text }
        case "tour": showTourStep(0)
        case "glossary": if case .glossary? = overlay {} else { toggleGlossary() }
        case "help": overlay = .help(scroll: 0)
        case "quit", "q": return [.quit(status: 0)]
        case "compare": openComparison()
        default:
            message = UIText.unknownCommand(command.name)
        }
        return []
    }
}

extension AppState {
    /// The ids of the records a pane shows that are closest to a mistyped one: fewest edits
    /// first, ids that contain what was typed before others at the same distance.
    func nearestIDs(to typed: String, limit: Int = 3) -> [String] {
        let wanted = Array(typed.lowercased().utf8)
        let bound = max(2, wanted.count / 3)
        var ranked: [(distance: Int, id: String)] = []
        func consider(_ ref: RecordRef) {
            let id = store.id(of: ref)
            let contains = id.contains(typed.lowercased())
            let distance = editDistance(wanted, Array(id.utf8), bound: bound)
            if contains || distance <= bound { ranked.append((contains ? min(distance, bound) : distance, id)) }
        }
        for i in store.parties.indices { consider(.party(i)) }
        for i in store.events.indices { consider(.event(i)) }
        for i in store.arguments.indices { consider(.argument(i)) }
        for i in store.accords.indices { consider(.accord(i)) }
        for i in store.sources.indices { consider(.source(i)) }
        for i in store.terms.indices { consider(.term(i)) }
        return ranked.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.prefix(limit).map(\.id)
    }
}

/// Levenshtein distance over bytes, giving up (bound + 1) once every path costs more than `bound`.
func editDistance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int {
    if abs(a.count - b.count) > bound { return bound + 1 }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var current = [i + 1] + Array(repeating: 0, count: b.count)
        for (j, y) in b.enumerated() {
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
        }
        if current.min()! > bound { return bound + 1 }
        previous = current
    }
    return previous[b.count]
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
