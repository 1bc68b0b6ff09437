import DossierCore

/// Ways to fit text that keep what matters: whole words, a tail that must stay (years, dates),
/// a kind of party abbreviated.
enum Shorten {
    /// `text` in at most `width` cells, cut after a whole word and ended with `…`; cut inside
    /// the word only when the first word alone is too wide.
    static func words(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 1 else { return TextLayout.truncate(text, to: width) }
        var kept = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let next = kept.isEmpty ? String(word) : kept + " " + word
            if DisplayWidth.of(next) + 1 > width { break }
            kept = next
        }
        while let last = kept.last, " ·›→–—:,".contains(last) { kept.removeLast() }
        return kept.isEmpty ? TextLayout.truncate(text, to: width) : kept + "…"
    }

    /// `label` in `width` cells, its trailing parenthesis (the years of an era) always whole.
    static func keepingYears(_ label: String, to width: Int) -> String {
        guard DisplayWidth.of(label) > width, label.hasSuffix(")"),
            let open = label.lastIndex(of: "("), open > label.startIndex
        else { return TextLayout.truncate(label, to: width) }
        let tail = " " + label[open...]
        let head = label[..<open].trimmingSuffix()
        let room = width - DisplayWidth.of(tail)
        guard room >= 4 else { return TextLayout.truncate(label, to: width) }
        return TextLayout.truncate(head, to: room) + tail
    }

    /// A kind of party ("association", « autorité ») in at most `width` cells: whole, or its
    /// first letters with a full stop; nil when not even that fits.
    static func kind(_ kind: String, to width: Int) -> String? {
        if DisplayWidth.of(kind) <= width { return kind }
        let letters = min(width - 1, 5)
        guard letters >= 3 else { return nil }
        return String(kind.prefix(letters)) + "."
    }
}

extension Substring {
    fileprivate func trimmingSuffix() -> String {
        var s = String(self)
        while s.last == " " { s.removeLast() }
        return s
    }
}
