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
            let note = event.certainty == .verified ? "" : "<p><em>\(html(event.certainty.label[lang]))</em>" + (event.note.map { ": " + html($0[lang]) } ?? "") + "</p>"
            var pairs: [(String, JSON)] = [("unique_id", .string(event.id)), ("start_date", date(event.date))]
            if let end = event.end { pairs.append(("end_date", date(end))) }
            pairs += [
                ("text", .object([("headline", .string(html(event.title[lang]))),
                                  ("text", .string("<p>\(html(event.summary[lang]))</p>\(note)\(sources)"))])),
                ("group", .string(event.track.label[lang])),
            ]
            return .object(pairs)
        }
        let lastYear = store.events.last?.date.year ?? 2026
        let eras = store.accords.sorted { $0.inForceFrom < $1.inForceFrom }.map { accord -> JSON in
            .object([("start_date", date(accord.inForceFrom)),
                     ("end_date", date(accord.inForceTo ?? DossierDate(year: lastYear)!)),
                     ("text", .object([("headline", .string(html(accord.name[lang])))]))])
        }
        return .object([
            ("title", .object([("text", .object([("headline", .string(html(store.info.title[lang]))),
                                                 ("text", .string("<p>\(html(firstParagraph(store.info.overview[lang])))</p>"
                                                                  + "<p>\(html(Strings.checkedAsOf(store.info.asOf)[lang]))</p>"))]))])),
            ("events", .array(events)),
            ("eras", .array(eras)),
        ])
    }

    /// TimelineJS dates: numbers, with month and day only when known.
    func date(_ d: DossierDate) -> JSON {
        var pairs: [(String, JSON)] = [("year", .number(d.year))]
        if let month = d.month { pairs.append(("month", .number(month))) }
        if let day = d.day { pairs.append(("day", .number(day))) }
        return .object(pairs)
    }

    func html(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    func firstParagraph(_ text: String) -> String {
        let paragraph = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        var out = "", rest = Substring(paragraph)
        while let open = rest.firstRange(of: "[["), let close = rest[open.upperBound...].firstRange(of: "]]") {
            out += rest[..<open.lowerBound]
            rest = rest[close.upperBound...]
        }
        return (out + rest).replacingFirst("  ", with: " ")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
