import DossierCore

/// The comparison of the accords (`C` on the Accords pane, `:compare`): stepping dimensions,
/// choosing and following its links, and coming back to it (Back, or closing a source view
/// opened from it).
extension AppState {
    /// `C`: from the Accords pane only (elsewhere the key says where it works).
    mutating func openComparisonFromKey() {
        guard pane == .accords else {
            message = UIText.compareFromAccords.text
            return
        }
        openComparison()
    }

    mutating func openComparison() {
        guard !store.accords.isEmpty else {
            message = UIText.compareNoAccords.text
            return
        }
        overlayBelow = nil
        overlay = .compare(dimension: 0, link: 0, scroll: 0)
    }

    var comparisonContent: CompareView.Content? {
        guard case .compare(let dimension, _, _)? = overlay else { return nil }
        return CompareView.content(self, dimension: dimension)
    }

    /// `J`/`K`: the next or previous dimension (stacked: the page; side by side: its block at the
    /// top), its first link chosen.
    mutating func stepDimension(by delta: Int) {
        guard case .compare(let dimension, _, _)? = overlay, let content = comparisonContent else { return }
        let count = AccordComparison.Dimension.allCases.count
        let next = min(max(0, dimension + delta), count - 1)
        if next == dimension {
            message = UIText.compareNoFurther.text
            return
        }
        if content.sideBySide {
            let start = next < content.dimensionStarts.count ? content.dimensionStarts[next] : 0
            let scroll = min(start, CompareView.maxScroll(self, content))
            let link = content.body[start...].lazy.compactMap(\.spots.first?.link).first ?? 0
            overlay = .compare(dimension: next, link: link, scroll: scroll)
        } else {
            overlay = .compare(dimension: next, link: 0, scroll: 0)
            // the first link of the new page: its first accord
            if let first = comparisonContent?.body.lazy.compactMap(\.spots.first?.link).first {
                overlay = .compare(dimension: next, link: first, scroll: 0)
            }
        }
    }

    /// `j`/`k`: the next or previous link, scrolled into view; past the last (or first) link, a
    /// line of scrolling, so the end of the text can always be reached.
    mutating func moveComparisonLink(by delta: Int) {
        guard case .compare(let dimension, let link, var scroll)? = overlay, let content = comparisonContent else { return }
        let chosen = min(max(0, link + delta), max(0, content.targets.count - 1))
        guard chosen != link else {
            scrollComparison(by: delta)
            return
        }
        let height = CompareView.bodyHeight(self, content)
        if let line = content.bodyLine(of: chosen) {
            if line < scroll { scroll = line }
            // the whole link (a wrapped one takes several lines) where the box allows
            let last = content.body.lastIndex { $0.spots.contains { $0.link == chosen } } ?? line
            if last >= scroll + height { scroll = min(line, last - height + 1) }
        }
        overlay = .compare(dimension: dimensionAt(scroll, content) ?? dimension, link: chosen, scroll: scroll)
    }

    /// Ctrl-E/Ctrl-Y, Space/b: scrolls the lines under the fixed top; a chosen link scrolled out
    /// of view gives way to the first one in view.
    mutating func scrollComparison(by delta: Int) {
        guard case .compare(let dimension, var link, let scroll)? = overlay, let content = comparisonContent else { return }
        let height = CompareView.bodyHeight(self, content)
        let top = min(max(0, scroll + delta), CompareView.maxScroll(self, content))
        let window = content.body[min(top, content.body.count)..<min(top + height, content.body.count)]
        let inView = window.flatMap { $0.spots.map(\.link) }
        if !content.headerHas(link), !inView.contains(link), let first = inView.first { link = first }
        overlay = .compare(dimension: dimensionAt(top, content) ?? dimension, link: link, scroll: top)
    }

    /// Side by side, the dimension whose block is at the top of the scrolled lines.
    private func dimensionAt(_ scroll: Int, _ content: CompareView.Content) -> Int? {
        guard content.sideBySide else { return nil }
        return content.dimensionStarts.lastIndex { $0 <= scroll }
    }

    /// Enter: an accord or a linked record in its pane (Back reopens the comparison), a source in
    /// the source view (closing it returns here).
    mutating func followComparisonLink() {
        guard case .compare(_, let link, _)? = overlay, let content = comparisonContent, link < content.targets.count else { return }
        let target = content.targets[link]
        if case .source(let i) = target {
            overlayBelow = overlay
            overlay = .source(index: i, link: 0, scroll: 0)
            return
        }
        guard Pane.showing(target.kind) != nil else {
            message = UIText.nothingToFollow.text
            return
        }
        leaveOverlay(for: target)
    }
}
