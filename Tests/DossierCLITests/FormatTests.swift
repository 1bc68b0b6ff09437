import Foundation
import Testing

/// Each command produces the formats it documents and refuses the others as a usage error.
@Suite(.serialized) struct FormatTests {
    let valid = ["--data", CLI.fixtures + "/valid"]

    @Test func aFormatACommandCannotProduceIsRefusedWithStatus64() throws {
        for (command, format) in [
            (["validate"], "timelinejs"), (["validate"], "markdown"), (["timeline"], "timelinejs"),
            (["show", "ev-ruling"], "timelinejs"), (["keys"], "text"), (["keys"], "timelinejs"), ([], "timelinejs"),
            (["validate"], "html"), (["timeline"], "html"), (["tour"], "html"), (["keys"], "html"), ([], "html"),
        ] {
            let result = try CLI.run(command + ["--format", format] + (command == ["keys"] ? [] : valid))
            #expect(result.status == 64, "\(command) --format \(format): \(result.status)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("--format \(format) is not a format of"), "\(result.stderr)")
        }
        for format in ["timelinejs", "html"] { #expect(try CLI.run(["export", "--format", format] + valid).status == 0) }
    }

    @Test func keysHasARealJSONForm() throws {
        let result = try CLI.run(["keys", "--format", "json", "--lang", "en"])
        #expect(result.status == 0)
        let groups = try #require(try result.json() as? [[String: Any]])
        #expect(groups.first?["group"] as? String == "Move")
        let first = try #require((groups.first?["keys"] as? [[String: Any]])?.first)
        #expect(first["keys"] as? [String] == ["j", "↓"])
        #expect(first["action"] is String)
        // the overlays' keys follow the panes', one group each
        let glossary = try #require(groups.first { $0["group"] as? String == "In the glossary (w, :glossary)" })
        let close = try #require((glossary["keys"] as? [[String: Any]])?.first)
        #expect(close["keys"] as? [String] == ["q", "Esc", "w"] && close["action"] as? String == "close")
        #expect(try CLI.run(["keys"]).stdout.hasPrefix("| Keys | Action |"), "Markdown stays the default")
    }

    @Test func helpOffersEachCommandOnlyItsFormats() throws {
        for (command, formats) in [
            ("validate", "text or json"), ("timeline", "text, json or markdown"),
            ("export", "text, json, markdown, timelinejs or html"), ("keys", "markdown or json"),
        ] {
            let help = try CLI.run([command, "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            #expect(help.contains("Output format: \(formats)."), "\(command): \(help)")
            if command != "export" {
                #expect(!help.contains("timelinejs") && !help.contains("html"), "\(command) offers an export's format")
            }
        }
    }

    @Test func validateGivesNullLineAndColumnForAProblemOfTheFolder() throws {
        let result = try CLI.run(["validate", "--format", "json", CLI.fixtures + "/broken/no-dossier-record"])
        #expect(result.status == 1)
        let problems = try #require((try result.json() as? [String: Any])?["problems"] as? [[String: Any]])
        #expect(!problems.isEmpty)
        for problem in problems where (problem["message"] as? String)?.contains("no 'dossier:' record") == true {
            #expect(problem["line"] is NSNull && problem["column"] is NSNull, "\(problem)")
        }
        let located = try #require(
            (try CLI.run(["validate", "--format", "json", CLI.fixtures + "/broken/unknown-field"]).json() as? [String: Any])?["problems"] as? [[String: Any]])
        #expect(located.allSatisfy { ($0["line"] as? Int ?? 0) > 0 }, "problems in a file keep their line")
    }
}

/// An id or value that does not exist is answered with the nearest ones.
@Suite(.serialized) struct SuggestionTests {
    let valid = ["--data", CLI.fixtures + "/valid"]

    @Test func unknownIdsGetTheNearestSuggested() throws {
        let party = try CLI.run(["timeline", "--party", "cnl"])
        #expect(
            party.status == 64 && party.stderr.contains("no party with id 'cnl'") && party.stderr.contains("did you mean") && party.stderr.contains("cnil"),
            "\(party.stderr)")
        let arguments = try CLI.run(["arguments", "--party", "claimnt"] + valid)
        #expect(arguments.status == 64 && arguments.stderr.contains("did you mean claimant?"), "\(arguments.stderr)")
        let show = try CLI.run(["show", "ev-rulin"] + valid)
        #expect(show.status == 1 && show.stderr.contains("did you mean: ev-ruling"), "\(show.stderr)")
        let browse = try CLI.run(["browse", "--at", "ev-rulng"] + valid)
        #expect(browse.status == 64 && browse.stderr.contains("did you mean ev-ruling?"), "\(browse.stderr)")
    }

    @Test func unknownValuesGetTheNearestSuggested() throws {
        for (arguments, suggestion) in [
            (["timeline", "--kind", "rulng"], "did you mean ruling?"),
            (["timeline", "--track", "acords"], "did you mean accords?"),
            (["parties", "--role", "cour"], "did you mean court?"),
            (["arguments", "--side", "defense"], "did you mean defence?"),
            (["timeline", "--format", "jsn"], "did you mean json?"),
            (["keys", "--format", "mardown"], "did you mean markdown?"),
        ] {
            let result = try CLI.run(arguments + (arguments[0] == "keys" ? [] : valid))
            #expect(result.status == 64 && result.stderr.contains(suggestion), "\(arguments): \(result.stderr)")
        }
    }

    @Test func fromAfterToIsRefused() throws {
        let result = try CLI.run(["timeline", "--from", "2024-03", "--to", "2023"] + valid)
        #expect(result.status == 64 && result.stderr.contains("--from 2024-03 is after --to 2023"), "\(result.stderr)")
        let sameMonth = try CLI.run(["timeline", "--from", "2024-03", "--to", "2024-03"] + valid)
        #expect(sameMonth.status == 0 && !sameMonth.stdout.isEmpty)
    }
}

/// `show` as text: unwrapped when piped, wrapped at --width, and never a URL cut in two.
@Suite(.serialized) struct ShowWidthTests {
    @Test func pipedTextIsNotWrappedAndWidthWrapsWithoutBreakingURLs() throws {
        let piped = try CLI.run(["show", "safe-harbor"])
        #expect(piped.status == 0)
        let summary = "The first EU–US arrangement: the Commission found that US companies adhering"
        #expect(piped.stdout.split(separator: "\n").contains { $0.hasPrefix(summary) && $0.count > 200 }, "one line per paragraph when piped")
        let narrow = try CLI.run(["show", "safe-harbor", "--width", "40"])
        #expect(narrow.status == 0)
        // fields and paragraphs (the link rows keep their id column, as before)
        for line in narrow.stdout.split(separator: "\n") where !line.contains("://") && [0, 16].contains(line.prefix { $0 == " " }.count) {
            #expect(line.count <= 40, "\(line)")
        }
        let urls = piped.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0.contains("://") }
        #expect(!urls.isEmpty)
        for url in urls { #expect(narrow.stdout.contains(url), "\(url) is cut") }
        #expect(try CLI.run(["show", "safe-harbor", "--width", "5"]).status == 64)
    }
}
