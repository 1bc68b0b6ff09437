import ArgumentParser
import DossierCore
import DossierOutput
import DossierUI
import DossierTerminal

#if canImport(Glibc)
import Glibc
#endif

/// The entry point. Opening the explorer is what people do most, and what must start fastest:
/// with only explorer options on a terminal it goes straight there, because the argument parser's
/// first use costs several milliseconds of runtime type lookups. Everything else goes through it.
@main
enum Entry {
    static func main() {
        if let options = FastStart.explorerOptions(Array(CommandLine.arguments.dropFirst())), isatty(0) == 1, isatty(1) == 1 {
            let environment = Environment.variables
            let monochrome = options.noColor || !(environment["NO_COLOR"] ?? "").isEmpty
            let choice = TerminalReplies.choice(option: options.theme, environment: environment)
            // the terminal's answers (its background colour) travel while the dossier loads
            let asked = choice.flatMap { Explorer.ask(theme: $0, monochrome: monochrome, environment: environment) }
            let store: DossierStore
            do {
                store = try DossierSource.loadOrExit(data: options.data)
            } catch {
                _ = asked?.answers()
                exit(1)
            }
            guard let theme = choice else {
                printError("dossier: DOSSIER_THEME must be auto, dark, light or mono")
                exit(2)
            }
            let status = Explorer.run(store: store, lang: options.lang ?? Language.fromEnvironment(environment),
                                      theme: theme, monochrome: monochrome, environment: environment,
                                      mouse: options.mouse, at: nil, asked: asked)
            exit(status)
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--generate-completion-script", "fish"] || arguments == ["--generate-completion-script=fish"] {
            print(FishCompletion.script(DossierCommand.completionScript(for: .fish)), terminator: "")
            exit(0)
        }
        DossierCommand.main()
    }
}

/// The argument parser's fish script asks fish 3 for the cursor's place in the word with
/// `commandline -o -tC`, which fish 3 reads as setting the cursor and refuses, so no custom
/// completion (record ids) ever ran there. This asks with `commandline -tC` instead, and takes the
/// end of the word when fish knows no cursor (`complete -C`).
enum FishCompletion {
    static func script(_ generated: String) -> String {
        generated.replacing("        commandline -o $argv\n",
                                       with: """
                                                if contains -- -tC $argv
                                                    set -l cursor (commandline -tC 2>/dev/null)
                                                    if test -n "$cursor"
                                                        echo $cursor
                                                    else
                                                        string length -- "$(commandline -t)"
                                                    end
                                                else
                                                    commandline -o $argv
                                                end

                                        """)
    }
}

/// The explorer's own options, read without the argument parser; nil for anything else (which
/// then gets the parser's full handling, help and errors).
enum FastStart {
    struct Options {
        var noColor = false, mouse = false
        var lang: Language?
        var theme: String?
        var data: String?
    }

    static func explorerOptions(_ arguments: [String]) -> Options? {
        var options = Options()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--no-color": options.noColor = true
            case "--mouse": options.mouse = true
            case "--lang":
                guard let value = rest.popFirst(), let lang = Language(rawValue: value) else { return nil }
                options.lang = lang
            case "--data":
                guard let value = rest.popFirst() else { return nil }
                options.data = value
            case "--theme":
                guard let value = rest.popFirst(), ThemeChoice(rawValue: value) != nil else { return nil }
                options.theme = value
            default:
                if argument.hasPrefix("--lang="), let lang = Language(rawValue: String(argument.dropFirst(7))) {
                    options.lang = lang
                } else {
                    return nil
                }
            }
        }
        return options
    }
}

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Explore the affair of French health data hosted at Microsoft, and the EU-US data-transfer accords, offline.",
        discussion: """
            Without a command, `dossier` opens the explorer on a terminal; when standard input or output \
            is not a terminal it prints the overview instead.
            """,
        version: DossierVersion.line,
        subcommands: [Timeline.self, Parties.self, Arguments.self, Accords.self, Show.self, Search.self,
                      Export.self, Validate.self, Tour.self, Browse.self, Keys.self, Synth.self,
                      Case.self, Sources.self, Glossary.self, Start.self],
        defaultSubcommand: Start.self
    )
}

/// `dossier` without a command. A hidden default subcommand rather than options of `dossier`
/// itself: the parser reads a parent's options from the whole command line, so `dossier`'s own
/// `--format` would take the `--format` given to a command whose formats differ.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Open the explorer, or print the overview when not on a terminal.", shouldDisplay: false)

    @OptionGroup var common: CommonOptions

    @OptionGroup var explorer: ExplorerOptions

    func run() throws {
        let store = try common.loadStore()
        if isatty(0) == 1 && isatty(1) == 1 && common.format == .text {
            try explorer.run(store: store, language: common.language, at: nil)
            return
        }
        // Not on a terminal (a pipe, a file, a script): print the overview and a hint.
        print(common.printer(store).overview(), terminator: "")
        if common.format == .text { print("\n" + Strings.explorerHint[common.language]) }
    }
}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the events in date order.")
    @OptionGroup var common: CommonOptions
    @Option(help: ArgumentHelp("Only events on or after this date (2020, 2020-07 or 2020-07-16).", valueName: "date")) var from: DossierDate?
    @Option(help: ArgumentHelp("Only events on or before this date.", valueName: "date")) var to: DossierDate?
    @Option(help: ArgumentHelp("Only events involving this party (an id, see `dossier parties`).", valueName: "id"), completion: IDCompletion.ids(.parties)) var party: String?
    @Option(help: ArgumentHelp("Only events of this kind: \(EventKind.allowedValues).", valueName: "kind"),
            completion: .list(EventKind.allCases.map(\.rawValue)), transform: Suggest.value) var kind: EventKind?
    @Option(help: ArgumentHelp("Only events on this track: \(Track.allowedValues).", valueName: "track"),
            completion: .list(Track.allCases.map(\.rawValue)), transform: Suggest.value) var track: Track?

    func validate() throws {
        if let from, let to, to.lastDay < from.firstDay { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    func run() throws {
        try common.refuseTimelineJS()
        let store = try common.loadStore()
        if let party, store.party(party) == nil {
            throw ValidationError(Suggest.message("no party with id '\(party)' (see `dossier parties`)", party, among: store.parties.map(\.id)))
        }
        print(common.printer(store).timeline(store.timeline(from: from, to: to, party: party, kind: kind, track: track)), terminator: "")
    }
}

struct Parties: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the parties: who is who.")
    @OptionGroup var common: CommonOptions
    @Option(help: ArgumentHelp("Only parties with this role: \(Role.allowedValues).", valueName: "role"),
            completion: .list(Role.allCases.map(\.rawValue)), transform: Suggest.value) var role: Role?

    func run() throws {
        try common.refuseTimelineJS()
        let store = try common.loadStore()
        print(common.printer(store).parties(store.parties(role: role)), terminator: "")
    }
}

struct Arguments: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the legal arguments and what the courts held.")
    @OptionGroup var common: CommonOptions
    @Option(help: ArgumentHelp("Only arguments of this side: \(Side.allowedValues).", valueName: "side"),
            completion: .list(Side.allCases.map(\.rawValue)), transform: Suggest.value) var side: Side?
    @Option(help: ArgumentHelp("Only arguments made by this party.", valueName: "id"), completion: IDCompletion.ids(.parties)) var party: String?

    func run() throws {
        try common.refuseTimelineJS()
        let store = try common.loadStore()
        if let party, store.party(party) == nil {
            throw ValidationError(Suggest.message("no party with id '\(party)' (see `dossier parties`)", party, among: store.parties.map(\.id)))
        }
        print(common.printer(store).arguments(store.arguments(side: side, party: party)), terminator: "")
    }
}

struct Accords: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the EU-US data-transfer accords and their fate, or compare them point by point (--compare).")
    @OptionGroup var common: CommonOptions
    @Flag(help: "The accords compared by dimension: side by side from 120 columns, else one dimension after another.")
    var compare = false
    @Option(help: ArgumentHelp("With --compare: lay the text out for this many columns (default: the terminal's width; 80 when not on a terminal).", valueName: "N"))
    var width: Int?

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
        if width != nil && !compare { throw ValidationError("--width goes with --compare") }
    }

    func run() throws {
        try common.refuseTimelineJS()
        let store = try common.loadStore()
        guard compare else {
            print(common.printer(store).accords(store.accords), terminator: "")
            return
        }
        var printer = common.printer(store)
        printer.width = TerminalWidth.columns(width, otherwise: 80)
        print(printer.comparison(), terminator: "")
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one record with everything linked to it.")
    @OptionGroup var common: CommonOptions
    @ArgumentParser.Argument(help: "The id of a party, event, argument, accord, source or glossary term.", completion: IDCompletion.ids(.all)) var id: String
    @Option(help: ArgumentHelp("Wrap text at this many columns (default: the terminal's width; unwrapped when not on a terminal).", valueName: "N"))
    var width: Int?

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    /// `--width`, else the terminal's width on a terminal, else no wrapping (a pipe or a file).
    var textWidth: Int { TerminalWidth.columns(width, otherwise: Printer.unwrapped) }

    func run() throws {
        try common.refuseTimelineJS()
        let store = try common.loadStore()
        guard let ref = store.ref(id) else {
            let allIDs = store.parties.map(\.id) + store.events.map(\.id) + store.arguments.map(\.id) + store.accords.map(\.id)
                + store.sources.map(\.id) + store.terms.map(\.id)
            var suggestions = Suggest.nearest(id, among: allIDs)
            for hit in store.searchIndex.search(id.replacingDashes()).prefix(5) where suggestions.count < 5 {
                let found = store.id(of: hit.ref)
                if !suggestions.contains(found) { suggestions.append(found) }
            }
            var message = "no record with id '\(id)'"
            if !suggestions.isEmpty { message += "; did you mean: \(suggestions.joined(separator: ", "))?" }
            printError("dossier: " + message)
            throw ExitCode(1)
        }
        var printer = common.printer(store)
        printer.width = textWidth
        print(printer.show(ref), terminator: "")
    }
}

struct Glossary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the glossary: every term of the affair with its definition (`dossier show TERM` for the whole entry).")
    @OptionGroup var common: CommonOptions

    func run() throws {
        try common.refuseTimelineJS()
        let store = try common.loadStore()
        print(common.printer(store).glossary(), terminator: "")
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search every text of every record (case, accents and apostrophes do not matter).")
    @OptionGroup var common: CommonOptions
    @ArgumentParser.Argument(help: "Words to find, e.g. \"conseil d'etat\".") var query: [String]

    func run() throws {
        try common.refuseTimelineJS()
        let store = try common.loadStore()
        print(common.printer(store).search(query.joined(separator: " ")), terminator: "")
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the whole dossier: JSON with both languages, a text or Markdown document, a TimelineJS3 timeline (--format timelinejs) or a self-contained web page (--format html).")
    @OptionGroup var common: Common<ExportFormats>
    @Option(help: ArgumentHelp("Write to this file instead of standard output (created or replaced; nothing else is written).", valueName: "file"),
            completion: .file())
    var output: String?

    func run() throws {
        let store = try common.loadStore()
        let document = common.printer(store).export()
        guard let output else { print(document, terminator: ""); return }
        try OutputFile.write(document, to: output)
    }
}

/// Writes a file the user named (`export --output`, `synth --out`), or exits with status 1 and
/// says why.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        guard let handle = fopen(path, "wb") else {
            printError("dossier: cannot write \(path): \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, handle) }
        let closed = fclose(handle)
        guard written == text.utf8.count, closed == 0 else {
            printError("dossier: writing \(path) failed")
            throw ExitCode(1)
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dossier folder (the bundled dossier without one) and report every problem with file and line.")
    @OptionGroup var common: Common<ReportFormats>
    @ArgumentParser.Argument(help: ArgumentHelp("The folder to check.", valueName: "dir"), completion: .directory) var directory: String?

    func run() throws {
        let location = directory ?? common.data
        let name = location ?? "bundled dossier"
        do {
            let dossier = try DossierSource.load(data: location, fromYAML: true)
            let counts = "\(dossier.events.count) events, \(dossier.parties.count) parties, \(dossier.arguments.count) arguments, \(dossier.accords.count) accords, \(dossier.sources.count) sources, \(dossier.terms.count) terms"
            if common.format == .json {
                print(JSON.object([("valid", .bool(true)), ("location", .string(name)), ("problems", .array([]))]).rendered(), terminator: "")
            } else {
                print("\(name): valid (\(counts))")
            }
        } catch {
            if common.format == .json {
                print(JSON.object([("valid", .bool(false)), ("location", .string(name)), ("problems", .array(error.diagnostics.map { d in
                    // a problem of the folder (a missing record, a file that cannot be read) has no line
                    .object([("file", .string(d.file)), ("line", d.line > 0 ? .number(d.line) : .null),
                             ("column", d.line > 0 && d.column > 0 ? .number(d.column) : .null), ("message", .string(d.message))])
                }))]).rendered(), terminator: "")
            } else {
                DossierSource.report(error, location: name)
            }
            throw ExitCode(1)
        }
    }
}

/// The width text is laid out for: `--width`, else the terminal's on a terminal, else `otherwise`
/// (a pipe or a file).
enum TerminalWidth {
    static func columns(_ option: Int?, otherwise: Int) -> Int {
        if let option { return option }
        guard isatty(1) == 1 else { return otherwise }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}

extension String {
    func replacingDashes() -> String { String(map { $0 == "-" ? " " : $0 }) }
}

/// `keys`: Markdown tables (those of docs/KEYS.md) or JSON.
enum KeysFormats: FormatSet { static let formats: [OutputFormat] = [.markdown, .json] }

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the explorer's keys, the panes' then each overlay's, as Markdown tables (those of docs/KEYS.md) or as JSON.")
    @Option(name: .long, help: "Language: en or fr.") var lang: Language?
    @Option(name: .long, help: ArgumentHelp("Output format: \(KeysFormats.list).", valueName: "format"),
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
            .object([("group", .string(title)), ("keys", .array(rows.map { row in
                .object([("keys", .strings(row.keys.map(\.name))), ("action", .string(row.text))])
            }))])
        }
        let panes = KeyGroup.allCases.map { g in group(g.title[lang], Keymap.bindings.filter { $0.group == g }.map { ($0.keys, $0.help[lang]) }) }
        let overlays = OverlayKind.allCases.map { kind in group(kind.title[lang], OverlayKeymap.bindings(kind).map { ($0.keys, $0.label[lang]) }) }
        print(JSON.array(panes + overlays).rendered(), terminator: "")
    }
}

struct Tour: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the guided tour of the affair (T in the explorer).")
    @OptionGroup var common: CommonOptions

    func run() throws {
        try common.refuseTimelineJS()
        let store = try common.loadStore()
        print(common.printer(store).tour(), terminator: "")
    }
}

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the explorer positioned on a record or a date.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var explorer: ExplorerOptions
    @Option(help: ArgumentHelp("A record id (schrems-ii) or a date (2020, 2020-07, 2020-07-16).", valueName: "id|date"),
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

    @Option(help: ArgumentHelp("Colours for a dark or light background, or none: auto (ask the terminal, then COLORFGBG, else colours safe on both), dark, light or mono (default: DOSSIER_THEME, else auto).", valueName: "theme"))
    var theme: ThemeChoice?

    func run(store: DossierStore, language: Language, at start: String?) throws {
        let environment = Environment.variables
        let monochrome = noColor || !(environment["NO_COLOR"] ?? "").isEmpty
        guard let choice = theme ?? TerminalReplies.choice(option: nil, environment: environment) else {
            throw ValidationError("DOSSIER_THEME must be auto, dark, light or mono")
        }
        let status = Explorer.run(store: store, lang: language, theme: choice, monochrome: monochrome,
                                  environment: environment, mouse: mouse, at: start)
        if status != 0 { throw ExitCode(status) }
    }
}

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a large made-up dossier for benchmarks (deterministic for a seed; valid).")
    @Option(help: "Number of events (about N/10 parties, N/5 arguments and N/2 sources).") var events: Int
    @Option(help: ArgumentHelp("Folder to write the YAML files into (created if missing; existing .yaml files are replaced).", valueName: "dir"))
    var out: String
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func validate() throws {
        guard (1...2_000_000).contains(events) else { throw ValidationError("--events must be between 1 and 2000000") }
    }

    func run() throws {
        if mkdir(out, 0o755) != 0 && errno != EEXIST {
            printError("dossier: cannot create \(out): \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        for file in SyntheticDossier.generate(events: events, seed: seed) {
            try OutputFile.write(file.text, to: out + "/" + file.name)
        }
        print("wrote a synthetic dossier of \(events) events to \(out)")
    }
}
