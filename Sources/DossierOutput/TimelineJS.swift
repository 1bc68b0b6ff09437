import DossierCore

/// The timeline as a TimelineJS3 document (Knight Lab's web viewer): one slide per event with its
/// dates, headline, text and sources, grouped by track, and the three accords as eras.
public struct TimelineJSExport {
    let store: DossierStore
    let lang: Language

    public init(store: DossierStore, lang: Language) {
        self.store = store
        self.lang = lang
    }

    public func document() -> JSON {
        let events = store.events.map { event -> JSON in
            var sources = store.sources(event.sources).map { "<a href=\"\(html($0.url))\">\(html($0.publisher))</a>" }.joined(separator: ", ")
            if !sources.isEmpty { sources = "<p>\(html(Strings.sources[lang])): \(sources)</p>" }
            let note =
                event.certainty == .verified
                ? "" : "<p><em>\(html(event.certainty.label[lang]))</em>" + (event.note.map { ": " + html($0[lang]) } ?? "") + "</p>"
            var pairs: [(String, JSON)] = [("unique_id", .string(event.id)), ("start_date", date(event.date))]
            if let end = event.end { pairs.append(("end_date", date(end))) }
            pairs += [
                (
                    "text",
                    .object([
                        ("headline", .string(html(event.title[lang]))),
                        ("text", .string("<p>\(html(event.summary[lang]))</p>\(note)\(sources)")),
                    ])
                ),
                ("group", .string(event.track.label[lang])),
            ]
            return .object(pairs)
        }
        let eras = store.accords.sorted { $0.inForceFrom < $1.inForceFrom }.map { accord -> JSON in
            .object([
                ("start_date", date(accord.inForceFrom)),
                ("end_date", date(accord.inForceTo ?? inForceUntil)),
                ("text", .object([("headline", .string(html(accord.name[lang])))])),
            ])
        }
        return .object([
            (
                "title",
                .object([
                    (
                        "text",
                        .object([
                            ("headline", .string(html(store.info.title[lang]))),
                            (
                                "text",
                                .string(
                                    "<p>\(html(firstParagraph(store.info.overview[lang])))</p>"
                                        + "<p>\(html(Strings.checkedAsOf(store.info.asOf)[lang]))</p>")
                            ),
                        ])
                    )
                ])
            ),
            ("events", .array(events)),
            ("eras", .array(eras)),
        ])
    }

    /// Where an accord still in force ends on the timeline: the dossier's `as_of` day, or the latest
    /// event (its end when it has one) when that is later, as a full date where TimelineJS places it
    /// (a missing month is January, a missing day the first), so every event lies within an era.
    var inForceUntil: DossierDate {
        let latest = store.events.map { ($0.end ?? $0.date).firstDay }.max() ?? 0
        guard latest > store.info.asOf.firstDay else { return store.info.asOf }
        return DossierDate(year: latest / 10_000, month: latest / 100 % 100, day: latest % 100) ?? store.info.asOf
    }

    /// TimelineJS dates: numbers, with month and day only when known.
    func date(_ d: DossierDate) -> JSON {
        var pairs: [(String, JSON)] = [("year", .number(d.year))]
        if let month = d.month { pairs.append(("month", .number(month))) }
        if let day = d.day { pairs.append(("day", .number(day))) }
        return .object(pairs)
    }

    func html(_ text: String) -> String { HTMLPage.escape(text) }

    /// The overview's first paragraph (paragraphs are separated by a blank line; single line breaks
    /// of a hard-wrapped text are spaces), without its `[[id]]` links.
    func firstParagraph(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if lines.isEmpty { continue } else { break }
            }
            lines.append(line)
        }
        let paragraph = lines.map { $0.trimmingWhitespace() }.joined(separator: " ")
        return TimelineJSExport.removingLinks(paragraph)
    }

    /// Removes `[[id]]` links with the space before them, so none is left before the punctuation
    /// that follows ("from the start [[id]]." → "from the start."); what follows the link is kept
    /// as written, so French keeps its space before « ; » and « : ». `[[id|words]]` keeps its words.
    public static func removingLinks(_ text: String) -> String {
        var out = "", afterLink = false
        for segment in OverviewLinks.segments(in: text) {
            switch segment {
            case .link(_, let label?):
                out += label
                afterLink = false
            case .link:
                while out.last == " " || out.last == "\u{00A0}" { out.removeLast() }
                afterLink = true
            case .text(let piece):
                if afterLink, let next = piece.first, next.isLetter || next.isNumber, !out.isEmpty { out += " " }
                out += piece
                afterLink = false
            }
        }
        return out
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return s
    }
}
