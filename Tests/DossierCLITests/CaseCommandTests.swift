import Foundation
import Testing

/// `dossier case ID`: the case map in text, JSON and Markdown (issue 14).
@Suite struct CaseCommandTests {
    @Test func printsEachClaimWithTheAnswersAndTheHolding() throws {
        let text = try CLI.run(["case", "ce-2024-03-22-ordonnance-492369"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("2024-03-22  Conseil d’État refuses to suspend the EMC2 authorisation"))
        #expect(text.stdout.contains("\nClaim 1 · Clever Cloud, Nexedi and 6 others (claimant)  [claimants-2024-us-access-risk]\n"))
        #expect(text.stdout.contains("  Defence · "), "the defence's answer to the claim")
        #expect(text.stdout.contains("  Court · Conseil d’État"), "the court's holding on it, with its roles")
        #expect(text.stdout.contains("Jean-Yves Ollier (judge)"))
        // from an argument of the case, the same map
        let fromArgument = try CLI.run(["case", "court-2024-03-22-no-urgency"])
        #expect(fromArgument.stdout == text.stdout)
    }

    @Test func jsonAndMarkdown() throws {
        let result = try CLI.run(["case", "ce-2024-03-22-ordonnance-492369", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try result.json() as? [String: Any])
        let head = try #require(object["case"] as? [String: Any])
        #expect(head["id"] as? String == "ce-2024-03-22-ordonnance-492369")
        let threads = try #require(object["threads"] as? [[String: Any]])
        let first = try #require(threads.first)
        let claim = try #require(first["claim"] as? [String: Any])
        #expect(claim["side"] as? String == "claimants")
        let holdings = try #require(first["holdings"] as? [[String: Any]])
        #expect(holdings.first?["id"] as? String == "court-2024-03-22-no-urgency")
        let by = try #require(holdings.first?["by"] as? [[String: Any]])
        #expect(by.contains { $0["party"] as? String == "jean-yves-ollier" && $0["role"] as? String == "judge" })
        let markdown = try CLI.run(["case", "ce-2024-03-22-ordonnance-492369", "--format", "markdown", "--lang", "fr"])
        #expect(markdown.stdout.hasPrefix("# 2024-03-22  Le Conseil d’État refuse"))
        #expect(markdown.stdout.contains("\n## Moyen 1\n"))
        #expect(markdown.stdout.contains("- **Juge** — Conseil d’État (juridiction); Jean-Yves Ollier (juge)"))
    }

    @Test func anIDThatIsNoCaseIsRefused() throws {
        let result = try CLI.run(["case", "cnil"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("'cnil' is not a case"))
    }
}
