/// One block of a record's detail: what the explorer's detail view, `dossier show` and the
/// Markdown export all present, computed once here so the three never disagree.
public enum DetailBlock: Sendable, Hashable {
    /// The record's title line.
    case heading(String)
    /// A short labelled value ("Date: 2020-07-16").
    case field(label: String, value: String)
    /// Running text, to be word-wrapped.
    case paragraph(String)
    /// A sub-heading ("Events", "Sources").
    case section(String)
    /// A related record, which a reader can follow.
    case link(RecordRef, String)
}

extension DossierStore {
    /// The detail of a record in one language, related records included as links.
    public func detail(of ref: RecordRef, _ lang: Language) -> [DetailBlock] {
        var blocks: [DetailBlock] = []
        func certaintyBlocks(_ certainty: Certainty, _ note: Localized?) {
            blocks.append(.field(label: Strings.certainty[lang], value: certainty.label[lang]))
            if let note { blocks.append(.field(label: Strings.note[lang], value: note[lang])) }
        }
        func links(_ title: Localized, _ refs: [RecordRef]) {
            guard !refs.isEmpty else { return }
            blocks.append(.section(title[lang]))
            for ref in refs { blocks.append(.link(ref, linkLabel(ref, lang, alignDates: true))) }
        }
        func sourceLinks(_ ids: [String]) {
            links(Strings.sources, ids.compactMap { self.ref($0) })
        }
        func identifierFields(_ identifiers: LegalIdentifiers) {
            for (label, value) in identifiers.labelled { blocks.append(.field(label: label[lang], value: value)) }
            if let why = identifiers.unavailable { blocks.append(.field(label: Strings.caseNumber[lang], value: why[lang])) }
        }
        switch ref {
        case .party(let i):
            let p = parties[i]
            blocks.append(.heading(p.name[lang]))
            blocks.append(.field(label: Strings.kind[lang], value: p.kind.label[lang]))
            blocks.append(.field(label: Strings.roles[lang], value: p.roles.map { $0.label[lang] }.joined(separator: ", ")))
            blocks.append(.field(label: Strings.country[lang], value: p.country))
            if let website = p.website { blocks.append(.field(label: Strings.website[lang], value: website)) }
            if p.certainty != .verified || p.note != nil { certaintyBlocks(p.certainty, p.note) }
            blocks.append(.paragraph(p.summary[lang]))
            links(Strings.events, eventIndices(ofParty: p.id).map { .event($0) })
            links(Strings.arguments, argumentIndices(ofParty: p.id).map { .argument($0) })
            sourceLinks(p.sources)
        case .event(let i):
            let e = events[i]
            blocks.append(.heading(e.title[lang]))
            blocks.append(.field(label: Strings.date[lang], value: e.date.description))
            if let end = e.end { blocks.append(.field(label: Strings.end[lang], value: end.description)) }
            blocks.append(.field(label: Strings.kind[lang], value: e.kind.label[lang]))
            blocks.append(.field(label: Strings.track[lang], value: e.track.label[lang]))
            if let name = e.caseName { blocks.append(.field(label: Localized(en: "Case", fr: "Affaire")[lang], value: name[lang])) }
            identifierFields(e.identifiers)
            if e.pending { blocks.append(.field(label: Strings.status[lang], value: Strings.pending(asOf: info.asOf, since: e.date)[lang])) }
            certaintyBlocks(e.certainty, e.note)
            blocks.append(.paragraph(e.summary[lang]))
            links(Strings.accord, e.accord.flatMap { self.ref($0) }.map { [$0] } ?? [])
            // parties grouped by their role in this event; those with none under one heading
            for role in CaseRole.allCases {
                links(role.heading, e.parties.filter { e.partyRoles[$0] == role }.compactMap { self.ref($0) })
            }
            links(Strings.involved, e.parties.filter { e.partyRoles[$0] == nil }.compactMap { self.ref($0) })
            links(Strings.arguments, argumentIndices(ofEvent: e.id).map { .argument($0) })
            sourceLinks(e.sources)
        case .argument(let i):
            let a = arguments[i]
            blocks.append(.heading(a.claim[lang]))
            blocks.append(.field(label: Strings.side[lang], value: a.side.label[lang]))
            if !a.basis.isEmpty { blocks.append(.field(label: Strings.basis[lang], value: a.basis.joined(separator: "; "))) }
            certaintyBlocks(a.certainty, a.note)
            if let detail = a.detail { blocks.append(.paragraph(detail[lang])) }
            if let outcome = a.outcome { blocks.append(.field(label: Strings.outcome[lang], value: outcome[lang])) }
            links(Strings.inCase, self.ref(a.caseID).map { [$0] } ?? [])
            links(Strings.by, a.by.compactMap { self.ref($0) })
            links(Strings.answers, a.answers.compactMap { self.ref($0) })
            links(Strings.answeredBy, answerIndices(to: a.id).map { .argument($0) })
            sourceLinks(a.sources)
        case .accord(let i):
            let a = accords[i]
            blocks.append(.heading(a.name[lang]))
            blocks.append(.field(label: Strings.instrument[lang], value: a.instrument))
            blocks.append(.field(label: Strings.adopted[lang], value: a.adopted.description))
            let until = a.inForceTo?.description ?? Strings.today[lang]
            blocks.append(.field(label: Strings.inForce[lang], value: "\(a.inForceFrom) → \(until)"))
            blocks.append(.field(label: Strings.status[lang], value: a.status[lang]))
            identifierFields(a.identifiers)
            if a.certainty != .verified || a.note != nil { certaintyBlocks(a.certainty, a.note) }
            blocks.append(.paragraph(a.summary[lang]))
            if !a.mechanisms.isEmpty {
                blocks.append(.section(Strings.mechanisms[lang]))
                for mechanism in a.mechanisms { blocks.append(.paragraph("• " + mechanism[lang])) }
            }
            links(Strings.challengedBy, a.challengedBy.compactMap { self.ref($0) })
            links(Strings.struckDownBy, a.struckDownBy.flatMap { self.ref($0) }.map { [$0] } ?? [])
            links(Strings.events, eventIndices(ofAccord: a.id).map { .event($0) })
            sourceLinks(a.sources)
        case .source(let i):
            let s = sources[i]
            blocks.append(.heading(s.title))
            blocks.append(.field(label: Strings.publisher[lang], value: s.publisher))
            blocks.append(.field(label: Strings.date[lang], value: s.date.description))
            blocks.append(.field(label: Strings.kind[lang], value: s.kind.label[lang]))
            blocks.append(.field(label: Strings.language[lang], value: s.language))
            identifierFields(s.identifiers)
            blocks.append(.field(label: "URL", value: s.url))
            links(Strings.citedBy, citations(ofSource: s.id))
        case .term(let i):
            let t = terms[i]
            blocks.append(.heading(t.term[lang]))
            if !t.aliases.isEmpty { blocks.append(.field(label: Strings.aliases[lang], value: t.aliases.joined(separator: ", "))) }
            if t.certainty != .verified || t.note != nil { certaintyBlocks(t.certainty, t.note) }
            blocks.append(.paragraph(t.definition[lang]))
            blocks.append(.paragraph(t.explanation[lang]))
            links(Strings.related, t.related.compactMap { self.ref($0) })
            links(Strings.usedIn, users(ofTerm: t.id))
            sourceLinks(t.sources)
        }
        // every record lists the terms its texts use, before its sources (after them for a
        // source, which has no texts of its own)
        let used = termsUsed(by: ref, lang)
        if !used.isEmpty {
            let termLinks: [DetailBlock] = [.section(Strings.termsUsed[lang])] + used.map { .link(.term($0), terms[$0].term[lang]) }
            let sourcesAt = blocks.firstIndex(of: .section(Strings.sources[lang])) ?? blocks.endIndex
            blocks.insert(contentsOf: termLinks, at: sourcesAt)
        }
        return blocks.map { block in
            // `[[id|words]]` links read as their words; the records they name are followed from
            // the detail's lists (Terms, Related…)
            if case .paragraph(let text) = block { return .paragraph(plainText(text, lang)) }
            if case .field(let label, let value) = block { return .field(label: label, value: plainText(value, lang)) }
            return block
        }
    }

    /// A text with its `[[…]]` links replaced by their words, or by the target's name.
    public func plainText(_ text: String, _ lang: Language) -> String {
        OverviewLinks.plain(text) { id in self.ref(id).map { title(of: $0, lang) } ?? id }
    }

    /// How a related record reads in a list of links: dated for events and sources.
    /// `alignDates`: an event's date padded to the width of a full date (2024-03-22), so that
    /// titles after month- or year-precision dates line up in a list.
    public func linkLabel(_ ref: RecordRef, _ lang: Language, alignDates: Bool = false) -> String {
        switch ref {
        case .event(let i):
            let date = alignDates ? TextLayout.pad(events[i].date.description, to: 10) : events[i].date.description
            return "\(date)  \(events[i].title[lang])"
        case .source(let i):
            let s = sources[i]
            if let quoted = Self.quotedTitle(s, lang) { return quoted }
            return "\(s.publisher), « \(s.title) », \(s.date) — \(s.url)"
                .replacingGuillemetSpaces(for: lang)
        default: return title(of: ref, lang)
        }
    }
}

extension DossierStore {
    /// A source's link label built with its quotes in place, what `replacingGuillemetSpaces` makes
    /// of the « » form without searching it twice (a detail lists many sources, and the search
    /// was a third of building one): only when the first "« " and " »" are sure to be the ones
    /// put around the title — neither the publisher nor the title holds a guillemet, and the
    /// title's ends cannot join the spaces beside them into one character. Nil otherwise.
    static func quotedTitle(_ s: Source, _ lang: Language) -> String? {
        func hasGuillemet(_ text: String) -> Bool {
            var afterC2 = false
            for byte in text.utf8 {
                if afterC2 && (byte == 0xAB || byte == 0xBB) { return true }
                afterC2 = byte == 0xC2
            }
            return false
        }
        guard let first = s.title.unicodeScalars.first, let last = s.title.unicodeScalars.last,
            !first.properties.isGraphemeExtend, first.properties.generalCategory != .spacingMark,
            first.value != 0x200D, last.value < 0x0600,
            !hasGuillemet(s.publisher), !hasGuillemet(s.title)
        else { return nil }
        let (open, close) = lang == .fr ? ("«\u{00A0}", "\u{00A0}»") : ("“", "”")
        return "\(s.publisher), \(open)\(s.title)\(close), \(s.date) — \(s.url)"
    }
}

extension String {
    /// English citations use “quotes”; French keeps « guillemets » with no-break spaces.
    func replacingGuillemetSpaces(for lang: Language) -> String {
        if lang == .fr {
            return self.replacingFirst("« ", with: "«\u{00A0}").replacingFirst(" »", with: "\u{00A0}»")
        }
        return self.replacingFirst("« ", with: "“").replacingFirst(" »", with: "”")
    }

    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = self.firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}

extension DossierStore {
    /// A citation of a record for pasting elsewhere: the record cited as its field cites it
    /// (`legalCitation`), then each source with publisher, title, date and address, in one language.
    public func citation(of ref: RecordRef, _ lang: Language) -> String {
        ([legalCitation(of: ref, lang), Strings.sourcesHeading[lang]]
            + citedSources(of: ref).map { "- " + linkLabel(.source($0), lang) }).joined(separator: "\n")
    }

    /// The same citation in Markdown: the record as a link to its first source, then the sources
    /// as a list of links.
    public func markdownCitation(of ref: RecordRef, _ lang: Language) -> String {
        let sourceIndices = citedSources(of: ref)
        let head = legalCitation(of: ref, lang).markdownEscaped
        let first = sourceIndices.first.map { "[\(head)](\(sources[$0].url))" } ?? head
        let list = sourceIndices.map { i -> String in
            let s = sources[i]
            let label = "\(s.publisher), « \(s.title) », \(s.date)".replacingGuillemetSpaces(for: lang)
            return "- [\(label.markdownEscaped)](\(s.url))"
        }
        return ([first, "", Strings.sourcesHeading[lang]] + list).joined(separator: "\n")
    }

    private func citedSources(of ref: RecordRef) -> [Int] {
        let ids: [String]
        switch ref {
        case .event(let i): ids = events[i].sources
        case .party(let i): ids = parties[i].sources
        case .argument(let i): ids = arguments[i].sources
        case .accord(let i): ids = accords[i].sources
        case .source(let i): return [i]
        case .term(let i): ids = terms[i].sources
        }
        return ids.compactMap { if case .source(let i)? = self.ref($0) { return i } else { return nil } }
    }

    /// One line citing the record as lawyers of its field do, chosen from its identifiers:
    /// - EU courts (an ECLI `ECLI:EU:…`): "Judgment of 16 July 2020, Facebook Ireland and Schrems,
    ///   C-311/18, EU:C:2020:559" (French: "Arrêt du 16 juillet 2020, …");
    /// - Conseil d'État (`ECLI:FR:CE…`): « CE, ord. réf., 22 mars 2024, Clever Cloud et autres,
    ///   n° 492369, ECLI:FR:CEORD:2024:492369.20240322 » (English: "Conseil d'État, interim relief
    ///   order of 22 March 2024, Clever Cloud and others, No. 492369, ECLI:…");
    /// - EU acts (an accord, or an event with an Official Journal reference): the instrument or
    ///   title, then the OJ reference and the CELEX number;
    /// - anything else: title (date), then its identifiers.
    public func legalCitation(of ref: RecordRef, _ lang: Language) -> String {
        switch ref {
        case .event(let i):
            let e = events[i]
            let ids = e.identifiers
            if let ecli = ids.ecli, ecli.hasPrefix("ECLI:EU:") {
                let form: Localized =
                    e.kind == .order
                    ? Localized(en: "Order of", fr: "Ordonnance du")
                    : e.kind == .ruling ? Localized(en: "Judgment of", fr: "Arrêt du") : Localized(en: "Decision of", fr: "Décision du")
                let parts =
                    ["\(form[lang]) \(longDate(e.date, lang))", caseName(e, lang, europeanStyle: true)]
                    + ids.cases + [String(ecli.dropFirst(5))]
                return parts.compactMap { $0 }.joined(separator: ", ")
            }
            if let ecli = ids.ecli, ecli.hasPrefix("ECLI:FR:CE") {
                let court = ecli.split(separator: ":")[2]
                let interim = court.hasPrefix("CEORD")
                let numbers = ids.cases.map { (lang == .fr ? "n°\u{00A0}" : "No. ") + $0 }
                var head: [String?]
                if lang == .fr {
                    head = interim ? ["CE", "ord. réf.", frenchDate(e.date)] : ["CE", frenchDate(e.date)]
                } else {
                    head = ["Conseil d’État", (interim ? "interim relief order of " : "decision of ") + longDate(e.date, .en)]
                }
                head.append(caseName(e, lang, europeanStyle: false))
                return (head.compactMap { $0 } + numbers + [ecli]).joined(separator: ", ")
            }
            if let oj = ids.officialJournal {
                return ([e.title[lang], oj] + (ids.celex.map { ["CELEX \($0)"] } ?? [])).joined(separator: ", ")
            }
            return "\(e.title[lang]) (\(e.date))" + identifierSuffix(ids)
        case .accord(let i):
            let a = accords[i]
            var parts = [a.instrument]
            if let oj = a.identifiers.officialJournal, !a.instrument.contains(oj) { parts.append(oj) }
            if let celex = a.identifiers.celex { parts.append("CELEX \(celex)") }
            if let eli = a.identifiers.eli { parts.append(eli) }
            return "\(a.name[lang]): " + parts.joined(separator: ", ")
        default:
            return title(of: ref, lang)
        }
    }

    /// The name a decision is cited by: the short form its data gives (`case_short`, the court's
    /// own usage: "Schrems", "Latombe v Commission"); failing that, guessed from the parties —
    /// for EU courts the defendants (or claimants), bodies and companies before people, people by
    /// surname; for French courts the first claimant, "and others" when there are more.
    private func caseName(_ e: Event, _ lang: Language, europeanStyle: Bool) -> String? {
        if let short = e.caseShort { return short[lang] }
        func named(_ role: CaseRole) -> [Party] { e.parties.filter { e.partyRoles[$0] == role }.compactMap { party($0) } }
        func short(_ p: Party) -> String {
            var name = p.name[lang]
            if p.kind == .person, let last = name.split(separator: " ").last { return String(last) }
            for suffix in [" Ltd", " Limited", " Inc.", " SAS", " SA"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
            return name
        }
        let and = lang == .fr ? " et " : " and "
        let others = lang == .fr ? " et autres" : " and others"
        if europeanStyle {
            var who = named(.defendant)
            if who.isEmpty { who = named(.claimant) }
            who = who.filter { $0.kind != .person } + who.filter { $0.kind == .person }
            guard !who.isEmpty else { return nil }
            if who.count > 2 { return short(who[0]) + (lang == .fr ? " e.a." : " and Others") }
            return who.map(short).joined(separator: and)
        }
        let claimants = named(.claimant)
        guard let first = claimants.first else { return nil }
        return short(first) + (claimants.count > 1 ? others : "")
    }

    /// "16 July 2020", « 16 juillet 2020 »; a month or a year alone when that is all that is known.
    func longDate(_ date: DossierDate, _ lang: Language) -> String {
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let fr = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        guard let month = date.month else { return String(date.year) }
        let name = (lang == .fr ? fr : en)[month - 1]
        guard let day = date.day else { return "\(name) \(date.year)" }
        return lang == .fr ? "\(day == 1 ? "1er" : String(day))\u{00A0}\(name) \(date.year)" : "\(day) \(name) \(date.year)"
    }

    private func frenchDate(_ date: DossierDate) -> String { longDate(date, .fr) }

    /// ", ECLI:EU:C:2020:559, C-311/18": the identifiers a citation carries after its date.
    private func identifierSuffix(_ identifiers: LegalIdentifiers) -> String {
        let values = identifiers.labelled.map(\.value)
        return values.isEmpty ? "" : ", " + values.joined(separator: ", ")
    }
}

extension String {
    /// Brackets escaped, so a title cannot end a Markdown link early.
    public var markdownEscaped: String {
        var out = ""
        for c in self {
            if c == "[" || c == "]" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
