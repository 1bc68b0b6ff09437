import Foundation
import Testing

/// `dossier accords --compare` in each format, and the comparison section of the Markdown export.
@Suite(.serialized) struct CompareCommandTests {
    let compare = ["--data", CLI.fixtures + "/compare"]

    @Test func textIsSideBySideFrom120ColumnsAndOneDimensionAfterAnotherBelow() throws {
        let wide = try CLI.run(["accords", "--compare", "--width", "120"] + compare)
        #expect(wide.status == 0, "\(wide.stderr)")
        let lines = wide.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let header = try #require(lines.first { $0.contains("Accord One (2000–2015)") })
        #expect(header.contains("| Accord Two (2016–2020)") && header.contains("| Accord Three (2023–)"), "one line: \(header)")
        #expect(lines.contains { $0.hasPrefix("Legal instrument  |") })
        #expect(lines.allSatisfy { $0.count <= 120 }, "nothing wider than --width")
        #expect(wide.stdout.contains("[not established] Not known:"), "the unknown is said in words")
        #expect(wide.stdout.contains("See: plaintiff"))
        // below 120 columns (and when not on a terminal), one dimension after another
        for arguments in [["--width", "80"], []] {
            let narrow = try CLI.run(["accords", "--compare"] + arguments + compare)
            #expect(narrow.status == 0)
            #expect(
                narrow.stdout.hasPrefix(
                    "Comparison of the accords\n=========================\n\nLegal instrument and basis\n--------------------------\nAccord One (2000–2015)\n  Fake instrument one,"
                ),
                "\(narrow.stdout.prefix(300))")
            #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        }
        let french = try CLI.run(["accords", "--compare", "--lang", "fr"] + compare)
        #expect(french.stdout.contains("Engagements américains\n"))
        #expect(french.stdout.contains("  Sources\u{00A0}: src-alpha"))
        #expect(french.stdout.contains("[non établi] Inconnu"))
    }

    @Test func jsonGivesDimensionsThenAccordsWithTextUnknownAndSources() throws {
        let result = try CLI.run(["accords", "--compare", "--format", "json"] + compare)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try result.json() as? [String: Any])
        let accords = try #require(json["accords"] as? [[String: Any]])
        #expect(accords.map { $0["id"] as? String } == ["accord-one", "accord-two", "accord-three"])
        let dimensions = try #require(json["dimensions"] as? [[String: Any]])
        #expect(
            dimensions.map { $0["dimension"] as? String } == [
                "instrument", "period", "us_commitments", "oversight", "redress",
                "bulk_collection", "challenge", "ruling", "status",
            ])
        let ruling = try #require(dimensions[7]["accords"] as? [[String: Any]])
        #expect(ruling.map { $0["accord"] as? String } == ["accord-one", "accord-two", "accord-three"])
        #expect(ruling[0]["text"] as? String == "Struck down by the first ruling.")
        #expect(ruling[0]["links"] as? [String] == ["ev-first-ruling"])
        #expect(ruling[2]["unknown"] as? Bool == true)
        let sources = try #require(ruling[0]["sources"] as? [[String: Any]])
        #expect(sources.map { $0["id"] as? String } == ["src-beta", "src-alpha"])
        #expect(sources.first?["url"] as? String == "https://example.org/beta")
    }

    @Test func markdownIsOneTableRowPerDimensionWithPipesEscaped() throws {
        let result = try CLI.run(["accords", "--compare", "--format", "markdown"] + compare)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "# Comparison of the accords")
        #expect(lines.contains("| Dimension | Accord One (2000–2015) | Accord Two (2016–2020) | Accord Three (2023–) |"))
        #expect(lines.contains("|---|---|---|---|"))
        let rows = lines.filter { $0.hasPrefix("| **") }
        #expect(rows.count == 9)
        for row in rows {
            // four cells: the separators are the unescaped pipes
            var unescaped = 0, previous: Character = " "
            for c in row { if c == "|" && previous != "\\" { unescaped += 1 }; previous = c }
            #expect(unescaped == 5, "\(row)")
        }
        #expect(result.stdout.contains("none \\| nothing at all"))
        #expect(result.stdout.contains("*\\[not established\\]* Not known"))
        #expect(result.stdout.contains("[Alpha Gazette, 2001-01-01](https://example.org/alpha)"))
    }

    @Test func otherFormatsAndAStrayWidthAreRefusedWith64() throws {
        let timelinejs = try CLI.run(["accords", "--compare", "--format", "timelinejs"] + compare)
        #expect(timelinejs.status == 64)
        #expect(timelinejs.stderr.contains("it gives text, json or markdown"))
        let width = try CLI.run(["accords", "--width", "120"] + compare)
        #expect(width.status == 64)
        #expect(width.stderr.contains("--width goes with --compare"))
        #expect(try CLI.run(["accords", "--compare", "--width", "10"] + compare).status == 64)
    }

    @Test(arguments: ["en", "fr"]) func theMarkdownExportsComparisonLinksLandOnTheirHeadings(lang: String) throws {
        let result = try CLI.run(["export", "--format", "markdown", "--lang", lang] + compare)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = MarkdownConsumerTests.Document(result.stdout)
        let title = lang == "en" ? "Comparison of the accords" : "Comparaison des accords"
        let heading = try #require(doc.headings.first { $0.text == title && $0.level == 2 })
        #expect(doc.lines.contains("6. [\(title)](#\(heading.slug))"), "the contents list links to it, after the accords")
        let table = doc.lines[heading.line...].filter { $0.hasPrefix("| **") }
        #expect(table.count == 9)
        let ids = doc.headings.map(\.slug) + doc.htmlIDs
        let inTable = doc.links.filter { $0.line > heading.line && doc.lines[$0.line].hasPrefix("|") }
        #expect(inTable.count > 9 * 3, "accords, linked records and sources are links")
        for link in inTable {
            #expect(ids.contains(link.target), "\(lang): [\(link.text)](#\(link.target)) resolves to nothing")
            if let target = doc.headings.first(where: { $0.slug == link.target }) {
                let text = MarkdownConsumerTests.unescaped(link.text), name = MarkdownConsumerTests.unescaped(target.text)
                #expect(text == name || text.hasSuffix("  " + name), "\(lang): [\(link.text)] lands on '\(target.text)'")
            }
        }
        #expect(inTable.contains { $0.target == "src-alpha" }, "sources link to the bibliography")
    }
}
