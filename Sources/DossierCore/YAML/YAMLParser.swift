import CYaml

/// Limits that keep a hostile or broken file from exhausting time or memory. Anchors and aliases
/// need no expansion limit: they are refused outright, so nothing can expand. docs/SECURITY.md
/// lists these numbers.
public struct YAMLLimits: Sendable {
    /// Nested lists and mappings, the file's top-level mapping included (a dossier needs 4).
    public var maxDepth = 32
    /// Values (texts, lists, mappings, keys included) in one file.
    public var maxNodes = 4_000_000
    /// Bytes in one text value (1 MiB).
    public var maxScalarBytes = 1 << 20
    public static let standard = YAMLLimits()
}

public struct YAMLError: Error, Sendable {
    public var mark: SourceMark
    public var message: String
}

/// Parses YAML text into `YAMLNode`s. Anchors, aliases, tags and multi-document streams are
/// refused: a hand-edited dossier needs none of them, and aliases are how "billion laughs" files
/// blow up memory.
///
/// Two readers give the same trees: `FastYAMLReader`, for the plain subset dossiers are written in
/// (several times faster, and allocation-light), and libyaml, the reference, for everything else
/// and for every error message. A test and the fuzzer check that they agree.
public enum YAMLParser {
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits = .standard) throws(YAMLError) -> YAMLNode? {
        if case .parsed(let root) = FastYAMLReader.parse(bytes, limits: limits) { return root }
        return try parseWithLibYAML(bytes, limits: limits)
    }

    /// The reference reader: libyaml's event API.
    public static func parseWithLibYAML(_ bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits = .standard) throws(YAMLError) -> YAMLNode? {
        try parseWithLibYAML(bytes, limits: limits, records: nil)
    }

    /// With `records`, each item of a list under a top-level key is handed to it as soon as it is
    /// read, instead of being kept in the tree (see `RecordSink`).
    static func parseWithLibYAML(_ bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits, records: RecordSink?) throws(YAMLError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(mark: SourceMark(line: 1, column: 1), message: "the YAML parser could not start (out of memory)")
        }
        defer { yaml_parser_delete(&parser) }
        // A UTF-8 byte order mark is accepted and dropped. (With the encoding set, libyaml would skip
        // it but count it as a column, and the file's top-level keys would seem indented.)
        let bytes = withoutByteOrderMark(bytes)
        if let base = bytes.baseAddress, bytes.count > 0 {
            yaml_parser_set_input_string(&parser, base, bytes.count)
        } else {
            return nil
        }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var builder = TreeBuilder(limits: limits, records: records)
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw parserError(parser, bytes)
            }
            defer { yaml_event_delete(&event) }
            if try consume(event, into: &builder) { break }
        }
        return builder.root
    }

    public static func parse(_ text: String, limits: YAMLLimits = .standard) throws(YAMLError) -> YAMLNode? {
        var copy = text
        let result: Result<YAMLNode?, YAMLError> = copy.withUTF8 { buffer in
            do throws(YAMLError) { return .success(try parse(buffer, limits: limits)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    static func withoutByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return UnsafeBufferPointer(rebasing: bytes[3...])
        }
        return bytes
    }

    /// Feeds one libyaml event to the tree builder; returns true at the end of the stream.
    private static func consume(_ event: yaml_event_t, into builder: inout TreeBuilder) throws(YAMLError) -> Bool {
        let mark = SourceMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            try builder.startDocument(mark: mark)
        case YAML_ALIAS_EVENT:
            throw YAMLError(mark: mark, message: "YAML aliases (*name) are not allowed in a dossier; write the value out")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            try refuseAnchorAndTag(anchor: scalar.anchor, tag: scalar.tag, implicit: scalar.plain_implicit == 1 || scalar.quoted_implicit == 1, mark: mark)
            let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : scalar.length)
            try builder.scalar(bytes, mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            try refuseAnchorAndTag(anchor: start.anchor, tag: start.tag, implicit: start.implicit == 1, mark: mark)
            try builder.startCollection(mapping: false, mark: mark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            try refuseAnchorAndTag(anchor: start.anchor, tag: start.tag, implicit: start.implicit == 1, mark: mark)
            try builder.startCollection(mapping: true, mark: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try builder.endCollection()
        default:
            break
        }
        return false
    }

    private static func parserError(_ parser: yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let mark = parser.problem_mark
        if parser.error == YAML_READER_ERROR {
            // Encoding errors carry a byte offset, not a line: count the lines up to it.
            let offset = min(Int(parser.problem_offset), bytes.count)
            var line = 0, lineStart = 0
            for i in 0..<offset where bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            return YAMLError(
                mark: SourceMark(line: line + 1, column: offset - lineStart + 1),
                message: "\(problem) (byte \(offset)): the file must be UTF-8 text without control characters")
        }
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) (\(context))"
        }
        return YAMLError(mark: SourceMark(line: Int(mark.line) + 1, column: Int(mark.column) + 1), message: message)
    }

    private static func refuseAnchorAndTag(
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, implicit: Bool, mark: SourceMark
    ) throws(YAMLError) {
        if anchor != nil {
            throw YAMLError(mark: mark, message: "YAML anchors (&name) are not allowed in a dossier")
        }
        if tag != nil && !implicit {
            throw YAMLError(mark: mark, message: "YAML tags (!tag) are not allowed in a dossier")
        }
    }
}

/// Takes the records of a file one by one while it is read: each item of a list that is the value
/// of a top-level key (`events:` → `- {id: …}`), as soon as its tree is complete. The item is not
/// kept in the file's tree (that list stays empty there), so a file's records are decoded while
/// their small trees are fresh and the whole file never exists as one tree.
protocol RecordSink: AnyObject {
    /// `pair` is the position of the top-level key among the file's keys.
    func record(in collection: String, pair: Int, _ item: YAMLNode)
}

/// Turns a stream of parse events (from either reader) into a tree, enforcing the limits as it goes.
///
/// Frames are mutated in place on the stack (never popped, changed and pushed back, which copies
/// the array each time under -Onone: quadratic on a list of 100,000 records). Duplicate keys are
/// found by a scan while a mapping is small (a record has a dozen fields) and by a set beyond.
struct TreeBuilder {
    struct Frame {
        var isMapping: Bool
        var start: SourceMark
        var items: [YAMLNode] = []
        var pairs: [(key: String, keyMark: SourceMark, value: YAMLNode)] = []
        var keys: Set<String>?
        var pendingKey: (String, SourceMark)?

        /// Whether `key` is new in this mapping (and remembers it). A method of the frame, so the
        /// set is changed in place, never copied.
        mutating func claim(_ key: String) -> Bool {
            if keys == nil {
                if pairs.count < TreeBuilder.scanLimit {
                    return !pairs.contains { $0.key == key }
                }
                keys = Set(pairs.map(\.key))
            }
            return keys!.insert(key).inserted
        }
    }

    /// Mappings up to this many keys are checked for repeats by a scan, not a set.
    private static let scanLimit = 24
    let limits: YAMLLimits
    var stack: [Frame] = []
    var root: YAMLNode?
    var nodes = 0
    var documents = 0
    let records: RecordSink?

    init(limits: YAMLLimits, records: RecordSink? = nil) {
        self.limits = limits
        self.records = records
    }

    mutating func startDocument(mark: SourceMark) throws(YAMLError) {
        documents += 1
        if documents > 1 {
            throw YAMLError(mark: mark, message: "only one YAML document per file is allowed (found a second '---')")
        }
    }

    mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, mark: SourceMark) throws(YAMLError) {
        guard bytes.count <= limits.maxScalarBytes else {
            throw YAMLError(mark: mark, message: "text longer than \(limits.maxScalarBytes) bytes")
        }
        try add(.scalar(String(decoding: bytes, as: UTF8.self), mark), mark: mark)
    }

    mutating func startCollection(mapping: Bool, mark: SourceMark) throws(YAMLError) {
        guard stack.count < limits.maxDepth else {
            throw YAMLError(mark: mark, message: "nesting deeper than \(limits.maxDepth) levels")
        }
        stack.append(Frame(isMapping: mapping, start: mark))
    }

    mutating func endCollection() throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        try add(frame.isMapping ? .mapping(frame.pairs, frame.start) : .sequence(frame.items, frame.start), mark: frame.start)
    }

    private mutating func add(_ node: YAMLNode, mark: SourceMark) throws(YAMLError) {
        nodes += 1
        guard nodes <= limits.maxNodes else {
            throw YAMLError(mark: mark, message: "more than \(limits.maxNodes) values in one file")
        }
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        guard stack[top].isMapping else {
            if top == 1, let records, stack[0].isMapping, let (collection, _) = stack[0].pendingKey {
                records.record(in: collection, pair: stack[0].pairs.count, node)
                return
            }
            stack[top].items.append(node)
            return
        }
        if let (key, keyMark) = stack[top].pendingKey {
            guard stack[top].claim(key) else {
                throw YAMLError(mark: keyMark, message: "the key '\(key)' appears twice in the same mapping")
            }
            stack[top].pairs.append((key: key, keyMark: keyMark, value: node))
            stack[top].pendingKey = nil
        } else {
            guard case .scalar(let key, let keyMark) = node else {
                throw YAMLError(mark: mark, message: "a mapping key must be plain text")
            }
            stack[top].pendingKey = (key, keyMark)
        }
    }

}
