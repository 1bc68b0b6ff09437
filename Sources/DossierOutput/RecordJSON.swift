import DossierCore

/// The documented JSON shape of every record (see docs/CLI.md, "JSON output"). One encoder serves every
/// command: listings print texts in one language with sources resolved; `export` prints texts as
/// `{"en": …, "fr": …}` with sources as ids (they are exported alongside).
public struct RecordJSON {
    public enum Texts {
        case language(Language)
        case both
    }

    let store: DossierStore
    let texts: Texts
    let resolveSources: Bool

    public init(store: DossierStore, texts: Texts, resolveSources: Bool) {
        self.store = store
        self.texts = texts
        self.resolveSources = resolveSources
    }

    func text(_ value: Localized) -> JSON {
        switch texts {
        case .language(let lang): return .string(value[lang])
        case .both: return .object([("en", .string(value.en)), ("fr", .string(value.fr))])
        }
    }

    func text(_ value: Localized?) -> JSON { value.map { text($0) } ?? .null }

    func sources(_ ids: [String]) -> JSON {
        guard resolveSources else { return .strings(ids) }
        return .array(store.sources(ids).map(source))
    }

    /// A field's value as JSON; lists of source ids are resolved to sources when asked.
    func json(_ value: FieldValue) -> JSON {
        switch value {
        case .line(let text): return .string(text)
        case .text(let text): return self.text(text)
        case .date(let date): return .string(date.description)
        case .term(let raw, _): return .string(raw)
        case .terms(let raws), .lines(let raws): return .strings(raws)
        case .texts(let texts): return .array(texts.map { text($0) })
        case .references(let ids, let kinds): return kinds == [.source] ? sources(ids) : .strings(ids)
        case .records(let items): return .array(items.map { .object($0.map { ($0.key, json($0.value)) }) })
        case .record(let fields): return .object(fields.map { ($0.key, json($0.value)) })
        case .flag(let value): return .bool(value)
        case .participants(let participants): return .strings(participants.map(\.party))
        case .absent: return .null
        }
    }

    /// A record as its declared fields in order, with `derived` values (computed, not stored)
    /// placed after the field they follow.
    func object<R: DossierRecord>(_ record: R, derived: [(after: String, key: String, value: JSON)] = []) -> JSON {
        var pairs: [(String, JSON)] = [("id", .string(record.id))]
        for field in R.fields {
            pairs.append((field.jsonKey, json(field.value(record))))
            for extra in derived where extra.after == field.key { pairs.append((extra.key, extra.value)) }
        }
        return .object(pairs)
    }

    public func source(_ s: Source) -> JSON { object(s) }

    public func party(_ p: Party) -> JSON { object(p) }

    public func term(_ t: Term) -> JSON { object(t) }

    public func event(_ e: Event) -> JSON {
        let roles = JSON.array(e.parties.map { .object([("party", .string($0)), ("role", .optional(e.partyRoles[$0]?.rawValue))]) })
        return object(e, derived: [("date", "precision", .string(e.date.precision.rawValue)), ("parties", "party_roles", roles)])
    }

    public func argument(_ a: Argument) -> JSON { object(a) }

    public func accord(_ a: Accord) -> JSON {
        let status: String = a.inForceTo == nil ? "in-force" : (a.struckDownBy == nil ? "ended" : "struck-down")
        // each date's precision beside it, as events have `precision` beside `date`
        return object(
            a,
            derived: [
                ("adopted", "adopted_precision", .string(a.adopted.precision.rawValue)),
                ("in_force_from", "in_force_from_precision", .string(a.inForceFrom.precision.rawValue)),
                ("in_force_to", "in_force_to_precision", .optional(a.inForceTo?.precision.rawValue)),
                ("in_force_to", "status", .string(status)),
            ])
    }

    /// The `dossier:` record (title, focus, overview, tour).
    public func info(_ info: DossierInfo) -> JSON {
        .object(DossierInfo.fields.map { ($0.jsonKey, json($0.value(info))) })
    }

    public func record(_ ref: RecordRef) -> JSON {
        switch ref {
        case .party(let i): return party(store.parties[i])
        case .event(let i): return event(store.events[i])
        case .argument(let i): return argument(store.arguments[i])
        case .accord(let i): return accord(store.accords[i])
        case .source(let i): return source(store.sources[i])
        case .term(let i): return term(store.terms[i])
        }
    }

    /// A short reference to a related record: kind, id and its title line.
    public func summary(_ ref: RecordRef, _ lang: Language) -> JSON {
        var pairs: [(String, JSON)] = [("kind", .string(ref.kind.rawValue)), ("id", .string(store.id(of: ref)))]
        if case .event(let i) = ref { pairs.append(("date", .string(store.events[i].date.description))) }
        pairs.append(("title", .string(store.title(of: ref, lang))))
        return .object(pairs)
    }
}
