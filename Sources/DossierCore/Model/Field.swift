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
    init(
        _ key: String, json: String?, search: SearchPlace, property: AnyKeyPath & Sendable, also: [AnyKeyPath & Sendable] = [],
        value: @escaping @Sendable (Record) -> FieldValue,
        read: @escaping @Sendable (inout FieldReader, inout Record, inout [PendingReference]) -> Bool,
        write: @escaping @Sendable (Record, inout CompactWriter) -> Void,
        decode: @escaping @Sendable (inout CompactReader, inout Record) throws(CompactCodec.Corrupt) -> Void,
        texts: @escaping @Sendable (Record, (String) -> Void) -> Void,
        linked: @escaping @Sendable (Record, (Localized) -> Void) -> Void = { _, _ in }
    ) {
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
