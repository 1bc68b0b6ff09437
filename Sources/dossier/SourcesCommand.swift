import ArgumentParser
import DossierCore
import DossierOutput

extension SourceKind: ExpressibleByArgument {}

/// `dossier sources`: the bibliography — every source with who cites it — by date, publisher or
/// kind, optionally of one kind, in text, JSON or Markdown.
struct Sources: ParsableCommand {
    enum Order: String, ExpressibleByArgument, CaseIterable { case date, publisher, kind }

    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Print every source with the records that cite it (the bibliography).")
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Order: date (default), publisher or kind.") var sort: Order = .date
    @Option(name: .long, help: "Only sources of this kind: court, official, press, ngo, academic, company, other.") var kind: SourceKind?

    func run() throws {
        try common.refuseTimelineJS()
        let store = try common.loadStore()
        let lang = common.language
        var indices = store.sources.indices.filter { kind == nil || store.sources[$0].kind == kind }
        indices.sort { a, b in
            let x = store.sources[a], y = store.sources[b]
            switch sort {
            case .date: return (x.date, x.publisher, x.id) < (y.date, y.publisher, y.id)
            case .publisher: return (TextFold.fold(x.publisher), x.date, x.id) < (TextFold.fold(y.publisher), y.date, y.id)
            case .kind: return (x.kind.rawValue, x.date, x.id) < (y.kind.rawValue, y.date, y.id)
            }
        }
        func citing(_ i: Int) -> [String] { store.citations(ofSource: store.sources[i].id).map { store.id(of: $0) } }
        switch common.format {
        case .json:
            // each source as every command shows it (its declared fields), plus who cites it
            let json = RecordJSON(store: store, texts: .language(lang), resolveSources: false)
            print(JSON.array(indices.map { i in
                guard case .object(let fields) = json.source(store.sources[i]) else { return .null }
                return .object(fields + [("cited_by", .strings(citing(i)))])
            }).rendered(), terminator: "")
        case .markdown:
            var out = "# " + Strings.sources[lang] + "\n\n"
            for i in indices {
                let s = store.sources[i]
                out += "- [\(s.publisher), \(s.title.markdownEscaped), \(s.date)](\(s.url)) — \(s.kind.label[lang]), \(s.language); "
                out += Strings.sourceCitedBy[lang] + " " + citing(i).map { "`\($0)`" }.joined(separator: ", ") + "\n"
            }
            print(out, terminator: "")
        default:
            var out = ""
            for i in indices {
                let s = store.sources[i]
                out += "\(s.date)  \(s.publisher) — \(s.title)  [\(s.kind.label[lang]), \(s.language)]  (\(s.id))\n"
                out += "  \(s.url)\n"
                out += "  " + Strings.labelled(Strings.sourceCitedBy[lang], lang) + citing(i).joined(separator: ", ") + "\n"
            }
            print(out, terminator: "")
        }
    }
}
