import ArgumentParser
import DossierCore
import DossierOutput
import DossierUI
import DossierTerminal

#if canImport(Glibc)
import Glibc
#endif

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
                print("\(Sanitizer.clean(name, multiline: false)): valid (\(counts))")
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

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a large made-up dossier for benchmarks (deterministic for a seed; valid).")
    @Option(help: "Number of events (parties ≈ N/10, arguments ≈ N/5, sources ≈ N/2).") var events: Int
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
        print("wrote a synthetic dossier of \(events) events to \(Sanitizer.clean(out, multiline: false))")
    }
}
