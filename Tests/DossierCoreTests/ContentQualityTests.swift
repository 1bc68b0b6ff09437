import DossierCore
import Foundation
import Testing

/// Data-quality checks of the bundled dossier: they fail on regressions of the content itself.
@Suite struct ContentQualityTests {
    let store: DossierStore

    init() throws { store = DossierStore(try BundledLoader.load()) }

    @Test func countsCoverTheWholeAffair() {
        #expect(store.events.count >= 75)
        #expect(store.parties.count >= 40)
        #expect(store.arguments.count >= 30)
        #expect(store.sources.count >= 80)
        #expect(store.accords.map(\.id).sorted() == ["data-privacy-framework", "privacy-shield", "safe-harbor"])
        for track in Track.allCases { #expect(store.events.contains { $0.track == track }, "no event on track \(track)") }
        #expect(store.arguments.contains { $0.side == .claimants })
        #expect(store.arguments.contains { $0.side == .defence })
    }

    @Test func datesStayWithinTheAffair() throws {
        let first = try #require(store.events.first), last = try #require(store.events.last)
        #expect(first.date.year >= 1981)
        #expect(last.date.year <= 2027)
        #expect(store.events.contains { $0.date.year == 1981 } && store.events.contains { $0.date.year == 2026 })
    }

    @Test func keyDatesAreRight() throws {
        func date(_ id: String) -> String? { store.event(id)?.date.description }
        #expect(store.info.focus == "ce-2024-03-22-ordonnance-492369")
        #expect(date("ce-2024-03-22-ordonnance-492369") == "2024-03-22")
        #expect(date("schrems-i") == "2015-10-06")
        #expect(date("schrems-ii") == "2020-07-16")
        let accords = Dictionary(uniqueKeysWithValues: store.accords.map { ($0.id, $0) })
        #expect(accords["safe-harbor"]?.adopted.description == "2000-07-26")
        #expect(accords["privacy-shield"]?.adopted.description == "2016-07-12")
        #expect(accords["data-privacy-framework"]?.adopted.description == "2023-07-10")
        #expect(accords["safe-harbor"]?.struckDownBy == "schrems-i")
        #expect(accords["privacy-shield"]?.struckDownBy == "schrems-ii")
        #expect(accords["data-privacy-framework"]?.inForceTo == nil, "the DPF is in force as far as the dossier knows")
    }

    @Test func everyRulingHasWhatTheCourtHeld() {
        let rulings = store.events.filter { [.ruling, .order].contains($0.kind) && $0.track != .usLaw }
        for ruling in rulings {
            let holdings = store.argumentIndices(ofEvent: ruling.id).filter { store.arguments[$0].side == .court }
            #expect(!holdings.isEmpty, "no court holding for \(ruling.id)")
        }
    }

    @Test func verifiedRecordsRestOnAPrimarySourceOrTwoIndependentOnes() {
        func check(_ id: String, _ certainty: Certainty, _ sourceIDs: [String]) {
            guard certainty == .verified else { return }
            let sources = store.sources(sourceIDs)
            let primary = sources.contains { $0.kind == .court || $0.kind == .official }
            let publishers = Set(sources.map(\.publisher))
            #expect(primary || publishers.count >= 2, "\(id) is verified on \(sources.map(\.publisher))")
        }
        for e in store.events { check(e.id, e.certainty, e.sources) }
        for a in store.arguments { check(a.id, a.certainty, a.sources) }
        for a in store.accords { check(a.id, a.certainty, a.sources) }
    }

    @Test func sourcesAreDistinctAndComplete() {
        let urls = store.sources.map(\.url)
        #expect(Set(urls).count == urls.count)
        for s in store.sources { #expect(!store.citations(ofSource: s.id).isEmpty, "source \(s.id) is cited by nothing") }
    }

    @Test func bothLanguagesAreWrittenNotCopied() {
        var texts: [(String, Localized)] = []
        for e in store.events { texts.append((e.id, e.summary)) }
        for p in store.parties { texts.append((p.id, p.summary)) }
        for a in store.arguments { texts.append((a.id, a.claim)) }
        for a in store.accords { texts.append((a.id, a.summary)); texts.append((a.id, a.status)) }
        texts.append(("overview", store.info.overview))
        for (id, text) in texts { #expect(text.en != text.fr, "\(id): the French text is the English one") }
    }

    @Test func frenchTypographyKeepsItsNoBreakSpaces() {
        var french: [(String, String)] = [("overview", store.info.overview.fr)]
        for e in store.events { french += [(e.id, e.title.fr), (e.id, e.summary.fr)] + (e.note.map { [(e.id, $0.fr)] } ?? []) }
        for a in store.arguments { french += [(a.id, a.claim.fr)] + (a.detail.map { [(a.id, $0.fr)] } ?? []) }
        for p in store.parties { french.append((p.id, p.summary.fr)) }
        for (id, text) in french {
            for bad in [" :", " ;", " !", " ?", "« ", " »"] {
                #expect(!text.contains(bad), "\(id): ordinary space in '\(bad)' (use U+00A0)")
            }
        }
    }

    /// Issue 23: the holdings of the key judgments send a lawyer to the paragraphs that decide
    /// them ("para. 180", « point 180 »), checked against the judgments' text.
    @Test func keyHoldingsCiteTheirParagraphs() throws {
        let cited = ["court-2015-schrems-i": "95", "court-2020-schrems-ii": "180", "court-2025-04-25-503163": "7"]
        for (id, paragraph) in cited {
            let holding = try #require(store.arguments.first { $0.id == id }, "no holding \(id)")
            let detail = try #require(holding.detail, "\(id) has no detail")
            #expect(
                detail.en.contains("para. \(paragraph)") || detail.en.contains("paras \(paragraph)") || detail.en.contains("point \(paragraph)"),
                "\(id): no paragraph reference in English")
            #expect(detail.fr.contains("point \(paragraph)") || detail.fr.contains("points \(paragraph)"), "\(id): no paragraph reference in French")
        }
    }

    /// Issue 23: French writes « section 702 », and « CEPD » (EDPB or EDPS) is spelled out the
    /// first time a text uses it.
    @Test func frenchNamesUSAndEUBodiesUnambiguously() {
        var french: [(String, String)] = []
        for e in store.events { french += [(e.id, e.title.fr), (e.id, e.summary.fr)] + (e.note.map { [(e.id, $0.fr)] } ?? []) }
        for a in store.arguments { french += [(a.id, a.claim.fr)] + (a.detail.map { [(a.id, $0.fr)] } ?? []) }
        for t in store.terms { french += [(t.id, t.term.fr), (t.id, t.definition.fr), (t.id, t.explanation.fr)] }
        for (id, text) in french {
            let plain = store.plainText(text, .fr)
            #expect(!plain.contains("article 702") && !plain.contains("article\u{00A0}702"), "\(id): « article 702 » for section 702")
            if let first = plain.range(of: "CEPD") {
                let before = plain[..<first.lowerBound]
                #expect(
                    before.hasSuffix("(") && (before.contains("Comité européen") || before.contains("Contrôleur européen")),
                    "\(id): « CEPD » used before it is spelled out")
            }
        }
    }

    /// Issue 23: developments the dossier lacked, placed where they bear: the 2024 HDS referential
    /// behind the glossary entry, and EDPS v SRB among the arguments on pseudonymisation.
    @Test func laterDevelopmentsAreInPlace() throws {
        let hds = try #require(store.terms.first { $0.id == "hds-certification" })
        #expect(hds.explanation.en.contains("[[hds-2024-05-16-referential"))
        #expect(!hds.explanation.en.contains("HDS deals with security, not with exposure to foreign law"))
        let srb = try #require(store.event("edps-2025-09-04-srb-judgment"))
        #expect(srb.identifiers.cases == ["C-413/23 P"] && srb.caseShort?.en == "EDPS v SRB")
        #expect(store.sources(srb.sources).contains { $0.title.hasPrefix("Press release No 107/25") }, "the court's press release beside the judgment")
        let holding = try #require(store.arguments.first { $0.caseID == srb.id && $0.side == .court })
        for id in ["court-2024-03-22-no-urgency", "court-2024-11-19-491644", "court-2025-04-25-503163"] {
            #expect(holding.detail?.en.contains("[[\(id)|") == true, "EDPS v SRB is not set against \(id)")
        }
        let combes = try #require(store.event("hdh-2018-06-12-prefiguration"))
        #expect(!combes.summary.en.contains("led by Stéphanie Combes") && combes.summary.en.contains("rapporteur"))
    }

    @Test func noEmojiOrVariationSelectorsInTheData() {
        var all: [String] = []
        for e in store.events { all += [e.title.en, e.title.fr, e.summary.en, e.summary.fr] }
        for p in store.parties { all += [p.name.en, p.name.fr, p.summary.en, p.summary.fr] }
        for text in all {
            #expect(!text.unicodeScalars.contains { $0.value == 0xFE0F || (0x1F000...0x1FAFF).contains($0.value) })
        }
    }

    /// The seed dispatch is the project's starting point, not text to reuse: no run of ten
    /// words from it (longer than any proper name) may appear in the French texts. Runs where the shared folder sits beside
    /// the project (the developers' machines and CI).
    @Test(.enabled(if: ContentQualityTests.seedText != nil))
    func noSentenceIsCopiedFromTheSeed() throws {
        let seed = try #require(ContentQualityTests.seedText)
        func words(_ text: String) -> [String] {
            TextFold.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        let seedWords = words(seed)
        var runs = Set<String>()
        let n = 10
        for i in 0..<max(0, seedWords.count - n + 1) { runs.insert(seedWords[i..<i + n].joined(separator: " ")) }
        var french: [String] = [store.info.overview.fr]
        for e in store.events { french.append(e.summary.fr) }
        for a in store.arguments { french.append(a.claim.fr) }
        for p in store.parties { french.append(p.summary.fr) }
        for text in french {
            let w = words(text)
            for i in 0..<max(0, w.count - n + 1) {
                let run = w[i..<i + n].joined(separator: " ")
                let copied = runs.contains(run)
                #expect(!copied, "copied from the seed: \(run)")
            }
        }
    }

    static var seedText: String? {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seed")
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: shared.path) else { return nil }
        return files.compactMap { try? String(contentsOf: shared.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }
}
