import BundledDossier
import DossierCore
import Testing

@Suite struct StoreTests {
    @Test func sortsEventsByDateWithPrecision() throws {
        let store = try Fixtures.validStore()
        #expect(store.events.map(\.id) == ["ev-accord", "ev-year", "ev-filing", "ev-ruling"])
    }

    @Test func linksPartiesEventsArgumentsAndAccordsBothWays() throws {
        let store = try Fixtures.validStore()
        #expect(store.eventIndices(ofParty: "claimant").map { store.events[$0].id } == ["ev-filing", "ev-ruling"])
        #expect(store.argumentIndices(ofParty: "court").map { store.arguments[$0].id } == ["arg-held"])
        #expect(store.argumentIndices(ofEvent: "ev-ruling").map { store.arguments[$0].id } == ["arg-held"])
        #expect(store.answerIndices(to: "arg-risk").map { store.arguments[$0].id } == ["arg-held"])
        // the accord's events include the ruling that struck it down, in date order
        #expect(store.eventIndices(ofAccord: "test-accord").map { store.events[$0].id } == ["ev-accord", "ev-ruling"])
        // two events, a party, the accord (through its comparison) and a glossary term
        #expect(
            store.citations(ofSource: "src-press").map { store.id(of: $0) }.sorted()
                == ["ev-accord", "ev-filing", "ev-year", "stay", "test-accord", "wide"])
        #expect(store.ref("arg-held") == .argument(1))
        #expect(store.ref("nothing") == nil)
    }

    @Test func findsTheAccordInForceOnADate() throws {
        let store = try Fixtures.validStore()
        #expect(store.accordInForce(on: try #require(DossierDate("2010")))?.id == "test-accord")
        #expect(store.accordInForce(on: try #require(DossierDate("2000-07"))) == nil)
        #expect(store.accordInForce(on: try #require(DossierDate("2015-10-06"))) == nil)
    }

    @Test func filtersTheTimeline() throws {
        let store = try Fixtures.validStore()
        let date = { (text: String) in DossierDate(text) }
        #expect(store.timeline(from: date("2024")).map(\.id) == ["ev-filing", "ev-ruling"])
        // a span overlapping the start of the range is kept
        #expect(store.timeline(from: date("2014-01"), to: date("2014")).map(\.id) == ["ev-year"])
        #expect(store.timeline(to: date("2000")).map(\.id) == ["ev-accord"])
        #expect(store.timeline(party: "wide").map(\.id) == ["ev-accord", "ev-year"])
        #expect(store.timeline(kind: .filing).map(\.id) == ["ev-filing"])
        #expect(store.parties(role: .court).map(\.id) == ["court"])
        #expect(store.arguments(side: .claimants).map(\.id) == ["arg-risk"])
        #expect(store.arguments(party: "court").map(\.id) == ["arg-held"])
    }

    @Test func searchIgnoresCaseAccentsAndApostrophesAndRanksTitlesFirst() throws {
        let store = try Fixtures.validStore()
        let hits = store.searchIndex.search("conseil d'etat")
        #expect(hits.map { store.id(of: $0.ref) } == ["court", "src-court"])
        #expect(hits.allSatisfy { $0.inTitle })
        // "urgency" is only in a summary; "court" is in titles and bodies
        #expect(store.searchIndex.search("URGENCY").map { store.id(of: $0.ref) } == ["ev-ruling"])
        let court = store.searchIndex.search("court")
        let firstBodyHit = try #require(court.firstIndex { !$0.inTitle })
        #expect(court[..<firstBodyHit].allSatisfy { $0.inTitle })
        #expect(court[firstBodyHit...].allSatisfy { !$0.inTitle })
        #expect(store.searchIndex.search("hypothétique").count == 1)
        #expect(store.searchIndex.search("   ").isEmpty)
        #expect(store.searchIndex.search("zzzz").isEmpty)
    }

    /// Typing narrows the previous hits instead of searching again: at every keystroke of these
    /// queries, on the bundled and a synthetic dossier, the narrowed hits (order and title flags
    /// included) equal a fresh search's.
    @Test func narrowingWhileTypingEqualsAFreshSearch() throws {
        let bundled = DossierStore(try DossierLoader.load(files: BundledDossier.files))
        let texts = SyntheticDossier.generate(events: 2_000, seed: 5).map { (path: $0.name, text: $0.text) }
        let synthetic = DossierStore(try DossierLoader.load(texts: texts))
        for store in [bundled, synthetic] {
            for query in ["conseil d'état", "schrems ii", "  privacy  shield ", "cnil microsoft azure", "Health data hub", "ev-1"] {
                var previous: (query: String, hits: [SearchHit])?
                var typed = ""
                for character in query {
                    typed.append(character)
                    let narrowed = store.searchIndex.search(typed, extending: previous)
                    let fresh = store.searchIndex.search(typed)
                    #expect(narrowed == fresh, "\(typed.debugDescription)")
                    previous = (typed, narrowed)
                }
            }
        }
        // the comparisons are not all of empty results
        #expect(!bundled.searchIndex.search("conseil d'état").isEmpty && !synthetic.searchIndex.search("conseil d'état").isEmpty)
    }

    @Test func detailListsEveryRelatedRecordAsALink() throws {
        let store = try Fixtures.validStore()
        let blocks = store.detail(of: try #require(store.ref("ev-ruling")), .fr)
        #expect(blocks.first == .heading("Le juge rejette la demande"))
        let linked = blocks.compactMap { block -> String? in
            if case .link(let ref, _) = block { return store.id(of: ref) } else { return nil }
        }
        #expect(linked == ["claimant", "court", "arg-held", "src-court"])
        #expect(blocks.contains(.section("Sources")))
    }
}

@Suite struct BundledDossierTests {
    @Test func theBundledDossierIsValidAndHasTheFirstContent() throws {
        let store = DossierStore(try BundledLoader.load())
        #expect(store.events.count >= 25)
        #expect(store.parties.count >= 20)
        #expect(store.arguments.count >= 10)
        #expect(store.accords.count == 3)
        #expect(store.event(store.info.focus) != nil)
    }

    @Test func everyRecordHasASourceAndEveryPartyAnEvent() throws {
        let store = DossierStore(try BundledLoader.load())
        for p in store.parties { #expect(!store.eventIndices(ofParty: p.id).isEmpty, "party \(p.id) is in no event") }
        for e in store.events { #expect(!e.sources.isEmpty) }
        let urls = store.sources.map(\.url)
        #expect(Set(urls).count == urls.count, "two sources share a URL")
    }

    @Test func seedClaimsThatCouldNotBeVerifiedAreNotMarkedVerified() throws {
        let store = DossierStore(try BundledLoader.load())
        for e in store.events where e.summary.en.contains("11:00") || e.summary.en.contains("2 million") || e.summary.en.contains("1.5 million") {
            #expect(e.certainty != .verified, "\(e.id) states an unverified claim as verified")
        }
    }
}
