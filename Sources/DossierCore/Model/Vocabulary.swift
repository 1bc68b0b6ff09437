/// The closed vocabularies of the data format. Their raw values are what the YAML files and the
/// JSON output use; the localized labels are for people.
public protocol Vocabulary: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    var label: Localized { get }
}

extension Vocabulary {
    public static var allowedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

public enum Certainty: String, Vocabulary {
    case verified, reported, disputed
    public var label: Localized {
        switch self {
        case .verified: return Localized(en: "verified", fr: "vérifié")
        case .reported: return Localized(en: "reported", fr: "rapporté")
        case .disputed: return Localized(en: "disputed", fr: "contesté")
        }
    }
}

public enum EventKind: String, Vocabulary {
    case ruling, decision, order, law, regulation, filing, hearing, statement, agreement, report
    case announcement, appointment, tender, other
    public var label: Localized {
        switch self {
        case .ruling: return Localized(en: "ruling", fr: "arrêt")
        case .decision: return Localized(en: "decision", fr: "décision")
        case .order: return Localized(en: "order", fr: "ordonnance")
        case .law: return Localized(en: "law", fr: "loi")
        case .regulation: return Localized(en: "regulation", fr: "texte réglementaire")
        case .filing: return Localized(en: "filing", fr: "recours")
        case .hearing: return Localized(en: "hearing", fr: "audience")
        case .statement: return Localized(en: "statement", fr: "déclaration")
        case .agreement: return Localized(en: "agreement", fr: "accord")
        case .report: return Localized(en: "report", fr: "rapport")
        case .announcement: return Localized(en: "announcement", fr: "annonce")
        case .appointment: return Localized(en: "appointment", fr: "nomination")
        case .tender: return Localized(en: "tender", fr: "appel d’offres")
        case .other: return Localized(en: "other", fr: "autre")
        }
    }
}

public enum Track: String, Vocabulary {
    case accords
    case healthData = "health-data"
    case courts
    case usLaw = "us-law"
    case cloudPolicy = "cloud-policy"
    public var label: Localized {
        switch self {
        case .accords: return Localized(en: "EU–US accords", fr: "Accords UE–États-Unis")
        case .healthData: return Localized(en: "French health data", fr: "Données de santé")
        case .courts: return Localized(en: "Courts", fr: "Juridictions")
        case .usLaw: return Localized(en: "US law", fr: "Droit américain")
        case .cloudPolicy: return Localized(en: "Cloud policy", fr: "Doctrine cloud")
        }
    }
}

public enum PartyKind: String, Vocabulary {
    case company, association, authority, court, government, person, institution, collective
    public var label: Localized {
        switch self {
        case .company: return Localized(en: "company", fr: "entreprise")
        case .association: return Localized(en: "association", fr: "association")
        case .authority: return Localized(en: "authority", fr: "autorité")
        case .court: return Localized(en: "court", fr: "juridiction")
        case .government: return Localized(en: "government", fr: "gouvernement")
        case .person: return Localized(en: "person", fr: "personne")
        case .institution: return Localized(en: "institution", fr: "institution")
        case .collective: return Localized(en: "collective", fr: "collectif")
        }
    }
}

public enum Role: String, Vocabulary {
    case claimant, defendant, authority, court, host
    case dataSource = "data-source"
    case counsel, commentator
    case government, legislator, client
    public var label: Localized {
        switch self {
        case .claimant: return Localized(en: "claimant", fr: "requérant")
        case .defendant: return Localized(en: "defendant", fr: "défendeur")
        case .authority: return Localized(en: "authority", fr: "autorité")
        case .court: return Localized(en: "court", fr: "juridiction")
        case .host: return Localized(en: "host", fr: "hébergeur")
        case .dataSource: return Localized(en: "data source", fr: "source de données")
        case .counsel: return Localized(en: "counsel", fr: "avocat")
        case .commentator: return Localized(en: "commentator", fr: "commentateur")
        case .government: return Localized(en: "government", fr: "gouvernement")
        case .legislator: return Localized(en: "legislator", fr: "législateur")
        case .client: return Localized(en: "client", fr: "client")
        }
    }
}

/// What a party did in one event: the roles the detail groups an event's parties by.
public enum CaseRole: String, Vocabulary {
    case claimant, defendant, intervener, court, judge, rapporteur
    case publicRapporteur = "public-rapporteur"
    case counsel, author, subject, witness, commentator
    public var label: Localized {
        switch self {
        case .claimant: return Localized(en: "claimant", fr: "requérant")
        case .defendant: return Localized(en: "defendant", fr: "défendeur")
        case .intervener: return Localized(en: "intervener", fr: "intervenant")
        case .court: return Localized(en: "court", fr: "juridiction")
        case .judge: return Localized(en: "judge", fr: "juge")
        case .rapporteur: return Localized(en: "rapporteur", fr: "rapporteur")
        case .publicRapporteur: return Localized(en: "public rapporteur", fr: "rapporteur public")
        case .counsel: return Localized(en: "counsel", fr: "avocat")
        case .author: return Localized(en: "issued by", fr: "auteur")
        case .subject: return Localized(en: "concerned", fr: "visé")
        case .witness: return Localized(en: "heard", fr: "entendu")
        case .commentator: return Localized(en: "commentator", fr: "commentateur")
        }
    }

    /// The heading of a group of parties with this role in an event's detail.
    public var heading: Localized {
        switch self {
        case .claimant: return Localized(en: "Claimants", fr: "Requérants")
        case .defendant: return Localized(en: "Defence", fr: "Défense")
        case .intervener: return Localized(en: "Interveners", fr: "Intervenants")
        case .court: return Localized(en: "Court", fr: "Juridiction")
        case .judge: return Localized(en: "Judges", fr: "Juges")
        case .rapporteur: return Localized(en: "Rapporteurs", fr: "Rapporteurs")
        case .publicRapporteur: return Localized(en: "Public rapporteur", fr: "Rapporteur public")
        case .counsel: return Localized(en: "Counsel", fr: "Avocats")
        case .author: return Localized(en: "Issued by", fr: "Auteurs")
        case .subject: return Localized(en: "Concerned", fr: "Visés")
        case .witness: return Localized(en: "Heard", fr: "Entendus")
        case .commentator: return Localized(en: "Commentators", fr: "Commentateurs")
        }
    }
}

public enum Side: String, Vocabulary {
    case claimants, defence, court
    public var label: Localized {
        switch self {
        case .claimants: return Localized(en: "claimants", fr: "requérants")
        case .defence: return Localized(en: "defence and authorities", fr: "défense et autorités")
        case .court: return Localized(en: "court holding", fr: "ce que le juge a tranché")
        }
    }
}

public enum SourceKind: String, Vocabulary {
    case court, official, press, ngo, academic, company, other
    public var label: Localized {
        switch self {
        case .court: return Localized(en: "court", fr: "juridiction")
        case .official: return Localized(en: "official", fr: "officiel")
        case .press: return Localized(en: "press", fr: "presse")
        case .ngo: return Localized(en: "NGO", fr: "ONG")
        case .academic: return Localized(en: "academic", fr: "universitaire")
        case .company: return Localized(en: "company", fr: "entreprise")
        case .other: return Localized(en: "other", fr: "autre")
        }
    }
}

/// The five kinds of record.
public enum RecordKind: String, Sendable, CaseIterable, Hashable {
    case party, event, argument, accord, source, term
    public var label: Localized {
        switch self {
        case .party: return Localized(en: "party", fr: "partie")
        case .event: return Localized(en: "event", fr: "événement")
        case .argument: return Localized(en: "argument", fr: "argument")
        case .accord: return Localized(en: "accord", fr: "accord")
        case .source: return Localized(en: "source", fr: "source")
        case .term: return Localized(en: "term", fr: "terme")
        }
    }
}
