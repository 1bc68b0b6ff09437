/// Collects diagnostics while a dossier is read, so that every problem is reported, not just the first.
final class DiagnosticSink {
    var diagnostics: [Diagnostic] = []
    func report(_ file: String, _ mark: SourceMark, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: mark.line, column: mark.column, message: message))
    }
}

/// A reference from one record to another, checked once every file has been read.
struct PendingReference {
    var file: String
    var mark: SourceMark
    var owner: String  // "event 'schrems-ii'"
    var field: String
    var target: String
    var kinds: RecordKinds
}

/// The kinds a reference may name, as bits: a `Set<RecordKind>` in each of the 450,000 pending
/// references of a 100k-event dossier cost a retain of a table shared by both loading threads
/// (or a new set, hashed, for `[.party]`), and a hash to check each one.
struct RecordKinds: OptionSet, Sendable {
    let rawValue: UInt8
    init(rawValue: UInt8) { self.rawValue = rawValue }
    init(_ kind: RecordKind) { rawValue = 1 << UInt8(RecordKind.allCases.firstIndex(of: kind)!) }
    init(_ kinds: Set<RecordKind>) { self = kinds.reduce(into: []) { $0.insert(RecordKinds($1)) } }
    static let party = RecordKinds(.party)
    static let all = RecordKinds(Set(RecordKind.allCases))
    func contains(_ kind: RecordKind) -> Bool { contains(RecordKinds(kind)) }
    /// Their names, sorted, for messages.
    var names: [String] { RecordKind.allCases.filter { contains($0) }.map(\.rawValue).sorted() }
}

/// Reads the fields of one YAML mapping that describes a record. Each accessor reports what is
/// wrong (missing, wrong shape, bad value) and returns nil; `finish()` reports unknown fields.
/// Public only so that record kinds can declare their cross-field checks (`Declared.check`).
public struct FieldReader {
    let file: String
    let owner: String
    let mark: SourceMark
    let sink: DiagnosticSink
    /// The mapping's fields in order (keys are unique: the parser refuses repeats), and which ones
    /// an accessor asked for. A record has a dozen fields: a scan beats hashing them.
    private let pairs: [(key: String, keyMark: SourceMark, value: YAMLNode)]
    private var used: [Bool]

    init?(_ node: YAMLNode, file: String, owner: String, sink: DiagnosticSink) {
        self.file = file
        self.owner = owner
        self.mark = node.mark
        self.sink = sink
        guard case .mapping(let pairs, _) = node else {
            sink.report(file, node.mark, "\(owner): expected a mapping of fields, found \(node.kindDescription)")
            return nil
        }
        self.pairs = pairs
        used = [Bool](repeating: false, count: pairs.count)
    }

    private func index(of key: String) -> Int? { pairs.firstIndex { $0.key == key } }

    func has(_ key: String) -> Bool { index(of: key) != nil }

    func markOf(_ key: String) -> SourceMark { index(of: key).map { pairs[$0].keyMark } ?? mark }

    private func report(_ mark: SourceMark, _ message: String) {
        sink.report(file, mark, "\(owner): \(message)")
    }

    /// Reports a problem at a field's key (or at the record when the field is absent).
    func report(at key: String, _ message: String) {
        report(markOf(key), message)
    }

    /// Queues every `[[id]]` link inside a text, in each language, to be checked against the
    /// whole dossier (any kind of record).
    func queueLinks(in text: Localized, field key: String, into pending: inout [PendingReference]) {
        for language in Language.allCases {
            for link in OverviewLinks.ids(in: text[language]) {
                pending.append(
                    PendingReference(
                        file: file, mark: markOf(key), owner: owner,
                        field: "\(key) (\(language.rawValue))", target: link,
                        kinds: .all))
            }
        }
    }

    private mutating func node(_ key: String, required: Bool) -> (mark: SourceMark, node: YAMLNode)? {
        guard let i = index(of: key) else {
            if required { report(mark, "missing field '\(key)'") }
            return nil
        }
        used[i] = true
        return (pairs[i].keyMark, pairs[i].value)
    }

    /// One line of text (no line breaks), sanitised.
    mutating func string(_ key: String, required: Bool = true) -> String? {
        guard let (mark, node) = node(key, required: required) else { return nil }
        guard case .scalar(let raw, _) = node else {
            report(mark, "'\(key)' must be text, found \(node.kindDescription)")
            return nil
        }
        let text = Sanitizer.clean(trim(raw), multiline: false)
        if text.isEmpty {
            report(mark, "'\(key)' is empty")
            return nil
        }
        return text
    }

    /// A record id: lowercase ASCII letters, digits and single dashes.
    mutating func identifier(_ key: String, required: Bool = true) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard FieldReader.isValidID(text) else {
            report(markOf(key), "'\(key)' value '\(text)' is not a valid id (lowercase letters, digits and dashes, e.g. schrems-ii)")
            return nil
        }
        return text
    }

    /// One pass over the bytes (this runs for every id and reference of a dossier).
    static func isValidID(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 100, first != 0x2D, last != 0x2D else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            guard (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D else { return false }
            if byte == 0x2D && previous == 0x2D { return false }
            previous = byte
        }
        return true
    }

    /// Text in both languages: `{en: …, fr: …}`; with `allowPlain`, a plain string serves both.
    /// With `oneLine` (a title, a name, a claim) a line break is refused: it would forge rows in
    /// every table and list the text is shown in.
    mutating func text(_ key: String, required: Bool = true, allowPlain: Bool = false, oneLine: Bool = false) -> Localized? {
        guard let (mark, node) = node(key, required: required) else { return nil }
        return localized(node, at: mark, label: "'\(key)'", allowPlain: allowPlain, oneLine: oneLine)
    }

    /// Reports a line break in a one-line text; false then.
    private func isOneLine(_ text: String, at mark: SourceMark, label: String) -> Bool {
        guard text.utf8.contains(0x0A) else { return true }
        report(mark, "\(label) holds a line break: it must be one line")
        return false
    }

    private func localized(_ node: YAMLNode, at mark: SourceMark, label: String, allowPlain: Bool, oneLine: Bool = false) -> Localized? {
        switch node {
        case .scalar(let raw, _) where allowPlain:
            let text = Sanitizer.clean(trim(raw))
            if text.isEmpty {
                report(mark, "\(label) is empty")
                return nil
            }
            if oneLine, !isOneLine(text, at: mark, label: label) { return nil }
            return Localized(text)
        case .mapping(let pairs, _):
            var en: String?
            var fr: String?
            var ok = true
            for pair in pairs {
                guard pair.key == "en" || pair.key == "fr" else {
                    report(pair.keyMark, "\(label) has an unknown language '\(pair.key)' (expected en and fr)")
                    ok = false
                    continue
                }
                guard case .scalar(let raw, _) = pair.value else {
                    report(pair.keyMark, "\(label).\(pair.key) must be text, found \(pair.value.kindDescription)")
                    ok = false
                    continue
                }
                let text = Sanitizer.clean(trim(raw))
                if text.isEmpty {
                    report(pair.keyMark, "\(label).\(pair.key) is empty")
                    ok = false
                } else if oneLine, !isOneLine(text, at: pair.keyMark, label: "\(label).\(pair.key)") {
                    ok = false
                } else if pair.key == "en" {
                    en = text
                } else {
                    fr = text
                }
            }
            if ok && en == nil { report(mark, "\(label) is missing its English text (en)") }
            if ok && fr == nil { report(mark, "\(label) is missing its French text (fr)") }
            guard let en, let fr else { return nil }
            return Localized(en: en, fr: fr)
        default:
            report(mark, "\(label) must be a mapping with 'en' and 'fr' texts, found \(node.kindDescription)")
            return nil
        }
    }

    /// A list of texts in both languages.
    mutating func texts(_ key: String, required: Bool = true) -> [Localized]? {
        guard let (mark, node) = node(key, required: required) else { return nil }
        guard case .sequence(let items, _) = node else {
            report(mark, "'\(key)' must be a list, found \(node.kindDescription)")
            return nil
        }
        let result = items.enumerated().compactMap { index, item in
            localized(item, at: item.mark, label: "'\(key)' item \(index + 1)", allowPlain: false)
        }
        return result.count == items.count ? result : nil
    }

    /// A list of nodes, each read by the caller.
    mutating func list(_ key: String, required: Bool = false) -> [YAMLNode]? {
        guard let (mark, node) = node(key, required: required) else { return nil }
        guard case .sequence(let items, _) = node else {
            report(mark, "'\(key)' must be a list, found \(node.kindDescription)")
            return nil
        }
        return items
    }

    /// A list of plain one-line texts.
    mutating func strings(_ key: String, required: Bool = true) -> [String]? {
        guard let (mark, node) = node(key, required: required) else { return nil }
        guard case .sequence(let items, _) = node else {
            report(mark, "'\(key)' must be a list, found \(node.kindDescription)")
            return nil
        }
        var result: [String] = []
        for item in items {
            guard case .scalar(let raw, let itemMark) = item else {
                report(item.mark, "'\(key)' items must be text, found \(item.kindDescription)")
                return nil
            }
            let text = Sanitizer.clean(trim(raw), multiline: false)
            if text.isEmpty {
                report(itemMark, "'\(key)' has an empty item")
                return nil
            }
            result.append(text)
        }
        return result
    }

    /// A list of ids, each queued to be resolved against the whole dossier.
    mutating func references(
        _ key: String, to kinds: RecordKinds, required: Bool = true, nonEmpty: Bool = false,
        into pending: inout [PendingReference]
    ) -> [String]? {
        guard let (mark, node) = node(key, required: required) else { return required ? nil : [] }
        guard case .sequence(let items, _) = node else {
            report(mark, "'\(key)' must be a list of ids, found \(node.kindDescription)")
            return nil
        }
        if nonEmpty && items.isEmpty {
            report(mark, "'\(key)' is empty: at least one is needed")
            return nil
        }
        var ids: [String] = []
        var seen: Set<String> = []  // not `ids.contains`: a list of 100,000 ids must stay linear
        for item in items {
            guard case .scalar(let raw, let itemMark) = item, FieldReader.isValidID(trim(raw)) else {
                report(item.mark, "'\(key)' items must be ids")
                return nil
            }
            let id = trim(raw)
            // short lists (nearly all) are checked in place; long ones through the set
            let repeated = items.count <= 16 ? ids.contains(id) : !seen.insert(id).inserted
            if repeated {
                report(itemMark, "'\(key)' lists '\(id)' twice")
                continue
            }
            ids.append(id)
            pending.append(PendingReference(file: file, mark: itemMark, owner: owner, field: key, target: id, kinds: kinds))
        }
        return ids
    }

    /// One id, queued to be resolved.
    mutating func reference(
        _ key: String, to kinds: RecordKinds, required: Bool = true,
        into pending: inout [PendingReference]
    ) -> String? {
        guard let id = identifier(key, required: required) else { return nil }
        pending.append(PendingReference(file: file, mark: markOf(key), owner: owner, field: key, target: id, kinds: kinds))
        return id
    }

    mutating func date(_ key: String, required: Bool = true) -> DossierDate? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = DossierDate(text) else {
            report(markOf(key), "'\(key)' value '\(text)' is not a date (write 2020-07-16, 2019-11 or 2013)")
            return nil
        }
        return date
    }

    mutating func value<V: Vocabulary>(_ key: String, _ type: V.Type, required: Bool = true) -> V? {
        guard let text = string(key, required: required) else { return nil }
        guard let value = V(rawValue: text) else {
            report(markOf(key), "'\(key)' value '\(text)' is not one of: \(V.allowedValues)")
            return nil
        }
        return value
    }

    mutating func values<V: Vocabulary>(_ key: String, _ type: V.Type) -> [V]? {
        guard let texts = strings(key) else { return nil }
        var result: [V] = []
        for text in texts {
            guard let value = V(rawValue: text) else {
                report(markOf(key), "'\(key)' value '\(text)' is not one of: \(V.allowedValues)")
                return nil
            }
            result.append(value)
        }
        if result.isEmpty { report(markOf(key), "'\(key)' is empty") }
        return result.isEmpty ? nil : result
    }

    /// The node of an optional field, for a caller that reads it with its own declarations.
    mutating func node(_ key: String) -> YAMLNode? { node(key, required: false)?.node }

    /// `true` or `false`.
    mutating func flag(_ key: String) -> Bool? {
        guard let text = string(key, required: false) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            report(markOf(key), "'\(key)' value '\(text)' is not true or false")
            return nil
        }
    }

    /// A list of party ids, each either alone (`- cnil`) or with its role in the event
    /// (`- clever-cloud: claimant`); every id is queued to be resolved.
    mutating func participants(_ key: String, into pending: inout [PendingReference]) -> [Participant]? {
        guard let (mark, node) = node(key, required: false) else { return [] }
        guard case .sequence(let items, _) = node else {
            report(mark, "'\(key)' must be a list of party ids, found \(node.kindDescription)")
            return nil
        }
        var result: [Participant] = []
        var seen: Set<String> = []
        var ok = true
        for item in items {
            let id: String, idMark: SourceMark
            var role: CaseRole?
            switch item {
            case .scalar(let raw, let itemMark):
                id = trim(raw); idMark = itemMark
            case .mapping(let pairs, _) where pairs.count == 1:
                id = trim(pairs[0].key); idMark = pairs[0].keyMark
                guard case .scalar(let raw, _) = pairs[0].value, let value = CaseRole(rawValue: trim(raw)) else {
                    report(pairs[0].value.mark, "'\(key)': the role of '\(id)' must be one of: \(CaseRole.allowedValues)")
                    ok = false
                    continue
                }
                role = value
            default:
                report(item.mark, "'\(key)' items must be party ids, or `id: role`")
                ok = false
                continue
            }
            guard FieldReader.isValidID(id) else {
                report(idMark, "'\(key)' items must be party ids, or `id: role`")
                ok = false
                continue
            }
            // short lists (nearly all) are checked in place; long ones through the set
            let repeated = items.count <= 16 ? result.contains { $0.party == id } : !seen.insert(id).inserted
            guard !repeated else {
                report(idMark, "'\(key)' lists '\(id)' twice")
                continue
            }
            result.append(Participant(party: id, role: role))
            pending.append(PendingReference(file: file, mark: idMark, owner: owner, field: key, target: id, kinds: .party))
        }
        return ok ? result : nil
    }

    /// Reports every field that no accessor asked for: a typo must never drop text silently.
    func finish() {
        for (i, pair) in pairs.enumerated() where !used[i] {
            report(pair.keyMark, "unknown field '\(pair.key)'")
        }
    }

    /// Strips surrounding spaces, tabs and line breaks, working on UTF-8 bytes (these are all ASCII).
    private func trim(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isSpace($0) })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return text }
        return String(text[first...last])
    }
}
