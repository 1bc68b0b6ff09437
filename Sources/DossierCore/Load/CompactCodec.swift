/// A compact, pre-validated form of a dossier, produced at build time from the YAML and decoded at
/// start-up without parsing YAML or checking anything again: fields separated by U+001F (which the
/// sanitised data can never contain), lists prefixed by their length, optional values by a flag.
public enum CompactCodec {
    static let magic = "dossier-compact-1"
    static let separator: UInt8 = 0x1F

    // MARK: encoding

    public static func encode(_ dossier: Dossier) -> String {
        var w = Writer()
        w.add(magic)
        let info = dossier.info
        w.add(info.title); w.add(info.focus); w.add(info.overview)
        w.add(info.tour.count)
        for step in info.tour { w.add(step.record); w.add(step.text) }
        w.add(dossier.sources.count)
        for s in dossier.sources {
            w.add(s.id); w.add(s.publisher); w.add(s.title); w.add(s.date.description); w.add(s.url); w.add(s.language); w.add(s.kind.rawValue)
        }
        w.add(dossier.parties.count)
        for p in dossier.parties {
            w.add(p.id); w.add(p.name); w.add(p.kind.rawValue); w.add(p.roles.map(\.rawValue)); w.add(p.country); w.add(p.summary)
            w.add(optional: p.website); w.add(p.certainty.rawValue); w.add(optional: p.note); w.add(p.sources)
        }
        w.add(dossier.events.count)
        for e in dossier.events {
            w.add(e.id); w.add(e.date.description); w.add(optional: e.end?.description); w.add(e.kind.rawValue); w.add(e.track.rawValue)
            w.add(e.title); w.add(e.summary); w.add(e.parties); w.add(optional: e.accord); w.add(e.certainty.rawValue)
            w.add(optional: e.note); w.add(e.sources)
        }
        w.add(dossier.arguments.count)
        for a in dossier.arguments {
            w.add(a.id); w.add(a.side.rawValue); w.add(a.by); w.add(a.caseID); w.add(a.claim); w.add(optional: a.detail)
            w.add(a.basis); w.add(a.answers); w.add(optional: a.outcome); w.add(a.certainty.rawValue); w.add(optional: a.note); w.add(a.sources)
        }
        w.add(dossier.accords.count)
        for a in dossier.accords {
            w.add(a.id); w.add(a.name); w.add(a.instrument); w.add(a.adopted.description); w.add(a.inForceFrom.description)
            w.add(optional: a.inForceTo?.description); w.add(a.summary); w.add(a.mechanisms.count)
            for m in a.mechanisms { w.add(m) }
            w.add(a.challengedBy); w.add(optional: a.struckDownBy); w.add(a.status); w.add(a.certainty.rawValue)
            w.add(optional: a.note); w.add(a.sources)
        }
        return w.text
    }

    private struct Writer {
        var text = ""
        mutating func add(_ field: String) {
            if !text.isEmpty { text.unicodeScalars.append("\u{1F}") }
            text += field
        }
        mutating func add(_ n: Int) { add(String(n)) }
        mutating func add(_ l: Localized) { add(l.en); add(l.fr) }
        mutating func add(_ list: [String]) { add(list.count); for item in list { add(item) } }
        mutating func add(optional value: String?) {
            if let value { add("1"); add(value) } else { add("0") }
        }
        mutating func add(optional value: Localized?) {
            if let value { add("1"); add(value) } else { add("0") }
        }
    }

    // MARK: decoding

    /// Decodes the compact form; nil when it is not one (or not this version).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Dossier? {
        var r = Reader(bytes: bytes)
        return try? r.dossier()
    }

    private struct Corrupt: Error {}

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func string() throws(Corrupt) -> String {
            guard position <= bytes.count else { throw Corrupt() }
            var end = position
            while end < bytes.count && bytes[end] != CompactCodec.separator { end += 1 }
            let field = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
            position = end + 1
            return field
        }
        mutating func int() throws(Corrupt) -> Int {
            guard let n = Int(try string()), n >= 0 else { throw Corrupt() }
            return n
        }
        mutating func localized() throws(Corrupt) -> Localized { Localized(en: try string(), fr: try string()) }
        mutating func list() throws(Corrupt) -> [String] {
            let count = try int()
            var items: [String] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try string()) }
            return items
        }
        mutating func optionalString() throws(Corrupt) -> String? { try string() == "1" ? try string() : nil }
        mutating func optionalLocalized() throws(Corrupt) -> Localized? { try string() == "1" ? try localized() : nil }
        mutating func date() throws(Corrupt) -> DossierDate {
            guard let d = DossierDate(try string()) else { throw Corrupt() }
            return d
        }
        mutating func value<V: Vocabulary>(_ type: V.Type) throws(Corrupt) -> V {
            guard let v = V(rawValue: try string()) else { throw Corrupt() }
            return v
        }

        mutating func dossier() throws(Corrupt) -> Dossier {
            guard try string() == CompactCodec.magic else { throw Corrupt() }
            let origin = Origin(file: "bundled dossier", mark: SourceMark(line: 0, column: 0))
            let title = try localized(), focus = try string(), overview = try localized()
            var tour: [TourStep] = []
            for _ in 0..<(try int()) { tour.append(TourStep(record: try string(), text: try localized())) }
            var dossier = Dossier(info: DossierInfo(title: title, focus: focus, overview: overview, tour: tour, origin: origin))
            let sourceCount = try int()
            dossier.sources.reserveCapacity(sourceCount)
            for _ in 0..<sourceCount {
                dossier.sources.append(Source(id: try string(), publisher: try string(), title: try string(), date: try date(),
                                              url: try string(), language: try string(), kind: try value(SourceKind.self), origin: origin))
            }
            let partyCount = try int()
            dossier.parties.reserveCapacity(partyCount)
            for _ in 0..<partyCount {
                let id = try string(), name = try localized(), kind = try value(PartyKind.self)
                let roles = try list().compactMap(Role.init(rawValue:))
                dossier.parties.append(Party(id: id, name: name, kind: kind, roles: roles, country: try string(), summary: try localized(),
                                             website: try optionalString(), certainty: try value(Certainty.self),
                                             note: try optionalLocalized(), sources: try list(), origin: origin))
            }
            let eventCount = try int()
            dossier.events.reserveCapacity(eventCount)
            for _ in 0..<eventCount {
                let id = try string(), date = try date()
                let end = try optionalString().flatMap(DossierDate.init)
                dossier.events.append(Event(id: id, date: date, end: end, kind: try value(EventKind.self), track: try value(Track.self),
                                            title: try localized(), summary: try localized(), parties: try list(),
                                            accord: try optionalString(), certainty: try value(Certainty.self),
                                            note: try optionalLocalized(), sources: try list(), origin: origin))
            }
            let argumentCount = try int()
            dossier.arguments.reserveCapacity(argumentCount)
            for _ in 0..<argumentCount {
                dossier.arguments.append(Argument(id: try string(), side: try value(Side.self), by: try list(), caseID: try string(),
                                                  claim: try localized(), detail: try optionalLocalized(), basis: try list(),
                                                  answers: try list(), outcome: try optionalLocalized(),
                                                  certainty: try value(Certainty.self), note: try optionalLocalized(),
                                                  sources: try list(), origin: origin))
            }
            let accordCount = try int()
            for _ in 0..<accordCount {
                let id = try string(), name = try localized(), instrument = try string()
                let adopted = try date(), from = try date(), to = try optionalString().flatMap(DossierDate.init)
                let summary = try localized()
                var mechanisms: [Localized] = []
                for _ in 0..<(try int()) { mechanisms.append(try localized()) }
                dossier.accords.append(Accord(id: id, name: name, instrument: instrument, adopted: adopted, inForceFrom: from,
                                              inForceTo: to, summary: summary, mechanisms: mechanisms,
                                              challengedBy: try list(), struckDownBy: try optionalString(),
                                              status: try localized(), certainty: try value(Certainty.self),
                                              note: try optionalLocalized(), sources: try list(), origin: origin))
            }
            guard position >= bytes.count else { throw Corrupt() }
            return dossier
        }
    }
}
