import DossierCore
import Testing

/// The bundled dossier is citable to the footnote: court decisions carry their identifiers and
/// name who was who, rulings and acts rest on their primary source, and the dossier says how
/// current it is. These check the content, by kind of record and publisher, not by a list of ids.
@Suite struct CitabilityTests {
    let store: DossierStore

    init() throws { store = DossierStore(try BundledLoader.load()) }

    /// Courts that give every decision an ECLI.
    static let ecliCourts: Set<String> = ["conseil-etat", "cjeu", "general-court"]

    /// The official sites of courts, journals and legislatures: what "primary source" means here.
    static let primaryHosts = [
        "conseil-etat.fr", "legifrance.gouv.fr", "curia.europa.eu", "eur-lex.europa.eu", "data.europa.eu",
        "federalregister.gov", "govinfo.gov", "trade.gov", "congress.gov", "supremecourt.gov", "cnil.fr", "senat.fr",
        "assemblee-nationale.fr", "courts.ie", "supremecourt.ie", "edpb.europa.eu", "commission.europa.eu",
        "ec.europa.eu", "whitehouse.gov", "archives.gov", "justice.gov", "dni.gov", "pclob.gov", "uscourts.gov",
        "cadc.uscourts.gov", "gouvernement.fr", "sante.gouv.fr", "numerique.gouv.fr", "cyber.gouv.fr",
        "ssi.gouv.fr", "health-data-hub.fr", "europarl.europa.eu", "elysee.fr", "economie.gouv.fr",
        // public agencies' own sites: the CIA FOIA reading room (its scan of the Federal Register) and the
        // Agence du numérique en santé
        "cia.gov", "esante.gouv.fr",
        // the European Medicines Agency, the national health insurance fund (Cnam) and the Dutch national
        // cybersecurity certification authority, cited by the glossary
        "ema.europa.eu", "ameli.fr", "dutchncca.nl",
    ]

    static func host(of url: String) -> String {
        let rest = url.drop { $0 != "/" }.dropFirst(2)
        return String(rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" })
    }

    static func isPrimary(_ source: Source) -> Bool {
        let host = host(of: source.url)
        return (source.kind == .court || source.kind == .official)
            && primaryHosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    @Test func theDossierSaysHowCurrentItIs() throws {
        let latest = try #require(store.events.map(\.date).max())
        #expect(store.info.asOf.firstDay >= latest.firstDay, "as_of \(store.info.asOf) is before the latest event \(latest)")
        #expect(store.info.asOf.precision == .day)
    }

    /// Events a court took part in: decisions, filings and hearings before it.
    var courtEvents: [Event] {
        let courts = Set(store.parties.filter { $0.kind == .court }.map(\.id))
        return store.events.filter { [.ruling, .order, .filing, .hearing].contains($0.kind) && !courts.isDisjoint(with: $0.parties) }
    }

    /// A decision whose number could not be found says so in `identifiers.unavailable`.
    @Test func everyCourtDecisionCarriesItsIdentifiers() {
        for event in courtEvents where [.ruling, .order].contains(event.kind) && event.identifiers.unavailable == nil {
            let courts = Set(event.parties).intersection(Self.ecliCourts)
            if !courts.isEmpty {
                #expect(event.identifiers.ecli != nil, "\(event.id): a decision of \(courts.sorted()) without its ECLI")
            }
            #expect(!event.identifiers.cases.isEmpty, "\(event.id): no case number")
        }
        #expect(courtEvents.count >= 20)
    }

    @Test func everyRulingActAndDecisionRestsOnItsPrimarySource() {
        let kinds: Set<EventKind> = [.ruling, .order, .law, .regulation, .decision]
        for event in store.events where kinds.contains(event.kind) && event.certainty == .verified {
            #expect(
                store.sources(event.sources).contains(where: Self.isPrimary),
                "\(event.id) (\(event.kind.rawValue)) cites no court's or official journal's page: \(store.sources(event.sources).map(\.url))")
        }
    }

    @Test func officialSourcesAreOfficialSites() {
        for source in store.sources where source.kind == .court || source.kind == .official {
            #expect(Self.isPrimary(source), "\(source.id) is labelled \(source.kind.rawValue) but is on \(Self.host(of: source.url))")
        }
    }

    @Test func sourceTitlesAndAddressesAreExact() {
        for source in store.sources {
            #expect(!source.title.hasPrefix("["), "\(source.id) has a descriptive title, not the document's: \(source.title)")
            #expect(source.url.hasPrefix("https://"), "\(source.id): \(source.url)")
            #expect(source.url.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " && $0 != "\"" }, "\(source.id): unencoded characters in \(source.url)")
        }
    }

    @Test func courtEventsSayWhoWasWho() {
        for event in courtEvents {
            #expect(!event.partyRoles.isEmpty, "\(event.id): no party has a role")
            #expect(event.partyRoles.values.contains(.court), "\(event.id): the court is not named as such")
            if [.ruling, .order, .filing].contains(event.kind) && event.track == .courts {
                #expect(
                    event.partyRoles.values.contains(.claimant) || event.parties.count == 1 || event.partyRoles.values.contains(.defendant),
                    "\(event.id): neither side named")
            }
        }
    }
}
