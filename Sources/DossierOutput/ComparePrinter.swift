import DossierCore

/// `dossier accords --compare` and the export's comparison section: the accords side by side by
/// dimension (`DossierStore.comparison`), as text, JSON or a Markdown table.
extension Printer {
    /// Text from this width on puts the accords side by side; below, one dimension after another.
    public static let comparisonSideBySideWidth = 120

    public func comparison() -> String {
        let table = store.comparison(lang)
        switch format {
        case .json, .timelinejs, .html: return comparisonJSON(table).rendered()
        case .markdown: return "# \(md(Strings.comparison[lang]))\n\n" + markdownComparison(table, internalLinks: false)
        case .text:
            let title = Strings.comparison[lang]
            var out = title + "\n" + String(repeating: "=", count: DisplayWidth.of(title)) + "\n\n"
            if let sideBySide = textComparisonSideBySide(table) { return out + sideBySide }
            out += textComparisonStacked(table)
            return out
        }
    }

    /// An accord as a column heads it: its name and the years it was in force.
    func columnTitle(_ ref: RecordRef) -> String {
        guard case .accord(let i) = ref else { return store.title(of: ref, lang) }
        return "\(store.accords[i].name[lang]) (\(Strings.span(store.accords[i])))"
    }

    /// A cell's text with the unknown mark in words, its linked records and its sources, as lines
    /// of at most `width` columns (a word too long is broken, never cut).
    func textCell(_ cell: ComparisonTable.Cell, width: Int) -> [String] {
        let text = cell.unknown ? Strings.unknownMark[lang] + " " + cell.text : cell.text
        var lines = TextLayout.wrap(text, width: width)
        if !cell.links.isEmpty {
            lines += TextLayout.wrap(Strings.labelled(Strings.see[lang], lang) + cell.links.map { store.id(of: $0) }.joined(separator: ", "), width: width)
        }
        if !cell.sources.isEmpty {
            lines += TextLayout.wrap(
                Strings.labelled(Strings.sourcesShort[lang], lang) + cell.sources.map { store.id(of: $0) }.joined(separator: ", "), width: width)
        }
        return lines
    }

    /// One block per dimension, the label at the left and one column per accord; nil when the
    /// width leaves too little room for the columns.
    func textComparisonSideBySide(_ table: ComparisonTable) -> String? {
        let count = table.accords.count
        guard width >= Printer.comparisonSideBySideWidth, width < Printer.unwrapped, count > 0 else { return nil }
        let labelWidth = min(24, max(14, width / 7))
        let columnWidth = (width - labelWidth - 3 * count) / count
        guard columnWidth >= 16 else { return nil }
        let rule = String(repeating: "-", count: labelWidth) + String(repeating: "-+-" + String(repeating: "-", count: columnWidth), count: count)
        var out = ""
        func block(_ label: [String], _ cells: [[String]]) {
            for row in 0..<max(label.count, cells.map(\.count).max() ?? 0) {
                var line = TextLayout.pad(row < label.count ? label[row] : "", to: labelWidth)
                for (c, cell) in cells.enumerated() {
                    let text = row < cell.count ? cell[row] : ""
                    line += " | " + (c < cells.count - 1 ? TextLayout.pad(text, to: columnWidth) : text)
                }
                while line.last == " " { line.removeLast() }
                out += line + "\n"
            }
            out += rule + "\n"
        }
        block([], table.accords.map { TextLayout.wrap(columnTitle($0), width: columnWidth) })
        for row in table.rows {
            block(TextLayout.wrap(row.label, width: labelWidth), row.cells.map { textCell($0, width: columnWidth) })
        }
        return out
    }

    /// Each dimension under its label, the accords one after another.
    func textComparisonStacked(_ table: ComparisonTable) -> String {
        var out = ""
        for row in table.rows {
            out += row.label + "\n" + String(repeating: "-", count: DisplayWidth.of(row.label)) + "\n"
            for (ref, cell) in zip(table.accords, row.cells) {
                out += columnTitle(ref) + "\n"
                out += textCell(cell, width: max(20, width - 2)).map { "  " + $0 }.joined(separator: "\n") + "\n"
            }
            out += "\n"
        }
        return out
    }

    func comparisonJSON(_ table: ComparisonTable) -> JSON {
        .object([
            (
                "accords",
                .array(
                    table.accords.map { ref -> JSON in
                        guard case .accord(let i) = ref else { return .null }
                        let a = store.accords[i]
                        return .object([
                            ("id", .string(a.id)), ("name", .string(a.name[lang])), ("in_force_from", .string(a.inForceFrom.description)),
                            ("in_force_to", .optional(a.inForceTo?.description)),
                        ])
                    })
            ),
            (
                "dimensions",
                .array(
                    table.rows.map { row in
                        .object([
                            ("dimension", .string(row.dimension.rawValue)), ("label", .string(row.label)),
                            (
                                "accords",
                                .array(
                                    zip(table.accords, row.cells).map { ref, cell in
                                        .object([
                                            ("accord", .string(store.id(of: ref))), ("text", .string(cell.text)), ("unknown", .bool(cell.unknown)),
                                            ("links", .strings(cell.links.map { store.id(of: $0) })),
                                            (
                                                "sources",
                                                .array(
                                                    cell.sources.compactMap {
                                                        if case .source(let i) = $0 { return json.source(store.sources[i]) } else { return nil }
                                                    })
                                            ),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }

    /// A table GitHub renders: one row per dimension, one column per accord. With
    /// `internalLinks` (the export) accords, linked records and sources link to their place in
    /// the document; otherwise sources link to their address.
    func markdownComparison(_ table: ComparisonTable, internalLinks: Bool) -> String {
        // a table cell is one line: a line break inside a text would end the row
        func cellText(_ text: String) -> String { md(String(text.map { $0 == "\n" ? " " : $0 })) }
        var out = "| \(md(Strings.dimension[lang])) |"
        for ref in table.accords {
            guard case .accord(let i) = ref else { continue }
            let a = store.accords[i]
            let name = internalLinks ? "[\(md(a.name[lang]))](#\(a.id))" : md(a.name[lang])
            out += " \(name) (\(Strings.span(a))) |"
        }
        out += "\n|---|" + String(repeating: "---|", count: table.accords.count) + "\n"
        for row in table.rows {
            out += "| **\(md(row.label))** |"
            for cell in row.cells {
                var parts = [(cell.unknown ? "*\(md(Strings.unknownMark[lang]))* " : "") + cellText(cell.text)]
                if internalLinks, !cell.links.isEmpty {
                    parts.append(
                        Strings.labelled(Strings.see[lang], lang)
                            + cell.links.map { "[\(cellText(store.linkLabel($0, lang)))](#\(store.id(of: $0)))" }.joined(separator: ", "))
                }
                let sources = cell.sources.compactMap { ref -> String? in
                    guard case .source(let i) = ref else { return nil }
                    let s = store.sources[i]
                    return "[\(cellText("\(s.publisher), \(s.date)"))](\(internalLinks ? "#" + s.id : s.url))"
                }
                if !sources.isEmpty { parts.append(Strings.labelled(Strings.sourcesShort[lang], lang) + sources.joined(separator: ", ")) }
                out += " " + parts.joined(separator: "<br>") + " |"
            }
            out += "\n"
        }
        return out
    }
}
