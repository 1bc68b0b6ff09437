extension Grid {
    /// The screen's styles as text, beside `text`: a legend of the letters used, one letter per
    /// cell for the style painted (row for row with `text`), then, for cells whose content a
    /// selection or a match restyled, the role underneath, as runs. Made to be read in a diff.
    public var styleLayer: String { styleLayer(theme: .safe) }

    /// The style layer with each style's look in `theme` and its lowest contrast ratio.
    public func styleLayer(theme: Theme) -> String {
        var used = Set<Style>()
        var rows: [String] = []
        var roles: [String] = []
        for r in 0..<height {
            var line = ""
            var runs: [(start: Int, end: Int, role: Style)] = []
            for c in 0..<width {
                let cell = self[r, c]
                line.append(cell.style.letter)
                used.insert(cell.style)
                guard cell.role != cell.style else { continue }
                used.insert(cell.role)
                if let last = runs.last, last.end == c - 1, last.role == cell.role {
                    runs[runs.count - 1].end = c
                } else {
                    runs.append((c, c, cell.role))
                }
            }
            rows.append(line)
            if !runs.isEmpty {
                roles.append("\(r): " + runs.map { "\($0.start)-\($0.end) \($0.role)" }.joined(separator: ", "))
            }
        }
        var out = [
            "# one letter per cell: the style painted; under a selection or a match, the role below",
            "# theme \(theme.rawValue): looks, and the lowest WCAG contrast on xterm's colours",
        ]
        for style in Style.allCases where used.contains(style) {
            let ratio = Contrast.minimum(style, in: theme)
            let shown = String(Int((ratio * 10).rounded(.down)) / 10) + "." + String(Int((ratio * 10).rounded(.down)) % 10)
            out.append("# \(style.letter) \(style): \(style.look(in: theme)) (\(shown):1)")
        }
        out += rows
        if !roles.isEmpty {
            out.append("# roles under restyled cells (row: columns role)")
            out += roles
        }
        return out.joined(separator: "\n")
    }
}
