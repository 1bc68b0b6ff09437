import DossierCore

/// One laid-out line of a detail: styled pieces, and the link it belongs to, if any.
public struct DetailLine: Sendable, Hashable {
    public var segments: [Segment]
    /// Index of the link (among the detail's links) this line shows.
    public var link: Int?

    public struct Segment: Sendable, Hashable {
        public var text: String
        public var style: Style
    }

    init(_ text: String, _ style: Style = .normal, link: Int? = nil) {
        segments = [Segment(text: text, style: style)]
        self.link = link
    }

    init(segments: [Segment]) {
        self.segments = segments
        link = nil
    }
}

/// Lays out a record's detail blocks for a width: headings, labelled fields with hanging indent,
/// wrapped paragraphs, sections, and one line per link.
public enum DetailLayout {
    /// With a `limit`, only the first `limit` lines (or all, if fewer): what a screen shows of a
    /// long detail. A line never depends on the blocks after it, so they are the full layout's first.
    public static func lines(_ blocks: [DetailBlock], width: Int, lang: Language, limit: Int = .max) -> [DetailLine] {
        guard width > 0, limit > 0 else { return [] }
        var lines: [DetailLine] = []
        var linkCount = 0
        func blank() { if let last = lines.last, !last.segments.allSatisfy({ $0.text.isEmpty }) { lines.append(DetailLine("")) } }
        for block in blocks {
            if lines.count >= limit { return Array(lines.prefix(limit)) }
            switch block {
            case .heading(let title):
                for line in TextLayout.wrap(title, width: width) { lines.append(DetailLine(line, .heading)) }
            case .field(let label, let value):
                let prefix = Strings.labelled(label, lang)
                let prefixWidth = DisplayWidth.of(prefix)
                if prefixWidth + 8 > width {
                    lines.append(DetailLine(prefix, .muted))
                    for line in TextLayout.wrap(value, width: width) { lines.append(DetailLine(line)) }
                } else {
                    let wrapped = TextLayout.wrap(value, width: width - prefixWidth)
                    for (n, line) in wrapped.enumerated() {
                        lines.append(
                            DetailLine(segments: [
                                .init(text: n == 0 ? prefix : String(repeating: " ", count: prefixWidth), style: .muted),
                                .init(text: line, style: .normal),
                            ]))
                    }
                }
            case .paragraph(let text):
                blank()
                // a bullet's wrapped lines hang under its text, not under the bullet
                if text.hasPrefix("• "), width > 4 {
                    for (n, line) in TextLayout.wrap(String(text.dropFirst(2)), width: width - 2).enumerated() {
                        lines.append(DetailLine((n == 0 ? "• " : "  ") + line))
                    }
                } else {
                    for line in TextLayout.wrap(text, width: width) { lines.append(DetailLine(line)) }
                }
            case .section(let title):
                blank()
                lines.append(DetailLine(title, .title))
            case .link(_, let label):
                lines.append(DetailLine("→ " + TextLayout.truncate(label, to: max(1, width - 2)), .link, link: linkCount))
                linkCount += 1
            }
        }
        return lines.count > limit ? Array(lines.prefix(limit)) : lines
    }
}
