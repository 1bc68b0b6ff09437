import Foundation
import Testing

/// `dossier sources`: the bibliography in every format (issue 14, section 3).
@Suite struct SourcesCommandTests {
    @Test func listsEverySourceByDateWithWhoCitesIt() throws {
        let result = try CLI.run(["sources", "--format", "json"])
        #expect(result.status == 0)
        let sources = try #require(try result.json() as? [[String: Any]])
        #expect(sources.count > 50)
        let dates = sources.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted(), "by date")
        #expect(sources.allSatisfy { !(($0["cited_by"] as? [String]) ?? []).isEmpty })
        let order = try #require(sources.first { $0["id"] as? String == "src-ce-492369" })
        #expect((order["cited_by"] as? [String])?.contains("ce-2024-03-22-ordonnance-492369") == true)
    }

    @Test func sortsFiltersAndPrintsTextAndMarkdown() throws {
        let courts = try CLI.run(["sources", "--kind", "court", "--sort", "publisher", "--format", "json"])
        let list = try #require(try courts.json() as? [[String: Any]])
        #expect(!list.isEmpty && list.allSatisfy { $0["kind"] as? String == "court" })
        let text = try CLI.run(["sources", "--lang", "fr"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("\n  citée par\u{00A0}: "))
        let all = try #require(try CLI.run(["sources", "--format", "json"]).json() as? [[String: Any]])
        let lines = Set(text.stdout.split(separator: "\n").map(String.init))
        #expect(all.allSatisfy { lines.contains("  " + ($0["url"] as? String ?? "")) }, "each address on a line of its own, whole")
        let markdown = try CLI.run(["sources", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Sources\n\n- ["))
        let bad = try CLI.run(["sources", "--kind", "blog"])
        #expect(bad.status == 64)
    }
}
