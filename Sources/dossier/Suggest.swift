import ArgumentParser
import DossierCore

/// "Did you mean …?" for an id or value that does not exist: the known ones nearest to what was
/// typed (edit distance, a typed prefix counting as near), closest first.
enum Suggest {
    static func nearest(_ typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        let typed = typed.lowercased()
        let allowed = max(2, typed.count / 3)
        let scored = candidates.compactMap { candidate -> (Int, String)? in
            let lower = candidate.lowercased()
            if lower.hasPrefix(typed) && !typed.isEmpty { return (0, candidate) }
            let d = distance(typed, lower)
            return d <= allowed ? (d, candidate) : nil
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
    }

    /// The message: `no party with id 'cnl' (see `dossier parties`); did you mean cnil?`
    static func message(_ base: String, _ typed: String, among candidates: [String]) -> String {
        let near = nearest(typed, among: candidates)
        return near.isEmpty ? base : base + "; did you mean \(near.joined(separator: ", "))?"
    }

    /// Reads a vocabulary value (`--kind`, `--track`, `--role`, `--side`); an unknown one is refused
    /// with the nearest values, then the full list.
    static func value<V: Vocabulary>(_ text: String) throws -> V {
        if let value = V(rawValue: text) { return value }
        let all = V.allCases.map(\.rawValue)
        var message = "'\(text)' is not one of \(V.allowedValues)"
        let near = nearest(text, among: all)
        if !near.isEmpty { message = "'\(text)' is unknown; did you mean \(near.joined(separator: ", "))? (one of \(V.allowedValues))" }
        throw ValidationError(message)
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
