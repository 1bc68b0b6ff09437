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
        pane = target
        area = .list
        linkIndex = 0
    }

    /// Enter on a list: a zoomed-out bucket zooms in; a record's detail takes the keys.
    mutating func openDetail() {
        if list.bucket(at: selectedItem) != nil {
            zoom(by: -1)
        } else if links.isEmpty {
            message = UIText.nothingToFollow.text
        } else {
            area = .detail
            linkIndex = 0
        }
    }

    /// Next or previous year (timeline), role group (parties) or case (arguments). Backwards, the
    /// first press goes to the start of the current group, like `{` in an editor.
    mutating func jumpGroup(forward: Bool) {
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

    mutating func digit(_ n: Int) {
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

    mutating func prefixed(_ key: Character, _ second: Character, times: Int) {
        switch key {
        case "m":
            guard second.isLetter, let here = currentLocation else { return }
            marks[second] = here
            message = UIText.markSet(String(second))
        case "'":
            guard let mark = marks[second] else {
                message = UIText.noMark(String(second))
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
    mutating func jumpToKind(_ jump: KindJump, forward: Bool) {
        if pane != .timeline { focus(.timeline) }
        if zoom != .events { rebuild(.timeline, zoom: .events) }
        let list = lists[Pane.timeline.rawValue]
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
        rebuild(.timeline, zoom: level)
    }
}
