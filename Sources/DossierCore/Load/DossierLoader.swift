/// Limits on what a dossier may contain, so that a hostile folder is refused in bounded time and
/// memory, with a clear message at file:line. The bundled dossier is far below each of them. The
/// README's SECURITY section lists these numbers.
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
            totalBytes += FileSystem.size(of: path) ?? 0 // a file that cannot be read is reported below
            guard totalBytes <= limits.maxTotalBytes else {
                assembler.sink.report(path, SourceMark(line: 0, column: 0), "the dossier's files together are larger than the limit of \(limits.maxTotalBytes) bytes")
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
            var part = Assembler(limits: limits)
            let path = paths[index]
            do throws(FileSystem.Failure) {
                let bytes = try FileSystem.read(path, limit: limits.maxFileBytes)
                bytes.withUnsafeBufferPointer { part.add(file: path, bytes: $0) }
            } catch {
                let why: String
                switch error {
                case .tooLarge(let size): why = "file of \(size) bytes is larger than the limit of \(limits.maxFileBytes) bytes"
                case .unreadable(let reason): why = "cannot be read: \(reason)"
                default: why = "cannot be read"
                }
                part.sink.report(path, SourceMark(line: 0, column: 0), why)
            }
            parts[index] = part
        }
        for index in parts.indices {
            if let part = parts[index] { assembler.join(part, file: paths[index]) }
            parts[index] = nil // frees the part's arrays as soon as they are copied
        }
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
    var declared: [String: (kind: RecordKind, file: String, mark: SourceMark)] = [:]
    var info: DossierInfo?
    var sources: [Source] = []
    var parties: [Party] = []
    var events: [Event] = []
    var arguments: [Argument] = []
    var accords: [Accord] = []
    var recordCount = 0
    var sawInfo = false
    /// Files that could not be parsed at all: references to their records cannot be checked.
    var unparsedFiles = 0

    init(limits: DossierLimits) { self.limits = limits }

    mutating func add(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(bytes, limits: limits.yaml)
        } catch {
            sink.report(file, error.mark, error.message)
            unparsedFiles += 1
            return
        }
        guard let root else { return } // an empty file is allowed (e.g. a placeholder)
        guard case .mapping(let pairs, _) = root else {
            sink.report(file, root.mark, "the file must be a mapping of collections (sources:, parties:, events:, arguments:, accords:, dossier:), found \(root.kindDescription)")
            return
        }
        for pair in pairs {
            switch pair.key {
            case "dossier": decodeInfo(pair.value, file: file)
            case "sources", "parties", "events", "arguments", "accords":
                guard case .sequence(let items, _) = pair.value else {
                    sink.report(file, pair.keyMark, "'\(pair.key)' must be a list of records, found \(pair.value.kindDescription)")
                    continue
                }
                for item in items {
                    recordCount += 1
                    if recordCount > limits.maxRecords {
                        sink.report(file, item.mark, "more than \(limits.maxRecords) records: refusing to load more")
                        return
                    }
                    switch pair.key {
                    case "sources": decodeSource(item, file: file)
                    case "parties": decodeParty(item, file: file)
                    case "events": decodeEvent(item, file: file)
                    case "arguments": decodeArgument(item, file: file)
                    default: decodeAccord(item, file: file)
                    }
                }
            default:
                sink.report(file, pair.keyMark, "unknown collection '\(pair.key)' (expected sources, parties, events, arguments, accords or dossier)")
            }
        }
    }

    /// Adds what another assembler decoded from a later file: its records, references and
    /// problems; ids it shares with files before it are duplicates.
    mutating func join(_ part: Assembler, file: String) {
        sink.diagnostics += part.sink.diagnostics
        pending += part.pending
        unparsedFiles += part.unparsedFiles
        for (id, declaration) in part.declared {
            if let previous = declared[id] {
                sink.report(declaration.file, declaration.mark, "duplicate id '\(id)': already used by the \(previous.kind.rawValue) at \(previous.file):\(previous.mark.line)")
            } else {
                declared[id] = declaration
            }
        }
        if let second = part.info {
            if let existing = info {
                sink.report(second.origin.file, second.origin.mark, "a second 'dossier' record (the first is in \(existing.origin.file):\(existing.origin.mark.line))")
            } else {
                info = second
            }
        }
        sawInfo = sawInfo || part.sawInfo
        let before = recordCount
        recordCount += part.recordCount
        if recordCount > limits.maxRecords && before <= limits.maxRecords {
            sink.report(file, SourceMark(line: 0, column: 0), "more than \(limits.maxRecords) records: refusing to load more")
        }
        sources += part.sources
        parties += part.parties
        events += part.events
        arguments += part.arguments
        accords += part.accords
    }

    // MARK: records

    private mutating func begin(_ node: YAMLNode, kind: RecordKind, file: String) -> (FieldReader, String)? {
        var id: String?
        if case .mapping(let pairs, _) = node, let idPair = pairs.first(where: { $0.key == "id" }), case .scalar(let raw, _) = idPair.value {
            id = raw
        }
        let owner = id.map { "\(kind.rawValue) '\($0)'" } ?? kind.rawValue
        guard var reader = FieldReader(node, file: file, owner: owner, sink: sink) else { return nil }
        guard let identifier = reader.identifier("id") else {
            _ = reader
            return nil
        }
        if let previous = declared[identifier] {
            sink.report(file, reader.markOf("id"), "duplicate id '\(identifier)': already used by the \(previous.kind.rawValue) at \(previous.file):\(previous.mark.line)")
        } else {
            declared[identifier] = (kind, file, reader.markOf("id"))
        }
        return (reader, identifier)
    }

    private func certainty(_ reader: inout FieldReader) -> (Certainty, Localized?)? {
        let certainty = reader.has("certainty") ? reader.value("certainty", Certainty.self) : .verified
        let note = reader.text("note", required: false)
        guard let certainty else { return nil }
        if certainty != .verified && note == nil && !reader.has("note") {
            sink.report(reader.file, reader.markOf("certainty"), "\(reader.owner): certainty '\(certainty.rawValue)' needs a 'note' saying what is uncertain")
        }
        return (certainty, note)
    }

    private mutating func sourceList(_ reader: inout FieldReader) -> [String]? {
        reader.references("sources", to: [.source], nonEmpty: true, into: &pending)
    }

    private mutating func decodeSource(_ node: YAMLNode, file: String) {
        guard case (var r, let id)? = begin(node, kind: .source, file: file) else { return }
        let publisher = r.string("publisher"), title = r.string("title"), date = r.date("date")
        let url = r.string("url"), language = r.string("language"), kind = r.value("kind", SourceKind.self)
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            sink.report(file, r.markOf("url"), "\(r.owner): 'url' must start with https:// or http://")
        }
        r.finish()
        guard let publisher, let title, let date, let url, let language, let kind else { return }
        sources.append(Source(id: id, publisher: publisher, title: title, date: date, url: url, language: language,
                              kind: kind, origin: Origin(file: file, mark: node.mark)))
    }

    private mutating func decodeParty(_ node: YAMLNode, file: String) {
        guard case (var r, let id)? = begin(node, kind: .party, file: file) else { return }
        let name = r.text("name", allowPlain: true), kind = r.value("kind", PartyKind.self)
        let roles = r.values("roles", Role.self), country = r.string("country"), summary = r.text("summary")
        let website = r.string("website", required: false)
        let cert = certainty(&r)
        let sourceIDs = sourceList(&r)
        r.finish()
        guard let name, let kind, let roles, let country, let summary, let cert, let sourceIDs else { return }
        parties.append(Party(id: id, name: name, kind: kind, roles: roles, country: country, summary: summary,
                             website: website, certainty: cert.0, note: cert.1, sources: sourceIDs,
                             origin: Origin(file: file, mark: node.mark)))
    }

    private mutating func decodeEvent(_ node: YAMLNode, file: String) {
        guard case (var r, let id)? = begin(node, kind: .event, file: file) else { return }
        let date = r.date("date"), end = r.date("end", required: false)
        let kind = r.value("kind", EventKind.self), track = r.value("track", Track.self)
        let title = r.text("title"), summary = r.text("summary")
        let partyIDs = r.references("parties", to: [.party], required: false, into: &pending)
        let accord = r.reference("accord", to: [.accord], required: false, into: &pending)
        let cert = certainty(&r)
        let sourceIDs = sourceList(&r)
        if let date, let end, end.lastDay < date.firstDay {
            sink.report(file, r.markOf("end"), "\(r.owner): 'end' \(end) is before 'date' \(date)")
        }
        r.finish()
        guard let date, let kind, let track, let title, let summary, let partyIDs, let cert, let sourceIDs else { return }
        events.append(Event(id: id, date: date, end: end, kind: kind, track: track, title: title, summary: summary,
                            parties: partyIDs, accord: accord, certainty: cert.0, note: cert.1, sources: sourceIDs,
                            origin: Origin(file: file, mark: node.mark)))
    }

    private mutating func decodeArgument(_ node: YAMLNode, file: String) {
        guard case (var r, let id)? = begin(node, kind: .argument, file: file) else { return }
        let side = r.value("side", Side.self)
        let by = r.references("by", to: [.party], nonEmpty: true, into: &pending)
        let caseID = r.reference("case", to: [.event], into: &pending)
        let claim = r.text("claim"), detail = r.text("detail", required: false)
        let basis = r.strings("basis", required: false)
        let answers = r.references("answers", to: [.argument], required: false, into: &pending)
        let outcome = r.text("outcome", required: false)
        let cert = certainty(&r)
        let sourceIDs = sourceList(&r)
        r.finish()
        guard let side, let by, let caseID, let claim, let answers, let cert, let sourceIDs else { return }
        arguments.append(Argument(id: id, side: side, by: by, caseID: caseID, claim: claim, detail: detail,
                                  basis: basis ?? [], answers: answers, outcome: outcome, certainty: cert.0,
                                  note: cert.1, sources: sourceIDs, origin: Origin(file: file, mark: node.mark)))
    }

    private mutating func decodeAccord(_ node: YAMLNode, file: String) {
        guard case (var r, let id)? = begin(node, kind: .accord, file: file) else { return }
        let name = r.text("name", allowPlain: true), instrument = r.string("instrument")
        let adopted = r.date("adopted"), from = r.date("in_force_from"), to = r.date("in_force_to", required: false)
        let summary = r.text("summary"), mechanisms = r.texts("mechanisms")
        let challengedBy = r.references("challenged_by", to: [.party], required: false, into: &pending)
        let struckDownBy = r.reference("struck_down_by", to: [.event], required: false, into: &pending)
        let status = r.text("status")
        let cert = certainty(&r)
        let sourceIDs = sourceList(&r)
        r.finish()
        guard let name, let instrument, let adopted, let from, let summary, let mechanisms, let challengedBy,
              let status, let cert, let sourceIDs else { return }
        accords.append(Accord(id: id, name: name, instrument: instrument, adopted: adopted, inForceFrom: from,
                              inForceTo: to, summary: summary, mechanisms: mechanisms, challengedBy: challengedBy,
                              struckDownBy: struckDownBy, status: status, certainty: cert.0, note: cert.1,
                              sources: sourceIDs, origin: Origin(file: file, mark: node.mark)))
    }

    private mutating func decodeInfo(_ node: YAMLNode, file: String) {
        defer { sawInfo = true }
        guard var r = FieldReader(node, file: file, owner: "dossier", sink: sink) else { return }
        if let existing = info {
            sink.report(file, node.mark, "a second 'dossier' record (the first is in \(existing.origin.file):\(existing.origin.mark.line))")
            return
        }
        let title = r.text("title"), focus = r.reference("focus", to: [.event], into: &pending)
        let overview = r.text("overview")
        let tour = decodeTour(r.list("tour"), file: file)
        r.finish()
        guard let title, let focus, let overview else { return }
        for language in Language.allCases {
            for link in OverviewLinks.ids(in: overview[language]) {
                pending.append(PendingReference(file: file, mark: r.markOf("overview"), owner: "dossier",
                                                field: "overview (\(language.rawValue))", target: link,
                                                kinds: Set(RecordKind.allCases)))
            }
        }
        info = DossierInfo(title: title, focus: focus, overview: overview, tour: tour, origin: Origin(file: file, mark: node.mark))
    }

    /// `tour:` — a list of `{record: id, text: {en, fr}}` steps.
    private mutating func decodeTour(_ items: [YAMLNode]?, file: String) -> [TourStep] {
        guard let items else { return [] }
        var steps: [TourStep] = []
        for (index, item) in items.enumerated() {
            guard var step = FieldReader(item, file: file, owner: "tour step \(index + 1)", sink: sink) else { continue }
            let record = step.reference("record", to: [.party, .event, .argument, .accord], into: &pending)
            let text = step.text("text")
            step.finish()
            if let record, let text { steps.append(TourStep(record: record, text: text)) }
        }
        return steps
    }

    // MARK: cross-file checks

    mutating func finish(location: String) throws(DossierLoadError) -> Dossier {
        for reference in pending {
            guard let target = declared[reference.target] else {
                // The record may well be in a file that could not be read: do not cascade.
                if unparsedFiles > 0 { continue }
                let kinds = reference.kinds.count == RecordKind.allCases.count ? "record" : reference.kinds.map(\.rawValue).sorted().joined(separator: " or ")
                sink.report(reference.file, reference.mark, "\(reference.owner): '\(reference.field)' refers to \(kinds) '\(reference.target)', which does not exist")
                continue
            }
            if !reference.kinds.contains(target.kind) {
                let expected = reference.kinds.map(\.rawValue).sorted().joined(separator: " or ")
                sink.report(reference.file, reference.mark, "\(reference.owner): '\(reference.field)' must name a \(expected), but '\(reference.target)' is a \(target.kind.rawValue)")
            }
        }
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
        return dossier
    }
}

/// `[[id]]` links inside long texts such as the overview.
public enum OverviewLinks {
    public static func ids(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "[["), let close = rest[open.upperBound...].firstRange(of: "]]") {
            result.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return result
    }
}
