import Testing

@testable import DossierCore

/// The one "did you mean" ranking, used by `:goto` and the command line.
@Suite struct SuggestionsTests {
    @Test func prefixThenContainedThenNearestThenAlphabetical() {
        let ids = ["cnil", "cnll", "clever-cloud", "schrems-i", "schrems-ii", "ce-2024-03-22-ordonnance-492369"]
        #expect(Suggestions.nearest("cnl", among: ids) == ["cnll", "cnil"], "a prefix first, then one edit away")
        #expect(Suggestions.nearest("schrems", among: ids) == ["schrems-i", "schrems-ii"])
        #expect(Suggestions.nearest("492369", among: ids) == ["ce-2024-03-22-ordonnance-492369"], "contained")
        #expect(Suggestions.nearest("zzzzzz", among: ids).isEmpty, "nothing within a third of the typed length")
        #expect(Suggestions.nearest("SCHREMS-II", among: ids).first == "schrems-ii", "case ignored")
    }

    @Test func boundedDistanceIsTheDistanceWithinItsBound() {
        let words = ["", "a", "cnil", "cnll", "schrems", "shrems", "données", "donnees"].map { Array($0.utf8) }
        for a in words {
            for b in words {
                // the full distance, by the textbook recurrence
                var d = Array(0...b.count)
                for (i, x) in a.enumerated() {
                    var row = [i + 1] + Array(repeating: 0, count: b.count)
                    for (j, y) in b.enumerated() { row[j + 1] = min(d[j + 1] + 1, row[j] + 1, d[j] + (x == y ? 0 : 1)) }
                    d = row
                }
                let full = d[b.count]
                #expect(Suggestions.editDistance(a, b, bound: 2) == min(full, 3), "\(a) \(b)")
            }
        }
    }
}
