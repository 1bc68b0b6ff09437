import ArgumentParser
import DossierCore

/// Shell completion of record ids. The shell runs `dossier` to ask; it reads the dossier named by
/// `--data` on the command line being completed, or the bundled one (its compact form, which
/// decodes in milliseconds), and offers the ids that start with what is typed.
enum IDCompletion {
    enum Records: Sendable { case all, parties, explorable }

    static func ids(_ records: Records) -> CompletionKind {
        .custom { words, _, prefix in candidates(records, words: words, prefix: prefix) }
    }

    static func candidates(_ records: Records, words: [String], prefix: String) -> [String] {
        var data: String?
        for (n, word) in words.enumerated() {
            if word == "--data", n + 1 < words.count { data = words[n + 1] }
            if word.hasPrefix("--data=") { data = String(word.dropFirst(7)) }
        }
        guard let dossier = try? DossierSource.load(data: data) else { return [] }
        var ids = dossier.parties.map(\.id)
        if records != .parties {
            ids += dossier.events.map(\.id) + dossier.arguments.map(\.id) + dossier.accords.map(\.id) + dossier.terms.map(\.id)
        }
        if records == .all { ids += dossier.sources.map(\.id) }
        return ids.filter { $0.hasPrefix(prefix) }
    }
}
