import CYaml

/// Limits on what a dossier may contain, so that a hostile folder is refused in bounded time and
/// memory, with a clear message at file:line. The bundled dossier is far below each of them. The
/// docs/SECURITY.md lists these numbers.
public struct DossierLimits: Sendable {
    /// Bytes in one `.yaml` file (64 MiB); checked before the file is read.
    public var maxFileBytes = 64 << 20
    /// Bytes in all the files of a dossier together (256 MiB).
    public var maxTotalBytes = 256 << 20
    /// `.yaml` files in a dossier folder.
    public var maxFiles = 1_000
    /// Records (sources, parties, events, arguments, accords) in the whole dossier: room for the
    /// 100k-event benchmark dossier (about 180,000 records).
    public var maxRecords = 1_000_000
    public var yaml = YAMLLimits.standard
    public static let standard = DossierLimits()
}

/// Reads a dossier — a folder of YAML files, or the bundled one — checks it completely and returns
/// it, or throws every problem found, each with its file and line.
public enum DossierLoader {
    /// Loads every `.yaml` file of `directory`. Paths in messages are `directory/name.yaml`.
    public static func load(directory: String, limits: DossierLimits = .standard) throws(DossierLoadError) -> Dossier {
        keepLargeBlocksApart(true)
        defer {
            returnFreedMemory()
            keepLargeBlocksApart(false)
        }
        return try read(directory: directory, limits: limits)
    }

    /// Gives the pages freed while reading (record trees, references, the parts) back to the
    /// system. The reading threads' malloc arenas keep them otherwise, scattered between the
    /// records' texts: 100,000 events left about 90 MB more resident than in use.
    /// While a folder is read, large blocks (a file's bytes, a part's arrays of records) are
    /// given pages of their own, which go back to the system as soon as they are freed. glibc
    /// otherwise raises its threshold for that to the size of the largest block freed, and the
    /// parts' arrays, freed as they are joined, stayed resident beside the final arrays they were
    /// copied into: the load's peak held the records twice. Afterwards, the threshold is glibc's
    /// highest (32 MiB), so that the blocks a search or a list makes and frees at each keystroke
    /// are reused rather than mapped and unmapped every time (which made a search keystroke at
    /// 100k about 7 ms slower).
    static func keepLargeBlocksApart(_ apart: Bool) {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, apart ? 1 << 20 : 32 << 20)
        #endif
    }

    static func returnFreedMemory() {
        #if os(Linux)
        malloc_trim(0)
        #endif
    }

    private static func read(directory: String, limits: DossierLimits) throws(DossierLoadError) -> Dossier {
        let names: [String]
        do {
            names = try FileSystem.yamlFiles(in: directory)
        } catch {
            let why: String
            switch error {
            case .notFound: why = "no such folder"
            case .notADirectory: why = "not a folder (give the folder that holds the dossier's .yaml files)"
            case .unreadable(let reason): why = "cannot be read: \(reason)"
            case .tooLarge: why = "too large"
            }
            throw DossierLoadError([Diagnostic(file: directory, line: 0, column: 0, message: why)])
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        if names.isEmpty {
            throw DossierLoadError([Diagnostic(file: directory, line: 0, column: 0, message: "no .yaml files in this folder")])
        }
        if names.count > limits.maxFiles {
            throw DossierLoadError([Diagnostic(file: directory, line: 0, column: 0, message: "more than \(limits.maxFiles) .yaml files")])
        }
        // Sizes first, so the total is checked before any file is read.
        var assembler = Assembler(limits: limits)
        var paths: [String] = []
        var totalBytes = 0
        for name in names {
            let path = base + name
            totalBytes += FileSystem.size(of: path) ?? 0  // a file that cannot be read is reported below
            guard totalBytes <= limits.maxTotalBytes else {
                assembler.sink.report(
                    path, SourceMark(line: 0, column: 0), "the dossier's files together are larger than the limit of \(limits.maxTotalBytes) bytes")
                break
            }
            paths.append(path)
        }
        // Files are read and decoded on every core, each into its own part; the parts are then
        // joined in file order, which is where duplicates across files and dangling references
        // are found.
        let parts = UnsafeMutableBufferPointer<Assembler?>.allocate(capacity: paths.count)
        parts.initialize(repeating: nil)
        defer { parts.deinitialize(); parts.deallocate() }
        Parallel.forEach(paths.count) { index in
            let path = paths[index]
            do throws(FileSystem.Failure) {
                let bytes = try FileSystem.read(path, limit: limits.maxFileBytes)
                parts[index] = bytes.withUnsafeBufferPointer { Assembler.decode(file: path, bytes: $0, limits: limits) }
            } catch {
                let part = Assembler(limits: limits)
                let why: String
                switch error {
                case .tooLarge(let size): why = "file of \(size) bytes is larger than the limit of \(limits.maxFileBytes) bytes"
                case .unreadable(let reason): why = "cannot be read: \(reason)"
                default: why = "cannot be read"
                }
                part.sink.report(path, SourceMark(line: 0, column: 0), why)
                parts[index] = part
            }
        }
        assembler.reserve(for: parts)
        assembler.join(parts, files: paths)
        return try assembler.finish(location: directory)
    }

    /// Loads a dossier from texts already in memory (the bundled dossier, tests).
    public static func load(files: [(path: String, text: StaticString)], limits: DossierLimits = .standard) throws(DossierLoadError) -> Dossier {
        var assembler = Assembler(limits: limits)
        for file in files {
            file.text.withUTF8Buffer { assembler.add(file: file.path, bytes: $0) }
        }
        return try assembler.finish(location: "bundled dossier")
    }

    /// Loads a dossier from raw file contents, which need not be valid UTF-8 (the fuzzer).
    public static func load(bytes files: [(path: String, bytes: [UInt8])], limits: DossierLimits = .standard) throws(DossierLoadError) -> Dossier {
        var assembler = Assembler(limits: limits)
        for file in files {
            file.bytes.withUnsafeBufferPointer { assembler.add(file: file.path, bytes: $0) }
        }
        return try assembler.finish(location: "dossier")
    }

    public static func load(texts: [(path: String, text: String)], limits: DossierLimits = .standard) throws(DossierLoadError) -> Dossier {
        var assembler = Assembler(limits: limits)
        for file in texts {
            var text = file.text
            text.withUTF8 { assembler.add(file: file.path, bytes: $0) }
        }
        return try assembler.finish(location: "dossier")
    }
}

/// Decodes files one by one into records, then resolves every reference across files.
struct Assembler {
    let limits: DossierLimits
    let sink = DiagnosticSink()
    var pending: [PendingReference] = []
    /// The references of the files joined, one list per file: kept as they are rather than copied
    /// into one list (100,000 events make about 450,000 of them).
    var joinedPending: [[PendingReference]] = []
    typealias Declaration = (kind: RecordKind, file: String, mark: SourceMark)
    var declared: [String: Declaration] = [:]
    var info: DossierInfo?
    var sources: [Source] = []
    var parties: [Party] = []
    var events: [Event] = []
    var arguments: [Argument] = []
    var accords: [Accord] = []
    var terms: [Term] = []
    var recordCount = 0
    var sawInfo = false
    /// Files that could not be parsed at all: references to their records cannot be checked.
    var unparsedFiles = 0
    /// The ids that files which could not be parsed seem to declare (`id:` keys found in their
    /// text): a reference to one of them depends on the broken file and is not reported; every
    /// other reference is still checked.
    var unparsedIDs = Set<String>()

    init(limits: DossierLimits) { self.limits = limits }

    /// Decodes one file and adds its records (in a part of its own, so that a file the fast
    /// reader gives up on half-way is decoded again from scratch).
    mutating func add(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        var part = Assembler.decode(file: file, bytes: bytes, limits: limits, counted: recordCount)
        part.recordCount -= recordCount
        merge(part)
    }

    /// One file's records, decoded as the reader hands them over (see `RecordSink`): the file's
    /// tree is never built whole. `counted` records come before this file (for the limit).
    static func decode(file: String, bytes: UnsafeBufferPointer<UInt8>, limits: DossierLimits, counted: Int = 0) -> Assembler {
        let fast = RecordStream(file: file, limits: limits, counted: counted)
        if case .parsed(let root) = FastYAMLReader.parse(bytes, limits: limits.yaml, records: fast) {
            fast.part.addTopLevel(root, file: file, stoppedAt: fast.stoppedAt)
            return fast.part
        }
        let reference = RecordStream(file: file, limits: limits, counted: counted)
        let root: YAMLNode?
        do {
            root = try YAMLParser.parseWithLibYAML(bytes, limits: limits.yaml, records: reference)
        } catch {
            // records read before the error are dropped: a file that cannot be parsed is one problem
            var part = Assembler(limits: limits)
            part.recordCount = counted
            part.sink.report(file, error.mark, error.message)
            part.unparsedFiles += 1
            part.unparsedIDs.formUnion(Assembler.idsMentioned(in: bytes))
            return part
        }
        reference.part.addTopLevel(root, file: file, stoppedAt: reference.stoppedAt)
        return reference.part
    }

    /// The file's top-level keys, once its records have been decoded: the `dossier:` record,
    /// and the keys that are not collections or whose value is not a list.
    private mutating func addTopLevel(_ root: YAMLNode?, file: String, stoppedAt: Int?) {
        guard let root else { return }  // an empty file is allowed (e.g. a placeholder)
        guard case .mapping(let pairs, _) = root else {
            sink.report(
                file, root.mark,
                "the file must be a mapping of collections (sources:, parties:, events:, arguments:, accords:, terms:, dossier:), found \(root.kindDescription)"
            )
            return
        }
        for (index, pair) in pairs.enumerated() {
            // past the record limit, the rest of the file is not read
            if let stoppedAt, index >= stoppedAt { return }
            if pair.key == "dossier" {
                decodeInfo(pair.value, file: file)
            } else if !decodeRecord(in: pair.key, nil, file: file) {
                sink.report(file, pair.keyMark, "unknown collection '\(pair.key)' (expected sources, parties, events, arguments, accords, terms or dossier)")
            } else if case .sequence = pair.value {
                // its records were decoded as they were read
            } else {
                sink.report(file, pair.keyMark, "'\(pair.key)' must be a list of records, found \(pair.value.kindDescription)")
            }
        }
    }

    /// Decodes one record of a collection (`events:`) into its kind's list; without an item, only
    /// says whether the collection exists. False for an unknown collection.
    mutating func decodeRecord(in collection: String, _ item: YAMLNode?, file: String) -> Bool {
        switch collection {
        case Source.collection: if let item, let record = decode(Source.self, item, file: file) { sources.append(record) }
        case Party.collection: if let item, let record = decode(Party.self, item, file: file) { parties.append(record) }
        case Event.collection: if let item, let record = decode(Event.self, item, file: file) { events.append(record) }
        case Argument.collection: if let item, let record = decode(Argument.self, item, file: file) { arguments.append(record) }
        case Accord.collection: if let item, let record = decode(Accord.self, item, file: file) { accords.append(record) }
        case Term.collection: if let item, let record = decode(Term.self, item, file: file) { terms.append(record) }
        default: return false
        }
        return true
    }

    /// Adds what another assembler decoded from a later file: its records, references and
    /// problems; ids it shares with files before it are duplicates.
    mutating func join(_ part: Assembler, file: String) {
        let before = recordCount
        merge(part)
        if recordCount > limits.maxRecords && before <= limits.maxRecords {
            sink.report(file, SourceMark(line: 0, column: 0), "more than \(limits.maxRecords) records: refusing to load more")
        }
    }

    /// Joins the parts of every file, in file order, freeing each as soon as it is copied. The
    /// ids (and the duplicates across files) are merged on one core while the records are copied
    /// on the other; the problems are the same as joining one part after another gives, listed
    /// in another order (a load's problems are sorted by file and line in the end).
    mutating func join(_ parts: UnsafeMutableBufferPointer<Assembler?>, files: [String]) {
        var ids: [[String: Declaration]] = []
        ids.reserveCapacity(parts.count)
        for index in parts.indices {
            ids.append(parts[index]?.declared ?? [:])
            parts[index]?.declared = [:]
        }
        var declared = self.declared, duplicates: [Diagnostic] = []
        self.declared = [:]
        Parallel.forEach(2) { half in
            if half == 0 {
                for index in ids.indices {
                    Assembler.merge(ids[index], into: &declared, duplicates: &duplicates)
                    ids[index] = [:]
                }
            } else {
                for index in parts.indices {
                    if let part = parts[index] { join(part, file: files[index]) }
                    parts[index] = nil  // frees the part's arrays as soon as they are copied
                }
            }
        }
        self.declared = declared
        sink.diagnostics += duplicates
    }

    /// Adds a later file's ids to `declared`; those already there are duplicates.
    static func merge(_ ids: [String: Declaration], into declared: inout [String: Declaration], duplicates: inout [Diagnostic]) {
        for (id, declaration) in ids {
            if let previous = declared[id] {
                duplicates.append(
                    Diagnostic(
                        file: declaration.file, line: declaration.mark.line, column: declaration.mark.column,
                        message: "duplicate id '\(id)': already used by the \(previous.kind.rawValue) at \(previous.file):\(previous.mark.line)"))
            } else {
                declared[id] = declaration
            }
        }
    }

    /// `join` without the record limit (the part counted from this assembler's records on).
    private mutating func merge(_ part: Assembler) {
        sink.diagnostics += part.sink.diagnostics
        joinedPending.append(part.pending)
        joinedPending += part.joinedPending
        unparsedFiles += part.unparsedFiles
        unparsedIDs.formUnion(part.unparsedIDs)
        Assembler.merge(part.declared, into: &declared, duplicates: &sink.diagnostics)
        if let second = part.info {
            if let existing = info {
                sink.report(
                    second.origin.file, second.origin.mark, "a second 'dossier' record (the first is in \(existing.origin.file):\(existing.origin.mark.line))")
            } else {
                info = second
            }
        }
        sawInfo = sawInfo || part.sawInfo
        recordCount += part.recordCount
        sources += part.sources
        parties += part.parties
        events += part.events
        arguments += part.arguments
        accords += part.accords
        terms += part.terms
    }

    // MARK: records

    /// One record: its id (checked for duplicates), then every declared field.
    private mutating func decode<R: DossierRecord>(_ type: R.Type, _ node: YAMLNode, file: String) -> R? {
        recordCount += 1
        var id: String?
        if case .mapping(let pairs, _) = node, let idPair = pairs.first(where: { $0.key == "id" }), case .scalar(let raw, _) = idPair.value {
            id = raw
        }
        let owner = id.map { "\(R.kind.rawValue) '\($0)'" } ?? R.kind.rawValue
        guard var reader = FieldReader(node, file: file, owner: owner, sink: sink) else { return nil }
        guard let identifier = reader.identifier("id") else { return nil }
        if let previous = declared[identifier] {
            sink.report(
                file, reader.markOf("id"),
                "duplicate id '\(identifier)': already used by the \(previous.kind.rawValue) at \(previous.file):\(previous.mark.line)")
        } else {
            declared[identifier] = (R.kind, file, reader.markOf("id"))
        }
        guard var record = reader.decode(R.self, into: &pending) else { return nil }
        record.id = identifier
        record.origin = Origin(file: file, mark: node.mark)
        return record
    }

    private mutating func decodeInfo(_ node: YAMLNode, file: String) {
        defer { sawInfo = true }
        guard var reader = FieldReader(node, file: file, owner: "dossier", sink: sink) else { return }
        if let existing = info {
            sink.report(file, node.mark, "a second 'dossier' record (the first is in \(existing.origin.file):\(existing.origin.mark.line))")
            return
        }
        guard var decoded = reader.decode(DossierInfo.self, into: &pending) else { return }
        decoded.origin = Origin(file: file, mark: node.mark)
        info = decoded
    }

    /// The values of `id:` keys in a text that is not valid YAML, found without parsing it: after
    /// the start of a line, a space, `-`, `{` or `,`, up to a space, `,`, `}` or `#`, quotes removed.
    static func idsMentioned(in bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
        var ids = Set<String>()
        var i = 0
        let n = bytes.count
        while i + 3 <= n {
            if bytes[i] == UInt8(ascii: "i"), bytes[i + 1] == UInt8(ascii: "d"), bytes[i + 2] == UInt8(ascii: ":"),
                i == 0
                    || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-"), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "\n")].contains(
                        bytes[i - 1])
            {
                var j = i + 3
                while j < n, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
                var value: [UInt8] = []
                while j < n,
                    ![UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[j])
                {
                    if bytes[j] != UInt8(ascii: "\""), bytes[j] != UInt8(ascii: "'") { value.append(bytes[j]) }
                    j += 1
                }
                if !value.isEmpty, let id = String(validating: value, as: UTF8.self) { ids.insert(id) }
                i = j
            } else {
                i += 1
            }
        }
        return ids
    }

    /// Room for the records of `parts` on top of those already here, so that joining them copies
    /// each record once and never grows an array by doubling (which briefly holds it twice).
    mutating func reserve(for parts: UnsafeMutableBufferPointer<Assembler?>) {
        var counts = (sources.count, parties.count, events.count, arguments.count, accords.count, terms.count)
        for part in parts {
            guard let part else { continue }
            counts.0 += part.sources.count; counts.1 += part.parties.count; counts.2 += part.events.count
            counts.3 += part.arguments.count; counts.4 += part.accords.count; counts.5 += part.terms.count
        }
        declared.reserveCapacity(parts.reduce(declared.count) { $0 + ($1?.declared.count ?? 0) })
        sources.reserveCapacity(counts.0); parties.reserveCapacity(counts.1); events.reserveCapacity(counts.2)
        arguments.reserveCapacity(counts.3); accords.reserveCapacity(counts.4); terms.reserveCapacity(counts.5)
    }

    // MARK: cross-file checks

    mutating func finish(location: String) throws(DossierLoadError) -> Dossier {
        sink.diagnostics += checkReferences([pending] + joinedPending)
        if !sawInfo && unparsedFiles == 0 {
            sink.report(location, SourceMark(line: 0, column: 0), "no 'dossier:' record (title, focus, overview) in any file")
        }
        guard sink.diagnostics.isEmpty, let info else { throw DossierLoadError(sink.diagnostics) }
        var dossier = Dossier(info: info)
        dossier.sources = sources
        dossier.parties = parties
        dossier.events = events
        dossier.arguments = arguments
        dossier.accords = accords
        dossier.terms = terms
        return dossier
    }

    /// The problems with `lists`' references (100,000 events make about 450,000 of them), in
    /// list order: the lists are checked on every core, each into its own slot, and the slots
    /// joined in order, so the messages come out as a check of one list after another gives them.
    func checkReferences(_ lists: [[PendingReference]], threads: Int = Parallel.processorCount) -> [Diagnostic] {
        let found = UnsafeMutableBufferPointer<[Diagnostic]>.allocate(capacity: lists.count)
        found.initialize(repeating: [])
        defer { found.deinitialize(); found.deallocate() }
        Parallel.forEach(lists.count, threads: threads) { index in
            found[index] = lists[index].withUnsafeBufferPointer { references in
                var problems: [Diagnostic] = []
                // by index: `for reference in references` copies each (five retains and releases)
                for i in references.indices { check(references[i], into: &problems) }
                return problems
            }
        }
        return Array(found.joined())
    }

    /// Whether one reference names a record of a kind it may name. Nothing here captures
    /// `reference` in a closure: that would copy it (five retains and releases) for each of the
    /// 450,000 references of a 100k-event dossier.
    private func check(_ reference: borrowing PendingReference, into problems: inout [Diagnostic]) {
        let message: String
        if let target = declared[reference.target] {
            guard !reference.kinds.contains(target.kind) else { return }
            let expected = reference.kinds.names.joined(separator: " or ")
            message = "\(reference.owner): '\(reference.field)' must name a \(expected), but '\(reference.target)' is a \(target.kind.rawValue)"
        } else {
            // The record may well be in a file that could not be parsed: do not cascade.
            if unparsedFiles > 0 && unparsedIDs.contains(reference.target) { return }
            let kinds = reference.kinds == .all ? "record" : reference.kinds.names.joined(separator: " or ")
            message = "\(reference.owner): '\(reference.field)' refers to \(kinds) '\(reference.target)', which does not exist"
        }
        problems.append(Diagnostic(file: reference.file, line: reference.mark.line, column: reference.mark.column, message: message))
    }
}

/// Hands each record the reader finishes to the file's assembler, up to the record limit.
final class RecordStream: RecordSink {
    var part: Assembler
    let file: String
    /// The top-level key at which the record limit was passed: the file is not read further.
    var stoppedAt: Int?

    init(file: String, limits: DossierLimits, counted: Int) {
        part = Assembler(limits: limits)
        part.recordCount = counted
        self.file = file
    }

    func record(in collection: String, pair: Int, _ item: YAMLNode) {
        guard stoppedAt == nil else { return }
        if part.recordCount >= part.limits.maxRecords, part.decodeRecord(in: collection, nil, file: file) {
            part.sink.report(file, item.mark, "more than \(part.limits.maxRecords) records: refusing to load more")
            stoppedAt = pair
            return
        }
        _ = part.decodeRecord(in: collection, item, file: file)
    }
}
