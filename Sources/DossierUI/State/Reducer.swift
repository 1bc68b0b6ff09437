import DossierCore

/// The reducer: the only place the state changes. No I/O and no threads: the shell reads keys,
/// draws the result and performs the effects returned. Each mode has its own file:
/// Reducer+Movement (moves, counts, two-key prefixes and marks, zoom), Reducer+History (links,
/// back/forward, going to a record or a date), Reducer+Prompt (the four prompts), Reducer+Search
/// (search, n/N, Ctrl-F, filters, the Sources pane's order), Commands (the `:` line),
/// Reducer+Mouse (clicks); each overlay is a component in its folder under Overlays/.
extension AppState {
    @discardableResult
    public mutating func reduce(_ action: Action) -> [Effect] {
        if let effects = bookkeeping(action) { return effects }
        if !searchIndexReady && needsSearchIndex(action) {
            // nothing changes yet: the shell waits for the index, then sends the action again
            return [.waitForSearchIndex(then: action)]
        }
        message = nil
        let repeatCount = max(1, count ?? 1)
        if case .digit = action {} else { count = nil }
        if case .prefix = action {} else { pendingPrefix = nil }

        var effects: [Effect] = []
        switch action {
        case .moveDown: move(by: repeatCount)
        case .moveUp: move(by: -repeatCount)
        case .pageDown: move(by: repeatCount * (area == .list ? layout.listRows - 1 : 5))
        case .pageUp: move(by: -repeatCount * (area == .list ? layout.listRows - 1 : 5))
        case .first: area == .list ? select(0) : setLink(0)
        case .last: area == .list ? select(list.count - 1) : setLink(links.count - 1)
        case .nextGroup, .previousGroup:
            let before = list.firstEvent(at: selectedItem)
            for _ in 0..<repeatCount { jumpGroup(forward: action == .nextGroup) }
            sayYearsSkipped(from: before)
        case .focus(let target): focus(target)
        case .nextPane: focus(Pane(rawValue: (pane.rawValue + 1) % Pane.allCases.count)!)
        case .previousPane: focus(Pane(rawValue: (pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!)
        case .openDetail: openDetail()
        case .closeDetail: area = .list
        case .follow: follow()
        case .back: travel(forward: false)
        case .forward: travel(forward: true)
        case .home:
            if let focus = store.ref(store.info.focus) { navigate(to: focus, remember: true) }
        case .startPrompt(let kind): startPrompt(kind)
        case .promptInput(let character): promptInput(character)
        case .promptBackspace: editPrompt { $0.removeLast() }
        case .promptClear: editPrompt { $0.removeAll() }
        case .promptDeleteWord:
            editPrompt { input in
                while input.last == " " { input.removeLast() }
                while let last = input.last, last != " " { input.removeLast() }
            }
        case .promptComplete: completePrompt()
        case .promptSubmit: effects = submitPrompt()
        case .cancelPrompt: cancelPrompt()
        case .nextHit: stepHit(forward: true, times: repeatCount)
        case .previousHit: stepHit(forward: false, times: repeatCount)
        case .showResults: showResults()
        case .clearFilter: clearFilter()
        case .filterTimelineByParty: filterTimelineByParty()
        case .zoomIn: zoom(by: -1)
        case .zoomOut: zoom(by: +1)
        case .prefix(let key): pendingPrefix = key
        case .prefixed(let key, let second): prefixed(key, second, times: repeatCount)
        case .digit(let n): digit(n)
        case .copyCitation: effects = copyCitation(markdown: false)
        case .copyCitationMarkdown: effects = copyCitation(markdown: true)
        case .scrollDetail(let lines): scrollDetail(by: lines * repeatCount)
        case .scrollDetailPage(let pages): scrollDetail(by: pages * repeatCount * max(1, layout.detailRows - 1))
        case .unbound(let name): message = UIText.unboundKey(name)
        case .openCaseMap: openCaseMap()
        case .cycleSourceOrder: cycleSourceOrder()
        case .sortSources(let order): sortSources(order)
        case .overlayLink, .overlayLines, .followOverlayLink, .scrollOverlay, .stepDimension, .tourNext,
            .tourPrevious, .glossaryBack, .openResult:
            // only an open overlay's keys give these: its component answers
            overlay?.kind.component.update(&self, action)
        case .startTour: showTourStep(0)
        case .toggleHelp:
            if case .help = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
        case .closeOverlay: closeOverlay()
        case .toggleGlossary: toggleGlossary()
        case .toggleLanguage:
            lang = lang == .fr ? .en : .fr
            keepGlossarySelectionVisible()
        case .click(let target): click(target)
        case .wheel(let delta, let target): wheel(delta, over: target)
        case .quit: effects = [.quit(status: 0)]
        case .redraw: effects = [.fullRedraw]
        case .resize, .started, .searchIndexReady: break  // handled by `bookkeeping`
        case .openComparison: openComparisonFromKey()
        }
        keepSelectionVisible(followLink: !action.scrollsDetail)
        return effects
    }

    /// Maps a key to an action in the current context (overlays first), then reduces it. A key
    /// typed outside a prompt that means nothing here says so in the status bar.
    @discardableResult
    /// A key from the terminal; `regions`: where the frame on screen drew what a click can hit.
    public mutating func handle(_ key: Key, regions: Regions = Regions()) -> [Effect] {
        guard let action = KeyDispatch.action(for: key, in: self, regions: regions) else {
            if prompt == nil, key.isTyped { return reduce(.unbound(key.name)) }
            return []
        }
        return reduce(action)
    }

    /// Actions that come from the shell rather than from the person at the keys: they leave the
    /// message, the count and a pending prefix alone. Nil for every other action.
    private mutating func bookkeeping(_ action: Action) -> [Effect]? {
        switch action {
        case .resize(let width, let height):
            setSize(width: width, height: height)
            keepSelectionVisible()
            return []
        case .started:
            return searchIndexReady ? [] : [.buildSearchIndex]
        case .searchIndexReady:
            searchIndexReady = true
            return []
        default:
            return nil
        }
    }

    /// Whether an action would search (a keystroke in the search prompt, its Enter, `:search …`).
    private func needsSearchIndex(_ action: Action) -> Bool {
        guard let prompt else { return false }
        switch (action, prompt.kind) {
        case (.promptInput, .search), (.promptBackspace, .search), (.promptSubmit, .search):
            return true
        case (.promptSubmit, .command):
            return PromptCommands.parse(prompt.input)?.command?.name == "search"
        default:
            return false
        }
    }
}

extension Key {
    /// Keys a person types (not a resize, a mouse event or an undecodable sequence).
    var isTyped: Bool {
        switch self {
        case .resize, .mouse, .unknown: return false
        default: return true
        }
    }
}

extension Action {
    /// Actions that move the detail's window rather than the chosen link.
    var scrollsDetail: Bool {
        switch self {
        case .scrollDetail, .scrollDetailPage, .wheel: return true
        default: return false
        }
    }

    /// Moves that a count typed before them repeats.
    var takesCount: Bool {
        switch self {
        case .moveDown, .moveUp, .nextGroup, .previousGroup, .pageDown, .pageUp, .prefixed("]", _), .prefixed("[", _):
            return true
        default:
            return false
        }
    }
}
