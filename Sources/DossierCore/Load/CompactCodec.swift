/// A compact, pre-validated form of a dossier, produced at build time from the YAML and decoded at
/// start-up without parsing YAML or checking anything again: fields separated by U+001F (which the
/// sanitised data can never contain), lists prefixed by their length, optional values by a flag.
/// Every record is written and read by its kind's `fields` table, so the form follows the
/// declarations; `CompactFormTests` checks that the bundled dossier decodes to what the YAML gives.
public enum CompactCodec {
    /// Changes whenever the layout changes in a way the field tables do not express.
    static let magic = "dossier-compact-3"
    static let separator: UInt8 = 0x1F

    /// Why a compact form could not be decoded: where, and what was expected there.
    public struct Corrupt: Error, CustomStringConvertible {
        public let offset: Int
        public let expected: String
        init(at offset: Int, _ expected: String) {
            self.offset = offset
            self.expected = expected
        }
        public var description: String { "compact form is corrupt at byte \(offset) (expected \(expected))" }
    }

    // MARK: encoding

    public static func encode(_ dossier: Dossier) -> String {
        var w = CompactWriter()
        w.add(magic)
        for field in DossierInfo.fields { field.writeCompact(dossier.info, &w) }
        write(dossier.sources, &w)
        write(dossier.parties, &w)
        write(dossier.events, &w)
        write(dossier.arguments, &w)
        write(dossier.accords, &w)
        write(dossier.terms, &w)
        return w.text
    }

    private static func write<R: DossierRecord>(_ records: [R], _ w: inout CompactWriter) {
        w.add(records.count)
        for record in records {
            w.add(record.id)
            for field in R.fields { field.writeCompact(record, &w) }
        }
    }

    // MARK: decoding

    /// Decodes the compact form, or says where it is corrupt (or not this version).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(Corrupt) -> Dossier {
        var r = CompactReader(bytes: bytes)
        guard try r.string() == magic else { throw Corrupt(at: 0, magic) }
        let origin = Origin(file: "bundled dossier", mark: SourceMark(line: 0, column: 0))
        var info = DossierInfo()
        for field in DossierInfo.fields { try field.readCompact(&r, &info) }
        info.origin = origin
        var dossier = Dossier(info: info)
        dossier.sources = try read(Source.self, &r, origin)
        dossier.parties = try read(Party.self, &r, origin)
        dossier.events = try read(Event.self, &r, origin)
        dossier.arguments = try read(Argument.self, &r, origin)
        dossier.accords = try read(Accord.self, &r, origin)
        dossier.terms = try read(Term.self, &r, origin)
        guard r.position >= bytes.count else { throw Corrupt(at: r.position, "the end") }
        return dossier
    }

    private static func read<R: DossierRecord>(_ type: R.Type, _ r: inout CompactReader, _ origin: Origin) throws(Corrupt) -> [R] {
        let count = try r.int()
        var records: [R] = []
        records.reserveCapacity(count)
        for _ in 0..<count {
            var record = R()
            record.id = try r.string()
            for field in R.fields { try field.readCompact(&r, &record) }
            record.origin = origin
            records.append(record)
        }
        return records
    }
}

struct CompactWriter {
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

struct CompactReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func string() throws(CompactCodec.Corrupt) -> String {
        guard position <= bytes.count else { throw CompactCodec.Corrupt(at: position, "a field") }
        var end = position
        while end < bytes.count && bytes[end] != CompactCodec.separator { end += 1 }
        let field = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
        position = end + 1
        return field
    }
    mutating func int() throws(CompactCodec.Corrupt) -> Int {
        let start = position
        guard let n = Int(try string()), n >= 0 else { throw CompactCodec.Corrupt(at: start, "a count") }
        return n
    }
    mutating func localized() throws(CompactCodec.Corrupt) -> Localized { Localized(en: try string(), fr: try string()) }
    mutating func list() throws(CompactCodec.Corrupt) -> [String] {
        let count = try int()
        var items: [String] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try string()) }
        return items
    }
    mutating func flag() throws(CompactCodec.Corrupt) -> Bool {
        let start = position
        switch try string() {
        case "1": return true
        case "0": return false
        default: throw CompactCodec.Corrupt(at: start, "an optional value's flag (0 or 1)")
        }
    }
    mutating func optionalString() throws(CompactCodec.Corrupt) -> String? { try flag() ? try string() : nil }
    mutating func optionalLocalized() throws(CompactCodec.Corrupt) -> Localized? { try flag() ? try localized() : nil }
    mutating func date() throws(CompactCodec.Corrupt) -> DossierDate {
        let start = position
        guard let d = DossierDate(try string()) else { throw CompactCodec.Corrupt(at: start, "a date") }
        return d
    }
    mutating func value<V: Vocabulary>(_ type: V.Type) throws(CompactCodec.Corrupt) -> V {
        let start = position
        guard let v = V(rawValue: try string()) else { throw CompactCodec.Corrupt(at: start, "one of \(V.allowedValues)") }
        return v
    }
}
