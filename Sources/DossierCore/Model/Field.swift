/// The one declaration of a record kind's fields. Each record kind lists its fields once, in
/// `Records.swift`, as `Field` values; that list drives the YAML decoder and its messages, the
/// compact build-time form, JSON output and what the search index covers, so they cannot drift
/// apart. A field is built by one of the factories below, which ties its YAML reading, compact
/// writing and reading, neutral value and searchable texts to one key path.
///
/// Why a table of closures rather than `Codable`: the decoder must report every problem at
/// file:line:column with the record's name, keep going after the first, resolve references across
/// files and read bilingual texts in two shapes; `Codable`'s errors stop at the first and carry no
/// source marks, and a macro would add swift-syntax to every build.
public final class Field<Record>: Sendable {
    /// The key in YAML and, unless `jsonKey` says otherwise, in JSON.
    public let key: String
    public let jsonKey: String
    /// Where the field's texts go in the search index.
    public let search: SearchPlace
    /// The stored properties this field fills, as `\Event.title` (for the test that checks every
    /// stored property has a field). Described when asked, not when the table is built: describing
    /// a key path costs runtime type lookups, and the tables are built at every start.
    public var properties: [String] { keyPaths.map { String(describing: $0) } }
    private let keyPaths: [AnyKeyPath & Sendable]
    /// The field's value in a neutral form (JSON, comparisons).
    public let value: @Sendable (Record) -> FieldValue
    /// Reads the field from YAML into a blank record; false when a required field is missing or
    /// bad (the reader has reported why). An absent optional is left nil as the blank record has
    /// it, and what was read is checked from a local, not read back through the key path (which
    /// copies the whole record: every retain of an event's fields, twice per optional text).
    let read: @Sendable (inout FieldReader, inout Record, inout [PendingReference]) -> Bool
    let writeCompact: @Sendable (Record, inout CompactWriter) -> Void
    /// Reads the field from the compact form into a blank record (`Record()`): an absent
    /// optional or an empty list is left as the blank record has it (nil, empty) rather than
    /// written again, since a write through a key path into a computed property (the boxed
    /// legal identifiers) costs a writeback buffer and a new box.
    let readCompact: @Sendable (inout CompactReader, inout Record) throws(CompactCodec.Corrupt) -> Void
    /// Calls `body` with each text the field contributes to the search index, both languages.
    let texts: @Sendable (Record, (String) -> Void) -> Void
    /// Calls `body` with each text of the field that may hold `[[id]]` links (`links: true`).
    let linked: @Sendable (Record, (Localized) -> Void) -> Void

    // a class, not a struct: walking a table retains one object per field, not its seven closures
    fileprivate init(_ key: String, json: String?, search: SearchPlace, property: AnyKeyPath & Sendable, also: [AnyKeyPath & Sendable] = [],
                 value: @escaping @Sendable (Record) -> FieldValue,
                 read: @escaping @Sendable (inout FieldReader, inout Record, inout [PendingReference]) -> Bool,
                 write: @escaping @Sendable (Record, inout CompactWriter) -> Void,
                 decode: @escaping @Sendable (inout CompactReader, inout Record) throws(CompactCodec.Corrupt) -> Void,
                 texts: @escaping @Sendable (Record, (String) -> Void) -> Void,
                 linked: @escaping @Sendable (Record, (Localized) -> Void) -> Void = { _, _ in }) {
        self.key = key
        self.jsonKey = json ?? key
        self.search = search
        self.keyPaths = [property] + also
        self.value = value
        self.read = read
        self.writeCompact = write
        self.readCompact = decode
        self.texts = texts
        self.linked = linked
    }
}

/// Which blob of the search index a field's texts are folded into.
public enum SearchPlace: Sendable {
    /// Names, titles and claims: hits there rank first.
    case title
    /// Every other searchable text.
    case body
    /// Not searched (references, certainty…).
    case none
}

/// A field's value, independent of how it is stored.
public enum FieldValue: Sendable, Hashable {
    /// One line of text (an id, a URL, a country code…).
    case line(String)
    /// A text in both languages.
    case text(Localized)
    case date(DossierDate)
    /// A value of a closed vocabulary: its raw value (what YAML and JSON use) and its label.
    case term(String, Localized)
    case terms([String])
    /// Plain one-line texts.
    case lines([String])
    case texts([Localized])
    /// Ids of other records, of the given kinds.
    case references([String], kinds: Set<RecordKind>)
    /// Nested records (the tour's steps), each as its fields in order.
    case records([[KeyedValue]])
    /// One nested record (an event's legal identifiers).
    case record([KeyedValue])
    case flag(Bool)
    /// Parties of an event, each with its role in it when one is given.
    case participants([Participant])
    /// An optional field that is not there.
    case absent
}

public struct KeyedValue: Sendable, Hashable {
    public var key: String
    public var value: FieldValue
}

/// What every declared kind provides: a blank value the decoder fills field by field, and its
/// fields in the order they are read, written and shown in JSON.
public protocol Declared: Sendable, Hashable {
    init()
    static var fields: [Field<Self>] { get }
    /// Checks that span several fields (an end after the start…); run after the fields are read.
    static func check(_ record: Self, _ reader: FieldReader)
}

extension Declared {
    public static func check(_ record: Self, _ reader: FieldReader) {}

    /// The texts that may hold `[[id]]` links, in declaration order (nested records included).
    public func linkedTexts() -> [Localized] {
        var out: [Localized] = []
        for field in Self.fields { field.linked(self) { out.append($0) } }
        return out
    }

    /// Every field's value, in declaration order.
    public func fieldValues() -> [KeyedValue] {
        Self.fields.map { KeyedValue(key: $0.key, value: $0.value(self)) }
    }
}

/// A record with an id, which others can refer to.
public protocol DossierRecord: Declared {
    static var kind: RecordKind { get }
    /// The YAML collection that holds records of this kind (`events:`).
    static var collection: String { get }
    var id: String { get set }
    var origin: Origin { get set }
}

// MARK: - factories

extension Field {

    /// What may refuse a one-line value read from YAML (it reports why): key, value, reader.
    public typealias Check = @Sendable (String, String, FieldReader) -> Bool

    /// One line of text; `check` may refuse a value read from YAML.
    public static func line(_ key: String, _ path: WritableKeyPath<Record, String> & Sendable, search: SearchPlace = .none,
                            check: Check? = nil) -> Field {
        Field(key, json: nil, search: search, property: path,
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

    public static func optionalLine(_ key: String, _ path: WritableKeyPath<Record, String?> & Sendable, search: SearchPlace = .none,
                                    check: Check? = nil) -> Field {
        Field(key, json: nil, search: search, property: path,
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
    public static func text(_ key: String, _ path: WritableKeyPath<Record, Localized> & Sendable, json: String? = nil,
                            search: SearchPlace = .body, allowPlain: Bool = false, links: Bool = false) -> Field {
        Field(key, json: json, search: search, property: path,
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
              texts: { record, body in let text = record[keyPath: path]; body(text.en); body(text.fr) },
              linked: { record, body in if links { body(record[keyPath: path]) } })
    }

    public static func optionalText(_ key: String, _ path: WritableKeyPath<Record, Localized?> & Sendable, search: SearchPlace = .body,
                                    links: Bool = false) -> Field {
        Field(key, json: nil, search: search, property: path,
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
        Field(key, json: nil, search: search, property: path,
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
        Field(key, json: nil, search: search, property: path,
              value: { .lines($0[keyPath: path]) },
              read: { reader, record, _ in
                  record[keyPath: path] = reader.strings(key, required: false) ?? []
                  return true
              },
              write: { record, w in w.add(record[keyPath: path]) },
              decode: { r, record throws(CompactCodec.Corrupt) in let items = try r.list(); if !items.isEmpty { record[keyPath: path] = items } },
              texts: { record, body in for text in record[keyPath: path] { body(text) } })
    }

    public static func date(_ key: String, _ path: WritableKeyPath<Record, DossierDate> & Sendable, search: SearchPlace = .none) -> Field {
        Field(key, json: nil, search: search, property: path,
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
        Field(key, json: nil, search: search, property: path,
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
    public static func term<V: Vocabulary>(_ key: String, _ path: WritableKeyPath<Record, V> & Sendable, default fallback: V? = nil,
                                           search: SearchPlace = .none) -> Field {
        Field(key, json: nil, search: search, property: path,
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
              texts: { record, body in let label = record[keyPath: path].label; body(label.en); body(label.fr) })
    }

    /// A non-empty list of values of a closed vocabulary.
    public static func terms<V: Vocabulary>(_ key: String, _ path: WritableKeyPath<Record, [V]> & Sendable, search: SearchPlace = .none) -> Field {
        Field(key, json: nil, search: search, property: path,
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

    /// Ids of other records, each checked once the whole dossier is read; an absent optional
    /// list is empty.
    public static func references(_ key: String, _ path: WritableKeyPath<Record, [String]> & Sendable, to kinds: Set<RecordKind>,
                                  required: Bool = false, nonEmpty: Bool = false) -> Field {
        let mask = RecordKinds(kinds)
        return Field(key, json: nil, search: .none, property: path,
              value: { .references($0[keyPath: path], kinds: kinds) },
              read: { reader, record, pending in
                  guard let ids = reader.references(key, to: mask, required: required, nonEmpty: nonEmpty, into: &pending) else { return false }
                  record[keyPath: path] = ids
                  return true
              },
              write: { record, w in w.add(record[keyPath: path]) },
              decode: { r, record throws(CompactCodec.Corrupt) in let items = try r.list(); if !items.isEmpty { record[keyPath: path] = items } },
              texts: { _, _ in })
    }

    /// The id of one other record.
    public static func reference(_ key: String, _ path: WritableKeyPath<Record, String> & Sendable, to kinds: Set<RecordKind>) -> Field {
        let mask = RecordKinds(kinds)
        return Field(key, json: nil, search: .none, property: path,
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
        return Field(key, json: nil, search: .none, property: path,
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
    public static func records<Item: Declared>(_ key: String, _ path: WritableKeyPath<Record, [Item]> & Sendable,
                                               owner: @escaping @Sendable (Int) -> String) -> Field {
        Field(key, json: nil, search: .none, property: path,
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
    public static func nested<Item: Declared>(_ key: String, _ path: WritableKeyPath<Record, Item> & Sendable, search: SearchPlace,
                                              required: Bool = false) -> Field {
        Field(key, json: nil, search: search, property: path,
              value: { .record($0[keyPath: path].fieldValues()) },
              read: { reader, record, pending in
                  guard let node = reader.node(key) else {
                      if required { reader.report(at: key, "missing field '\(key)'") }
                      return !required
                  }
                  guard var itemReader = FieldReader(node, file: reader.file, owner: "\(reader.owner) \(key)", sink: reader.sink),
                        let item = itemReader.decode(Item.self, into: &pending) else { return false }
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
        Field(key, json: nil, search: .none, property: path,
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
    public static func participants(_ key: String, _ ids: WritableKeyPath<Record, [String]> & Sendable,
                                    roles: WritableKeyPath<Record, [String: CaseRole]> & Sendable) -> Field {
        @Sendable func list(_ record: Record) -> [Participant] {
            let roleOf = record[keyPath: roles]
            return record[keyPath: ids].map { Participant(party: $0, role: roleOf[$0]) }
        }
        return Field(key, json: nil, search: .none, property: ids, also: [roles],
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
