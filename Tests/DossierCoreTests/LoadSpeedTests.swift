import Foundation
import Testing

@testable import DossierCore

/// The 100k-event load's shortcuts give what the plain ways give: the reference check on two
/// cores reports what one core reports, in the same order; the store's links built on two cores
/// are what a scan of the records finds; the sources' sort without copies is the tuple sort.
@Suite struct LoadSpeedTests {
    /// A synthetic dossier with references broken in several files: ids that do not exist and
    /// ids of the wrong kind, in lists and in single references.
    static func brokenFiles() -> [(path: String, text: String)] {
        let files = SyntheticDossier.generate(events: 3_000, seed: 11)
        return files.enumerated().map { n, file in
            var text = file.text
            // every file holds several kinds of record; break a few references in each
            text = text.replacingFirst("sources: [src-1", with: "sources: [src-missing-\(n)", times: 3)
            text = text.replacingFirst("case: ev-", with: "case: ev-x", times: 2)
            text = text.replacingFirst("by: [party-", with: "by: [src-0, party-", times: 2)
            return (path: file.name, text: text)
        }
    }

    static func assembled(_ files: [(path: String, text: String)]) -> Assembler {
        var assembler = Assembler(limits: .standard)
        for file in files {
            var text = file.text
            let part = text.withUTF8 { Assembler.decode(file: file.path, bytes: $0, limits: .standard) }
            assembler.join(part, file: file.path)
        }
        return assembler
    }

    @Test func theReferenceCheckOnTwoCoresReportsWhatOneCoreReports() {
        let assembler = LoadSpeedTests.assembled(LoadSpeedTests.brokenFiles())
        let lists = [assembler.pending] + assembler.joinedPending
        #expect(lists.count > 2, "one list per file")
        let serial = assembler.checkReferences(lists, threads: 1)
        let parallel = assembler.checkReferences(lists, threads: 2)
        #expect(serial.count >= 10, "the mutations are found: \(serial.count)")
        #expect(serial.contains { $0.message.contains("refers to source 'src-missing-") && $0.message.hasSuffix("which does not exist") })
        #expect(serial.contains { $0.message.contains("'case' refers to event 'ev-x") })
        #expect(serial.contains { $0.message.contains("must name a party, but 'src-0' is a source") })
        #expect(parallel == serial, "same problems, same order")
    }

    @Test func theLoaderReportsEveryBrokenReference() {
        let files = LoadSpeedTests.brokenFiles()
        let expected = LoadSpeedTests.assembled(files)
        let serial = expected.checkReferences([expected.pending] + expected.joinedPending, threads: 1)
        do {
            _ = try DossierLoader.load(texts: files)
            Issue.record("the broken dossier loaded")
        } catch {
            // the loader lists its problems by file and line
            #expect(error.diagnostics == (expected.sink.diagnostics + serial).sorted())
        }
    }

    /// The folder loader joins the files' ids on one core and their records on the other; the
    /// loader from memory joins them one after another: the same problems, duplicates across
    /// files included.
    @Test func theFolderLoaderFindsWhatTheJoinOneByOneFinds() throws {
        var files = LoadSpeedTests.brokenFiles()
        let arguments = try #require(files.firstIndex { $0.path.hasPrefix("arguments") })
        files[arguments].text = files[arguments].text.replacingFirst("id: arg-1,", with: "id: ev-1,", times: 1)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("join-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for file in files { try file.text.write(toFile: folder + "/" + file.path, atomically: false, encoding: .utf8) }
        var fromFolder: [Diagnostic] = [], fromMemory: [Diagnostic] = []
        do { _ = try DossierLoader.load(directory: folder) } catch { fromFolder = error.diagnostics }
        let inOrder = files.sorted { $0.path < $1.path }.map { (path: folder + "/" + $0.path, text: $0.text) }
        do { _ = try DossierLoader.load(texts: inOrder) } catch { fromMemory = error.diagnostics }
        #expect(fromFolder.contains { $0.message.hasPrefix("duplicate id 'ev-1': already used by the argument at ") })
        #expect(fromFolder.count > 10)
        #expect(fromFolder == fromMemory)
    }

    @Test(arguments: [0, 2_000])
    func theStoreLinksAreWhatAScanOfTheRecordsFinds(events: Int) throws {
        let dossier =
            events == 0
            ? try BundledLoader.load()
            : try DossierLoader.load(texts: SyntheticDossier.generate(events: events, seed: 3).map { (path: $0.name, text: $0.text) })
        let store = DossierStore(dossier)
        for (i, record) in store.parties.enumerated() { #expect(store.ref(record.id) == .party(i)) }
        for (i, record) in store.events.enumerated() { #expect(store.ref(record.id) == .event(i)) }
        for (i, record) in store.sources.enumerated() { #expect(store.ref(record.id) == .source(i)) }
        for (i, record) in store.terms.enumerated() { #expect(store.ref(record.id) == .term(i)) }
        for party in store.parties {
            #expect(store.eventIndices(ofParty: party.id) == store.events.indices.filter { store.events[$0].parties.contains(party.id) })
            #expect(store.argumentIndices(ofParty: party.id) == store.arguments.indices.filter { store.arguments[$0].by.contains(party.id) })
        }
        for event in store.events.prefix(300) {
            #expect(store.argumentIndices(ofEvent: event.id) == store.arguments.indices.filter { store.arguments[$0].caseID == event.id })
        }
        for argument in store.arguments.prefix(300) {
            #expect(store.answerIndices(to: argument.id) == store.arguments.indices.filter { store.arguments[$0].answers.contains(argument.id) })
        }
        for source in store.sources.prefix(300) {
            var citing: [RecordRef] = []
            citing += store.events.indices.filter { store.events[$0].sources.contains(source.id) }.map { .event($0) }
            citing += store.arguments.indices.filter { store.arguments[$0].sources.contains(source.id) }.map { .argument($0) }
            citing += store.parties.indices.filter { store.parties[$0].sources.contains(source.id) }.map { .party($0) }
            citing += store.accords.indices.filter { i in
                store.accords[i].sources.contains(source.id)
                    || AccordComparison.Dimension.allCases.contains { store.accords[i].comparison[$0].sources.contains(source.id) }
            }.map { .accord($0) }
            citing += store.terms.indices.filter { store.terms[$0].sources.contains(source.id) }.map { .term($0) }
            #expect(store.citations(ofSource: source.id) == citing, "\(source.id)")
        }
        for accord in store.accords {
            var about = store.events.indices.filter { store.events[$0].accord == accord.id }
            if let ruling = accord.struckDownBy, case .event(let i)? = store.ref(ruling), !about.contains(i) { about = (about + [i]).sorted() }
            #expect(store.eventIndices(ofAccord: accord.id) == about)
        }
        if events == 0 {
            #expect(store.terms.contains { !store.users(ofTerm: $0.id).isEmpty }, "the bundled glossary is used")
        }
        for term in store.terms {
            var users: [RecordRef] = []
            func uses(_ texts: [Localized], own: String) -> Bool {
                own != term.id && texts.contains { text in Language.allCases.contains { OverviewLinks.ids(in: text[$0]).contains(term.id) } }
            }
            users += store.parties.indices.filter { uses(store.parties[$0].linkedTexts(), own: store.parties[$0].id) }.map { .party($0) }
            users += store.events.indices.filter { uses(store.events[$0].linkedTexts(), own: store.events[$0].id) }.map { .event($0) }
            users += store.arguments.indices.filter { uses(store.arguments[$0].linkedTexts(), own: store.arguments[$0].id) }.map { .argument($0) }
            users += store.accords.indices.filter { uses(store.accords[$0].linkedTexts(), own: store.accords[$0].id) }.map { .accord($0) }
            users += store.terms.indices.filter { uses(store.terms[$0].linkedTexts(), own: store.terms[$0].id) }.map { .term($0) }
            #expect(store.users(ofTerm: term.id) == users, "\(term.id)")
        }
    }

    @Test(arguments: SourceOrder.allCases)
    func theSourcesSortAsTheTuplesDo(order: SourceOrder) throws {
        for dossier in [
            try BundledLoader.load(),
            try DossierLoader.load(texts: SyntheticDossier.generate(events: 2_000, seed: 9).map { (path: $0.name, text: $0.text) }),
        ] {
            let store = DossierStore(dossier)
            let sources = store.sources
            // the comparison the store made before it compared in place
            let expected = Array(sources.indices).sorted { a, b in
                let x = sources[a], y = sources[b]
                switch order {
                case .date: return (x.date, x.publisher, x.id) < (y.date, y.publisher, y.id)
                case .publisher: return (TextFold.fold(x.publisher), x.date, x.id) < (TextFold.fold(y.publisher), y.date, y.id)
                case .kind: return (x.kind.rawValue, x.date, x.id) < (y.kind.rawValue, y.date, y.id)
                }
            }
            #expect(store.sourceIndices(sortedBy: order) == expected)
            let some = sources.indices.filter { $0 % 3 == 1 }
            #expect(store.sourceIndices(some, sortedBy: order) == expected.filter { $0 % 3 == 1 })
        }
    }
}

extension String {
    /// The text with the first `times` occurrences of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String, times: Int) -> String {
        var result = self
        var from = result.startIndex
        for _ in 0..<times {
            guard let range = result.range(of: target, range: from..<result.endIndex) else { break }
            result.replaceSubrange(range, with: replacement)
            from = result.index(range.lowerBound, offsetBy: replacement.count)
        }
        return result
    }
}

/// The number events and sources are sorted by orders dates as `<` does.
@Suite struct DateSortKeyTests {
    @Test func theSortKeyOrdersAsTheDatesDo() throws {
        var dates: [DossierDate] = []
        for year in [1999, 2000, 2020, 2024] {
            dates.append(try #require(DossierDate(year: year)))
            for month in [1, 2, 12] {
                dates.append(try #require(DossierDate(year: year, month: month)))
                for day in [1, 2, 28, 29] { if let date = DossierDate(year: year, month: month, day: day) { dates.append(date) } }
            }
        }
        for a in dates {
            for b in dates {
                #expect((a.sortKey < b.sortKey) == (a < b), "\(a) < \(b)")
                #expect((a.sortKey == b.sortKey) == (a == b), "\(a) == \(b)")
            }
        }
    }

    @Test func eventsSortByDateThenAsWritten() throws {
        let dossier = try DossierLoader.load(texts: SyntheticDossier.generate(events: 2_000, seed: 4).map { (path: $0.name, text: $0.text) })
        let expected = dossier.events.indices.sorted { (dossier.events[$0].date, $0) < (dossier.events[$1].date, $1) }.map { dossier.events[$0].id }
        #expect(DossierStore(dossier).events.map(\.id) == expected)
    }
}
