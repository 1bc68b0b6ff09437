import DossierCore

public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, markdown
    /// Only for `export`: a TimelineJS3 document.
    case timelinejs
    /// Only for `export`: one self-contained HTML page (`HTMLPage`).
    case html
}

/// Prints every view of the dossier for the CLI, in text (aligned by display width), JSON
/// (documented, stable) or Markdown (reads as a document). Text comes from the sanitised store.
public struct Printer {
    public let store: DossierStore
    public let lang: Language
    public let format: OutputFormat
    /// Width used to wrap running text in text output; `Printer.unwrapped` for none.
    public var width = 80
    public static let unwrapped = Int.max / 4

    public init(store: DossierStore, lang: Language, format: OutputFormat) {
        self.store = store
        self.lang = lang
        self.format = format
    }

    var json: RecordJSON { RecordJSON(store: store, texts: .language(lang), resolveSources: true) }

    // MARK: listings

    public func timeline(_ events: [Event]) -> String {
        switch format {
        case .json, .timelinejs, .html: return JSON.array(events.map(json.event)).rendered()
        case .text:
            return table(
                events.map { e in
                    [e.date.description, e.kind.label[lang], e.title[lang] + certaintyMark(e.certainty)]
                })
        case .markdown:
            var out = "# \(Strings.timeline[lang])\n"
            var year: Int?
            for e in events {
                if e.date.year != year {
                    year = e.date.year
                    out += "\n## \(e.date.year)\n\n"
                }
                out += "- **\(e.date)** — \(md(e.title[lang]))\(certaintyMark(e.certainty)) (\(e.kind.label[lang]))\n"
                out += "\n  \(md(e.summary[lang]))\n"
                let sources = store.sources(e.sources).map { "[\(md($0.publisher))](\($0.url))" }
                if !sources.isEmpty { out += "\n  \(md(Strings.sources[lang]))\(Strings.colon[lang]) \(sources.joined(separator: ", "))\n" }
                out += "\n"
            }
            return out
        }
    }

    public func parties(_ parties: [Party]) -> String {
        switch format {
        case .json, .timelinejs, .html:
            return JSON.array(
                parties.map { p in
                    guard case .object(var pairs) = json.party(p) else { return json.party(p) }
                    pairs.append(("events", .strings(store.eventIndices(ofParty: p.id).map { store.events[$0].id })))
                    return .object(pairs)
                }
            ).rendered()
        case .text:
            return table(parties.map { p in [p.id, p.name[lang], p.roles.map { $0.label[lang] }.joined(separator: ", ")] })
        case .markdown:
            var out = "# \(Strings.parties[lang])\n\n"
            for p in parties {
                out += "- **\(md(p.name[lang]))** (\(p.roles.map { $0.label[lang] }.joined(separator: ", "))) — \(md(p.summary[lang]))\n"
            }
            return out
        }
    }

    public func arguments(_ arguments: [Argument]) -> String {
        switch format {
        case .json, .timelinejs, .html: return JSON.array(arguments.map(json.argument)).rendered()
        case .text:
            return table(
                arguments.map { a in
                    [
                        a.id, a.side.label[lang], a.by.compactMap { store.party($0)?.name[lang] }.joined(separator: ", "),
                        a.claim[lang] + certaintyMark(a.certainty),
                    ]
                })
        case .markdown:
            var out = "# \(Strings.arguments[lang])\n"
            for side in Side.allCases {
                let group = arguments.filter { $0.side == side }
                guard !group.isEmpty else { continue }
                out += "\n## \(Printer.capitalized(side.label[lang]))\n\n"
                for a in group {
                    let who = a.by.compactMap { store.party($0)?.name[lang] }.joined(separator: ", ")
                    out += "- \(md(a.claim[lang]))\(certaintyMark(a.certainty)) — *\(md(who))*\n"
                }
            }
            return out
        }
    }

    public func accords(_ accords: [Accord]) -> String {
        switch format {
        case .json, .timelinejs, .html: return JSON.array(accords.map(json.accord)).rendered()
        case .text:
            return table(
                accords.map { a in
                    [a.name[lang], a.instrument, "\(a.inForceFrom) → \(a.inForceTo?.description ?? Strings.today[lang])", a.status[lang]]
                })
        case .markdown:
            var out = "# \(Strings.accords[lang])\n"
            for a in accords { if let ref = store.ref(a.id) { out += "\n" + markdownDetail(ref, level: 2) } }
            return MarkdownAnchors.resolve(out)
        }
    }

    // MARK: one record

    public func show(_ ref: RecordRef) -> String {
        switch format {
        case .json, .timelinejs, .html:
            guard case .object(var pairs) = json.record(ref) else { return json.record(ref).rendered() }
            pairs.insert(("kind_of_record", .string(ref.kind.rawValue)), at: 0)
            pairs.append(
                (
                    "links",
                    .array(
                        linkGroups(ref).map { group in
                            .object([("relation", .string(group.relation)), ("records", .array(group.refs.map { json.summary($0, lang) }))])
                        })
                ))
            return JSON.object(pairs).rendered()
        case .text: return textDetail(ref)
        case .markdown: return markdownDetail(ref, level: 1)
        }
    }

    /// The related records of a record, by machine-readable relation name (stable across languages).
    func linkGroups(_ ref: RecordRef) -> [(relation: String, refs: [RecordRef])] {
        func refs(_ ids: [String]) -> [RecordRef] { ids.compactMap { store.ref($0) } }
        var groups: [(String, [RecordRef])]
        switch ref {
        case .party(let i):
            let p = store.parties[i]
            groups = [
                ("events", store.eventIndices(ofParty: p.id).map { .event($0) }),
                ("arguments", store.argumentIndices(ofParty: p.id).map { .argument($0) }),
                ("sources", refs(p.sources)),
            ]
        case .event(let i):
            let e = store.events[i]
            groups = [
                ("accord", refs(e.accord.map { [$0] } ?? [])), ("parties", refs(e.parties)),
                ("arguments", store.argumentIndices(ofEvent: e.id).map { .argument($0) }), ("sources", refs(e.sources)),
            ]
        case .argument(let i):
            let a = store.arguments[i]
            groups = [
                ("case", refs([a.caseID])), ("by", refs(a.by)), ("answers", refs(a.answers)),
                ("answered_by", store.answerIndices(to: a.id).map { .argument($0) }), ("sources", refs(a.sources)),
            ]
        case .accord(let i):
            let a = store.accords[i]
            groups = [
                ("challenged_by", refs(a.challengedBy)), ("struck_down_by", refs(a.struckDownBy.map { [$0] } ?? [])),
                ("events", store.eventIndices(ofAccord: a.id).map { .event($0) }), ("sources", refs(a.sources)),
            ]
        case .source(let i):
            groups = [("cited_by", store.citations(ofSource: store.sources[i].id))]
        case .term(let i):
            let t = store.terms[i]
            groups = [("related", refs(t.related)), ("used_in", store.users(ofTerm: t.id)), ("sources", refs(t.sources))]
        }
        // every record: the glossary terms its texts use
        groups.append(("terms", store.termsUsed(by: ref, lang).map { .term($0) }))
        return groups.filter { !$0.1.isEmpty }.map { (relation: $0.0, refs: $0.1) }
    }

    /// A record as text, wrapped at `width`; a word longer than a line (a URL) is never broken.
    func textDetail(_ ref: RecordRef) -> String {
        var out = ""
        for block in store.detail(of: ref, lang) {
            switch block {
            case .heading(let title):
                out += title + "\n" + String(repeating: "=", count: min(width, max(1, DisplayWidth.of(title)))) + "\n"
            case .field(let label, let value):
                let lines = TextLayout.wrap(value, width: max(20, width - 16), breakingWords: false)
                for (n, line) in lines.enumerated() {
                    out += (n == 0 ? TextLayout.pad(Strings.labelled(label, lang), to: 16) : String(repeating: " ", count: 16)) + line + "\n"
                }
            case .paragraph(let text):
                out += "\n" + TextLayout.wrap(text, width: width, breakingWords: false).joined(separator: "\n") + "\n"
            case .section(let title):
                out += "\n" + title + "\n" + String(repeating: "-", count: max(1, DisplayWidth.of(title))) + "\n"
            case .link(let target, let label):
                let id = store.id(of: target)
                let column = max(DisplayWidth.of(id), 34) + 3
                for (n, line) in TextLayout.wrap(label, width: max(20, width - column), breakingWords: false).enumerated() {
                    out += (n == 0 ? "  " + TextLayout.pad(id, to: column - 3) + " " : String(repeating: " ", count: column)) + line + "\n"
                }
            }
        }
        return out
    }

    func markdownDetail(_ ref: RecordRef, level: Int) -> String {
        let hashes = String(repeating: "#", count: level)
        var out = ""
        for block in store.detail(of: ref, lang) {
            switch block {
            case .heading(var title):
                // a claim is a sentence; as a heading it has no full stop
                if case .argument = ref, title.hasSuffix("."), !title.hasSuffix("..") { title.removeLast() }
                out += "\(hashes) \(md(title))\n\n<a id=\"\(store.id(of: ref))\"></a>\n\n"
            case .field(let label, let value):
                // a bare URL is linked: plain CommonMark does not link it by itself
                let isURL = (value.hasPrefix("https://") || value.hasPrefix("http://")) && !value.contains(where: { $0 == " " || $0 == "<" || $0 == ">" })
                out += "- **\(md(label))**\(Strings.colon[lang]) \(isURL ? "<\(value)>" : md(value))\n"
            case .paragraph(let text): out += "\n\(md(text))\n\n"
            case .section(let title): out += "\n\(hashes)# \(md(title))\n\n"
            case .link(let target, let label):
                if case .source(let i) = target {
                    let s = store.sources[i]
                    out += "- \(md(s.publisher)), [\(md(s.title))](\(s.url)), \(s.date)\n"
                } else {
                    out += "- [\(md(label))](#\(store.id(of: target)))\n"
                }
            }
        }
        return out
    }

    // MARK: search, overview, export

    public func search(_ query: String) -> String {
        let hits = store.searchIndex.search(query)
        switch format {
        case .json, .timelinejs, .html:
            return JSON.array(
                hits.map { hit in
                    .object([
                        ("kind", .string(hit.ref.kind.rawValue)), ("id", .string(store.id(of: hit.ref))),
                        ("title", .string(store.title(of: hit.ref, lang))), ("in_title", .bool(hit.inTitle)),
                    ])
                }
            ).rendered()
        case .text:
            if hits.isEmpty { return Strings.noResults[lang] + "\n" }
            return table(hits.map { [$0.ref.kind.label[lang], store.id(of: $0.ref), store.title(of: $0.ref, lang)] })
        case .markdown:
            if hits.isEmpty { return Strings.noResults[lang] + "\n" }
            return hits.map { "- \($0.ref.kind.label[lang]): [\(md(store.title(of: $0.ref, lang)))](#\(store.id(of: $0.ref)))" }
                .joined(separator: "\n") + "\n"
        }
    }

    /// The overview for newcomers. `[[id]]` links become numbered notes listed after the text.
    public func overview() -> String {
        let text = store.info.overview[lang]
        switch format {
        case .json, .timelinejs, .html:
            return JSON.object([
                ("title", .string(store.info.title[lang])), ("as_of", .string(store.info.asOf.description)), ("overview", .string(text)),
                ("focus", .string(store.info.focus)),
                (
                    "counts",
                    .object([
                        ("parties", .number(store.parties.count)), ("events", .number(store.events.count)),
                        ("arguments", .number(store.arguments.count)), ("accords", .number(store.accords.count)),
                        ("sources", .number(store.sources.count)), ("terms", .number(store.terms.count)),
                    ])
                ),
            ]).rendered()
        case .markdown:
            return "# \(md(store.info.title[lang]))\n\n*\(md(Strings.checkedAsOf(store.info.asOf)[lang]))*\n\n" + markdownOverview() + "\n"
        case .text:
            let title = store.info.title[lang]
            var out = title + "\n" + String(repeating: "=", count: DisplayWidth.of(title)) + "\n\n"
            out += Strings.checkedAsOf(store.info.asOf)[lang] + "\n\n"
            let (body, notes) = numberLinks(text) { n, _ in "[\(n)]" }
            for paragraph in body.split(separator: "\n", omittingEmptySubsequences: false) {
                out += TextLayout.wrap(String(paragraph), width: width).joined(separator: "\n") + "\n"
            }
            if !notes.isEmpty { out += "\n" }
            for (n, ref) in notes.enumerated() {
                let label = "[\(n + 1)] "
                let lines = TextLayout.wrap(store.linkLabel(ref, lang), width: width - DisplayWidth.of(label))
                for (k, line) in lines.enumerated() {
                    out += (k == 0 ? label : String(repeating: " ", count: DisplayWidth.of(label))) + line + "\n"
                }
            }
            out += "\n\(store.events.count) \(Strings.events[lang].lowercased()), \(store.parties.count) \(Strings.parties[lang].lowercased()), "
            out += "\(store.arguments.count) \(Strings.arguments[lang].lowercased()), \(store.accords.count) \(Strings.accords[lang].lowercased()), "
            out += "\(store.sources.count) \(Strings.sources[lang].lowercased()), \(store.terms.count) \(Strings.termsUsed[lang].lowercased()).\n"
            return out
        }
    }

    func markdownOverview(headingLevel: String = "##") -> String {
        let (body, notes) = numberLinks(store.info.overview[lang], escape: { md($0) }, { n, id in "[\\[\(n)\\]](#\(id))" })
        var out = body + "\n\n"
        if !notes.isEmpty { out += "\(headingLevel) \(Strings.references[lang])\n\n" }
        for (n, ref) in notes.enumerated() {
            out += "\(n + 1). [\(md(store.linkLabel(ref, lang)))](#\(store.id(of: ref)))\n"
        }
        return out
    }

    /// Replaces each `[[id]]` by a numbered mark and returns the linked records in note order
    /// (a record linked twice keeps its first number).
    func numberLinks(_ text: String, escape: (String) -> String = { $0 }, _ mark: (Int, String) -> String) -> (String, [RecordRef]) {
        var out = "", pending = ""
        var notes: [RecordRef] = []
        for segment in OverviewLinks.segments(in: text) {
            switch segment {
            case .text(let piece):
                pending += piece
            case .link(let id, let label):
                // `[[id|words]]` keeps its words in the sentence; the note mark follows them
                if let label { pending += label }
                while pending.last == " " { pending.removeLast() }
                out += escape(pending)
                pending = ""
                if let ref = store.ref(id) {
                    let number =
                        (notes.firstIndex(of: ref)
                            ?? {
                                notes.append(ref); return notes.count - 1
                            }()) + 1
                    out += "\u{00A0}" + mark(number, id)
                }
            }
        }
        return (out + escape(pending), notes)
    }

    /// The whole dossier: JSON with both languages; text and Markdown as a document in one language.
    public func export() -> String {
        switch format {
        case .timelinejs:
            return TimelineJSExport(store: store, lang: lang).document().rendered()
        case .html:
            return HTMLPage(store: store, lang: lang).document()
        case .json:
            let both = RecordJSON(store: store, texts: .both, resolveSources: false)
            return JSON.object([
                ("dossier", both.info(store.info)),
                ("sources", .array(store.sources.map(both.source))),
                ("parties", .array(store.parties.map(both.party))),
                ("events", .array(store.events.map(both.event))),
                ("arguments", .array(store.arguments.map(both.argument))),
                ("accords", .array(store.accords.map(both.accord))),
                ("terms", .array(store.terms.map(both.term))),
            ]).rendered()
        case .markdown:
            return markdownExport()
        case .text:
            var out = overview() + "\n"
            for (title, refs) in [
                (Strings.timeline, store.events.indices.map { RecordRef.event($0) }),
                (Strings.parties, store.parties.indices.map { RecordRef.party($0) }),
                (Strings.arguments, store.arguments.indices.map { RecordRef.argument($0) }),
                (Strings.accords, store.accords.indices.map { RecordRef.accord($0) }),
                (Strings.glossary, glossaryRefs),
            ] where !refs.isEmpty || title != Strings.glossary {
                out += "\n" + title[lang].uppercased() + "\n\n"
                for ref in refs { out += textDetail(ref) + "\n" }
            }
            return out
        }
    }

    /// The whole dossier as one Markdown document: a contents list of the sections and the records
    /// under each, then each section. Links are resolved to GitHub's heading anchors
    /// (`MarkdownAnchors`), so each lands on the heading it names.
    func markdownExport() -> String {
        // the glossary only when the dossier has one
        let sections: [(key: String, title: Localized, refs: [RecordRef])] = [
            ("overview", Strings.overview, []),
            ("timeline", Strings.timeline, store.events.indices.map { .event($0) }),
            ("parties", Strings.parties, store.parties.indices.map { .party($0) }),
            ("arguments", Strings.arguments, store.arguments.indices.map { .argument($0) }),
            ("accords", Strings.accords, store.accords.indices.map { .accord($0) }),
            ("comparison", Strings.comparison, []),
            ("glossary", Strings.glossary, glossaryRefs),
            ("sources", Strings.sources, []),
        ].filter { $0.key != "glossary" || !$0.refs.isEmpty }
        var out = "# \(md(store.info.title[lang]))\n\n*\(md(Strings.checkedAsOf(store.info.asOf)[lang]))*\n\n"
        for (n, section) in sections.enumerated() {
            out += "\(n + 1). [\(md(section.title[lang]))](#§\(section.key))\n"
            for ref in section.refs { out += "   - [\(md(store.linkLabel(ref, lang)))](#\(store.id(of: ref)))\n" }
        }
        out += "\n"
        for section in sections {
            out += "## \(md(section.title[lang]))\n\n<a id=\"§\(section.key)\"></a>\n\n"
            switch section.key {
            case "overview": out += markdownOverview(headingLevel: "###") + "\n"
            case "comparison": out += markdownComparison(store.comparison(lang), internalLinks: true) + "\n"
            case "sources":
                for s in store.sources { out += "- <a id=\"\(s.id)\"></a>\(md(s.publisher)), [\(md(s.title))](\(s.url)), \(s.date)\n" }
            default:
                for ref in section.refs { out += markdownDetail(ref, level: 3) + "\n" }
            }
        }
        return MarkdownAnchors.resolve(out)
    }

    /// The glossary's terms in this language's alphabetical order.
    var glossaryRefs: [RecordRef] { store.termIndices(alphabeticalIn: lang).map { .term($0) } }

    /// The glossary: every term, in this language's alphabetical order, with its definition
    /// (text: the id to `show` it by; JSON: each term with the records using it; Markdown: each
    /// term's detail, links between terms resolved to their headings).
    public func glossary() -> String {
        switch format {
        case .json, .timelinejs, .html:
            return JSON.array(
                glossaryRefs.map { ref in
                    guard case .object(let pairs) = json.record(ref), case .term(let i) = ref else { return json.record(ref) }
                    let users = store.users(ofTerm: store.terms[i].id).map { json.summary($0, lang) }
                    return .object(pairs + [("used_in", .array(users))])
                }
            ).rendered()
        case .markdown:
            var out = "# \(md(Strings.glossary[lang]))\n"
            for ref in glossaryRefs { out += "\n" + markdownDetail(ref, level: 2) }
            return MarkdownAnchors.resolve(out)
        case .text:
            let title = Strings.glossary[lang]
            var out = title + "\n" + String(repeating: "=", count: DisplayWidth.of(title)) + "\n"
            for ref in glossaryRefs {
                guard case .term(let i) = ref else { continue }
                let t = store.terms[i]
                out += "\n\(t.term[lang])  (\(t.id))\n"
                out += TextLayout.wrap(t.definition[lang], width: max(20, width - 4), breakingWords: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
            }
            return out
        }
    }

    /// The guided tour as a document: each step's paragraph under the record it shows.
    public func tour() -> String {
        let steps = store.info.tour
        switch format {
        case .json, .timelinejs, .html:
            return JSON.array(
                steps.enumerated().map { n, step in
                    .object([
                        ("step", .number(n + 1)), ("record", .string(step.record)),
                        ("title", .string(store.ref(step.record).map { store.title(of: $0, lang) } ?? step.record)),
                        ("text", .string(step.text[lang])),
                    ])
                }
            ).rendered()
        case .markdown:
            var out = "# \(md(store.info.title[lang])) — \(Strings.guidedTour[lang])\n"
            for (n, step) in steps.enumerated() {
                let title = store.ref(step.record).map { store.linkLabel($0, lang) } ?? step.record
                out += "\n## \(n + 1). \(md(title))\n\n\(md(step.text[lang]))\n"
            }
            return out
        case .text:
            var out = ""
            for (n, step) in steps.enumerated() {
                let title = store.ref(step.record).map { store.linkLabel($0, lang) } ?? step.record
                out += "\(n + 1)/\(steps.count)  \(title)\n"
                out += TextLayout.wrap(step.text[lang], width: width - 4).map { "    " + $0 }.joined(separator: "\n") + "\n\n"
            }
            return out
        }
    }

    // MARK: helpers

    func certaintyMark(_ certainty: Certainty) -> String {
        certainty == .verified ? "" : " [\(certainty.label[lang])]"
    }

    /// Columns aligned by display width; the last column is not padded.
    func table(_ rows: [[String]]) -> String {
        // one line a row, whatever a cell holds (a line break would forge rows)
        let rows = rows.map { row in row.map { Sanitizer.clean($0, multiline: false) } }
        guard let columns = rows.first?.count else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() where i < columns - 1 { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        return rows.map { row in
            row.enumerated().map { i, cell in i < columns - 1 ? TextLayout.pad(cell, to: widths[i]) : cell }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Escapes the characters that would change the meaning of Markdown text.
    func md(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "*", "_", "`", "[", "]", "<", ">", "#", "|", "\\":
                out.append("\\")
                out.append(character)
            default: out.append(character)
            }
        }
        return out
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
