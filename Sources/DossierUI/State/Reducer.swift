import DossierCore

extension AppState {
    /// The only place the state changes. No I/O: the shell reads keys and draws the result.
    public mutating func reduce(_ action: Action) {
        if case .resize = action {} else { message = nil }
        switch action {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: area == .list ? layout.listRows - 1 : 5)
        case .pageUp: move(by: area == .list ? -(layout.listRows - 1) : -5)
        case .first: area == .list ? select(0) : setLink(0)
        case .last: area == .list ? select(list.count - 1) : setLink(links.count - 1)
        case .nextGroup: jumpGroup(forward: true)
        case .previousGroup: jumpGroup(forward: false)
        case .focus(let target):
            pane = target
            area = .list
            linkIndex = 0
        case .nextPane: reduce(.focus(Pane(rawValue: (pane.rawValue + 1) % Pane.allCases.count)!))
        case .previousPane: reduce(.focus(Pane(rawValue: (pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!))
        case .openDetail:
            if links.isEmpty {
                message = Localized(en: "Nothing to follow here.", fr: "Aucun lien ici.")
            } else {
                area = .detail
                linkIndex = 0
            }
        case .closeDetail: area = .list
        case .follow: follow()
        case .back: travel(forward: false)
        case .forward: travel(forward: true)
        case .startGotoDate: overlay = .gotoDate(input: "", error: nil)
        case .promptInput(let character):
            if case .gotoDate(let input, _) = overlay, input.count < 10 { overlay = .gotoDate(input: input + String(character), error: nil) }
        case .promptBackspace:
            if case .gotoDate(let input, _) = overlay { overlay = .gotoDate(input: String(input.dropLast()), error: nil) }
        case .promptSubmit: submitGotoDate()
        case .toggleHelp:
            if case .help = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
        case .closeOverlay: overlay = nil
        case .scrollOverlay(let delta):
            if case .help(let scroll) = overlay {
                let limit = max(0, HelpView.lineCount(lang, width: min(layout.width - 2, 90) - 2) - (layout.height - 4))
                overlay = .help(scroll: min(max(0, scroll + delta), limit))
            }
        case .toggleLanguage: lang = lang == .en ? .fr : .en
        case .resize(let width, let height): setSize(width: width, height: height)
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
        if area == .list {
            select(selectedItem + delta)
        } else {
            setLink(linkIndex + delta)
        }
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

    // MARK: links and history

    var currentLocation: Location? {
        selectedRef.map { Location(pane: pane, ref: $0) }
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
    mutating func navigate(to ref: RecordRef, remember: Bool) {
        guard let target = Pane.showing(ref.kind), let item = lists[target.rawValue].item(of: ref) else { return }
        if remember, let here = currentLocation, here != Location(pane: target, ref: ref) {
            backStack.append(here)
            if backStack.count > 100 { backStack.removeFirst() }
            forwardStack.removeAll()
        }
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

    // MARK: go to date

    private mutating func submitGotoDate() {
        guard case .gotoDate(let input, _) = overlay else { return }
        guard let date = DossierDate(input) else {
            overlay = .gotoDate(input: input, error: Localized(en: "Write 2020, 2020-07 or 2020-07-16.",
                                                               fr: "Écrivez 2020, 2020-07 ou 2020-07-16."))
            return
        }
        overlay = nil
        guard let index = AppState.nearestEvent(to: date, in: store.events) else { return }
        navigate(to: .event(index), remember: true)
    }

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

/// Turns a key into an action: an open overlay takes keys first, then the keymap.
public enum KeyDispatch {
    public static func action(for key: Key, in state: AppState) -> Action? {
        if case .resize(let width, let height) = key { return .resize(width: width, height: height) }
        switch state.overlay {
        case .gotoDate?:
            switch key {
            case .character(let c) where c.isNumber || c == "-": return .promptInput(c)
            case .backspace: return .promptBackspace
            case .enter: return .promptSubmit
            case .escape, .control("c"): return .closeOverlay
            default: return nil
            }
        case .help?:
            switch key {
            case .character("?"), .character("q"), .escape, .enter: return .closeOverlay
            case .character("j"), .down: return .scrollOverlay(1)
            case .character("k"), .up: return .scrollOverlay(-1)
            case .pageDown, .character(" "): return .scrollOverlay(max(1, state.layout.height - 5))
            case .pageUp: return .scrollOverlay(-max(1, state.layout.height - 5))
            default: return nil
            }
        case nil:
            return Keymap.action(for: key, area: state.area, pane: state.pane)
        }
    }
}
