import Foundation
import Testing

/// `dossier glossary` in each of its formats, `dossier show TERM`, and terms in the exports,
/// the overview's counts, did-you-mean and completion.
@Suite(.serialized) struct GlossaryCommandTests {
    let valid = ["--data", CLI.fixtures + "/valid"]

    @Test func textListsEveryTermWithItsIdAndDefinitionInTheLanguagesOrder() throws {
        let en = try CLI.run(["glossary", "--lang", "en"] + valid)
        #expect(en.status == 0)
        #expect(
            en.stdout.hasPrefix("Glossary\n========\n\nappeal  (appeal)\n    Asking a court to undo a decision.\n\ninterim order  (interim-order)\n"),
            "\(en.stdout)")
        let fr = try CLI.run(["glossary", "--lang", "fr"] + valid)
        #expect(
            fr.stdout.hasPrefix(
                "Glossaire\n=========\n\nordonnance de référé  (interim-order)\n    La décision rapide et provisoire d’un juge.\n\nrecours  (appeal)\n"),
            "\(fr.stdout)")
    }

    @Test func jsonGivesEachTermWithTheRecordsUsingIt() throws {
        let result = try CLI.run(["glossary", "--format", "json", "--lang", "fr"] + valid)
        #expect(result.status == 0)
        let terms = try #require(try result.json() as? [[String: Any]])
        #expect(terms.map { $0["id"] as? String } == ["interim-order", "appeal", "stay"])
        #expect(terms[0]["term"] as? String == "ordonnance de référé")
        let users = try #require(terms[0]["used_in"] as? [[String: Any]])
        #expect(users.map { $0["id"] as? String } == ["ev-filing", "appeal", "stay"])
        #expect(users.first?["kind"] as? String == "event")
    }

    @Test func markdownLinksTermsToEachOthersHeadings() throws {
        let result = try CLI.run(["glossary", "--format", "markdown", "--lang", "en"] + valid)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# Glossary\n\n## appeal\n"), "\(result.stdout)")
        #expect(result.stdout.contains("## interim order\n"))
        // the term link lands on the heading's GitHub anchor, not on the id
        #expect(result.stdout.contains("- [interim order](#interim-order)"))
        #expect(result.stdout.contains("### Used in\n"))
        #expect(!result.stdout.contains("[["), "no raw link syntax")
    }

    @Test func aFormatItCannotProduceExits64() throws {
        let result = try CLI.run(["glossary", "--format", "timelinejs"] + valid)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--format timelinejs is not a format of"))
    }

    @Test func showPrintsATermInEveryFormat() throws {
        let text = try CLI.run(["show", "interim-order", "--lang", "en"] + valid)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("interim order\n=============\n"))
        #expect(text.stdout.contains("The 22 March order is one; see also stay."))
        #expect(text.stdout.contains("Used in\n-------\n  ev-filing"))
        let json = try #require(try CLI.run(["show", "interim-order", "--format", "json"] + valid).json() as? [String: Any])
        #expect(json["kind_of_record"] as? String == "term")
        let relations = (json["links"] as? [[String: Any]])?.compactMap { $0["relation"] as? String }
        #expect(relations == ["related", "used_in", "sources", "terms"])
        let markdown = try CLI.run(["show", "stay", "--format", "markdown", "--lang", "fr"] + valid)
        #expect(markdown.stdout.hasPrefix("# sursis\n"))
        // an event's detail lists the terms it uses, in every output
        let event = try CLI.run(["show", "ev-filing", "--lang", "en"] + valid)
        #expect(event.stdout.contains("A request is filed."))
        #expect(event.stdout.contains("Terms\n-----\n  interim-order"), "\(event.stdout)")
    }

    @Test func aMistypedTermIdIsAnsweredWithTheNearest() throws {
        let result = try CLI.run(["show", "intrim-order"] + valid)
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean: interim-order"), "\(result.stderr)")
    }

    @Test func theExportsAndTheOverviewCountTerms() throws {
        let export = try #require(try CLI.run(["export", "--format", "json"] + valid).json() as? [String: Any])
        let terms = try #require(export["terms"] as? [[String: Any]])
        #expect(terms.count == 3)
        #expect((terms.first?["term"] as? [String: String]) == ["en": "appeal", "fr": "recours"])
        let markdown = try CLI.run(["export", "--format", "markdown", "--lang", "en"] + valid).stdout
        #expect(markdown.contains("\n## Glossary\n"))
        #expect(markdown.contains("](#glossary)"), "the contents list links the section's heading")
        let overview = try #require(try CLI.run(["--format", "json"] + valid).json() as? [String: Any])
        #expect((overview["counts"] as? [String: Int])?["terms"] == 3)
        #expect(try CLI.run(["--lang", "fr"] + valid).stdout.contains("2 sources, 3 termes."))
        #expect(try CLI.run(["validate"] + valid).stdout.contains("3 terms"))
    }
}
