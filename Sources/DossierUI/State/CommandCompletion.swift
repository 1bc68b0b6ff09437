import DossierCore

/// Tab completion for the `:` command line and the `f` filter prompt.
enum CommandCompletion {

    /// Full inputs that the current input can become.
    static func completions(for input: String, kind: Prompt.Kind, store: DossierStore) -> [String] {
        switch kind {
        case .command:
            guard let space = input.firstIndex(of: " ") else {
                return PromptCommands.names.filter { $0.hasPrefix(input) }.map { $0 + " " }
            }
            let name = String(input[..<space]), argument = String(input[input.index(after: space)...])
            // the filter's values are completed as the `f` prompt completes them
            if name == "filter" { return completions(for: argument, kind: .filter, store: store).map { name + " " + $0 } }
            let values = PromptCommands.all.first { $0.name == name }?.values(store) ?? []
            return values.filter { $0.hasPrefix(argument) }.sorted().map { name + " " + $0 }
        case .filter:
            // complete the last token: a key, or a value after `key:`
            let head = input.split(separator: " ", omittingEmptySubsequences: false).dropLast().joined(separator: " ")
            let token = input.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            let prefix = head.isEmpty ? "" : head + " "
            guard let colon = token.firstIndex(of: ":") else {
                return FilterKey.allCases.map { $0.rawValue + ":" }.filter { $0.hasPrefix(token) }.sorted().map { prefix + $0 }
            }
            let name = String(token[..<colon]), value = String(token[token.index(after: colon)...])
            let values = FilterKey(rawValue: name)?.values(in: store) ?? []
            return values.filter { $0.hasPrefix(value) }.sorted().map { prefix + name + ":" + $0 + " " }
        case .gotoDate, .search, .glossary:
            return []
        }
    }

    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
