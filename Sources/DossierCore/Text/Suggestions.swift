/// "Did you mean …?": the known names (ids, values) nearest to one that was mistyped, for the
/// explorer's `:goto` and the command line alike. Nearest first: a name that begins with what was
/// typed, then one that contains it, then by edit distance, ties in alphabetical order; nothing
/// further than about a third of what was typed.
public enum Suggestions {
    public static func nearest(_ typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        let lower = typed.lowercased()
        let wanted = Array(lower.utf8)
        let bound = max(2, wanted.count / 3)
        var ranked: [(distance: Int, name: String)] = []
        for candidate in candidates {
            let name = candidate.lowercased()
            if !lower.isEmpty && name.hasPrefix(lower) {
                ranked.append((0, candidate))
                continue
            }
            let contains = !lower.isEmpty && name.contains(lower)
            let distance = editDistance(wanted, Array(name.utf8), bound: bound)
            if contains || distance <= bound { ranked.append((contains ? min(distance, bound) : distance, candidate)) }
        }
        return ranked.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(limit).map(\.name)
    }

    /// Levenshtein distance over bytes, giving up (bound + 1) once every path costs more than
    /// `bound`: at 100,000 records most candidates are dismissed after a few rows.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int {
        if abs(a.count - b.count) > bound { return bound + 1 }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            if current.min()! > bound { return bound + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
