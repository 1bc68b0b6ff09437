/// Where a record was written, for messages that point people to the right line.
public struct Origin: Sendable, Hashable {
    public var file: String
    public var mark: SourceMark
    public init(file: String, mark: SourceMark) {
        self.file = file
        self.mark = mark
    }
}

public struct Source: Sendable, Hashable {
    public var id: String
    public var publisher: String
    public var title: String
    public var date: DossierDate
    public var url: String
    public var language: String
    public var kind: SourceKind
    public var origin: Origin
}

public struct Party: Sendable, Hashable {
    public var id: String
    public var name: Localized
    public var kind: PartyKind
    public var roles: [Role]
    public var country: String
    public var summary: Localized
    public var website: String?
    public var certainty: Certainty
    public var note: Localized?
    public var sources: [String]
    public var origin: Origin
}

public struct Event: Sendable, Hashable {
    public var id: String
    public var date: DossierDate
    public var end: DossierDate?
    public var kind: EventKind
    public var track: Track
    public var title: Localized
    public var summary: Localized
    public var parties: [String]
    public var accord: String?
    public var certainty: Certainty
    public var note: Localized?
    public var sources: [String]
    public var origin: Origin
}

public struct Argument: Sendable, Hashable {
    public var id: String
    public var side: Side
    public var by: [String]
    public var caseID: String
    public var claim: Localized
    public var detail: Localized?
    public var basis: [String]
    public var answers: [String]
    public var outcome: Localized?
    public var certainty: Certainty
    public var note: Localized?
    public var sources: [String]
    public var origin: Origin
}

public struct Accord: Sendable, Hashable {
    public var id: String
    public var name: Localized
    public var instrument: String
    public var adopted: DossierDate
    public var inForceFrom: DossierDate
    public var inForceTo: DossierDate?
    public var summary: Localized
    public var mechanisms: [Localized]
    public var challengedBy: [String]
    public var struckDownBy: String?
    public var status: Localized
    public var certainty: Certainty
    public var note: Localized?
    public var sources: [String]
    public var origin: Origin
}

/// One step of the guided tour: a short paragraph and the record shown beside it.
public struct TourStep: Sendable, Hashable {
    public var record: String
    public var text: Localized
}

public struct DossierInfo: Sendable, Hashable {
    public var title: Localized
    public var focus: String
    public var overview: Localized
    public var tour: [TourStep] = []
    public var origin: Origin
}

/// Everything a dossier folder holds, as read; `DossierStore` adds the indexes.
public struct Dossier: Sendable {
    public var info: DossierInfo
    public var sources: [Source] = []
    public var parties: [Party] = []
    public var events: [Event] = []
    public var arguments: [Argument] = []
    public var accords: [Accord] = []

    public init(info: DossierInfo) { self.info = info }
}
