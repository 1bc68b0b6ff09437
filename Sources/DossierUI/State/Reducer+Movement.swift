import DossierCore

/// Moving through lists and links: steps, pages, groups, counts, two-key prefixes (marks and
/// jumps by kind) and the timeline's zoom.
extension AppState {
    mutating func move(by delta: Int) {
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

    mutating func setLink(_ index: Int) {
        let count = links.count
        guard count > 0 else { return }
        linkIndex = min(max(0, index), count - 1)
    }

    mutating func focus(_ target: Pane) {
        if target != pane { detailScroll = 0 }
        pane = target
        area = .list
        linkIndex = 0
    }

    /// Scrolls the detail's window (Ctrl-E/Ctrl-Y, Space/b, the wheel over it), whichever area has
    /// the keys. In the detail, a chosen link scrolled out of view gives way to the first one in view.
    mutating func scrollDetail(by delta: Int) {
        let lines = detailLines
        detailScroll = min(max(0, detailScroll + delta), maxDetailScroll(lines))
        guard area == .detail else { return }
        let window = lines[min(detailScroll, lines.count)..<min(detailScroll + layout.detailRows, lines.count)]
        if !window.contains(where: { $0.link == linkIndex }), let first = window.compactMap(\.link).first { linkIndex = first }
    }

    /// A wheel step scrolls what is under the pointer: an overlay, the detail or the list.
    mutating func wheel(_ delta: Int, over target: Regions.Target?) {
        if let kind = overlay?.kind {
            kind.component.update(&self, .scrollOverlay(delta))
            return
        }
        switch target {
        case .detail?, .link?:
            scrollDetail(by: delta)
        case .list?, .listRow?:
            area = .list
            select(selectedItem + delta)
        case .tab?, .tabStrip?, .overlay?, nil:
            move(by: delta)
        }
    }

    /// Enter on a list: a zoomed-out bucket zooms in; a record's detail takes the keys.
    mutating func openDetail() {
        if list.bucket(at: selectedItem) != nil {
            zoom(by: -1)
        } else if links.isEmpty {
            message = UIText.nothingToFollow.text
        } else {
            // the first link in view, so that Enter does not jump past what is being read
            let lines = detailLines
            let firstInView = lines.indices.first { $0 >= detailScroll && lines[$0].link != nil }.flatMap { lines[$0].link }
            area = .detail
            linkIndex = firstInView ?? 0
        }
    }

    /// Next or previous year (timeline), role group (parties) or case (arguments). Backwards, the
    /// first press goes to the start of the current group, like `{` in an editor.
    /// What J/K step through in the list shown, for the status bar; nil when the list has one
    /// group or none (the eras, the accords), where J/K only reach the ends.
    var groupWord: Localized? {
        // groups are numbered in order, so more than one means the last is past the first
        guard (list.itemGroup.last ?? 0) > 0 else { return nil }
        switch pane {
        case .timeline: return UIText.groupYear.text
        case .parties: return UIText.groupRole.text
        case .arguments: return UIText.groupCase.text
        case .accords: return nil
        case .sources:
            switch sourceOrder {
            case .date: return UIText.groupYear.text
            case .publisher: return UIText.groupPublisher.text
            case .kind: return UIText.groupKind.text
            }
        }
    }

    mutating func jumpGroup(forward: Bool) {
        let groups = list.itemGroup
        guard !groups.isEmpty else { return }
        let current = groups[selectedItem]
        if forward {
            if let next = groups.indices.first(where: { $0 > selectedItem && groups[$0] > current }) { select(next) } else { select(list.count - 1) }
        } else {
            let startOfCurrent = groups.firstIndex(of: current) ?? 0
            if startOfCurrent < selectedItem { select(startOfCurrent); return }
            guard current > 0 else { select(0); return }
            select(groups.firstIndex(of: current - 1) ?? 0)
        }
    }

    /// After J/K on the timeline: the years without an event that the jump passed over, said in
    /// the status bar (the list has no heading for them).
    mutating func sayYearsSkipped(from before: Int?) {
        guard pane == .timeline, zoom == .events, let before, let after = list.firstEvent(at: selectedItem) else { return }
        let from = store.events[min(before, after)].date.year, to = store.events[max(before, after)].date.year
        guard to - from > 1 else { return }
        let years = Set(store.events.map(\.date.year))
        let empty = (from + 1..<to).filter { !years.contains($0) }
        guard let first = empty.first, let last = empty.last else { return }
        message = UIText.yearsWithoutEvents(first == last ? "\(first)" : "\(first)–\(last)")
    }

    /// A digit of a count. Counts begin with 6–9 (1–5 are pane keys and never a count); once
    /// begun, every digit continues them (`60j`, `63j`).
    mutating func digit(_ n: Int) {
        if let current = count {
            count = min(current * 10 + n, 9999)
        } else if n >= 6 {
            count = n
        } else {
            message = UIText.unboundKey(String(n))
        }
    }

    mutating func prefixed(_ key: Character, _ second: Character, times: Int) {
        switch key {
        case _ where !(key == "m" || key == "'" ? second.isLetter : KindJump(rawValue: second) != nil):
            // Esc or any key that is no second half: say the sequence was dropped
            message = UIText.prefixCancelled(String(key))
        case "m":
            guard let here = currentLocation else { return }
            marks[second] = here
            message = UIText.markSet(String(second))
        case "'":
            guard let mark = marks[second] else {
                message = UIText.noMark(String(second))
                return
            }
            navigate(to: mark.ref, remember: true)
        case "]", "[":
            guard let jump = KindJump(rawValue: second) else { return }  // refused above
            for _ in 0..<times { jumpToKind(jump, forward: key == "]") }
        default:
            break
        }
    }

    /// Next or previous event of some kinds on the (filtered) timeline.
    mutating func jumpToKind(_ jump: KindJump, forward: Bool) {
        if pane != .timeline { focus(.timeline) }
        if zoom != .events { rebuild(.timeline, zoom: .events) }
        let list = paneList(.timeline)
        let items = forward ? Array((selectedItem + 1)..<max(selectedItem + 1, list.count)) : Array((0..<selectedItem).reversed())
        for item in items {
            if case .event(let i)? = list.ref(at: item), jump.kinds.contains(store.events[i].kind) {
                select(item)
                return
            }
        }
        message = UIText.noFurtherKind(jump.kinds[0].label)
    }

    mutating func zoom(by step: Int) {
        if pane != .timeline {
            pane = .timeline
            area = .list
        }
        let target = zoom.rawValue + step
        guard let level = Zoom(rawValue: target) else {
            message = (step < 0 ? UIText.alreadyEveryEvent : UIText.alreadyEras).text
            return
        }
        if zoom == .events, case .event(let i)? = selectedRef { zoomOrigin = i }
        let origin = zoomOrigin
        let bucketHoldsOrigin = origin.map { list.bucket(at: selectedItem)?.events.contains($0) ?? (selectedRef == .event($0)) } ?? false
        rebuild(.timeline, zoom: level)
        // back in: to the event zoomed out from, while the chosen bucket still holds it
        if step < 0, bucketHoldsOrigin, let origin, let item = list.item(holdingEvent: origin) {
            selection[Pane.timeline.rawValue] = item
        }
        if level == .events { zoomOrigin = nil }
    }
}
