import ArgumentParser
import DossierCore
import DossierOutput
import DossierTerminal
import DossierUI

#if canImport(Glibc)
import Glibc
#endif

/// `keys`: Markdown tables (those of docs/KEYS.md) or JSON.
enum KeysFormats: FormatSet { static let formats: [OutputFormat] = [.markdown, .json] }

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the explorer's keys, the panes' then each overlay's, as Markdown tables (those of docs/KEYS.md) or as JSON.")
    @Option(name: .long, help: "Language: en or fr.") var lang: Language?
    @Option(
        name: .long, help: ArgumentHelp("Output format: \(KeysFormats.list).", valueName: "format"),
        completion: .list(KeysFormats.formats.map(\.rawValue)), transform: KeysFormats.parse)
    var format: OutputFormat = .markdown

    func validate() throws { try KeysFormats.check(format, command: "keys") }

    func run() throws {
        let lang = lang ?? Language.fromEnvironment(Environment.variables)
        guard format == .json else {
            // the panes' keys, then each overlay's (both tables are in docs/KEYS.md)
            print(Keymap.markdownTable(lang) + "\n" + OverlayKeymap.markdownTable(lang), terminator: "")
            return
        }
        // the tables' rows: each group with its bindings, keys by name, then each overlay's
        func group(_ title: String, _ rows: [(keys: [Key], text: String)]) -> JSON {
            .object([
                ("group", .string(title)),
                (
                    "keys",
                    .array(
                        rows.map { row in
                            .object([("keys", .strings(row.keys.map(\.name))), ("action", .string(row.text))])
                        })
                ),
            ])
        }
        let panes = KeyGroup.allCases.map { g in group(g.title[lang], Keymap.bindings.filter { $0.group == g }.map { ($0.keys, $0.help[lang]) }) }
        let overlays = OverlayKind.allCases.map { kind in group(kind.title[lang], OverlayKeymap.bindings(kind).map { ($0.keys, $0.label[lang]) }) }
        print(JSON.array(panes + overlays).rendered(), terminator: "")
    }
}

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the explorer positioned on a record or a date.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var explorer: ExplorerOptions
    @Option(
        help: ArgumentHelp("A record id (schrems-ii) or a date (2020, 2020-07, 2020-07-16).", valueName: "id|date"),
        completion: IDCompletion.ids(.explorable))
    var at: String?

    func run() throws {
        let store = try common.loadStore()
        if let at, store.ref(at) == nil, DossierDate(at) == nil {
            let ids = store.parties.map(\.id) + store.events.map(\.id) + store.arguments.map(\.id) + store.accords.map(\.id) + store.terms.map(\.id)
            throw ValidationError(Suggest.message("--at: '\(at)' is neither a record id nor a date (2020, 2020-07 or 2020-07-16)", at, among: ids))
        }
        guard isatty(0) == 1, isatty(1) == 1 else {
            printError("dossier: browse needs a terminal; use `dossier show ID` or `dossier timeline` for plain output")
            throw ExitCode(2)
        }
        try explorer.run(store: store, language: common.language, at: at)
    }
}

/// Options of the interactive explorer.
struct ExplorerOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "Explorer without colours (attributes only); NO_COLOR does the same.")
    var noColor = false

    @Flag(help: "Let clicks select and follow links and the wheel scroll (off by default so the terminal's own text selection works).")
    var mouse = false

    @Option(
        help: ArgumentHelp(
            "Colours for a dark or light background, or none: auto (ask the terminal, then COLORFGBG, else colours safe on both), dark, light or mono (default: DOSSIER_THEME, else auto).",
            valueName: "theme"))
    var theme: ThemeChoice?

    func run(store: DossierStore, language: Language, at start: String?) throws {
        let environment = Environment.variables
        let monochrome = noColor || !(environment["NO_COLOR"] ?? "").isEmpty
        guard let choice = theme ?? TerminalReplies.choice(option: nil, environment: environment) else {
            throw ValidationError("DOSSIER_THEME must be auto, dark, light or mono")
        }
        let status = Explorer.run(
            store: store, lang: language, theme: choice, monochrome: monochrome,
            environment: environment, mouse: mouse, at: start)
        if status != 0 { throw ExitCode(status) }
    }
}
