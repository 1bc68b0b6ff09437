/// Generates a large, valid, made-up dossier for benchmarks: deterministic for a seed, with the
/// bundled dossier's proportions (parties ≈ N/10, arguments ≈ N/5, sources ≈ N/2), short and long
/// bilingual texts with French typography, and links between records. Returns YAML files.
public enum SyntheticDossier {
    public static func generate(events count: Int, seed: UInt64 = 1) -> [(name: String, text: String)] {
        var random = SplitMix64(seed: seed)
        let eventCount = max(1, count)
        let partyCount = max(5, eventCount / 10), argumentCount = max(2, eventCount / 5), sourceCount = max(3, eventCount / 2)
        var files: [(String, String)] = []
        let chunk = 5_000

        func quoted(_ text: String) -> String {
            "\"" + text.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"") + "\""
        }
        func text(_ words: Int, french: Bool) -> String {
            let vocabulary = french ? frenchWords : englishWords
            var out: [String] = []
            for i in 0..<words {
                var word = vocabulary[Int(random.next() % UInt64(vocabulary.count))]
                if i == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
                out.append(word)
            }
            return out.joined(separator: " ") + (french ? "\u{00A0}: fin." : ": end.")
        }
        func bilingual(_ words: Int) -> String {
            "{en: \(quoted(text(words, french: false))), fr: \(quoted(text(words, french: true)))}"
        }
        func length() -> Int { random.next() % 4 == 0 ? 40 + Int(random.next() % 60) : 6 + Int(random.next() % 12) }
        func date() -> String {
            let year = 1981 + Int(random.next() % 46), month = 1 + Int(random.next() % 12), day = 1 + Int(random.next() % 28)
            switch random.next() % 10 {
            case 0: return "\(year)"
            case 1, 2: return "\(year)-\(month < 10 ? "0" : "")\(month)"
            default: return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            }
        }
        func pick(_ prefix: String, _ n: Int) -> String { "\(prefix)-\(Int(random.next() % UInt64(n)))" }

        let comparison = AccordComparison.Dimension.allCases
            .map { "\($0.rawValue): {text: {en: \"Made up.\", fr: \"Inventé.\"}, sources: [src-0]}" }
            .joined(separator: ", ")
        files.append(
            (
                "dossier.yaml",
                """
                dossier:
                  title: {en: "Synthetic dossier of \(eventCount) events", fr: "Dossier synthétique de \(eventCount) événements"}
                  focus: ev-0
                  as_of: 2026-12-01
                  overview: {en: "Made-up data for benchmarks; see [[ev-0]].", fr: "Données inventées pour les mesures\u{00A0}; voir [[ev-0]]."}
                accords:
                  - {id: accord-a, name: {en: "Accord A", fr: "Accord A"}, instrument: "Decision A", adopted: 2000-07-26, in_force_from: 2000-07-26, in_force_to: 2015-10-06, summary: {en: "A.", fr: "A."}, mechanisms: [], status: {en: "Ended", fr: "Terminé"}, comparison: {\(comparison)}, sources: [src-0]}
                  - {id: accord-b, name: {en: "Accord B", fr: "Accord B"}, instrument: "Decision B", adopted: 2016-07-12, in_force_from: 2016-08-01, in_force_to: 2020-07-16, summary: {en: "B.", fr: "B."}, mechanisms: [], status: {en: "Ended", fr: "Terminé"}, comparison: {\(comparison)}, sources: [src-0]}
                  - {id: accord-c, name: {en: "Accord C", fr: "Accord C"}, instrument: "Decision C", adopted: 2023-07-10, in_force_from: 2023-07-10, summary: {en: "C.", fr: "C."}, mechanisms: [], status: {en: "In force", fr: "En vigueur"}, comparison: {\(comparison)}, sources: [src-0]}

                """
            ))
        var start = 0
        while start < sourceCount {
            var out = "sources:\n"
            for i in start..<min(sourceCount, start + chunk) {
                out +=
                    "  - {id: src-\(i), publisher: \(quoted(text(2, french: i % 2 == 0))), title: \(quoted(text(length(), french: i % 2 == 0))), date: \(date()), url: \"https://example.org/\(i)\", language: \(i % 2 == 0 ? "fr" : "en"), kind: press}\n"
            }
            files.append(("sources-\(start / chunk).yaml", out))
            start += chunk
        }
        start = 0
        while start < partyCount {
            var out = "parties:\n"
            for i in start..<min(partyCount, start + chunk) {
                out +=
                    "  - {id: party-\(i), name: \(quoted(text(2, french: false))), kind: company, roles: [claimant], country: FR, summary: \(bilingual(length())), sources: [\(pick("src", sourceCount))]}\n"
            }
            files.append(("parties-\(start / chunk).yaml", out))
            start += chunk
        }
        start = 0
        let kinds = ["ruling", "decision", "order", "law", "filing", "hearing", "statement", "report"]
        let tracks = ["accords", "health-data", "courts", "us-law", "cloud-policy"]
        while start < eventCount {
            var out = "events:\n"
            for i in start..<min(eventCount, start + chunk) {
                // party-\(i % partyCount) makes every party appear in some event
                let parties = Set([i % partyCount, Int(random.next() % UInt64(partyCount))]).sorted().map { "party-\($0)" }
                out +=
                    "  - {id: ev-\(i), date: \(date()), kind: \(kinds[i % kinds.count]), track: \(tracks[i % tracks.count]), title: \(bilingual(6 + Int(random.next() % 6))), summary: \(bilingual(length())), parties: [\(parties.joined(separator: ", "))], sources: [\(pick("src", sourceCount))]}\n"
            }
            files.append(("events-\(start / chunk).yaml", out))
            start += chunk
        }
        start = 0
        while start < argumentCount {
            var out = "arguments:\n"
            for i in start..<min(argumentCount, start + chunk) {
                let answers = i > 0 && random.next() % 2 == 0 ? "arg-\(Int(random.next() % UInt64(i)))" : ""
                out +=
                    "  - {id: arg-\(i), side: \(["claimants", "defence", "court"][i % 3]), by: [\(pick("party", partyCount))], case: \(pick("ev", eventCount)), claim: \(bilingual(length())), answers: [\(answers)], sources: [\(pick("src", sourceCount))]}\n"
            }
            files.append(("arguments-\(start / chunk).yaml", out))
            start += chunk
        }
        return files
    }

    static let englishWords = [
        "court", "data", "health", "cloud", "transfer", "ruling", "authority", "hosting", "warehouse",
        "surveillance", "adequacy", "claimant", "urgency", "pseudonymised", "framework", "review",
        "sovereign", "contract", "tender", "appeal", "decision", "research", "hospital", "risk",
    ]
    static let frenchWords = [
        "juge", "données", "santé", "hébergement", "référé", "délibération", "autorité", "entrepôt",
        "surveillance", "adéquation", "requérant", "urgence", "pseudonymisées", "cadre", "contrôle",
        "souverain", "contrat", "marché", "pourvoi", "décision", "recherche", "hôpital", "risque", "Conseil d’État",
    ]
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
