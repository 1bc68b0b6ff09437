import ArgumentParser
import DossierCore
import DossierOutput
import DossierUI

extension Language: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension EventKind: ExpressibleByArgument {}
extension Track: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}
extension Side: ExpressibleByArgument {}
extension ThemeChoice: ExpressibleByArgument {}

extension DossierDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the dossier from this folder of YAML files instead of the bundled one.", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: "Language of texts and labels: en or fr (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: Language?

    @Option(name: .long, help: "Output format: text, json or markdown (and timelinejs for export).")
    var format: OutputFormat = .text

    var language: Language {
        lang ?? Language.fromEnvironment(Environment.variables)
    }

    /// Loads the dossier, or prints every problem with its file and line and exits with status 1.
    func loadStore() throws -> DossierStore {
        try DossierSource.loadOrExit(data: data)
    }

    /// `timelinejs` is a format of `export` only.
    func refuseTimelineJS() throws {
        if format == .timelinejs { throw ValidationError("--format timelinejs is only for `dossier export`") }
    }

    func printer(_ store: DossierStore) -> Printer {
        Printer(store: store, lang: language, format: format)
    }
}
