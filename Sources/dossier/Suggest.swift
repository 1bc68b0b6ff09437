import ArgumentParser
import DossierCore

/// "Did you mean …?" for an id or value that does not exist, in the command line's messages: the
/// ranking is the core's (`Suggestions`), the one `:goto` uses.
enum Suggest {
    static func nearest(_ typed: String, among candidates: [String], limit: Int = 3) -> [String] {
        Suggestions.nearest(typed, among: candidates, limit: limit)
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

}
