import ArgumentParser
import DossierCore
import DossierOutput
import DossierTerminal
import DossierUI

#if canImport(Glibc)
import Glibc
#endif

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Print the whole dossier: JSON with both languages, a text or Markdown document, a TimelineJS3 timeline (--format timelinejs) or a self-contained web page (--format html)."
    )
    @OptionGroup var common: Common<ExportFormats>
    @Option(
        help: ArgumentHelp("Write to this file instead of standard output (created or replaced; nothing else is written).", valueName: "file"),
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
/// says why. The text goes to a new temporary file beside the target, renamed over it once
/// complete: a failure leaves the old file as it was, and a symbolic link at the target is
/// refused, never written through (it could point anywhere).
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        func fail(_ why: String) -> ExitCode {
            printError("dossier: cannot write \(path): \(why)")
            return ExitCode(1)
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK { throw fail("it is a symbolic link, not followed") }
            if (info.st_mode & S_IFMT) != S_IFREG { throw fail("it is not a regular file") }
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array((folder + "." + name + ".dossier-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw fail(String(cString: strerror(errno))) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkstemp creates it for the owner only; a written file gets the usual mode
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        var text = text
        let error: Int32 = text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue }; return errno }
                offset += count
            }
            return 0
        }
        let closed = close(fd) == 0 ? 0 : errno
        guard error == 0, closed == 0, rename(temporary, path) == 0 else {
            let reason = error != 0 ? error : closed != 0 ? closed : errno
            unlink(temporary)
            throw fail(String(cString: strerror(reason)))
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
            let counts =
                "\(dossier.events.count) events, \(dossier.parties.count) parties, \(dossier.arguments.count) arguments, \(dossier.accords.count) accords, \(dossier.sources.count) sources, \(dossier.terms.count) terms"
            if common.format == .json {
                print(JSON.object([("valid", .bool(true)), ("location", .string(name)), ("problems", .array([]))]).rendered(), terminator: "")
            } else {
                print("\(Sanitizer.clean(name, multiline: false)): valid (\(counts))")
            }
        } catch {
            if common.format == .json {
                print(
                    JSON.object([
                        ("valid", .bool(false)), ("location", .string(name)),
                        (
                            "problems",
                            .array(
                                error.diagnostics.map { d in
                                    // a problem of the folder (a missing record, a file that cannot be read) has no line
                                    .object([
                                        ("file", .string(d.file)), ("line", d.line > 0 ? .number(d.line) : .null),
                                        ("column", d.line > 0 && d.column > 0 ? .number(d.column) : .null), ("message", .string(d.message)),
                                    ])
                                })
                        ),
                    ]).rendered(), terminator: "")
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
    @Option(help: "Number of events (about N/10 parties, N/5 arguments and N/2 sources).") var events: Int
    @Option(help: ArgumentHelp("Folder to write the YAML files into (created if missing; existing .yaml files are replaced).", valueName: "dir"))
    var out: String
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func validate() throws {
        guard (1...2_000_000).contains(events) else { throw ValidationError("--events must be between 1 and 2000000") }
    }

    func run() throws {
        var info = stat()
        if lstat(out, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            printError("dossier: cannot write into \(out): it is a symbolic link, not followed")
            throw ExitCode(1)
        }
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
