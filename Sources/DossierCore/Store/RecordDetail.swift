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
            blocks.append(.field(label: "URL", value: s.url))
            links(Strings.citedBy, citations(ofSource: s.id))
        }
        return blocks
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
            return "\(s.publisher), « \(s.title) », \(s.date) — \(s.url)"
                .replacingGuillemetSpaces(for: lang)
        default: return title(of: ref, lang)
        }
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
    /// A citation of a record for pasting elsewhere: its title and date, then each source with
    /// publisher, title, date and address, in one language.
    public func citation(of ref: RecordRef, _ lang: Language) -> String {
        var head = title(of: ref, lang)
        var sourceIDs: [String] = []
        switch ref {
        case .event(let i):
            head = "\(events[i].title[lang]) (\(events[i].date))" + identifierSuffix(events[i].identifiers)
            sourceIDs = events[i].sources
        case .party(let i): sourceIDs = parties[i].sources
        case .argument(let i): sourceIDs = arguments[i].sources
        case .accord(let i):
            head = "\(accords[i].name[lang]), \(accords[i].instrument) (\(accords[i].adopted))" + identifierSuffix(accords[i].identifiers)
            sourceIDs = accords[i].sources
        case .source(let i): sourceIDs = [sources[i].id]
        }
        return ([head, Strings.sourcesHeading[lang]] + sources(sourceIDs).map { "- " + linkLabel(.source(index(ofSource: $0.id)), lang) }).joined(separator: "\n")
    }

    /// ", ECLI:EU:C:2020:559, C-311/18": the identifiers a citation carries after its date.
    private func identifierSuffix(_ identifiers: LegalIdentifiers) -> String {
        let values = identifiers.labelled.map(\.value)
        return values.isEmpty ? "" : ", " + values.joined(separator: ", ")
    }

    private func index(ofSource id: String) -> Int {
        if case .source(let i)? = ref(id) { return i }
        return 0
    }
}
