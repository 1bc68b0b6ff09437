import DossierCore

/// The documented JSON shape of every record (see README "JSON output"). One encoder serves every
/// command: listings print texts in one language with sources resolved; `export` prints texts as
/// `{"en": …, "fr": …}` with sources as ids (they are exported alongside).
public struct RecordJSON {
    public enum Texts { case language(Language), both }

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

    func label<V: Vocabulary>(_ value: V) -> JSON { .string(value.rawValue) }

    func sources(_ ids: [String]) -> JSON {
        guard resolveSources else { return .strings(ids) }
        return .array(store.sources(ids).map(source))
    }

    public func source(_ s: Source) -> JSON {
        .object([("id", .string(s.id)), ("publisher", .string(s.publisher)), ("title", .string(s.title)),
                 ("date", .string(s.date.description)), ("url", .string(s.url)),
                 ("language", .string(s.language)), ("kind", label(s.kind))])
    }

    public func party(_ p: Party) -> JSON {
        .object([("id", .string(p.id)), ("name", text(p.name)), ("kind", label(p.kind)),
                 ("roles", .array(p.roles.map(label))), ("country", .string(p.country)),
                 ("summary", text(p.summary)), ("website", .optional(p.website)),
                 ("certainty", label(p.certainty)), ("note", text(p.note)), ("sources", sources(p.sources))])
    }

    public func event(_ e: Event) -> JSON {
        .object([("id", .string(e.id)), ("date", .string(e.date.description)),
                 ("precision", .string(e.date.precision.rawValue)), ("end", .optional(e.end?.description)),
                 ("kind", label(e.kind)), ("track", label(e.track)), ("title", text(e.title)),
                 ("summary", text(e.summary)), ("certainty", label(e.certainty)), ("note", text(e.note)),
                 ("parties", .strings(e.parties)), ("accord", .optional(e.accord)), ("sources", sources(e.sources))])
    }

    public func argument(_ a: Argument) -> JSON {
        .object([("id", .string(a.id)), ("side", label(a.side)), ("by", .strings(a.by)), ("case", .string(a.caseID)),
                 ("claim", text(a.claim)), ("detail", text(a.detail)), ("basis", .strings(a.basis)),
                 ("answers", .strings(a.answers)), ("outcome", text(a.outcome)), ("certainty", label(a.certainty)),
                 ("note", text(a.note)), ("sources", sources(a.sources))])
    }

    public func accord(_ a: Accord) -> JSON {
        let status: String = a.inForceTo == nil ? "in-force" : (a.struckDownBy == nil ? "ended" : "struck-down")
        return .object([("id", .string(a.id)), ("name", text(a.name)), ("instrument", .string(a.instrument)),
                        ("adopted", .string(a.adopted.description)), ("in_force_from", .string(a.inForceFrom.description)),
                        ("in_force_to", .optional(a.inForceTo?.description)), ("status", .string(status)),
                        ("status_text", text(a.status)), ("summary", text(a.summary)),
                        ("mechanisms", .array(a.mechanisms.map { text($0) })), ("challenged_by", .strings(a.challengedBy)),
                        ("struck_down_by", .optional(a.struckDownBy)), ("certainty", label(a.certainty)),
                        ("note", text(a.note)), ("sources", sources(a.sources))])
    }

    public func record(_ ref: RecordRef) -> JSON {
        switch ref {
        case .party(let i): return party(store.parties[i])
        case .event(let i): return event(store.events[i])
        case .argument(let i): return argument(store.arguments[i])
        case .accord(let i): return accord(store.accords[i])
        case .source(let i): return source(store.sources[i])
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
