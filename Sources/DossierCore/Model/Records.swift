/// The record kinds of a dossier, each declared once: its stored properties and, right below,
/// its `fields` table (see `Field.swift`), which the YAML decoder, the compact form, JSON output
/// and the search index all follow. Adding a field means adding the property, its line in the
/// table, the place it is shown (`RecordDetail.swift`), and the data.

/// Where a record was written, for messages that point people to the right line.
public struct Origin: Sendable, Hashable {
    public var file: String
    public var mark: SourceMark
    public init(file: String, mark: SourceMark) {
        self.file = file
        self.mark = mark
    }

    static let blank = Origin(file: "", mark: SourceMark(line: 0, column: 0))
}

extension DossierDate {
    /// What a blank record holds until its date is read.
    static let blank = DossierDate(year: 1)!
}

public struct Source: DossierRecord {
    public var id = ""
    public var publisher = ""
    public var title = ""
    public var date = DossierDate.blank
    public var url = ""
    public var language = ""
    public var kind = SourceKind.official
    /// The document's own identifiers (a decision page's ECLI, an act's CELEX), when it has them.
    public var identifiers = LegalIdentifiers()
    public var origin = Origin.blank
    public init() {}

    public static let kind = RecordKind.source
    public static let collection = "sources"
    public static let fields: [Field<Source>] = [
        .line("publisher", \.publisher, search: .title),
        .line("title", \.title, search: .title),
        .date("date", \.date, search: .body),
        .line(
            "url", \.url, search: .body,
            check: { _, url, reader in
                guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                    reader.report(at: "url", "'url' must start with https:// or http://")
                    return false
                }
                return true
            }),
        .line("language", \.language),
        .term("kind", \.kind),
        .nested("identifiers", \.identifiers, search: .title),
    ]
}

public struct Party: DossierRecord {
    public var id = ""
    public var name = Localized("")
    public var kind = PartyKind.person
    public var roles: [Role] = []
    public var country = ""
    public var summary = Localized("")
    public var website: String?
    public var certainty = Certainty.verified
    public var note: Localized?
    public var sources: [String] = []
    public var origin = Origin.blank
    public init() {}

    public static let kind = RecordKind.party
    public static let collection = "parties"
    public static let fields: [Field<Party>] = [
        .text("name", \.name, search: .title, allowPlain: true),
        .term("kind", \.kind, search: .body),
        .terms("roles", \.roles, search: .body),
        .line("country", \.country, search: .body),
        .text("summary", \.summary, links: true),
        .optionalLine("website", \.website, search: .body),
        .term("certainty", \.certainty, default: .verified),
        .optionalText("note", \.note, links: true),
        .references("sources", \.sources, to: [.source], required: true, nonEmpty: true),
    ]
    public static func check(_ record: Party, _ reader: FieldReader) {
        reader.checkNoteExplains(record.certainty, record.note)
    }
}

public struct Event: DossierRecord {
    public var id = ""
    public var date = DossierDate.blank
    public var end: DossierDate?
    public var kind = EventKind.other
    public var track = Track.courts
    public var title = Localized("")
    public var summary = Localized("")
    /// Who took part, in the order the data lists them; `partyRoles` says as what, where known.
    public var parties: [String] = []
    public var partyRoles: [String: CaseRole] = [:]
    public var accord: String?
    public var identifiers = LegalIdentifiers()
    /// A court case's name as the court gives it ("Maximillian Schrems v Data Protection
    /// Commissioner") and the short form lawyers cite it by ("Schrems").
    public var caseName: Localized?
    public var caseShort: Localized?
    /// Still undecided or unfinished as of the dossier's `as_of` date (an appeal, a review).
    public var pending = false
    public var certainty = Certainty.verified
    public var note: Localized?
    public var sources: [String] = []
    public var origin = Origin.blank
    public init() {}

    public static let kind = RecordKind.event
    public static let collection = "events"
    public static let fields: [Field<Event>] = [
        .date("date", \.date, search: .body),
        .optionalDate("end", \.end),
        .term("kind", \.kind, search: .body),
        .term("track", \.track, search: .body),
        .text("title", \.title, search: .title),
        .text("summary", \.summary, links: true),
        .participants("parties", \.parties, roles: \.partyRoles),
        .optionalReference("accord", \.accord, to: [.accord]),
        .nested("identifiers", \.identifiers, search: .title),
        .optionalText("case_name", \.caseName),
        .optionalText("case_short", \.caseShort, search: .title),
        .flag("pending", \.pending),
        .term("certainty", \.certainty, default: .verified),
        .optionalText("note", \.note, links: true),
        .references("sources", \.sources, to: [.source], required: true, nonEmpty: true),
    ]
    public static func check(_ record: Event, _ reader: FieldReader) {
        reader.checkNoteExplains(record.certainty, record.note)
        if record.caseShort != nil, record.caseName == nil {
            reader.report(at: "case_short", "'case_short' without 'case_name': give the name the court gives the case")
        }
        if let end = record.end, end.lastDay < record.date.firstDay {
            reader.report(at: "end", "'end' \(end) is before 'date' \(record.date)")
        }
    }
}

public struct Argument: DossierRecord {
    public var id = ""
    public var side = Side.court
    public var by: [String] = []
    public var caseID = ""
    public var claim = Localized("")
    public var detail: Localized?
    public var basis: [String] = []
    public var answers: [String] = []
    public var outcome: Localized?
    public var certainty = Certainty.verified
    public var note: Localized?
    public var sources: [String] = []
    public var origin = Origin.blank
    public init() {}

    public static let kind = RecordKind.argument
    public static let collection = "arguments"
    public static let fields: [Field<Argument>] = [
        .term("side", \.side, search: .body),
        .references("by", \.by, to: [.party], required: true, nonEmpty: true),
        .reference("case", \.caseID, to: [.event]),
        .text("claim", \.claim, search: .title),
        .optionalText("detail", \.detail, links: true),
        .lines("basis", \.basis),
        .references("answers", \.answers, to: [.argument]),
        .optionalText("outcome", \.outcome, links: true),
        .term("certainty", \.certainty, default: .verified),
        .optionalText("note", \.note, links: true),
        .references("sources", \.sources, to: [.source], required: true, nonEmpty: true),
    ]
    public static func check(_ record: Argument, _ reader: FieldReader) {
        reader.checkNoteExplains(record.certainty, record.note)
    }
}

public struct Accord: DossierRecord {
    public var id = ""
    public var name = Localized("")
    public var instrument = ""
    public var adopted = DossierDate.blank
    public var inForceFrom = DossierDate.blank
    public var inForceTo: DossierDate?
    public var summary = Localized("")
    public var mechanisms: [Localized] = []
    public var challengedBy: [String] = []
    public var struckDownBy: String?
    public var identifiers = LegalIdentifiers()
    public var status = Localized("")
    /// The same dimensions on every accord, so the three can be compared point by point.
    public var comparison = AccordComparison()
    public var certainty = Certainty.verified
    public var note: Localized?
    public var sources: [String] = []
    public var origin = Origin.blank
    public init() {}

    public static let kind = RecordKind.accord
    public static let collection = "accords"
    public static let fields: [Field<Accord>] = [
        .text("name", \.name, search: .title, allowPlain: true),
        .line("instrument", \.instrument, search: .body),
        .date("adopted", \.adopted),
        .date("in_force_from", \.inForceFrom),
        .optionalDate("in_force_to", \.inForceTo),
        .text("summary", \.summary, links: true),
        .texts("mechanisms", \.mechanisms),
        .references("challenged_by", \.challengedBy, to: [.party]),
        .optionalReference("struck_down_by", \.struckDownBy, to: [.event]),
        .nested("identifiers", \.identifiers, search: .title),
        // JSON's `status` is the computed in-force / ended / struck-down state (`RecordJSON`)
        .text("status", \.status, json: "status_text"),
        .nested("comparison", \.comparison, search: .body, required: true),
        .term("certainty", \.certainty, default: .verified),
        .optionalText("note", \.note, links: true),
        .references("sources", \.sources, to: [.source], required: true, nonEmpty: true),
    ]
    public static func check(_ record: Accord, _ reader: FieldReader) {
        reader.checkNoteExplains(record.certainty, record.note)
    }
}

/// One point of comparison of an accord (its redress, its ruling…): what it says, on what sources,
/// and whether it states that something is not known.
public struct ComparisonCell: Declared {
    public var text = Localized("")
    public var sources: [String] = []
    /// The text says the point is not known or not established (rather than leaving it out).
    public var unknown = false
    public init() {}

    public static let fields: [Field<ComparisonCell>] = [
        .text("text", \.text, links: true),
        .references("sources", \.sources, to: [.source], required: true, nonEmpty: true),
        .flag("unknown", \.unknown),
    ]
}

/// The dimensions every accord is described by, in the order a comparison shows them; each is
/// required, so no accord can leave a point out without saying it is unknown.
public struct AccordComparison: Declared {
    public var instrument = ComparisonCell()
    public var period = ComparisonCell()
    public var usCommitments = ComparisonCell()
    public var oversight = ComparisonCell()
    public var redress = ComparisonCell()
    public var bulkCollection = ComparisonCell()
    public var challenge = ComparisonCell()
    public var ruling = ComparisonCell()
    public var status = ComparisonCell()
    public init() {}

    public static let fields: [Field<AccordComparison>] = Dimension.allCases.map { dimension in
        .nested(dimension.rawValue, dimension.path, search: .body, required: true)
    }

    /// The dimensions by name, in display order: the YAML keys and JSON keys are the raw values.
    public enum Dimension: String, CaseIterable, Sendable {
        case instrument, period
        case usCommitments = "us_commitments"
        case oversight, redress
        case bulkCollection = "bulk_collection"
        case challenge, ruling, status

        public var path: WritableKeyPath<AccordComparison, ComparisonCell> & Sendable {
            switch self {
            case .instrument: return \.instrument
            case .period: return \.period
            case .usCommitments: return \.usCommitments
            case .oversight: return \.oversight
            case .redress: return \.redress
            case .bulkCollection: return \.bulkCollection
            case .challenge: return \.challenge
            case .ruling: return \.ruling
            case .status: return \.status
            }
        }

        public var label: Localized {
            switch self {
            case .instrument: return Localized(en: "Legal instrument and basis", fr: "Instrument juridique et fondement")
            case .period: return Localized(en: "Adoption and period in force", fr: "Adoption et période d’application")
            case .usCommitments: return Localized(en: "US commitments", fr: "Engagements américains")
            case .oversight: return Localized(en: "Oversight", fr: "Contrôle du respect")
            case .redress: return Localized(en: "Redress for EU individuals", fr: "Recours des Européens")
            case .bulkCollection: return Localized(en: "Bulk collection and proportionality", fr: "Collecte en masse et proportionnalité")
            case .challenge: return Localized(en: "Challenged by", fr: "Contestation")
            case .ruling: return Localized(en: "Ruling and reasoning", fr: "Décision et motifs")
            case .status: return Localized(en: "Status", fr: "Situation")
            }
        }
    }

    public subscript(_ dimension: Dimension) -> ComparisonCell { self[keyPath: dimension.path] }
}

/// A word of the affair (référé-suspension, adequacy decision, EO 14086…): what it means, why it
/// matters here, and where it comes from. Texts link to it with `[[id]]` as to any record.
public struct Term: DossierRecord {
    public var id = ""
    public var term = Localized("")
    /// Other spellings and abbreviations, for search.
    public var aliases: [String] = []
    /// One line.
    public var definition = Localized("")
    public var explanation = Localized("")
    public var related: [String] = []
    public var certainty = Certainty.verified
    public var note: Localized?
    public var sources: [String] = []
    public var origin = Origin.blank
    public init() {}

    public static let kind = RecordKind.term
    public static let collection = "terms"
    public static let fields: [Field<Term>] = [
        .text("term", \.term, search: .title, allowPlain: true),
        .lines("aliases", \.aliases, search: .title),
        .text("definition", \.definition),
        .text("explanation", \.explanation, links: true),
        .references("related", \.related, to: Set(RecordKind.allCases)),
        .term("certainty", \.certainty, default: .verified),
        .optionalText("note", \.note, links: true),
        .references("sources", \.sources, to: [.source], required: true, nonEmpty: true),
    ]
    public static func check(_ record: Term, _ reader: FieldReader) {
        reader.checkNoteExplains(record.certainty, record.note)
    }
}

/// One step of the guided tour: a short paragraph and the record shown beside it.
public struct TourStep: Declared {
    public var record = ""
    public var text = Localized("")
    public init() {}
    public init(record: String, text: Localized) {
        self.record = record
        self.text = text
    }

    public static let fields: [Field<TourStep>] = [
        .reference("record", \.record, to: [.party, .event, .argument, .accord, .term]),
        .text("text", \.text, links: true),
    ]
}

/// The `dossier:` record: the dossier's title, how current it is, focal event, overview and tour.
public struct DossierInfo: Declared {
    public var title = Localized("")
    /// The day the content was last checked against the public record.
    public var asOf = DossierDate.blank
    public var focus = ""
    public var overview = Localized("")
    public var tour: [TourStep] = []
    public var origin = Origin.blank
    public init() {}

    public static let fields: [Field<DossierInfo>] = [
        .text("title", \.title),
        .date("as_of", \.asOf),
        .reference("focus", \.focus, to: [.event]),
        .text("overview", \.overview, links: true),
        .records("tour", \.tour, owner: { "tour step \($0)" }),
    ]
}

/// Everything a dossier folder holds, as read; `DossierStore` adds the indexes.
public struct Dossier: Sendable, Hashable {
    public var info: DossierInfo
    public var sources: [Source] = []
    public var parties: [Party] = []
    public var events: [Event] = []
    public var arguments: [Argument] = []
    public var accords: [Accord] = []
    public var terms: [Term] = []

    public init(info: DossierInfo) { self.info = info }
}

extension FieldReader {
    /// A record that is not `verified` must say, in its note, what is uncertain.
    func checkNoteExplains(_ certainty: Certainty, _ note: Localized?) {
        if certainty != .verified && note == nil && !has("note") {
            report(at: "certainty", "certainty '\(certainty.rawValue)' needs a 'note' saying what is uncertain")
        }
    }
}
