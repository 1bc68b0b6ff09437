import DossierCore

/// The four prompts of the status bar: go to a date (`t`), search (`/`), filter (`f`) and the
/// command line (`:`): typing, completion, submitting and cancelling.
extension AppState {
    mutating func startPrompt(_ kind: Prompt.Kind) {
        var new = Prompt(kind: kind, origin: currentLocation)
        // a search abandoned with Esc gives the one before it back
        if kind == .search, let search, !search.hits.isEmpty { lastSearch = search }
        if kind == .filter { new.input = filter.description }
        if kind == .glossary, case .glossary(let glossary)? = overlay { new.input = glossary.filter }
        prompt = new
    }

    mutating func promptInput(_ character: Character) {
        guard var current = prompt else { return }
        guard current.input.count < 200 else { return }
        current.input.append(character)
        current.error = nil
        prompt = current
        if current.kind == .search { previewSearch() }
        if current.kind == .glossary { filterGlossary(current.input) }
    }

    /// Backspace, Ctrl-U, Ctrl-W: the line edited, and what it narrows shown again.
    mutating func editPrompt(_ edit: (inout String) -> Void) {
        guard var current = prompt else { return }
        if !current.input.isEmpty { edit(&current.input) }
        current.error = nil
        prompt = current
        if current.kind == .search { previewSearch() }
        if current.kind == .glossary { filterGlossary(current.input) }
    }

    mutating func cancelPrompt() {
        if let current = prompt, current.kind == .search {
            if let origin = current.origin { returnTo(origin) }
            search = lastSearch
        }
        // Esc while narrowing the glossary shows every term again
        if prompt?.kind == .glossary { filterGlossary("") }
        prompt = nil
    }

    mutating func completePrompt() {
        guard var current = prompt else { return }
        let candidates = CommandCompletion.completions(for: current.input, kind: current.kind, store: store)
        guard !candidates.isEmpty else { return }
        current.input = CommandCompletion.commonPrefix(candidates)
        if candidates.count > 1 {
            message = Localized(candidates.prefix(8).joined(separator: "  ") + (candidates.count > 8 ? "  …" : ""))
        }
        prompt = current
    }

    mutating func submitPrompt() -> [Effect] {
        guard let current = prompt else { return [] }
        switch current.kind {
        case .gotoDate:
            guard let date = DossierDate(current.input.trimmingSpaces()) else {
                // said, and the prompt stays open with what was typed, to be corrected
                prompt?.error = UIText.notADate(current.input)
                return []
            }
            prompt = nil
            gotoDate(date)
        case .search:
            prompt = nil
            submitSearch(current)
        case .filter:
            switch ListFilter.parse(current.input, store: store) {
            case .failure(let error): prompt?.error = error.message
            case .success(let parsed):
                prompt = nil
                rebuild(pane, filter: parsed)
                let leftAside = parsed.leftAside(on: pane)
                if !leftAside.isEmpty {
                    message = UIText.filterLeftAside(Localized(leftAside.joined(separator: " ")), pane.title)
                } else if list.count == 0 {
                    message = UIText.nothingMatchesFilter.text
                }
            }
        case .command:
            prompt = nil
            return runCommand(current.input)
        case .glossary:
            // Enter keeps the list narrowed and opens the chosen term
            prompt = nil
            followGlossary()
        }
        return []
    }
}
