import DossierCore

/// `y` and `Y`: cite what the selected row stands for, send it to the terminal's clipboard and
/// show it in an overlay to read and select (a terminal may refuse OSC 52 without saying so).
extension AppState {
    mutating func copyCitation(markdown: Bool) -> [Effect] {
        guard let text = citationText(markdown: markdown) else {
            message = UIText.nothingToCite.text
            return []
        }
        // cited from an overlay (the glossary, the comparison, a source view): closing the
        // citation returns to it
        if let open = overlay, open.kind != .citation { overlayBelow = open }
        overlay = .citation(text)
        message = UIText.citationSent.text
        return [.copyToClipboard(text)]
    }

    /// The source or the case whose view is open, the term shown or chosen in the glossary, the
    /// chosen link of the comparison, else the chosen link in the detail, else the selected
    /// record, else the zoomed-out bucket (its events with dates, titles and ids).
    func citationText(markdown: Bool) -> String? {
        let ref: RecordRef?
        if case .source(let index, _, _)? = overlay {
            ref = .source(index)
        } else if case .caseMap(let event, _)? = overlay {
            ref = .event(event)
        } else if case .glossary(let glossary)? = overlay {
            if let page = glossary.pages.last {
                ref = .term(page.term)
            } else if let chosen = glossary.selected, glossaryTerms(filter: glossary.filter).contains(chosen) {
                ref = .term(chosen)
            } else {
                return nil
            }
        } else if case .compare(_, let link, _)? = overlay {
            guard let targets = comparisonContent?.targets, link < targets.count else { return nil }
            ref = targets[link]
        } else if area == .detail, linkIndex < links.count {
            ref = links[linkIndex]
        } else {
            ref = selectedRef
        }
        if let ref { return markdown ? store.markdownCitation(of: ref, lang) : store.citation(of: ref, lang) }
        guard let bucket = list.bucket(at: selectedItem) else { return nil }
        let lines = bucket.events.map { i -> String in
            let e = store.events[i]
            return markdown ? "- \(e.date) \(e.title[lang].markdownLinkText) (`\(e.id)`)" : "- \(e.date)  \(e.title[lang])  (\(e.id))"
        }
        let count = UIText.count(bucket.events.count, one: .eventOne, many: .eventMany)
        let head = UIText.bucketCitation(
            Localized(bucket.label[lang]), Localized(en: "\(bucket.events.count) " + count.en, fr: "\(bucket.events.count) " + count.fr))[lang]
        return ([head] + lines).joined(separator: "\n")
    }
}

extension String {
    var markdownLinkText: String {
        var out = ""
        for c in self {
            if c == "[" || c == "]" || c == "\\" || c == "*" || c == "_" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
