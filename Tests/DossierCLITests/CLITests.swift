import Foundation
import Testing

/// Runs the built `dossier` binary (SwiftPM builds it next to the test runner).
struct CLI {
    static let binary: String = {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // the runner may sit inside a .xctest bundle folder
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("dossier").path), dir.path != "/" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("dossier").path
    }()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("DossierCoreTests/Fixtures").path

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    static func run(_ arguments: [String], executable: String = binary, environment: [String: String] = ["LANG": "C.UTF-8"]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        // Output goes to files, not pipes: a large output cannot fill a pipe and block the child.
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
        let outURL = base.appendingPathExtension("out"), errURL = base.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite(.serialized) struct CLITests {
    let valid = ["--data", CLI.fixtures + "/valid"]

    @Test func timelineJSONHasTheDocumentedFields() throws {
        let result = try CLI.run(["timeline", "--format", "json"] + valid)
        #expect(result.status == 0, "\(result.stderr)")
        let events = try #require(try result.json() as? [[String: Any]])
        #expect(events.map { $0["id"] as? String } == ["ev-accord", "ev-year", "ev-filing", "ev-ruling"])
        for key in ["id", "date", "title", "summary", "kind", "certainty", "parties", "sources"] {
            #expect(events.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        let sources = try #require(events.last?["sources"] as? [[String: Any]])
        #expect(sources.first?["url"] as? String == "https://example.org/court")
    }

    @Test func timelineFiltersAndLanguage() throws {
        let result = try CLI.run(["timeline", "--from", "2024", "--kind", "order", "--lang", "fr", "--format", "json"] + valid)
        let events = try #require(try result.json() as? [[String: Any]])
        #expect(events.count == 1)
        #expect(events.first?["title"] as? String == "Le juge rejette la demande")
        let bad = try CLI.run(["timeline", "--from", "2024-13"] + valid)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--from"))
        let noParty = try CLI.run(["timeline", "--party", "nobody"] + valid)
        #expect(noParty.status != 0)
        #expect(noParty.stderr.contains("no party with id 'nobody'"))
    }

    @Test func partiesArgumentsAccordsAndSearchJSON() throws {
        let parties = try #require(try CLI.run(["parties", "--role", "court", "--format", "json"] + valid).json() as? [[String: Any]])
        #expect(parties.map { $0["id"] as? String } == ["court"])
        #expect(parties.first?["roles"] as? [String] == ["court"])
        let arguments = try #require(try CLI.run(["arguments", "--side", "court", "--format", "json"] + valid).json() as? [[String: Any]])
        #expect(arguments.first?["by"] as? [String] == ["court"])
        #expect(arguments.first?["claim"] as? String == "The risk is hypothetical")
        let accords = try #require(try CLI.run(["accords", "--format", "json"] + valid).json() as? [[String: Any]])
        #expect(accords.first?["instrument"] as? String == "Decision 2000/1")
        #expect(accords.first?["status"] as? String == "struck-down")
        let hits = try #require(try CLI.run(["search", "conseil", "d'etat", "--format", "json"] + valid).json() as? [[String: Any]])
        #expect(hits.map { $0["id"] as? String } == ["court", "src-court"])
        #expect(hits.first?["kind"] as? String == "party")
    }

    @Test func showResolvesLinks() throws {
        let record = try #require(try CLI.run(["show", "arg-held", "--format", "json"] + valid).json() as? [String: Any])
        #expect(record["kind_of_record"] as? String == "argument")
        let links = try #require(record["links"] as? [[String: Any]])
        let relations = links.compactMap { $0["relation"] as? String }
        #expect(relations == ["case", "by", "answers", "sources"])
        let unknown = try CLI.run(["show", "ev-rulin"] + valid)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no record with id 'ev-rulin'"))
    }

    /// Every command that prints records, in every format, and each output valid for its format:
    /// JSON parses and has the command's top-level shape (fields are checked elsewhere), Markdown
    /// opens with a `#` heading (search prints a list of links instead, with no heading), and no
    /// output holds a control character other than the line feed.
    @Test func everyCommandWorksInEveryFormat() throws {
        enum Shape { case records, object }
        let commands: [(arguments: [String], json: Shape)] = [
            (["timeline"], .records), (["parties"], .records), (["arguments"], .records), (["accords"], .records),
            (["show", "test-accord"], .object), (["search", "court"], .records), (["export"], .object), (["tour"], .records),
        ]
        for (command, shape) in commands {
            for format in ["text", "json", "markdown"] {
                let result = try CLI.run(command + ["--format", format] + valid)
                let what = (command + ["--format", format]).joined(separator: " ")
                #expect(result.status == 0, "\(what): \(result.stderr)")
                #expect(!result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(what) printed nothing")
                let controls = result.stdout.unicodeScalars.filter { $0 != "\n" && $0.properties.generalCategory == .control }
                #expect(controls.isEmpty, "\(what) printed control characters \(controls.map { String($0.value, radix: 16) })")
                switch format {
                case "json":
                    let json: Any
                    do { json = try result.json() } catch {
                        Issue.record("\(what) is not JSON: \(error)")
                        continue
                    }
                    switch shape {
                    case .records:
                        let records = json as? [[String: Any]]
                        #expect(records != nil, "\(what): not an array of objects")
                        #expect(records?.isEmpty == false, "\(what): no record")
                    case .object:
                        let object = json as? [String: Any]
                        #expect(object != nil, "\(what): not an object")
                        if command[0] == "export" {
                            let keys = Set(object.map { Array($0.keys) } ?? [])
                            #expect(
                                keys.isSuperset(of: ["dossier", "sources", "parties", "events", "arguments", "accords"]),
                                "\(what): keys \(keys.sorted())")
                        } else {
                            #expect(object?["id"] as? String == command[1], "\(what): not the record asked for")
                        }
                    }
                case "markdown":
                    let lines = result.stdout.split(separator: "\n")
                    if command[0] == "search" {
                        #expect(lines.allSatisfy { $0.hasPrefix("- ") && $0.contains("](#") }, "\(what): not a list of links:\n\(result.stdout)")
                    } else {
                        #expect(lines.first?.hasPrefix("# ") == true, "\(what) does not open with a heading:\n\(result.stdout.prefix(200))")
                        #expect(lines.count > 1, "\(what): only a heading")
                    }
                default:
                    #expect(!result.stdout.hasPrefix("# ") && !result.stdout.hasPrefix("["), "\(what) looks like Markdown or JSON, not text")
                }
            }
        }
    }

    @Test func validateReportsFileAndLineAndExitsNonZero() throws {
        let good = try CLI.run(["validate", CLI.fixtures + "/valid"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("valid"))
        let bad = try CLI.run(["validate", CLI.fixtures + "/broken/dangling-reference"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("broken/dangling-reference/records.yaml:24:26: event 'ev-one': 'parties' refers to party 'nobody'"))
        let json = try #require(try CLI.run(["validate", "--format", "json", CLI.fixtures + "/broken/unknown-field"]).json() as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        #expect((json["problems"] as? [[String: Any]])?.count == 2)
        // every command refuses an invalid dossier with the same messages
        let refused = try CLI.run(["timeline", "--data", CLI.fixtures + "/broken/dangling-reference"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("records.yaml:24:26"))
    }

    @Test func withoutATerminalPrintsTheOverview() throws {
        let result = try CLI.run(valid)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Test affair\n==========="))
        #expect(result.stdout.contains("see\u{00A0}[1].\n\n[1] 2024-03-22 The court rejects the request\n"))
        let french = try CLI.run(valid, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(french.stdout.hasPrefix("Affaire de test"))
    }

    @Test func theBinaryRunsWhenCopiedAloneElsewhere() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("dossier").path
        // A hard link where it can be (the same file system): no file is opened for writing, so
        // no exec fails with ETXTBSY. A copy is open for writing while it is made: a test running
        // in parallel may fork then, and its child holds the descriptor until it execs; exec of
        // the copy fails meanwhile, so it is retried until it runs, for up to 20 s.
        if link(CLI.binary, copy) != 0 {
            try Data(contentsOf: URL(fileURLWithPath: CLI.binary)).write(to: URL(fileURLWithPath: copy), options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy)
        }
        var attempt: CLI.Result?
        let deadline = Date().addingTimeInterval(20)
        while attempt == nil {
            do { attempt = try CLI.run(["validate"], executable: copy) } catch  where Date() < deadline { usleep(20_000) }
        }
        let result = try #require(attempt)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("bundled dossier: valid"))
    }

    /// The fields TimelineJS3 requires (https://timeline.knightlab.com/docs/json-format.html):
    /// events with start_date.year and text; eras with start_date, end_date and text.headline.
    @Test func timelineJSExportHasTheFormatsRequiredFields() throws {
        let document = try #require(try CLI.run(["export", "--format", "timelinejs", "--lang", "fr"] + valid).json() as? [String: Any])
        let events = try #require(document["events"] as? [[String: Any]])
        #expect(events.count == 4)
        for event in events {
            let start = try #require(event["start_date"] as? [String: Any])
            #expect(start["year"] is Int)
            let text = try #require(event["text"] as? [String: Any])
            #expect((text["headline"] as? String)?.isEmpty == false)
            #expect(event["group"] is String)
        }
        let span = try #require(events.first { ($0["unique_id"] as? String) == "ev-year" })
        #expect((span["end_date"] as? [String: Int]) == ["year": 2014, "month": 2])
        #expect((span["start_date"] as? [String: Int]) == ["year": 2013], "a year-precision date has no month or day")
        let eras = try #require(document["eras"] as? [[String: Any]])
        #expect(eras.count == 1)
        for era in eras {
            #expect(era["start_date"] is [String: Any] && era["end_date"] is [String: Any])
            #expect(((era["text"] as? [String: Any])?["headline"] as? String) == "Accord de test")
        }
        let title = try #require((document["title"] as? [String: Any])?["text"] as? [String: Any])
        #expect(title["headline"] as? String == "Affaire de test")
        let refused = try CLI.run(["timeline", "--format", "timelinejs"] + valid)
        #expect(refused.status != 0 && refused.stderr.contains("only for `dossier export`"))
    }

    @Test func tourPrintsEveryStep() throws {
        let text = try CLI.run(["tour", "--lang", "fr"] + valid)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("1/2  Accord de test\n    D’abord, l’accord."))
        let json = try #require(try CLI.run(["tour", "--format", "json"] + valid).json() as? [[String: Any]])
        #expect(json.map { $0["record"] as? String } == ["test-accord", "ev-ruling"])
    }

    @Test func browseRefusesBadTargetsAndNonTerminals() throws {
        let bad = try CLI.run(["browse", "--at", "nowhere"] + valid)
        #expect(bad.status != 0 && bad.stderr.contains("neither a record id nor a date"))
        let piped = try CLI.run(["browse", "--at", "ev-year"] + valid)
        #expect(piped.status == 2 && piped.stderr.contains("browse needs a terminal"))
    }

    @Test func markdownExportReadsAsADocument() throws {
        let result = try CLI.run(["export", "--format", "markdown"])
        #expect(result.status == 0)
        let text = result.stdout
        #expect(text.hasPrefix("# French health data at Microsoft\n\n*Checked against the public record as of 2026-12-01.*\n\n1. [Overview](#overview)"))
        for heading in ["## Overview", "## Timeline", "## Parties", "## Arguments", "## Accords", "## Sources"] {
            #expect(text.contains("\n" + heading + "\n"), "missing \(heading)")
        }
    }
}
