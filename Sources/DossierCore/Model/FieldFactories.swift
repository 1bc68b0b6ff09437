/// The field factories for values a record holds itself: texts, lines, dates and vocabulary
/// terms. Records, references and nested records: FieldFactories+Links.swift.
extension Field {

    /// What may refuse a one-line value read from YAML (it reports why): key, value, reader.
    public typealias Check = @Sendable (String, String, FieldReader) -> Bool

    /// One line of text; `check` may refuse a value read from YAML.
    public static func line(
        _ key: String, _ path: WritableKeyPath<Record, String> & Sendable, search: SearchPlace = .none,
        check: Check? = nil
    ) -> Field {
        Field(
            key, json: nil, search: search, property: path,
            value: { .line($0[keyPath: path]) },
            read: { reader, record, _ in
                guard let text = reader.string(key) else { return false }
                if let check, !check(key, text, reader) { return false }
                record[keyPath: path] = text
                return true
            },
            write: { record, w in w.add(record[keyPath: path]) },
            decode: { r, record throws(CompactCodec.Corrupt) in record[keyPath: path] = try r.string() },
            texts: { record, body in body(record[keyPath: path]) })
    }

    public static func optionalLine(
        _ key: String, _ path: WritableKeyPath<Record, String?> & Sendable, search: SearchPlace = .none,
        check: Check? = nil
    ) -> Field {
        Field(
            key, json: nil, search: search, property: path,
            value: { $0[keyPath: path].map { .line($0) } ?? .absent },
            read: { reader, record, _ in
                let text = reader.string(key, required: false)
                if let text, let check, !check(key, text, reader) { return false }
                if let text { record[keyPath: path] = text }
                return text != nil || !reader.has(key)
            },
            write: { record, w in w.add(optional: record[keyPath: path]) },
            decode: { r, record throws(CompactCodec.Corrupt) in if let text = try r.optionalString() { record[keyPath: path] = text } },
            texts: { record, body in if let text = record[keyPath: path] { body(text) } })
    }

    /// A text in both languages; `allowPlain` lets one plain string serve both (proper names);
    /// `links` queues each `[[id]]` inside the text as a reference to be checked.
    public static func text(
        _ key: String, _ path: WritableKeyPath<Record, Localized> & Sendable, json: String? = nil,
        search: SearchPlace = .body, allowPlain: Bool = false, links: Bool = false
    ) -> Field {
        Field(
            key, json: json, search: search, property: path,
            value: { .text($0[keyPath: path]) },
            read: { reader, record, pending in
                // names, titles and claims (the texts that rank as titles) are one line
                guard let text = reader.text(key, allowPlain: allowPlain, oneLine: search == .title) else { return false }
                if links { reader.queueLinks(in: text, field: key, into: &pending) }
                record[keyPath: path] = text
                return true
            },
            write: { record, w in w.add(record[keyPath: path]) },
            decode: { r, record throws(CompactCodec.Corrupt) in record[keyPath: path] = try r.localized() },
            texts: { record, body in
                let text = record[keyPath: path]; body(text.en); body(text.fr)
            },
            linked: { record, body in if links { body(record[keyPath: path]) } })
    }

    public static func optionalText(
        _ key: String, _ path: WritableKeyPath<Record, Localized?> & Sendable, search: SearchPlace = .body,
        links: Bool = false
    ) -> Field {
        Field(
            key, json: nil, search: search, property: path,
            value: { $0[keyPath: path].map { .text($0) } ?? .absent },
            read: { reader, record, pending in
                let text = reader.text(key, required: false)
                if let text {
                    if links { reader.queueLinks(in: text, field: key, into: &pending) }
                    record[keyPath: path] = text
                }
                // a malformed optional text was reported; the record is still refused
                return text != nil || !reader.has(key)
            },
            write: { record, w in w.add(optional: record[keyPath: path]) },
            decode: { r, record throws(CompactCodec.Corrupt) in if let text = try r.optionalLocalized() { record[keyPath: path] = text } },
            texts: { record, body in if let text = record[keyPath: path] { body(text.en); body(text.fr) } },
            linked: { record, body in if links, let text = record[keyPath: path] { body(text) } })
    }

    public static func texts(_ key: String, _ path: WritableKeyPath<Record, [Localized]> & Sendable, search: SearchPlace = .body) -> Field {
        Field(
            key, json: nil, search: search, property: path,
            value: { .texts($0[keyPath: path]) },
            read: { reader, record, _ in
                guard let texts = reader.texts(key) else { return false }
                record[keyPath: path] = texts
                return true
            },
            write: { record, w in
                w.add(record[keyPath: path].count)
                for text in record[keyPath: path] { w.add(text) }
            },
            decode: { r, record throws(CompactCodec.Corrupt) in
                var texts: [Localized] = []
                for _ in 0..<(try r.int()) { texts.append(try r.localized()) }
                record[keyPath: path] = texts
            },
            texts: { record, body in for text in record[keyPath: path] { body(text.en); body(text.fr) } })
    }

    /// A list of plain one-line texts; an absent list is empty.
    public static func lines(_ key: String, _ path: WritableKeyPath<Record, [String]> & Sendable, search: SearchPlace = .body) -> Field {
        Field(
            key, json: nil, search: search, property: path,
            value: { .lines($0[keyPath: path]) },
            read: { reader, record, _ in
                record[keyPath: path] = reader.strings(key, required: false) ?? []
                return true
            },
            write: { record, w in w.add(record[keyPath: path]) },
            decode: { r, record throws(CompactCodec.Corrupt) in
                let items = try r.list(); if !items.isEmpty { record[keyPath: path] = items }
            },
            texts: { record, body in for text in record[keyPath: path] { body(text) } })
    }

    public static func date(_ key: String, _ path: WritableKeyPath<Record, DossierDate> & Sendable, search: SearchPlace = .none) -> Field {
        Field(
            key, json: nil, search: search, property: path,
            value: { .date($0[keyPath: path]) },
            read: { reader, record, _ in
                guard let date = reader.date(key) else { return false }
                record[keyPath: path] = date
                return true
            },
            write: { record, w in w.add(record[keyPath: path].description) },
            decode: { r, record throws(CompactCodec.Corrupt) in record[keyPath: path] = try r.date() },
            texts: { record, body in body(record[keyPath: path].description) })
    }

    public static func optionalDate(_ key: String, _ path: WritableKeyPath<Record, DossierDate?> & Sendable, search: SearchPlace = .none) -> Field {
        Field(
            key, json: nil, search: search, property: path,
            value: { $0[keyPath: path].map { .date($0) } ?? .absent },
            read: { reader, record, _ in
                let date = reader.date(key, required: false)
                if let date { record[keyPath: path] = date }
                return date != nil || !reader.has(key)
            },
            write: { record, w in w.add(optional: record[keyPath: path]?.description) },
            decode: { r, record throws(CompactCodec.Corrupt) in
                guard let text = try r.optionalString() else { return }
                guard let date = DossierDate(text) else { throw CompactCodec.Corrupt(at: r.position, "date") }
                record[keyPath: path] = date
            },
            texts: { record, body in if let date = record[keyPath: path] { body(date.description) } })
    }

    /// A value of a closed vocabulary; with a `default`, the field may be left out.
    public static func term<V: Vocabulary>(
        _ key: String, _ path: WritableKeyPath<Record, V> & Sendable, default fallback: V? = nil,
        search: SearchPlace = .none
    ) -> Field {
        Field(
            key, json: nil, search: search, property: path,
            value: { .term($0[keyPath: path].rawValue, $0[keyPath: path].label) },
            read: { reader, record, _ in
                if let fallback, !reader.has(key) {
                    record[keyPath: path] = fallback
                    return true
                }
                guard let value = reader.value(key, V.self) else { return false }
                record[keyPath: path] = value
                return true
            },
            write: { record, w in w.add(record[keyPath: path].rawValue) },
            decode: { r, record throws(CompactCodec.Corrupt) in record[keyPath: path] = try r.value(V.self) },
            texts: { record, body in
                let label = record[keyPath: path].label; body(label.en); body(label.fr)
            })
    }

    /// A non-empty list of values of a closed vocabulary.
    public static func terms<V: Vocabulary>(_ key: String, _ path: WritableKeyPath<Record, [V]> & Sendable, search: SearchPlace = .none) -> Field {
        Field(
            key, json: nil, search: search, property: path,
            value: { .terms($0[keyPath: path].map(\.rawValue)) },
            read: { reader, record, _ in
                guard let values = reader.values(key, V.self) else { return false }
                record[keyPath: path] = values
                return true
            },
            write: { record, w in w.add(record[keyPath: path].map(\.rawValue)) },
            decode: { r, record throws(CompactCodec.Corrupt) in
                var values: [V] = []
                for raw in try r.list() {
                    guard let value = V(rawValue: raw) else { throw CompactCodec.Corrupt(at: r.position, key) }
                    values.append(value)
                }
                record[keyPath: path] = values
            },
            texts: { record, body in for value in record[keyPath: path] { body(value.label.en); body(value.label.fr) } })
    }
}
