import ArgumentParser
import DossierCore
import DossierOutput
import DossierUI

extension Language: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {
    /// Not every format: each command's help and completions list the ones it accepts (`FormatSet`).
    public static var allValueStrings: [String] { [] }
}
extension EventKind: ExpressibleByArgument {}
extension Track: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}
extension Side: ExpressibleByArgument {}
extension ThemeChoice: ExpressibleByArgument {}

extension DossierDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// The output formats a command can produce: help and completions offer only these, and any
/// other `--format` is refused with exit status 64.
protocol FormatSet {
    static var formats: [OutputFormat] { get }
}

/// Listings (and `accords --compare`), records, the tour and the overview.
enum DocumentFormats: FormatSet { static let formats: [OutputFormat] = [.text, .json, .markdown] }
/// `export`: the documents, a TimelineJS3 timeline and a self-contained HTML page.
enum ExportFormats: FormatSet { static let formats: [OutputFormat] = [.text, .json, .markdown, .timelinejs, .html] }
/// `validate`: a report.
enum ReportFormats: FormatSet { static let formats: [OutputFormat] = [.text, .json] }

extension FormatSet {
    static var list: String {
        let names = formats.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// Reads `--format`: a name that is no format at all is answered with this command's nearest.
    static func parse(_ text: String) throws -> OutputFormat {
        if let format = OutputFormat(rawValue: text) { return format }
        let near = Suggest.nearest(text, among: formats.map(\.rawValue))
        throw ValidationError(
            "'\(text)' is not a format" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?") + " (this command gives \(list))")
    }

    /// Refuses a format this command cannot produce (argument errors exit with status 64).
    static func check(_ format: OutputFormat, command: String?) throws {
        guard !formats.contains(format) else { return }
        var message = "--format \(format.rawValue) is not a format of \(command.map { "`dossier \($0)`" } ?? "this command"); it gives \(list)"
        if format == .timelinejs || format == .html { message += " (--format \(format.rawValue) is only for `dossier export`)" }
        throw ValidationError(message)
    }
}

/// Options every command takes, with the formats it accepts.
struct Common<Formats: FormatSet>: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Read the dossier from this folder of YAML files instead of the bundled one.", valueName: "dir"),
        completion: .directory)
    var data: String?

    @Option(name: .long, help: "Language of texts and labels: en or fr (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: Language?

    @Option(
        name: .long, help: ArgumentHelp("Output format: \(Formats.list).", valueName: "format"),
        completion: .list(Formats.formats.map(\.rawValue)), transform: Formats.parse)
    var format: OutputFormat = .text

    func validate() throws { try Formats.check(format, command: nil) }

    var language: Language {
        lang ?? Language.fromEnvironment(Environment.variables)
    }

    /// Loads the dossier, or prints every problem with its file and line and exits with status 1.
    func loadStore() throws -> DossierStore {
        try DossierSource.loadOrExit(data: data)
    }

    func printer(_ store: DossierStore) -> Printer {
        Printer(store: store, lang: language, format: format)
    }
}

/// The options of the commands that print documents (text, JSON or Markdown).
typealias CommonOptions = Common<DocumentFormats>
