import ArgumentParser
import DossierCore
import DossierOutput

extension SourceKind: ExpressibleByArgument {}
extension SourceOrder: ExpressibleByArgument {}

/// `dossier sources`: the bibliography — every source with who cites it — by date, publisher or
/// kind, optionally of one kind, in text, JSON or Markdown.
struct Sources: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Print every source with the records that cite it (the bibliography).")
    @OptionGroup var common: CommonOptions
    @Option(name: .long, help: "Order: date (default), publisher or kind.") var sort: SourceOrder = .date
    @Option(name: .long, help: "Only sources of this kind: court, official, press, ngo, academic, company, other.") var kind: SourceKind?

    func run() throws {
        let store = try common.loadStore()
        let lang = common.language
        let indices = store.sourceIndices(store.sources.indices.filter { kind == nil || store.sources[$0].kind == kind }, sortedBy: sort)
        func citing(_ i: Int) -> [String] { store.citations(ofSource: store.sources[i].id).map { store.id(of: $0) } }
        switch common.format {
        case .json:
            // each source as every command shows it (its declared fields), plus who cites it
            let json = RecordJSON(store: store, texts: .language(lang), resolveSources: false)
            print(
                JSON.array(
                    indices.map { i in
                        guard case .object(let fields) = json.source(store.sources[i]) else { return .null }
                        return .object(fields + [("cited_by", .strings(citing(i)))])
                    }
                ).rendered(), terminator: "")
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
