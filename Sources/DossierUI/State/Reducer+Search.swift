import DossierCore

/// Search (as you type, `n`/`N`, Ctrl-F) and the list filters. Searching reads the store's index
/// only once the shell has reported it built (`searchIndexReady`); before that, `reduce` hands a
/// search back to the shell to wait for it, so the reducer never waits on the index's lock.
extension AppState {
    /// Incremental search: hits update per keystroke and the first one is shown at once.
    mutating func previewSearch() {
        guard let current = prompt else { return }
        runSearch(current.input)
        if let first = search?.hits.first {
            navigate(to: first, remember: false)
            search?.current = 0
        } else if let origin = current.origin {
            returnTo(origin)
        }
    }

    mutating func runSearch(_ query: String) {
        let terms = TextFold.fold(query).split(separator: " ").map(String.init)
        guard !terms.isEmpty else { search = nil; return }
        assert(searchIndexReady, "a search before the shell reported the index built")
        // typing extends the query: only the previous hits can still match
        let all = store.searchIndex.search(query, extending: search.map { ($0.query, $0.allHits) })
        let hits = all.map(\.ref).filter(\.isBrowsable)
        search = SearchState(query: query, terms: terms, hits: hits, current: nil, allHits: all)
    }

    /// Enter in the search prompt (or `:search …`): the first hit, remembered in the history.
    mutating func submitSearch(_ submitted: Prompt) {
        runSearch(submitted.input)
        guard let hits = search?.hits, !hits.isEmpty else {
            if let origin = submitted.origin { returnTo(origin) }
            message = UIText.noMatchFor(submitted.input)
            return
        }
        search?.current = 0
        if let origin = submitted.origin, origin.ref != hits[0] { remember(origin) }
        navigate(to: hits[0], remember: false)
        message = UIText.firstMatch(String(hits.count))
    }

    mutating func stepHit(forward: Bool, times: Int) {
        // after Esc cleared the highlight, n and N go on with the last search
        if search == nil, let last = lastSearch { search = last }
        guard let state = search, !state.hits.isEmpty else {
            message = UIText.noSearch.text
            return
        }
        var index = state.current ?? (forward ? -1 : 0)
        for _ in 0..<times { index = (index + (forward ? 1 : -1) + state.hits.count) % state.hits.count }
        search?.current = index
        navigate(to: state.hits[index], remember: true)
        message = UIText.matchOf(String(index + 1), String(state.hits.count))
    }

    mutating func showResults() {
        if search?.hits.isEmpty ?? true {
            message = UIText.noSearchResults.text
        } else {
            overlay = .results(selected: search?.current ?? 0)
        }
    }

    /// Esc on a list: the filter goes first, then the search highlight.
    mutating func clearFilter() {
        if !filter.isEmpty {
            rebuild(pane, filter: ListFilter())
            message = UIText.filterCleared.text
        } else if search != nil {
            lastSearch = search
            search = nil
        }
    }

    mutating func filterTimelineByParty() {
        guard case .party(let i)? = selectedRef else {
            message = UIText.selectPartyFirst.text
            return
        }
        var timelineFilter = ListFilter()
        timelineFilter.party = store.parties[i].id
        if let here = currentLocation { remember(here) }
        rebuild(.timeline, filter: timelineFilter)
        pane = .timeline
        area = .list
    }
}

/// The Sources pane's order: `s` cycles date → publisher → kind there, `:sort ORDER` names one.
extension AppState {
    mutating func cycleSourceOrder() {
        guard pane == .sources else {
            message = UIText.sortOnlySources.text
            return
        }
        sortSources(sourceOrder.next)
    }

    mutating func sortSources(_ order: SourceOrder) {
        focus(.sources)
        rebuild(.sources, sourceOrder: order)
        message = UIText.sourcesSorted(order.label)
    }
}

extension SourceOrder {
    /// The order's name in a sentence ("Sources by publisher").
    var label: Localized {
        let field: Localized
        switch self {
        case .date: field = Strings.date
        case .publisher: field = Strings.publisher
        case .kind: field = Strings.kind
        }
        return Localized(en: field.en.lowercased(), fr: field.fr.lowercased())
    }
}
