import Foundation
import Testing

/// A copy of the valid fixture with some text replaced, for a case the fixture does not hold.
func fixtureCopy(_ replacements: [(file: String, old: String, new: String)]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-fixture-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for name in ["dossier.yaml", "records.yaml", "terms.yaml"] {
        var text = try String(contentsOfFile: CLI.fixtures + "/valid/" + name, encoding: .utf8)
        for r in replacements where r.file == name {
            precondition(text.contains(r.old), "fixture \(name) has no \(r.old)")
            text = text.replacingOccurrences(of: r.old, with: r.new)
        }
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return dir.path
}

/// How TimelineJS3 reads a date object (TL.Date): a missing month is January, a missing day the
/// first; the result orders as a day.
func timelineJSDay(_ value: Any?) -> Int? {
    guard let d = value as? [String: Any], let year = d["year"] as? Int else { return nil }
    return year * 10_000 + ((d["month"] as? Int) ?? 1) * 100 + ((d["day"] as? Int) ?? 1)
}

@Suite(.serialized) struct TimelineJSConsumerTests {
    /// An accord still in force, an overview hard-wrapped in two paragraphs with links before punctuation.
    static func inForceFixture() throws -> String {
        try fixtureCopy([
            (file: "records.yaml", old: "    in_force_to: 2015-10-06\n", new: ""),
            (file: "records.yaml", old: "    struck_down_by: ev-ruling\n", new: ""),
            (
                file: "dossier.yaml", old: "      A claimant went to court; see [[ev-ruling]].\n",
                new:
                    "      A claimant went to court\n      from the start [[ev-year]]. It lost [[ev-ruling]], then\n      appealed.\n\n      A second paragraph.\n"
            ),
            (
                file: "dossier.yaml", old: "      Un requérant a saisi le juge ; voir [[ev-ruling]].\n",
                new:
                    "      Un requérant a saisi le juge\n      dès l’origine [[ev-year]]. Il a perdu [[ev-ruling]] ; puis\n      il a fait appel.\n\n      Un second paragraphe.\n"
            ),
            (file: "dossier.yaml", old: "as_of: 2026-12-01", new: "as_of: 2024-03-01"),
        ])
    }

    @Test func anAccordInForceRunsToTheLaterOfAsOfAndTheLastEventSoEveryLaterEventIsInAnEra() throws {
        let data = try Self.inForceFixture()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let document = try #require(try CLI.run(["export", "--format", "timelinejs", "--data", data]).json() as? [String: Any])
        let era = try #require((document["eras"] as? [[String: Any]])?.first)
        // as_of (2024-03-01) is before the last event (2024-03-22): the era runs to that event's day
        #expect((era["end_date"] as? [String: Int]) == ["year": 2024, "month": 3, "day": 22])
        let eraStart = try #require(timelineJSDay(era["start_date"])), eraEnd = try #require(timelineJSDay(era["end_date"]))
        for event in try #require(document["events"] as? [[String: Any]]) {
            let day = try #require(timelineJSDay(event["start_date"]))
            if day >= eraStart { #expect(day <= eraEnd, "\(event["unique_id"] ?? "") falls after every era") }
        }
        // with as_of later than every event, the era runs to as_of
        let asOfLater = try fixtureCopy([
            (file: "records.yaml", old: "    in_force_to: 2015-10-06\n", new: ""),
            (file: "records.yaml", old: "    struck_down_by: ev-ruling\n", new: ""),
        ])
        defer { try? FileManager.default.removeItem(atPath: asOfLater) }
        let second = try #require(try CLI.run(["export", "--format", "timelinejs", "--data", asOfLater]).json() as? [String: Any])
        #expect(((second["eras"] as? [[String: Any]])?.first?["end_date"] as? [String: Int]) == ["year": 2026, "month": 12, "day": 1])
    }

    @Test func erasStartAndEndOnTheAccordsDatesAtTheirPrecision() throws {
        let document = try #require(try CLI.run(["export", "--format", "timelinejs", "--data", CLI.fixtures + "/valid"]).json() as? [String: Any])
        let era = try #require((document["eras"] as? [[String: Any]])?.first)
        #expect((era["start_date"] as? [String: Int]) == ["year": 2000, "month": 8])
        #expect((era["end_date"] as? [String: Int]) == ["year": 2015, "month": 10, "day": 6])
        // and the accord's JSON says each date's precision, as an event's does
        let accord = try #require(try CLI.run(["accords", "--format", "json", "--data", CLI.fixtures + "/valid"]).json() as? [[String: Any]]).first
        #expect(accord?["adopted_precision"] as? String == "month")
        #expect(accord?["in_force_from_precision"] as? String == "month")
        #expect(accord?["in_force_to_precision"] as? String == "day")
    }

    @Test func theTitleSlideHoldsTheWholeFirstParagraphWithoutLinksOrSpacesBeforePunctuation() throws {
        let data = try Self.inForceFixture()
        defer { try? FileManager.default.removeItem(atPath: data) }
        for (lang, expected) in [
            ("en", "<p>A claimant went to court from the start. It lost, then appealed.</p>"),
            ("fr", "<p>Un requérant a saisi le juge dès l’origine. Il a perdu ; puis il a fait appel.</p>"),
        ] {
            let document = try #require(try CLI.run(["export", "--format", "timelinejs", "--lang", lang, "--data", data]).json() as? [String: Any])
            let title = try #require((document["title"] as? [String: Any])?["text"] as? [String: Any])
            let text = try #require(title["text"] as? String)
            #expect(text.hasPrefix(expected), "\(lang): \(text)")
            #expect(!text.contains("second"), "only the first paragraph")
        }
    }
}

/// GitHub's heading anchors (github-slugger, as github.com renders Markdown), written out here
/// as the consumer applies them: the heading's rendered text lower-cased; every character that is
/// not a letter, mark, number, connector punctuation, space or hyphen dropped (accents stay);
/// spaces become hyphens; a slug seen before gets -1, -2… in document order.
struct GitHubAnchors {
    var seen: [String: Int] = [:]

    mutating func anchor(_ heading: String) -> String {
        // rendered text: backslash escapes undone
        var text = "", escaped = false
        for c in heading { if c == "\\" && !escaped { escaped = true; continue }; escaped = false; text.append(c) }
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            let category = scalar.properties.generalCategory
            let kept: Set<Unicode.GeneralCategory> = [
                .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark,
                .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation,
            ]
            if kept.contains(category) || scalar == "-" { slug.unicodeScalars.append(scalar) } else if scalar == " " { slug += "-" }
        }
        var result = slug
        while seen[result] != nil { seen[slug, default: 0] += 1; result = slug + "-\(seen[slug]!)" }
        seen[result] = 0
        return result
    }
}

@Suite(.serialized) struct MarkdownConsumerTests {
    struct Document {
        var headings: [(slug: String, text: String, level: Int, line: Int)] = []
        var htmlIDs: [String] = []
        var links: [(text: String, target: String, line: Int)] = []
        var lines: [String]

        init(_ markdown: String) {
            lines = markdown.components(separatedBy: "\n")
            var anchors = GitHubAnchors()
            for (n, line) in lines.enumerated() {
                let hashes = line.prefix { $0 == "#" }.count
                if (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
                    let text = String(line.dropFirst(hashes + 1))
                    headings.append((anchors.anchor(text), text, hashes, n))
                }
                var rest = Substring(line)
                while let r = rest.range(of: "<a id=\"") {
                    let after = rest[r.upperBound...]
                    guard let end = after.firstIndex(of: "\"") else { break }
                    htmlIDs.append(String(after[..<end]))
                    rest = after[end...]
                }
                rest = Substring(line)
                while let r = rest.range(of: "](#") {
                    let after = rest[r.upperBound...]
                    guard let end = after.firstIndex(of: ")") else { break }
                    let open = rest[..<r.lowerBound].lastIndex(of: "[").map { rest.index(after: $0) } ?? r.lowerBound
                    links.append((String(rest[open..<r.lowerBound]), String(after[..<end]), n))
                    rest = after[end...]
                }
            }
        }
    }

    static func unescaped(_ text: String) -> String {
        var out = "", escaped = false
        for c in text { if c == "\\" && !escaped { escaped = true; continue }; escaped = false; out.append(c) }
        return out
    }

    /// The bundled dossier, and the fixture (whose texts link glossary terms).
    @Test(arguments: ["en", "fr"], [[String](), ["--data", CLI.fixtures + "/valid"]])
    func everyInternalLinkLandsOnTheHeadingItNamesAsGitHubRendersIt(lang: String, data: [String]) throws {
        let result = try CLI.run(["export", "--format", "markdown", "--lang", lang] + data)
        #expect(result.status == 0)
        let doc = Document(result.stdout)
        let slugs = doc.headings.map(\.slug)
        let ids = slugs + doc.htmlIDs
        #expect(Set(ids).count == ids.count, "duplicate HTML ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        #expect(!doc.links.isEmpty)
        for link in doc.links {
            #expect(ids.contains(link.target), "\(lang): [\(link.text)](#\(link.target)) resolves to nothing")
            // a link to a heading names it: its text is the heading's, perhaps after a date
            if let heading = doc.headings.first(where: { $0.slug == link.target }), !link.text.hasSuffix("\\]") {  // not the overview's numbered marks
                let text = Self.unescaped(link.text), title = Self.unescaped(heading.text)
                #expect(
                    text == title || text == title + "." || text.hasSuffix("  " + title),
                    "\(lang): [\(link.text)] lands on '\(heading.text)'")
            }
        }
        // the contents list: seven sections (the comparison of the accords among them), eight with a glossary
        let contents = doc.lines.prefix { !$0.hasPrefix("## ") }
        let glossary = doc.headings.contains { $0.level == 2 && ($0.text == "Glossary" || $0.text == "Glossaire") }
        if !data.isEmpty { #expect(glossary, "the fixture has terms: its export has a glossary") }
        #expect(contents.filter { $0.first?.isNumber == true }.count == (glossary ? 8 : 7))
        #expect(
            contents.filter { $0.hasPrefix("   - [") }.count == doc.headings.filter { $0.level == 3 }.count - 1,
            "every record heading (not the references) is listed under its section")
    }

    @Test(arguments: ["en", "fr"]) func theDocumentReadsCleanlyAsCommonMark(lang: String) throws {
        let text = try CLI.run(["export", "--format", "markdown", "--lang", lang]).stdout
        let doc = Document(text)
        #expect(!text.contains("\n\n\n"), "no run of blank lines (before #### or elsewhere)")
        let arguments = try #require(doc.headings.firstIndex { $0.level == 2 && $0.slug.hasPrefix(lang == "en" ? "arguments" : "arguments") && $0.line > 10 })
        let accords = try #require(doc.headings.firstIndex { $0.level == 2 && $0.line > doc.headings[arguments].line })
        for heading in doc.headings[arguments..<accords] where heading.level == 3 {
            #expect(!heading.text.hasSuffix("."), "claim heading ends with a full stop: \(heading.text)")
        }
        // CommonMark links a URL only inside <…> or as a link destination
        for line in doc.lines {
            var rest = Substring(line)
            // a URL is a scheme and `://`, not the word "http" in a sentence
            while let r = rest.range(of: "https://") ?? rest.range(of: "http://") {
                let before = rest[..<r.lowerBound].last
                #expect(before == "(" || before == "<", "bare URL: \(line)")
                rest = rest[r.upperBound...]
            }
        }
        // the overview's numbered references sit under a heading
        let firstNote = try #require(
            doc.lines.firstIndex { $0.hasPrefix("1. [") && $0.contains("](#") && !$0.contains("](#présentation)") && !$0.contains("](#overview)") })
        let previous = doc.lines[..<firstNote].last { !$0.isEmpty }
        #expect(previous == (lang == "en" ? "### References" : "### Références"))
    }

    @Test func timelineMarkdownGivesSummariesAndSources() throws {
        let text = try CLI.run(["timeline", "--format", "markdown", "--data", CLI.fixtures + "/valid"]).stdout
        #expect(
            text.contains(
                "- **2024-03-22** — The court rejects the request (order)\n\n  No urgency.\n\n  Sources: [Conseil d’État](https://example.org/court)\n"),
            "\(text)")
    }
}
