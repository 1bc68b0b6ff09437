import Foundation
import Testing

/// The release as a reader gets it: the version line, the man pages, and the Debian package
/// installed on a clean system (scripts/test-package.sh).
@Suite(.serialized) struct PackagingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The first match of a regular expression's first group in a text.
    static func first(_ pattern: String, in text: String) -> String? {
        guard let match = text.firstMatch(of: try! Regex(pattern)), match.count > 1,
            let group = match[1].substring
        else { return nil }
        return String(group)
    }

    @Test func versionNamesTheReleaseTheBundledDossiersDateAndTheCommit() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = result.stdout.trimmingCharacters(in: .newlines)
        let version = try #require(
            Self.first(#"^(\d+\.\d+\.\d+) \(bundled dossier as of \d{4}-\d{2}-\d{2}, commit (?:unknown|[0-9a-f]{7,}(?:-dirty)?)\)$"#, in: line),
            "unexpected version line: \(line)")
        // the date is the bundled dossier's own as_of, not a constant
        let asOf = try #require(Self.first(#"(?m)^\s*as_of:\s*(\S+)"#, in: try Self.text("Resources/dossier.yaml")))
        #expect(line.contains("as of \(asOf),"), "\(line) vs as_of \(asOf)")
        // a plain test build is not stamped by scripts/package.sh, and says so
        #expect(line.hasSuffix("commit unknown)"), "\(line)")
        // every release has its changelog entry
        #expect(try Self.text("CHANGELOG.md").contains("\n## \(version) "), "CHANGELOG.md has no entry for \(version)")
        // the parser prints the same line for --version after a command
        #expect(try CLI.run(["timeline", "--version"]).stdout == result.stdout)
    }

    /// `man --warnings` exits 0 whatever troff says; the warnings are on standard error.
    static func manWarnings(_ page: String) throws -> CLI.Result? {
        guard let man = ["/usr/bin/man", "/bin/man"].first(where: FileManager.default.isExecutableFile) else { return nil }
        return try CLI.run(
            ["--warnings", "-l", page], executable: man,
            environment: ["LANG": "C.UTF-8", "MANWIDTH": "80", "MANPAGER": "cat", "PATH": "/usr/bin:/bin"])
    }

    @Test(arguments: ["docs/man/dossier.1", "docs/man/dossier.5"])
    func manPageFormatsWithoutWarnings(page: String) throws {
        guard let result = try Self.manWarnings(Self.repository.appendingPathComponent(page).path) else {
            print("skipped: man is not installed (.ci/setup installs man-db)"); return
        }
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(page): \(result.stderr)")
        #expect(result.stdout.contains("NAME"), "\(page) rendered no NAME section")
    }

    @Test func manWarningsCatchABrokenPage() throws {
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-broken-\(UUID().uuidString).1")
        try ".TH BROKEN 1\n.SH NAME\nbroken \\- a page\n.NOSUCHMACRO\n".write(to: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: broken) }
        guard let result = try Self.manWarnings(broken.path) else { print("skipped: man is not installed"); return }
        #expect(result.stderr.contains("NOSUCHMACRO"), "the check above would not see a warning: \(result.stderr)")
    }

    /// docs/man/dossier.1 is the manual plugin's output (scripts/package.sh writes it into the
    /// package; the clean-root test compares the two). Here: every command and option the binary
    /// describes is in it, so a command added without regenerating it fails.
    @Test func committedManualNamesEveryCommandAndOption() throws {
        let manual = try Self.text("docs/man/dossier.1")
        let dump = try CLI.run(["--experimental-dump-help"])
        #expect(dump.status == 0, "\(dump.stderr)")
        let info = try #require(try dump.json() as? [String: Any])
        let root = try #require(info["command"] as? [String: Any])
        var missing: [String] = []
        func walk(_ command: [String: Any], path: String) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool ?? true {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    // mdoc writes --data as `Fl -data` and -h, --help as `Fl h , -help`
                    let long = name["name"] as? String ?? ""
                    if manual.firstMatch(of: try! Regex("(?m) -\\Q\(long)\\E(\\s|$)")) == nil { missing.append("\(path) --\(long)") }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["shouldDisplay"] as? Bool ?? true {
                let name = sub["commandName"] as? String ?? ""
                if !manual.contains(".It Em \(name)\n") { missing.append("\(path) \(name)") }
                walk(sub, path: "\(path) \(name)")
            }
        }
        walk(root, path: "dossier")
        #expect(missing.isEmpty, "docs/man/dossier.1 is out of date (bash scripts/package.sh --update-manual); missing: \(missing)")
        #expect(manual.contains(".Dt DOSSIER 1"), "not the plugin's mdoc page")
    }

    /// dossier(5) is written by hand from docs/DATA-FORMAT.md: every field its YAML examples show
    /// is named in the page, so a field documented in one and not the other fails here.
    @Test func dataFormatPageNamesEveryDocumentedField() throws {
        let markdown = try Self.text("docs/DATA-FORMAT.md"), page = try Self.text("docs/man/dossier.5")
        var fields: Set<String> = []
        for block in markdown.matches(of: try Regex(#"(?s)```yaml\n(.*?)```"#)) {
            guard let body = block[1].substring else { continue }
            for line in body.split(separator: "\n") {
                if let match = line.firstMatch(of: try Regex(#"^\s*(?:-\s+)?([a-z_]+):"#)), let key = match[1].substring {
                    fields.insert(String(key))
                }
            }
        }
        #expect(fields.count > 50, "read too few fields from docs/DATA-FORMAT.md: \(fields.sorted())")
        let missing = fields.filter { page.firstMatch(of: try! Regex("\\b\($0)\\b")) == nil }
        #expect(missing.isEmpty, "docs/man/dossier.5 does not name: \(missing.sorted())")
    }

    /// swift-argument-parser's manual generator drops every character outside ASCII ("EU–US"
    /// became "EUUS" in dossier(1)), so the help texts it reads keep to ASCII.
    @Test func helpTextsKeepToASCIISoTheManualKeepsThemWhole() throws {
        let dump = try CLI.run(["--experimental-dump-help"])
        #expect(dump.status == 0, "\(dump.stderr)")
        let lines = dump.stdout.split(separator: "\n").filter { !$0.allSatisfy(\.isASCII) }
        #expect(lines.isEmpty, "help texts outside ASCII: \(lines)")
    }

    /// Builds the release package and installs it on a fresh Debian root: minutes (a release build,
    /// and debootstrap on the first run). Skipped where it cannot run, with the reason.
    @Test(.timeLimit(.minutes(60)))
    func packageInstallsRunsAndRemovesOnACleanDebianRoot() throws {
        if let reason = ProcessInfo.processInfo.environment["DOSSIER_SKIP_PACKAGE_TEST"], !reason.isEmpty {
            print("skipped: DOSSIER_SKIP_PACKAGE_TEST is set (the clean-root package test)"); return
        }
        let started = Date()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.repository.appendingPathComponent("scripts/test-package.sh").path]
        process.currentDirectoryURL = Self.repository
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-package-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = try String(contentsOf: log, encoding: .utf8)
        let seconds = Int(Date().timeIntervalSince(started))
        if process.terminationStatus == 77 {
            print(
                output.split(separator: "\n").last(where: { $0.hasPrefix("skipped:") }).map(String.init)
                    ?? "skipped: scripts/test-package.sh cannot run here")
            return
        }
        #expect(process.terminationStatus == 0, "scripts/test-package.sh failed after \(seconds) s:\n\(output.suffix(6000))")
        print("clean-root package test: \(seconds) s")
        print(output.split(separator: "\n").suffix(30).joined(separator: "\n"))
        #expect(output.contains("passed: installed, ran, removed cleanly"))
    }
}
