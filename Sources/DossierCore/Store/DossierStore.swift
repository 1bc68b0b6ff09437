import Synchronization

/// A value built on first use, once, by whichever thread asks first; safe to share between threads.
final class Lazy<Value: Sendable>: Sendable {
    private let storage = Mutex<Value?>(nil)

    func get(_ build: () -> Value) -> Value {
        storage.withLock { value in
            if let value { return value }
            let built = build()
            value = built
            return built
        }
    }
}

/// A reference to one record of the store, by kind and position.
public enum RecordRef: Sendable, Hashable {
    case party(Int)
    case event(Int)
    case argument(Int)
    case accord(Int)
    case source(Int)
    case term(Int)

    public var kind: RecordKind {
        switch self {
        case .party: return .party
        case .event: return .event
        case .argument: return .argument
        case .accord: return .accord
        case .source: return .source
        case .term: return .term
        }
    }
}

/// The dossier in memory, with its records by id, its events in date order and the links between
/// records in both directions. Built once at start; read-only afterwards.
public struct DossierStore: Sendable {
    public let info: DossierInfo
    public let parties: [Party]
    /// Events sorted by date; events of the same date keep the order they were written in.
    public let events: [Event]
    public let arguments: [Argument]
    public let accords: [Accord]
    public let sources: [Source]
    /// Glossary terms, in alphabetical order of their English name.
    public let terms: [Term]

    private let byID: [String: RecordRef]
    private let eventsOfParty: [String: [Int]]
    private let argumentsOfParty: [String: [Int]]
    private let argumentsOfEvent: [String: [Int]]
    private let eventsOfAccord: [String: [Int]]
    private let answeredBy: [String: [Int]]
    private let citedBy: [String: [RecordRef]]
    /// Which records link to each term, found on first use (the glossary's "used in"): reading
    /// every linked text of the dossier is not for the first frame to pay.
    private let lazyTermUsers = Lazy<[String: [RecordRef]]>()
    private let lazySearchIndex = Lazy<SearchIndex>()

    /// Built on first use (or by `buildSearchIndexInBackground`), not at start-up: folding every
    /// text costs time the first frame should not pay.
    public var searchIndex: SearchIndex {
        lazySearchIndex.get { SearchIndex(parties: parties, events: events, arguments: arguments, accords: accords, sources: sources, terms: terms) }
    }

    /// Takes the dossier's arrays over (a dossier passed by a caller that keeps it is copied).
    public init(_ dossier: consuming Dossier) {
        info = dossier.info
        parties = dossier.parties
        var events = dossier.events
        dossier.events = []  // the only reference left is `events`: sorted in place, not copied
        DossierStore.sortByDate(&events)
        self.events = events
        arguments = dossier.arguments
        accords = dossier.accords
        sources = dossier.sources
        // each name lowercased once, not at every comparison
        let unsorted = dossier.terms, names = unsorted.map { $0.term.en.lowercased() }
        terms = unsorted.indices.sorted { (names[$0], unsorted[$0].id) < (names[$1], unsorted[$1].id) }.map { unsorted[$0] }

        // Two independent halves on two cores: the ids and who cites each source on one, the
        // other links between records on the other (each about half the time). Records are read
        // in place (through buffer pointers), not copied: copying an event retains each of its texts.
        var byID: [String: RecordRef] = [:]
        var links = Links(), citedBy: [String: [RecordRef]] = [:]
        let records = (parties: parties, events: self.events, arguments: arguments, accords: accords, sources: sources, terms: terms)
        Parallel.forEach(2) { half in
            let r = records
            if half == 0 {
                byID = DossierStore.ids(r.parties, r.events, r.arguments, r.accords, r.sources, r.terms)
                citedBy = Links.citations(r.parties, r.events, r.arguments, r.accords, r.terms)
            } else {
                links = Links(r.events, r.arguments)
            }
        }
        for accord in accords {
            if let ruling = accord.struckDownBy, case .event(let i)? = byID[ruling],
                !(links.eventsOfAccord[accord.id]?.contains(i) ?? false)
            {
                links.eventsOfAccord[accord.id, default: []].append(i)
                links.eventsOfAccord[accord.id]?.sort()
            }
        }
        self.byID = byID
        self.eventsOfParty = links.eventsOfParty
        self.eventsOfAccord = links.eventsOfAccord
        self.argumentsOfParty = links.argumentsOfParty
        self.argumentsOfEvent = links.argumentsOfEvent
        self.answeredBy = links.answeredBy
        self.citedBy = citedBy
    }

    private static func ids(
        _ parties: [Party], _ events: [Event], _ arguments: [Argument], _ accords: [Accord],
        _ sources: [Source], _ terms: [Term]
    ) -> [String: RecordRef] {
        var byID: [String: RecordRef] = [:]
        byID.reserveCapacity(parties.count + events.count + arguments.count + accords.count + sources.count + terms.count)
        func add<R: DossierRecord>(_ records: [R], _ ref: (Int) -> RecordRef) {
            records.withUnsafeBufferPointer { records in
                for i in records.indices { byID[records[i].id] = ref(i) }
            }
        }
        add(parties, RecordRef.party)
        add(events, RecordRef.event)
        add(arguments, RecordRef.argument)
        add(accords, RecordRef.accord)
        add(sources, RecordRef.source)
        add(terms, RecordRef.term)
        return byID
    }

    /// Which records link to each term from their texts (the glossary's "used in").
    private static func termUsers(
        _ byID: [String: RecordRef], _ parties: [Party], _ events: [Event], _ arguments: [Argument],
        _ accords: [Accord], _ terms: [Term]
    ) -> [String: [RecordRef]] {
        var termUsers: [String: [RecordRef]] = [:]
        func add<R: DossierRecord>(_ records: [R], _ ref: (Int) -> RecordRef) {
            records.withUnsafeBufferPointer { records in
                for i in records.indices {
                    var seen: Set<String> = []
                    for text in records[i].linkedTexts() {
                        for language in Language.allCases {
                            for id in OverviewLinks.ids(in: text[language]) where seen.insert(id).inserted {
                                if case .term? = byID[id], id != records[i].id { termUsers[id, default: []].append(ref(i)) }
                            }
                        }
                    }
                }
            }
        }
        add(parties, RecordRef.party)
        add(events, RecordRef.event)
        add(arguments, RecordRef.argument)
        add(accords, RecordRef.accord)
        add(terms, RecordRef.term)
        return termUsers
    }

    /// The links between records, each way, by id (all but a struck-down accord's ruling, which
    /// needs the ids).
    private struct Links {
        var eventsOfParty: [String: [Int]] = [:], eventsOfAccord: [String: [Int]] = [:]
        var argumentsOfParty: [String: [Int]] = [:], argumentsOfEvent: [String: [Int]] = [:]
        var answeredBy: [String: [Int]] = [:]

        init() {}

        /// Every link but who cites each source (`citations` builds that, on the other core).
        init(_ events: [Event], _ arguments: [Argument]) {
            events.withUnsafeBufferPointer { events in
                for i in events.indices {
                    for party in events[i].parties { eventsOfParty[party, default: []].append(i) }
                    if let accord = events[i].accord { eventsOfAccord[accord, default: []].append(i) }
                }
            }
            arguments.withUnsafeBufferPointer { arguments in
                for i in arguments.indices {
                    for party in arguments[i].by { argumentsOfParty[party, default: []].append(i) }
                    argumentsOfEvent[arguments[i].caseID, default: []].append(i)
                    for answered in arguments[i].answers { answeredBy[answered, default: []].append(i) }
                }
            }
        }

        /// Who cites each source: every kind of record but sources themselves.
        static func citations(
            _ parties: [Party], _ events: [Event], _ arguments: [Argument], _ accords: [Accord],
            _ terms: [Term]
        ) -> [String: [RecordRef]] {
            var citedBy: [String: [RecordRef]] = [:]
            events.withUnsafeBufferPointer { events in
                for i in events.indices {
                    for source in events[i].sources { citedBy[source, default: []].append(.event(i)) }
                }
            }
            arguments.withUnsafeBufferPointer { arguments in
                for i in arguments.indices {
                    for source in arguments[i].sources { citedBy[source, default: []].append(.argument(i)) }
                }
            }
            parties.withUnsafeBufferPointer { parties in
                for i in parties.indices {
                    for source in parties[i].sources { citedBy[source, default: []].append(.party(i)) }
                }
            }
            for (i, accord) in accords.enumerated() {
                var cited = accord.sources
                for dimension in AccordComparison.Dimension.allCases {
                    for source in accord.comparison[dimension].sources where !cited.contains(source) { cited.append(source) }
                }
                for source in cited { citedBy[source, default: []].append(.accord(i)) }
            }
            for (i, term) in terms.enumerated() {
                for source in term.sources { citedBy[source, default: []].append(.term(i)) }
            }
            return citedBy
        }
    }

    /// Sorts events by date, those of one date in the order they were written. Positions are
    /// sorted, then the events moved along the permutation's cycles: each moves once, without the
    /// retains and releases of copying it, and no second array is made.
    static func sortByDate(_ events: inout [Event]) {
        let keys = events.withUnsafeBufferPointer { records in records.indices.map { records[$0].date.sortKey } }
        let order = events.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
        events.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var placed = [Bool](repeating: false, count: buffer.count)
            for start in buffer.indices where !placed[start] {
                // position k receives the event at order[k]
                let first = (base + start).move()
                var k = start
                while order[k] != start {
                    (base + k).moveInitialize(from: base + order[k], count: 1)
                    placed[k] = true
                    k = order[k]
                }
                (base + k).initialize(to: first)
                placed[k] = true
            }
        }
    }

    // MARK: lookup

    public func ref(_ id: String) -> RecordRef? { byID[id] }

    public func id(of ref: RecordRef) -> String {
        switch ref {
        case .party(let i): return parties[i].id
        case .event(let i): return events[i].id
        case .argument(let i): return arguments[i].id
        case .accord(let i): return accords[i].id
        case .source(let i): return sources[i].id
        case .term(let i): return terms[i].id
        }
    }

    /// The line a record is known by in lists and links.
    public func title(of ref: RecordRef, _ language: Language) -> String {
        switch ref {
        case .party(let i): return parties[i].name[language]
        case .event(let i): return events[i].title[language]
        case .argument(let i): return arguments[i].claim[language]
        case .accord(let i): return accords[i].name[language]
        case .source(let i): return "\(sources[i].publisher) — \(sources[i].title)"
        case .term(let i): return terms[i].term[language]
        }
    }

    public func party(_ id: String) -> Party? { if case .party(let i)? = byID[id] { return parties[i] } else { return nil } }
    public func event(_ id: String) -> Event? { if case .event(let i)? = byID[id] { return events[i] } else { return nil } }
    public func argument(_ id: String) -> Argument? { if case .argument(let i)? = byID[id] { return arguments[i] } else { return nil } }
    public func accord(_ id: String) -> Accord? { if case .accord(let i)? = byID[id] { return accords[i] } else { return nil } }
    public func source(_ id: String) -> Source? { if case .source(let i)? = byID[id] { return sources[i] } else { return nil } }
    public func term(_ id: String) -> Term? { if case .term(let i)? = byID[id] { return terms[i] } else { return nil } }

    public func sources(_ ids: [String]) -> [Source] { ids.compactMap(source) }

    // MARK: links

    /// Indices into `events` of the events a party took part in, in date order.
    public func eventIndices(ofParty id: String) -> [Int] { eventsOfParty[id] ?? [] }
    public func argumentIndices(ofParty id: String) -> [Int] { argumentsOfParty[id] ?? [] }
    /// Arguments made or decided in an event (a filing, hearing or ruling).
    public func argumentIndices(ofEvent id: String) -> [Int] { argumentsOfEvent[id] ?? [] }
    /// Events about an accord, including the ruling that struck it down.
    public func eventIndices(ofAccord id: String) -> [Int] { eventsOfAccord[id] ?? [] }
    /// Arguments that answer the given argument.
    public func answerIndices(to id: String) -> [Int] { answeredBy[id] ?? [] }
    /// Records whose texts link to a term (`[[term-id]]`), parties first, then events in date
    /// order, arguments, accords and other terms.
    public func users(ofTerm id: String) -> [RecordRef] {
        lazyTermUsers.get { DossierStore.termUsers(byID, parties, events, arguments, accords, terms) }[id] ?? []
    }

    /// The texts of a record that may hold `[[id]]` links, in the order its fields are declared.
    public func linkedTexts(of ref: RecordRef) -> [Localized] {
        switch ref {
        case .party(let i): return parties[i].linkedTexts()
        case .event(let i): return events[i].linkedTexts()
        case .argument(let i): return arguments[i].linkedTexts()
        case .accord(let i): return accords[i].linkedTexts()
        case .source: return []
        case .term(let i): return terms[i].linkedTexts()
        }
    }

    /// The terms a record's texts link to, in the order a reader of that language meets them
    /// (then any linked only in the other language), each once.
    public func termsUsed(by ref: RecordRef, _ lang: Language) -> [Int] {
        let texts = linkedTexts(of: ref)
        var seen: Set<Int> = [], out: [Int] = []
        for language in [lang, lang == .en ? .fr : .en] {
            for text in texts {
                for id in OverviewLinks.ids(in: text[language]) {
                    if case .term(let i)? = byID[id], ref != .term(i), seen.insert(i).inserted { out.append(i) }
                }
            }
        }
        return out
    }

    /// The glossary in a language's alphabetical order (accents and case folded), as indices
    /// into `terms`.
    public func termIndices(alphabeticalIn lang: Language) -> [Int] {
        let keys = terms.map { TextFold.fold($0.term[lang]) }
        return terms.indices.sorted { (keys[$0], terms[$0].id) < (keys[$1], terms[$1].id) }
    }

    /// Records that cite a source.
    public func citations(ofSource id: String) -> [RecordRef] { citedBy[id] ?? [] }

    /// The accord in force on a date (the first day it can mean), if any.
    public func accordInForce(on date: DossierDate) -> Accord? {
        let day = date.firstDay
        return accords.first { accord in
            accord.inForceFrom.firstDay <= day && (accord.inForceTo.map { day < $0.firstDay } ?? true)
        }
    }
}
