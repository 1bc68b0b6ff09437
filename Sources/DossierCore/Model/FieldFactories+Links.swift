/// The field factories for what links records: references by id, lists of records, nested
/// records, an event's parties; and the decoding walk over a kind's table.
extension Field {
    /// Ids of other records, each checked once the whole dossier is read; an absent optional
    /// list is empty.
    public static func references(
        _ key: String, _ path: WritableKeyPath<Record, [String]> & Sendable, to kinds: Set<RecordKind>,
        required: Bool = false, nonEmpty: Bool = false
    ) -> Field {
        let mask = RecordKinds(kinds)
        return Field(
            key, json: nil, search: .none, property: path,
            value: { .references($0[keyPath: path], kinds: kinds) },
            read: { reader, record, pending in
                guard let ids = reader.references(key, to: mask, required: required, nonEmpty: nonEmpty, into: &pending) else { return false }
                record[keyPath: path] = ids
                return true
            },
            write: { record, w in w.add(record[keyPath: path]) },
            decode: { r, record throws(CompactCodec.Corrupt) in
                let items = try r.list(); if !items.isEmpty { record[keyPath: path] = items }
            },
            texts: { _, _ in })
    }

    /// The id of one other record.
    public static func reference(_ key: String, _ path: WritableKeyPath<Record, String> & Sendable, to kinds: Set<RecordKind>) -> Field {
        let mask = RecordKinds(kinds)
        return Field(
            key, json: nil, search: .none, property: path,
            value: { .line($0[keyPath: path]) },
            read: { reader, record, pending in
                guard let id = reader.reference(key, to: mask, into: &pending) else { return false }
                record[keyPath: path] = id
                return true
            },
            write: { record, w in w.add(record[keyPath: path]) },
            decode: { r, record throws(CompactCodec.Corrupt) in record[keyPath: path] = try r.string() },
            texts: { _, _ in })
    }

    public static func optionalReference(_ key: String, _ path: WritableKeyPath<Record, String?> & Sendable, to kinds: Set<RecordKind>) -> Field {
        let mask = RecordKinds(kinds)
        return Field(
            key, json: nil, search: .none, property: path,
            value: { $0[keyPath: path].map { .line($0) } ?? .absent },
            read: { reader, record, pending in
                let id = reader.reference(key, to: mask, required: false, into: &pending)
                if let id { record[keyPath: path] = id }
                return id != nil || !reader.has(key)
            },
            write: { record, w in w.add(optional: record[keyPath: path]) },
            decode: { r, record throws(CompactCodec.Corrupt) in if let text = try r.optionalString() { record[keyPath: path] = text } },
            texts: { _, _ in })
    }

    /// A list of nested records (the tour's steps), each read with its own fields; `owner` names
    /// item n (from 1) in messages.
    public static func records<Item: Declared>(
        _ key: String, _ path: WritableKeyPath<Record, [Item]> & Sendable,
        owner: @escaping @Sendable (Int) -> String
    ) -> Field {
        Field(
            key, json: nil, search: .none, property: path,
            value: { .records($0[keyPath: path].map { $0.fieldValues() }) },
            read: { reader, record, pending in
                guard let nodes = reader.list(key) else { return !reader.has(key) }
                var items: [Item] = []
                for (index, node) in nodes.enumerated() {
                    guard var itemReader = FieldReader(node, file: reader.file, owner: owner(index + 1), sink: reader.sink) else { continue }
                    if let item = itemReader.decode(Item.self, into: &pending) { items.append(item) }
                }
                record[keyPath: path] = items
                return true
            },
            write: { record, w in
                w.add(record[keyPath: path].count)
                for item in record[keyPath: path] { for field in Item.fields { field.writeCompact(item, &w) } }
            },
            decode: { r, record throws(CompactCodec.Corrupt) in
                var items: [Item] = []
                for _ in 0..<(try r.int()) {
                    var item = Item()
                    for field in Item.fields { try field.readCompact(&r, &item) }
                    items.append(item)
                }
                record[keyPath: path] = items
            },
            texts: { _, _ in })
    }
}

/// A party as an event lists it, with its role in that event (claimant, judge…) when known.
public struct Participant: Sendable, Hashable {
    public var party: String
    public var role: CaseRole?
    public init(party: String, role: CaseRole?) {
        self.party = party
        self.role = role
    }
}

extension Field {
    /// One nested record: `required`, it must be there (an accord's comparison, each of its
    /// dimensions); otherwise absent means blank (legal identifiers, whose fields are all optional).
    public static func nested<Item: Declared>(
        _ key: String, _ path: WritableKeyPath<Record, Item> & Sendable, search: SearchPlace,
        required: Bool = false
    ) -> Field {
        Field(
            key, json: nil, search: search, property: path,
            value: { .record($0[keyPath: path].fieldValues()) },
            read: { reader, record, pending in
                guard let node = reader.node(key) else {
                    if required { reader.report(at: key, "missing field '\(key)'") }
                    return !required
                }
                guard var itemReader = FieldReader(node, file: reader.file, owner: "\(reader.owner) \(key)", sink: reader.sink),
                    let item = itemReader.decode(Item.self, into: &pending)
                else { return false }
                record[keyPath: path] = item
                return true
            },
            write: { record, w in for field in Item.fields { field.writeCompact(record[keyPath: path], &w) } },
            decode: { r, record throws(CompactCodec.Corrupt) in
                var item = Item()
                for field in Item.fields { try field.readCompact(&r, &item) }
                record[keyPath: path] = item
            },
            texts: { record, body in
                let item = record[keyPath: path]
                for field in Item.fields { field.texts(item, body) }
            },
            linked: { record, body in
                let item = record[keyPath: path]
                for field in Item.fields { field.linked(item, body) }
            })
    }

    /// `true` or `false`; absent, false.
    public static func flag(_ key: String, _ path: WritableKeyPath<Record, Bool> & Sendable) -> Field {
        Field(
            key, json: nil, search: .none, property: path,
            value: { .flag($0[keyPath: path]) },
            read: { reader, record, _ in
                guard let value = reader.flag(key) else { return !reader.has(key) }
                record[keyPath: path] = value
                return true
            },
            write: { record, w in w.add(record[keyPath: path] ? "1" : "0") },
            decode: { r, record throws(CompactCodec.Corrupt) in record[keyPath: path] = try r.flag() },
            texts: { _, _ in })
    }

    /// An event's parties: a list of ids, each optionally with its role (`- cnil` or
    /// `- clever-cloud: claimant`). Stored as the ids in order and the roles by id, so code that
    /// only needs who took part keeps reading `parties`.
    public static func participants(
        _ key: String, _ ids: WritableKeyPath<Record, [String]> & Sendable,
        roles: WritableKeyPath<Record, [String: CaseRole]> & Sendable
    ) -> Field {
        @Sendable func list(_ record: Record) -> [Participant] {
            let roleOf = record[keyPath: roles]
            return record[keyPath: ids].map { Participant(party: $0, role: roleOf[$0]) }
        }
        return Field(
            key, json: nil, search: .none, property: ids, also: [roles],
            value: { .participants(list($0)) },
            read: { reader, record, pending in
                guard let participants = reader.participants(key, into: &pending) else { return false }
                record[keyPath: ids] = participants.map(\.party)
                var roleOf: [String: CaseRole] = [:]
                for p in participants { if let role = p.role { roleOf[p.party] = role } }
                record[keyPath: roles] = roleOf
                return true
            },
            write: { record, w in
                let participants = list(record)
                w.add(participants.map(\.party))
                w.add(participants.map { $0.role?.rawValue ?? "" })
            },
            decode: { r, record throws(CompactCodec.Corrupt) in
                let parties = try r.list(), roleNames = try r.list()
                guard roleNames.count == parties.count else { throw CompactCodec.Corrupt(at: r.position, "one role per party") }
                var roleOf: [String: CaseRole] = [:]
                for (party, name) in zip(parties, roleNames) where !name.isEmpty {
                    guard let role = CaseRole(rawValue: name) else { throw CompactCodec.Corrupt(at: r.position, "a role") }
                    roleOf[party] = role
                }
                record[keyPath: ids] = parties
                record[keyPath: roles] = roleOf
            },
            texts: { _, _ in })
    }
}

extension FieldReader {
    /// Reads every declared field of `R` into a blank record, runs the kind's checks, reports
    /// unknown fields; nil when a field was missing or bad.
    mutating func decode<R: Declared>(_ type: R.Type, into pending: inout [PendingReference]) -> R? {
        var record = R()
        var complete = true
        // The table lives as long as the program: each field is used without a retain. Both
        // loading threads walk the same fields, and retaining a field and its closure for each
        // of a record's fields made them fight over those counts (about 5 % of a 100k load).
        let fields = R.fields
        for i in fields.indices {
            let read = Unmanaged.passUnretained(fields[i])._withUnsafeGuaranteedRef { field in
                field.read(&self, &record, &pending)
            }
            if !read { complete = false }
        }
        if complete { R.check(record, self) }
        finish()
        return complete ? record : nil
    }
}
