import ArgumentParser
import DossierCore
import DossierOutput
import DossierTerminal
import DossierUI

#if canImport(Glibc)
import Glibc
#endif

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Explore the affair of French health data hosted at Microsoft, and the EU-US data-transfer accords, offline.",
        discussion: """
            Without a command, `dossier` opens the explorer on a terminal; when standard input or output \
            is not a terminal it prints the overview instead.
            """,
        version: DossierVersion.line,
        subcommands: [
            Timeline.self, Parties.self, Arguments.self, Accords.self, Show.self, Search.self,
            Export.self, Validate.self, Tour.self, Browse.self, Keys.self, Synth.self,
            Case.self, Sources.self, Glossary.self, Start.self,
        ],
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
    @Option(help: ArgumentHelp("Only events involving this party (an id, see `dossier parties`).", valueName: "id"), completion: IDCompletion.ids(.parties))
    var party: String?
    @Option(
        help: ArgumentHelp("Only events of this kind: \(EventKind.allowedValues).", valueName: "kind"),
        completion: .list(EventKind.allCases.map(\.rawValue)), transform: Suggest.value) var kind: EventKind?
    @Option(
        help: ArgumentHelp("Only events on this track: \(Track.allowedValues).", valueName: "track"),
        completion: .list(Track.allCases.map(\.rawValue)), transform: Suggest.value) var track: Track?

    func validate() throws {
        if let from, let to, to.lastDay < from.firstDay { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    func run() throws {
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
    @Option(
        help: ArgumentHelp("Only parties with this role: \(Role.allowedValues).", valueName: "role"),
        completion: .list(Role.allCases.map(\.rawValue)), transform: Suggest.value) var role: Role?

    func run() throws {
        let store = try common.loadStore()
        print(common.printer(store).parties(store.parties(role: role)), terminator: "")
    }
}

struct Arguments: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the legal arguments and what the courts held.")
    @OptionGroup var common: CommonOptions
    @Option(
        help: ArgumentHelp("Only arguments of this side: \(Side.allowedValues).", valueName: "side"),
        completion: .list(Side.allCases.map(\.rawValue)), transform: Suggest.value) var side: Side?
    @Option(help: ArgumentHelp("Only arguments made by this party.", valueName: "id"), completion: IDCompletion.ids(.parties)) var party: String?

    func run() throws {
        let store = try common.loadStore()
        if let party, store.party(party) == nil {
            throw ValidationError(Suggest.message("no party with id '\(party)' (see `dossier parties`)", party, among: store.parties.map(\.id)))
        }
        print(common.printer(store).arguments(store.arguments(side: side, party: party)), terminator: "")
    }
}

struct Accords: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the EU-US data-transfer accords and their fate, or compare them point by point (--compare).")
    @OptionGroup var common: CommonOptions
    @Flag(help: "The accords compared by dimension: side by side from 120 columns, else one dimension after another.")
    var compare = false
    @Option(
        help: ArgumentHelp("With --compare: lay the text out for this many columns (default: the terminal's width; 80 when not on a terminal).", valueName: "N")
    )
    var width: Int?

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
        if width != nil && !compare { throw ValidationError("--width goes with --compare") }
    }

    func run() throws {
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
        let store = try common.loadStore()
        guard let ref = store.ref(id) else {
            let allIDs =
                store.parties.map(\.id) + store.events.map(\.id) + store.arguments.map(\.id) + store.accords.map(\.id)
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
        let store = try common.loadStore()
        print(common.printer(store).search(query.joined(separator: " ")), terminator: "")
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

struct Tour: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the guided tour of the affair (T in the explorer).")
    @OptionGroup var common: CommonOptions

    func run() throws {
        let store = try common.loadStore()
        print(common.printer(store).tour(), terminator: "")
    }
}
