import DossierCore
import DossierOutput
import Foundation
import Testing

/// Legal identifiers, parties' roles in a case, `pending` and `as_of`: read, checked, shown,
/// cited, searched and exported.
@Suite struct CaseRecordTests {
    static func dossier(event extra: String) -> String {
        """
        dossier:
          title: {en: "T", fr: "T"}
          focus: ev
          as_of: 2026-12-01
          overview: {en: "See [[ev]].", fr: "Voir [[ev]]."}
        sources:
          - id: src
            publisher: Conseil d’État
            title: "Ordonnance du 22 mars 2024"
            date: 2024-03-22
            url: https://example.org/court
            language: fr
            kind: court
        parties:
          - id: claimant
            name: Claimant Ltd
            kind: company
            roles: [claimant]
            country: FR
            summary: {en: "A company.", fr: "Une entreprise."}
            sources: [src]
          - id: judge
            name: A Judge
            kind: person
            roles: [court]
            country: FR
            summary: {en: "A judge.", fr: "Un juge."}
            sources: [src]
          - id: minister
            name: A Minister
            kind: person
            roles: [government]
            country: FR
            summary: {en: "A minister.", fr: "Un ministre."}
            sources: [src]
        events:
          - id: ev
            date: 2024-03-22
            kind: order
            track: courts
            title: {en: "The judge rejects the request", fr: "Le juge rejette la demande"}
            summary: {en: "No urgency.", fr: "Pas d’urgence."}
            sources: [src]
        \(extra)
        """
    }

    static let complete = """
            parties:
              - claimant: claimant
              - judge: judge
              - minister
            identifiers:
              ecli: ECLI:FR:CEORD:2024:492369.20240322
              cases: ["492369"]
              legifrance: CETATEXT000049322063
            pending: true
        """

    static func load(_ extra: String) throws -> Dossier {
        try DossierLoader.load(texts: [("case.yaml", dossier(event: extra))])
    }

    @Test func rolesIdentifiersAndPendingAreRead() throws {
        let dossier = try Self.load(Self.complete)
        let event = try #require(dossier.events.first)
        #expect(event.parties == ["claimant", "judge", "minister"])
        #expect(event.partyRoles == ["claimant": .claimant, "judge": .judge])
        #expect(event.identifiers.ecli == "ECLI:FR:CEORD:2024:492369.20240322")
        #expect(event.identifiers.cases == ["492369"])
        #expect(event.pending)
        #expect(dossier.info.asOf == DossierDate("2026-12-01"))
    }

    @Test func theDetailGroupsPartiesByRoleAndShowsIdentifiers() throws {
        let store = DossierStore(try Self.load(Self.complete))
        let blocks = store.detail(of: .event(0), .en)
        func section(_ title: String) -> [String] {
            guard let start = blocks.firstIndex(of: .section(title)) else { return [] }
            return blocks[(start + 1)...].prefix { if case .link = $0 { return true } else { return false } }.map {
                if case .link(_, let label) = $0 { return label } else { return "" }
            }
        }
        #expect(section("Claimants") == ["Claimant Ltd"])
        #expect(section("Judges") == ["A Judge"])
        #expect(section("Parties involved") == ["A Minister"])
        #expect(blocks.contains(.field(label: "ECLI", value: "ECLI:FR:CEORD:2024:492369.20240322")))
        #expect(blocks.contains(.field(label: "Case no.", value: "492369")))
        #expect(blocks.contains(.field(label: "Status", value: "pending as of 2026-12-01 (since 2024-03-22)")))
        let french = store.detail(of: .event(0), .fr)
        #expect(french.contains(.section("Requérants")))
        #expect(french.contains(.field(label: "N°", value: "492369")))
    }

    @Test func citationsCarryTheIdentifiers() throws {
        let store = DossierStore(try Self.load(Self.complete))
        let citation = store.citation(of: .event(0), .en)
        // a Conseil d'État order is cited in its field's style: number and ECLI, not the Légifrance id
        #expect(citation.hasPrefix("Conseil d’État, interim relief order of 22 March 2024, Claimant, No. 492369, ECLI:FR:CEORD:2024:492369.20240322\n"))
        #expect(
            store.citation(of: .event(0), .fr).hasPrefix("CE, ord. réf., 22\u{00A0}mars 2024, Claimant, n°\u{00A0}492369, ECLI:FR:CEORD:2024:492369.20240322\n")
        )
    }

    /// The case's own name, when the data gives one, replaces the guess from the parties in the
    /// citation and is shown in the detail; a short form without the full name is refused.
    @Test func theCaseNameTheCourtGivesIsCitedAndShown() throws {
        let named =
            Self.complete + """

                    case_name: {en: "Société Claimant and others", fr: "Société Claimant et autres"}
                    case_short: {en: "Claimant and others", fr: "Claimant et autres"}
                """
        let store = DossierStore(try Self.load(named))
        #expect(
            store.legalCitation(of: .event(0), .fr)
                == "CE, ord. réf., 22\u{00A0}mars 2024, Claimant et autres, n°\u{00A0}492369, ECLI:FR:CEORD:2024:492369.20240322")
        #expect(store.legalCitation(of: .event(0), .en).contains(", Claimant and others, No. 492369"))
        #expect(store.detail(of: .event(0), .en).contains(.field(label: "Case", value: "Société Claimant and others")))
        #expect(store.detail(of: .event(0), .fr).contains(.field(label: "Affaire", value: "Société Claimant et autres")))
        let error = try #require(throws: DossierLoadError.self) {
            try Self.load("    case_short: {en: \"Claimant\", fr: \"Claimant\"}")
        }
        #expect(
            error.diagnostics.map(\.description).contains { $0.hasPrefix("case.yaml:44:5") && $0.contains("'case_short' without 'case_name'") },
            "\(error.diagnostics)")
    }

    /// `/492369` finds the order by its case number, and so does its ECLI.
    @Test func identifiersAreSearchable() throws {
        let store = DossierStore(try Self.load(Self.complete))
        #expect(store.searchIndex.search("492369").map(\.ref) == [.event(0)])
        #expect(store.searchIndex.search("CEORD:2024").map(\.ref) == [.event(0)])
    }

    @Test func jsonCarriesRolesIdentifiersAndAsOf() throws {
        let store = DossierStore(try Self.load(Self.complete))
        let text = Printer(store: store, lang: .en, format: .json).export()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let event = try #require((object["events"] as? [[String: Any]])?.first)
        #expect(event["parties"] as? [String] == ["claimant", "judge", "minister"])
        let roles = try #require(event["party_roles"] as? [[String: Any]])
        #expect(roles.first?["role"] as? String == "claimant")
        #expect(roles.last?["role"] is NSNull)
        let identifiers = try #require(event["identifiers"] as? [String: Any])
        #expect(identifiers["ecli"] as? String == "ECLI:FR:CEORD:2024:492369.20240322")
        #expect(identifiers["celex"] is NSNull)
        #expect(event["pending"] as? Bool == true)
        #expect((object["dossier"] as? [String: Any])?["as_of"] as? String == "2026-12-01")
    }

    @Test(arguments: [
        ("identifiers:\n      ecli: ECLI:FR:CEORD:24:492369", "case.yaml:45:7", "'ecli' value 'ECLI:FR:CEORD:24:492369' is not an ECLI"),
        ("identifiers:\n      celex: 2016R0679", "case.yaml:45:7", "'celex' value '2016R0679' is not a CELEX number"),
        ("identifiers:\n      nor: SSAE193338", "case.yaml:45:7", "is not a NOR number"),
        ("identifiers:\n      federal_register: 87 F.R. 62283", "case.yaml:45:7", "is not a Federal Register citation"),
        ("identifiers:\n      docket: \"1\"", "case.yaml:45:7", "unknown field 'docket'"),
        ("parties:\n      - claimant: plaintiff", "case.yaml:45:19", "the role of 'claimant' must be one of"),
        ("parties:\n      - nobody: claimant", "case.yaml:45:9", "refers to party 'nobody', which does not exist"),
        ("pending: maybe", "case.yaml:44:5", "'pending' value 'maybe' is not true or false"),
    ])
    func malformedValuesAreRefusedAtTheirPlace(extra: String, place: String, message: String) throws {
        let error = try #require(throws: DossierLoadError.self) { try Self.load("    " + extra) }
        let messages = error.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix(place) && $0.contains(message) }, "\(messages)")
    }

    @Test func wellFormedIdentifiersPass() {
        for ecli in ["ECLI:FR:CEORD:2024:492369.20240322", "ECLI:EU:C:2020:559", "ECLI:EU:T:2025:831"] { #expect(LegalIdentifiers.isECLI(ecli), "\(ecli)") }
        for celex in ["32016R0679", "62018CJ0311", "62022TJ0354_RES", "52026PC0011", "31995L0046"] { #expect(LegalIdentifiers.isCELEX(celex), "\(celex)") }
        #expect(LegalIdentifiers.isNOR("SSAE1933382A"))
        #expect(LegalIdentifiers.isLegifranceID("JORFTEXT000039433105") && LegalIdentifiers.isLegifranceID("CNILTEXT000049057224"))
        #expect(!LegalIdentifiers.isLegifranceID("TEXT000039433105"))
        #expect(LegalIdentifiers.isFederalRegister("87 FR 62283") && LegalIdentifiers.isPublicLaw("Pub. L. 118-49"))
        #expect(LegalIdentifiers.isELI("http://data.europa.eu/eli/reg/2016/679/oj"))
        #expect(!LegalIdentifiers.isECLI("ECLI:EU:C:2020") && !LegalIdentifiers.isCELEX("C-311/18"))
    }

    @Test func asOfIsRequired() throws {
        let text = Self.dossier(event: "").replacingOccurrences(of: "  as_of: 2026-12-01\n", with: "")
        let error = try #require(throws: DossierLoadError.self) { try DossierLoader.load(texts: [("case.yaml", text)]) }
        #expect(error.diagnostics.map(\.description).contains { $0.contains("dossier: missing field 'as_of'") })
    }
}
