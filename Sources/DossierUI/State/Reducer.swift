import DossierCore

extension AppState {
    /// The only place the state changes. No I/O: the shell reads keys and draws the result.
    public mutating func reduce(_ action: Action) {
        if case .resize = action {} else { message = nil }
        let repeatCount = max(1, count ?? 1)
        let takesCount: Bool
        switch action {
        case .moveDown, .moveUp, .nextGroup, .previousGroup, .pageDown, .pageUp, .prefixed("]", _), .prefixed("[", _):
            takesCount = true
        default:
            takesCount = false
        }
        if takesCount, let before = paneBeforeDigit {
            // the digit was a count, not a pane key: undo the pane switch
            pane = before
        }
        if case .digit = action {} else if case .resize = action {} else {
            count = nil
            paneBeforeDigit = nil
        }
        if case .prefix = action {} else if case .resize = action {} else { pendingPrefix = nil }

        switch action {
        case .moveDown: move(by: repeatCount)
        case .moveUp: move(by: -repeatCount)
        case .pageDown: move(by: repeatCount * (area == .list ? layout.listRows - 1 : 5))
        case .pageUp: move(by: -repeatCount * (area == .list ? layout.listRows - 1 : 5))
        case .first: area == .list ? select(0) : setLink(0)
        case .last: area == .list ? select(list.count - 1) : setLink(links.count - 1)
        case .nextGroup: for _ in 0..<repeatCount { jumpGroup(forward: true) }
        case .previousGroup: for _ in 0..<repeatCount { jumpGroup(forward: false) }
        case .focus(let target):
            pane = target
            area = .list
            linkIndex = 0
        case .nextPane: reduce(.focus(Pane(rawValue: (pane.rawValue + 1) % Pane.allCases.count)!))
        case .previousPane: reduce(.focus(Pane(rawValue: (pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!))
        case .openDetail:
            if list.bucket(at: selectedItem) != nil {
                zoom(by: -1)
            } else if links.isEmpty {
                message = Localized(en: "Nothing to follow here.", fr: "Aucun lien ici.")
            } else {
                area = .detail
                linkIndex = 0
            }
        case .closeDetail: area = .list
        case .follow: follow()
        case .back: travel(forward: false)
        case .forward: travel(forward: true)
        case .home:
            if let focus = store.ref(store.info.focus) { navigate(to: focus, remember: true) }
        case .startPrompt(let kind): startPrompt(kind)
        case .promptInput(let character): promptInput(character)
        case .promptBackspace:
            guard var current = prompt else { break }
            current.input = String(current.input.dropLast())
            current.error = nil
            prompt = current
            if current.kind == .search { previewSearch() }
        case .promptComplete: completePrompt()
        case .promptSubmit: submitPrompt()
        case .cancelPrompt:
            if let current = prompt, current.kind == .search, let origin = current.origin {
                navigate(to: origin.ref, remember: false)
                pane = origin.pane
            }
            prompt = nil
        case .nextHit: stepHit(forward: true, times: repeatCount)
        case .previousHit: stepHit(forward: false, times: repeatCount)
        case .showResults:
            if search?.hits.isEmpty ?? true {
                message = Localized(en: "No search results: press / to search.", fr: "Aucun résultat : tapez / pour chercher.")
            } else {
                overlay = .results(selected: search?.current ?? 0)
            }
        case .clearFilter:
            if !filter.isEmpty {
                rebuild(pane, filter: ListFilter())
                message = Localized(en: "Filter cleared.", fr: "Filtre retiré.")
            } else if search != nil {
                search = nil
            }
        case .filterTimelineByParty:
            guard case .party(let i)? = selectedRef else {
                message = Localized(en: "Select a party first (pane 1).", fr: "Choisissez d’abord une partie (volet 1).")
                break
            }
            var timelineFilter = ListFilter()
            timelineFilter.party = store.parties[i].id
            if let here = currentLocation { remember(here) }
            rebuild(.timeline, filter: timelineFilter)
            pane = .timeline
            area = .list
        case .zoomIn: zoom(by: -1)
        case .zoomOut: zoom(by: +1)
        case .prefix(let key): pendingPrefix = key
        case .prefixed(let key, let second): prefixed(key, second, times: repeatCount)
        case .digit(let n): digit(n)
        case .copyCitation:
            guard let ref = selectedRef else { break }
            clipboard = store.citation(of: ref, lang)
            message = Localized(en: "Citation copied to the clipboard (OSC 52).", fr: "Citation copiée dans le presse-papiers (OSC 52).")
        case .startTour: showTourStep(0)
        case .tourNext: if case .tour(let step) = overlay { showTourStep(step + 1) }
        case .tourPrevious: if case .tour(let step) = overlay { showTourStep(max(0, step - 1)) }
        case .toggleHelp:
            if case .help = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
        case .closeOverlay: overlay = nil
        case .openResult: openResult()
        case .scrollOverlay(let delta): scrollOverlay(delta)
        case .toggleLanguage: lang = lang == .en ? .fr : .en
        case .resize(let width, let height): setSize(width: width, height: height)
        case .click(let row, let column): click(row: row, column: column)
        case .wheel(let delta):
            if area == .list { select(selectedItem + delta) } else { setLink(linkIndex + delta) }
        case .quit: shouldQuit = true
        case .redraw: redrawRequested = true
        }
        keepSelectionVisible()
    }

    /// Maps a key to an action in the current context (overlays first), then reduces it.
    public mutating func handle(_ key: Key) {
        if let action = KeyDispatch.action(for: key, in: self) { reduce(action) }
    }

    // MARK: moving

    private mutating func move(by delta: Int) {
        if area == .list { select(selectedItem + delta) } else { setLink(linkIndex + delta) }
    }

    mutating func select(_ item: Int) {
        guard list.count > 0 else { return }
        let clamped = min(max(0, item), list.count - 1)
        if clamped != selection[pane.rawValue] {
            selection[pane.rawValue] = clamped
            linkIndex = 0
            detailScroll = 0
        }
    }

    private mutating func setLink(_ index: Int) {
        let count = links.count
        guard count > 0 else { return }
        linkIndex = min(max(0, index), count - 1)
    }

    /// Next or previous year (timeline), role group (parties) or case (arguments). Backwards, the
    /// first press goes to the start of the current group, like `{` in an editor.
    private mutating func jumpGroup(forward: Bool) {
        let groups = list.itemGroup
        guard !groups.isEmpty else { return }
        let current = groups[selectedItem]
        if forward {
            if let next = groups.indices.first(where: { $0 > selectedItem && groups[$0] > current }) { select(next) }
            else { select(list.count - 1) }
        } else {
            let startOfCurrent = groups.firstIndex(of: current) ?? 0
            if startOfCurrent < selectedItem { select(startOfCurrent); return }
            guard current > 0 else { select(0); return }
            select(groups.firstIndex(of: current - 1) ?? 0)
        }
    }

    private mutating func digit(_ n: Int) {
        if let current = count {
            count = min(current * 10 + n, 9999)
            if let before = paneBeforeDigit {
                pane = before
                paneBeforeDigit = nil
            }
            return
        }
        guard n > 0 else { return }
        count = n
        if (1...Pane.allCases.count).contains(n) {
            // 1–4 choose a pane at once; if a motion follows, the digit was a count after all
            paneBeforeDigit = pane
            pane = Pane(rawValue: n - 1)!
            area = .list
            linkIndex = 0
        }
    }

    private mutating func prefixed(_ key: Character, _ second: Character, times: Int) {
        switch key {
        case "m":
            guard second.isLetter, let here = currentLocation else { return }
            marks[second] = here
            message = Localized(en: "Mark '\(second)' set.", fr: "Marque «\u{00A0}\(second)\u{00A0}» posée.")
        case "'":
            guard let mark = marks[second] else {
                message = Localized(en: "No mark '\(second)'.", fr: "Pas de marque «\u{00A0}\(second)\u{00A0}».")
                return
            }
            navigate(to: mark.ref, remember: true)
        case "]", "[":
            guard let jump = KindJump(rawValue: second) else { return }
            for _ in 0..<times { jumpToKind(jump, forward: key == "]") }
        default:
            break
        }
    }

    /// Next or previous event of some kinds on the (filtered) timeline.
    private mutating func jumpToKind(_ jump: KindJump, forward: Bool) {
        if pane != .timeline { reduce(.focus(.timeline)) }
        if zoom != .events { rebuild(.timeline, zoom: .events) }
        let list = lists[Pane.timeline.rawValue]
        let items = forward ? Array((selectedItem + 1)..<max(selectedItem + 1, list.count)) : Array((0..<selectedItem).reversed())
        for item in items {
            if case .event(let i)? = list.ref(at: item), jump.kinds.contains(store.events[i].kind) {
                select(item)
                return
            }
        }
        message = Localized(en: "No further \(jump.kinds[0].label.en).", fr: "Pas d’autre occurrence\u{00A0}: \(jump.kinds[0].label.fr).")
    }

    private mutating func zoom(by step: Int) {
        if pane != .timeline {
            pane = .timeline
            area = .list
        }
        let target = zoom.rawValue + step
        guard let level = Zoom(rawValue: target) else {
            message = step < 0 ? Localized(en: "Already showing every event.", fr: "Tous les événements sont déjà affichés.")
                               : Localized(en: "Already showing eras.", fr: "Les époques sont déjà affichées.")
            return
        }
        rebuild(.timeline, zoom: level)
    }

    // MARK: links and history

    var currentLocation: Location? {
        selectedRef.map { Location(pane: pane, ref: $0) }
    }

    private mutating func remember(_ here: Location) {
        backStack.append(here)
        if backStack.count > 100 { backStack.removeFirst() }
        forwardStack.removeAll()
    }

    private mutating func follow() {
        let targets = links
        guard linkIndex < targets.count else { return }
        let target = targets[linkIndex]
        guard Pane.showing(target.kind) != nil else {
            if case .source(let i) = target {
                let s = store.sources[i]
                message = Localized(en: "Source: \(s.url)", fr: "Source\u{00A0}: \(s.url)")
            }
            return
        }
        navigate(to: target, remember: true)
    }

    /// Selects a record in its pane; with `remember`, the place left is pushed on the back stack.
    /// A record hidden by a filter shows again: the filter is cleared.
    mutating func navigate(to ref: RecordRef, remember shouldRemember: Bool) {
        guard let target = Pane.showing(ref.kind) else { return }
        if lists[target.rawValue].item(of: ref) == nil {
            if target == .timeline && zoom != .events { rebuild(.timeline, zoom: .events) }
            if lists[target.rawValue].item(of: ref) == nil && !filters[target.rawValue].isEmpty {
                rebuild(target, filter: ListFilter())
            }
        }
        guard let item = lists[target.rawValue].item(of: ref) else { return }
        if shouldRemember, let here = currentLocation, here != Location(pane: target, ref: ref) { remember(here) }
        pane = target
        area = .list
        selection[target.rawValue] = item
        linkIndex = 0
        detailScroll = 0
    }

    /// Back (or forward) through the jump list; the place left goes on the other stack.
    private mutating func travel(forward: Bool) {
        guard let location = forward ? forwardStack.popLast() : backStack.popLast() else {
            message = Localized(en: "No further history.", fr: "Pas d’autre historique.")
            return
        }
        if let here = currentLocation {
            if forward { backStack.append(here) } else { forwardStack.append(here) }
        }
        navigate(to: location.ref, remember: false)
        pane = location.pane
    }

    // MARK: prompts

    private mutating func startPrompt(_ kind: Prompt.Kind) {
        var new = Prompt(kind: kind, origin: currentLocation)
        if kind == .filter { new.input = filter.description }
        prompt = new
    }

    private mutating func promptInput(_ character: Character) {
        guard var current = prompt else { return }
        if current.kind == .gotoDate && !(character.isNumber || character == "-") { return }
        guard current.input.count < 200 else { return }
        current.input.append(character)
        current.error = nil
        prompt = current
        if current.kind == .search { previewSearch() }
    }

    /// Incremental search: hits update per keystroke and the first one is shown at once.
    private mutating func previewSearch() {
        guard let current = prompt else { return }
        runSearch(current.input)
        if let first = search?.hits.first {
            navigate(to: first, remember: false)
            search?.current = 0
        } else if let origin = current.origin {
            navigate(to: origin.ref, remember: false)
            pane = origin.pane
        }
    }

    private mutating func runSearch(_ query: String) {
        let terms = TextFold.fold(query).split(separator: " ").map(String.init)
        guard !terms.isEmpty else { search = nil; return }
        // typing extends the query: only the previous hits can still match
        let all = store.searchIndex.search(query, extending: search.map { ($0.query, $0.allHits) })
        let hits = all.map(\.ref).filter { Pane.showing($0.kind) != nil }
        search = SearchState(query: query, terms: terms, hits: hits, current: nil, allHits: all)
    }

    private mutating func stepHit(forward: Bool, times: Int) {
        guard let state = search, !state.hits.isEmpty else {
            message = Localized(en: "No search: press / to search.", fr: "Aucune recherche : tapez / pour chercher.")
            return
        }
        var index = state.current ?? (forward ? -1 : 0)
        for _ in 0..<times { index = (index + (forward ? 1 : -1) + state.hits.count) % state.hits.count }
        search?.current = index
        navigate(to: state.hits[index], remember: true)
        message = Localized(en: "Match \(index + 1) of \(state.hits.count)", fr: "Résultat \(index + 1) sur \(state.hits.count)")
    }

    private mutating func submitPrompt() {
        guard let current = prompt else { return }
        switch current.kind {
        case .gotoDate:
            guard let date = DossierDate(current.input) else {
                prompt?.error = Localized(en: "Write 2020, 2020-07 or 2020-07-16.", fr: "Écrivez 2020, 2020-07 ou 2020-07-16.")
                return
            }
            prompt = nil
            gotoDate(date)
        case .search:
            prompt = nil
            runSearch(current.input)
            guard let hits = search?.hits, !hits.isEmpty else {
                if let origin = current.origin { navigate(to: origin.ref, remember: false); pane = origin.pane }
                message = Localized(en: "No match for “\(current.input)”.", fr: "Aucun résultat pour «\u{00A0}\(current.input)\u{00A0}».")
                return
            }
            search?.current = 0
            if let origin = current.origin, origin.ref != hits[0] { remember(origin) }
            navigate(to: hits[0], remember: false)
            message = Localized(en: "Match 1 of \(hits.count) — n/N next/previous, Ctrl-F all", fr: "Résultat 1 sur \(hits.count) — n/N suivant/précédent, Ctrl-F tous")
        case .filter:
            switch ListFilter.parse(current.input, store: store) {
            case .failure(let error): prompt?.error = error.message
            case .success(let parsed):
                prompt = nil
                rebuild(pane, filter: parsed)
                if list.count == 0 { message = Localized(en: "Nothing matches this filter; Esc clears it.", fr: "Rien ne correspond ; Échap retire le filtre.") }
            }
        case .command:
            prompt = nil
            runCommand(current.input)
        }
    }

    /// Positions the explorer on a record id or a date before the first frame (`browse --at`).
    /// Returns false when it names neither.
    @discardableResult
    public mutating func open(at target: String) -> Bool {
        if let ref = store.ref(target), Pane.showing(ref.kind) != nil {
            navigate(to: ref, remember: false)
        } else if let date = DossierDate(target), let index = AppState.nearestEvent(to: date, in: store.events) {
            navigate(to: .event(index), remember: false)
        } else {
            return false
        }
        keepSelectionVisible()
        return true
    }

    mutating func gotoDate(_ date: DossierDate) {
        guard let index = AppState.nearestEvent(to: date, in: store.events) else { return }
        navigate(to: .event(index), remember: true)
    }

    private mutating func completePrompt() {
        guard var current = prompt else { return }
        let candidates = CommandCompletion.completions(for: current.input, kind: current.kind, store: store)
        guard !candidates.isEmpty else { return }
        current.input = CommandCompletion.commonPrefix(candidates)
        if candidates.count > 1 {
            message = Localized(candidates.prefix(8).joined(separator: "  ") + (candidates.count > 8 ? "  …" : ""))
        }
        prompt = current
    }

    /// `:goto 2020-07-16`, `:goto schrems-ii`, `:lang fr`, `:filter …`, `:search …`, `:zoom years`, `:tour`, `:help`, `:quit`.
    private mutating func runCommand(_ line: String) {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return }
        let argument = parts.count > 1 ? parts[1].trimmingSpaces() : ""
        switch name {
        case "goto", "g":
            if let date = DossierDate(argument) { gotoDate(date) }
            else if let ref = store.ref(argument), Pane.showing(ref.kind) != nil { navigate(to: ref, remember: true) }
            else { message = Localized(en: "goto: give a date (2020-07-16) or an id", fr: "goto\u{00A0}: une date (2020-07-16) ou un identifiant") }
        case "lang":
            if let language = Language(rawValue: argument) { lang = language }
            else { message = Localized(en: "lang: en or fr", fr: "lang\u{00A0}: en ou fr") }
        case "filter":
            prompt = Prompt(kind: .filter, input: argument)
            submitPrompt()
        case "search":
            prompt = Prompt(kind: .search, input: argument, origin: currentLocation)
            submitPrompt()
        case "zoom":
            if let level = Zoom.allCases.first(where: { $0.label.en == argument || $0.label.fr == argument }) {
                if pane != .timeline { pane = .timeline }
                rebuild(.timeline, zoom: level)
            } else {
                message = Localized(en: "zoom: events, months, years or eras", fr: "zoom\u{00A0}: événements, mois, années ou époques")
            }
        case "tour": showTourStep(0)
        case "help": overlay = .help(scroll: 0)
        case "quit", "q": shouldQuit = true
        default:
            message = Localized(en: "Unknown command “\(name)” (Tab completes).", fr: "Commande inconnue «\u{00A0}\(name)\u{00A0}» (Tab complète).")
        }
    }

    // MARK: overlays

    private mutating func scrollOverlay(_ delta: Int) {
        switch overlay {
        case .help(let scroll)?:
            let limit = max(0, HelpView.lineCount(lang, width: min(layout.width - 2, 90) - 2) - (layout.height - 4))
            overlay = .help(scroll: min(max(0, scroll + delta), limit))
        case .results(let selected)?:
            let count = search?.hits.count ?? 0
            overlay = .results(selected: min(max(0, selected + delta), max(0, count - 1)))
        default:
            break
        }
    }

    /// Opens the chosen search result (Enter in the results overlay).
    private mutating func openResult() {
        guard case .results(let selected)? = overlay, let hits = search?.hits, selected < hits.count else { return }
        overlay = nil
        search?.current = selected
        navigate(to: hits[selected], remember: true)
    }

    private mutating func showTourStep(_ step: Int) {
        let steps = store.info.tour
        guard !steps.isEmpty else {
            message = Localized(en: "This dossier has no tour.", fr: "Ce dossier n’a pas de visite guidée.")
            return
        }
        guard step < steps.count else {
            overlay = nil
            message = Localized(en: "End of the tour.", fr: "Fin de la visite.")
            return
        }
        overlay = .tour(step: step)
        if let ref = store.ref(steps[step].record) { navigate(to: ref, remember: false) }
    }

    // MARK: mouse

    private mutating func click(row: Int, column: Int) {
        let layout = self.layout
        if row == layout.tabs.row {
            // tabs: "[n Name]" — pick the tab under the click
            var x = 1
            for candidate in Pane.allCases {
                let width = DisplayWidth.of("\(candidate.rawValue + 1) \(candidate.title[lang])") + 3
                if column >= x && column < x + width { reduce(.focus(candidate)); return }
                x += width
            }
            return
        }
        let listInner = layout.list.inner
        if row >= listInner.row && row < listInner.row + listInner.height && column >= listInner.column && column < listInner.column + listInner.width {
            area = .list
            let strip = pane == .timeline ? DensityStrip.rows(layout) : 0
            let rowIndex = scroll[pane.rawValue] + (row - listInner.row - strip)
            if let item = list.itemRows.firstIndex(of: rowIndex) { select(item) }
            return
        }
        let detailInner = layout.detail.inner
        if row >= detailInner.row && row < detailInner.row + detailInner.height && column >= detailInner.column {
            let lines = detailLines
            let index = detailScroll + (row - detailInner.row)
            if index < lines.count, let link = lines[index].link {
                linkIndex = link
                follow()
            }
        }
    }

    // MARK: go to date

    /// The event closest to a date: the first on or after its first day, unless an earlier one is nearer.
    static func nearestEvent(to date: DossierDate, in events: [Event]) -> Int? {
        guard !events.isEmpty else { return nil }
        let day = dayNumber(date.firstDay)
        guard let after = events.firstIndex(where: { $0.date.firstDay >= date.firstDay }) else { return events.count - 1 }
        // an event within the asked-for year or month always wins over one before it
        if events[after].date.firstDay <= date.lastDay || after == 0 { return after }
        let before = after - 1
        let distanceAfter = dayNumber(events[after].date.firstDay) - day
        let distanceBefore = day - dayNumber(events[before].date.firstDay)
        return distanceBefore < distanceAfter ? before : after
    }

    /// Days since year 0, near enough to compare distances between dates.
    private static func dayNumber(_ yyyymmdd: Int) -> Int {
        let year = yyyymmdd / 10_000, month = yyyymmdd / 100 % 100, day = yyyymmdd % 100
        return year * 365 + year / 4 + (month - 1) * 306 / 10 + day
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
