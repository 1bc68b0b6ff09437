import DossierCore

extension RecordRef {
    /// Whether the explorer can show the record: in its pane, or (a term) in the glossary.
    var isBrowsable: Bool { Pane.showing(kind) != nil || kind == .term }
}

/// The glossary (`w`, `:glossary`): its list in the current language's alphabetical order,
/// narrowed as you type (`/` in it), and the terms opened, each a detail whose links are followed
/// as the source view's are. A term reached from anywhere else (a link, `:goto`, a search hit)
/// opens here too.
extension AppState {
    /// The terms the glossary lists, in order: alphabetical in the current language, narrowed
    /// to those matching every word of the filter.
    public func glossaryTerms(filter: String) -> [Int] {
        let order = store.termIndices(alphabeticalIn: lang)
        let words = TextFold.fold(filter).split(separator: " ")
        guard !words.isEmpty else { return order }
        return order.filter { i in
            let t = store.terms[i]
            let haystack = TextFold.fold(([t.term.en, t.term.fr, t.definition[lang]] + t.aliases).joined(separator: " "))
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    mutating func toggleGlossary() {
        if case .glossary? = overlay {
            overlay = nil
            return
        }
        overlay = .glossary(GlossaryState(selected: glossaryTerms(filter: "").first))
    }

    /// Opens a term: on top of the glossary if it is open, otherwise straight on the term, with
    /// no list under it.
    mutating func openTerm(_ index: Int) {
        guard case .glossary(var glossary)? = overlay else {
            overlay = .glossary(GlossaryState(selected: index, pages: [TermPage(term: index)], hasList: false))
            return
        }
        if glossary.pages.last?.term != index { glossary.pages.append(TermPage(term: index)) }
        if glossary.pages.count > 50 { glossary.pages.removeFirst() }
        glossary.selected = index
        overlay = .glossary(glossary)
    }

    /// The detail of a term laid out for the glossary's box.
    public func termLines(_ index: Int) -> [DetailLine] {
        DetailLayout.lines(store.detail(of: .term(index), lang), width: SourceView.box(layout).inner.width, lang: lang)
    }

    /// Narrows the list as the filter is typed; the chosen term stays chosen while it matches,
    /// otherwise the first match is.
    mutating func filterGlossary(_ filter: String) {
        guard case .glossary(var glossary)? = overlay else { return }
        glossary.filter = filter
        let shown = glossaryTerms(filter: filter)
        if glossary.selected.map({ !shown.contains($0) }) ?? true { glossary.selected = shown.first }
        glossary.scroll = 0
        overlay = .glossary(glossary)
        keepGlossarySelectionVisible()
    }

    /// j/k: the next or previous term in the list, or link in a term.
    mutating func moveGlossary(by delta: Int) {
        guard case .glossary(var glossary)? = overlay else { return }
        if var page = glossary.pages.last {
            (page.link, page.scroll) = OverlayDetail.moveLink(
                termLines(page.term), link: page.link, scroll: page.scroll,
                height: SourceView.box(layout).inner.height, by: delta)
            glossary.pages[glossary.pages.count - 1] = page
            overlay = .glossary(glossary)
            return
        }
        let shown = glossaryTerms(filter: glossary.filter)
        guard !shown.isEmpty else { return }
        let position = glossary.selected.flatMap { shown.firstIndex(of: $0) } ?? 0
        glossary.selected = shown[min(max(0, position + delta), shown.count - 1)]
        overlay = .glossary(glossary)
        keepGlossarySelectionVisible()
    }

    /// Ctrl-E/Ctrl-Y, Space/b, the wheel: the window moves, the choice follows into view.
    mutating func scrollGlossary(by delta: Int) {
        guard case .glossary(var glossary)? = overlay else { return }
        let height = SourceView.box(layout).inner.height
        if var page = glossary.pages.last {
            (page.link, page.scroll) = OverlayDetail.scroll(
                termLines(page.term), link: page.link, scroll: page.scroll,
                height: height, by: delta)
            glossary.pages[glossary.pages.count - 1] = page
            overlay = .glossary(glossary)
            return
        }
        let lines = GlossaryView.listLines(self, glossary)
        let rows = max(0, height - GlossaryView.headerRows)
        glossary.scroll = min(max(0, glossary.scroll + delta), max(0, lines.count - rows))
        let window = lines[min(glossary.scroll, lines.count)..<min(glossary.scroll + rows, lines.count)]
        if !window.contains(where: { $0.term == glossary.selected }), let first = window.compactMap(\.term).first {
            glossary.selected = first
        }
        overlay = .glossary(glossary)
    }

    /// Enter: the chosen term opens; in a term, the chosen link is followed (another term opens
    /// on top, a source opens its view, any other record is shown in its pane).
    mutating func followGlossary() {
        guard case .glossary(let glossary)? = overlay else { return }
        guard let page = glossary.pages.last else {
            if let chosen = glossary.selected, glossaryTerms(filter: glossary.filter).contains(chosen) {
                openTerm(chosen)
            } else {
                message = UIText.glossaryNoMatch.text
            }
            return
        }
        let targets = store.detail(of: .term(page.term), lang).compactMap { block -> RecordRef? in
            if case .link(let ref, _) = block { return ref } else { return nil }
        }
        guard page.link < targets.count else { return }
        let target = targets[page.link]
        switch target {
        case .term(let i): openTerm(i)
        case .source(let i):
            // closing the source view returns to the term
            overlayBelow = overlay
            overlay = .source(index: i, link: 0, scroll: 0)
        default:
            // Back returns to the term, the glossary open as it was
            leaveOverlay(for: target)
        }
    }

    /// Back: the term shown closes, uncovering the one before, then the list; a term opened
    /// straight from a link closes the glossary, back where the link was.
    mutating func glossaryBack() {
        guard case .glossary(var glossary)? = overlay else { return }
        guard !glossary.pages.isEmpty else {
            overlay = nil
            return
        }
        glossary.pages.removeLast()
        if glossary.pages.isEmpty && !glossary.hasList {
            overlay = nil
            return
        }
        if let last = glossary.pages.last { glossary.selected = last.term }
        overlay = .glossary(glossary)
        keepGlossarySelectionVisible()
    }

    /// A click in the glossary: a term in the list opens, a link in a term is followed.
    mutating func clickGlossary(link: Int) {
        guard case .glossary(var glossary)? = overlay else { return }
        if var page = glossary.pages.last {
            page.link = link
            glossary.pages[glossary.pages.count - 1] = page
        } else {
            glossary.selected = link
        }
        overlay = .glossary(glossary)
        followGlossary()
    }

    /// Scrolls the list so the chosen term's lines are in view.
    mutating func keepGlossarySelectionVisible() {
        guard case .glossary(var glossary)? = overlay, glossary.pages.isEmpty else { return }
        let lines = GlossaryView.listLines(self, glossary)
        let rows = max(1, SourceView.box(layout).inner.height - GlossaryView.headerRows)
        guard let first = lines.firstIndex(where: { $0.term == glossary.selected && $0.term != nil }) else {
            glossary.scroll = 0
            overlay = .glossary(glossary)
            return
        }
        let last = lines.lastIndex { $0.term == glossary.selected } ?? first
        if first < glossary.scroll { glossary.scroll = first }
        if last >= glossary.scroll + rows { glossary.scroll = min(first, last - rows + 1) }
        glossary.scroll = min(glossary.scroll, max(0, lines.count - rows))
        overlay = .glossary(glossary)
    }
}
