import DossierCore
import Testing

@testable import DossierUI

/// `case:` narrows the timeline and the arguments to one case by its number, and a case number or
/// ECLI typed as a plain word finds its decision.
@Suite struct CaseFilterTests {
    @Test func aCaseNumberKeepsItsDecisionAndItsArguments() throws {
        let store = try UIFixtures.store()
        let filter = try ListFilter.parse("case:492369", store: store).get()
        let events = store.events.indices.filter { filter.matches(.event($0), in: store) }.map { store.events[$0].id }
        #expect(events == ["ev-ruling"])
        let arguments = store.arguments.indices.filter { filter.matches(.argument($0), in: store) }.map { store.arguments[$0].caseID }
        #expect(!arguments.isEmpty && arguments.allSatisfy { $0 == "ev-ruling" })
        // spaces and case do not matter, and a prefix is enough
        #expect(try ListFilter.parse("case:4923", store: store).get().matches(.event(store.events.firstIndex { $0.id == "ev-ruling" }!), in: store))
    }

    @Test func anUnknownCaseIsRefusedByName() throws {
        guard case .failure(let error) = ListFilter.parse("case:999999", store: try UIFixtures.store()) else {
            Issue.record("case:999999 matches nothing and must be refused")
            return
        }
        #expect(error.message.en == "no case '999999'")
        #expect(error.message.fr == "aucune affaire «\u{00A0}999999\u{00A0}»")
    }

    @Test func identifiersAreWordsOfTheirEvent() throws {
        let store = try UIFixtures.store()
        for word in ["492369", "ceord"] {
            let filter = try ListFilter.parse(word, store: store).get()
            let events = store.events.indices.filter { filter.matches(.event($0), in: store) }.map { store.events[$0].id }
            #expect(events == ["ev-ruling"], "\(word)")
        }
    }
}

/// The Parties pane files a claimants' lawyer under Counsel, not Others.
@Suite struct PartyGroupTests {
    @Test func counselHasItsOwnGroup() {
        var lawyer = Party()
        lawyer.roles = [.counsel]
        #expect(PaneList.PartyGroup.of(lawyer) == .counsel)
        lawyer.roles = [.commentator]
        #expect(PaneList.PartyGroup.of(lawyer) == .others)
        lawyer.roles = [.claimant, .counsel]
        #expect(PaneList.PartyGroup.of(lawyer) == .claimants, "a claimant who is also counsel stays with the claimants")
        #expect(PaneList.PartyGroup.counsel.title.fr == "Avocats")
    }
}
