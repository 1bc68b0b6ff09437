import DossierCore
import Foundation
import Testing

/// The Sources pane in a real terminal: `5`, `j`, `Enter` shows the second source by date with
/// its whole address, wrapped in the detail, never cut; its citing records are links that lead
/// away and back.
@Suite(.serialized, .enabled(if: Tmux.available), .e2eTimeLimit)
struct SourcesPaneE2ETests {
    /// The bundled dossier as the binary embeds it (the top-level Resources/ folder).
    static func bundled() throws -> DossierStore {
        let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources")
        return DossierStore(try DossierLoader.load(directory: resources.path))
    }

    /// The detail box's lines joined: the part of each row between its last two box borders, with
    /// the padding and a field's hanging indent dropped, so that an address wrapped over lines
    /// reads whole again.
    static func detailText(_ screen: String) -> String {
        screen.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(omittingEmptySubsequences: false) { $0 == "│" || $0 == "║" }
            guard parts.count >= 4 else { return nil }
            var text = String(parts[parts.count - 2])
            while text.last == " " { text.removeLast() }
            while text.first == " " { text.removeFirst() }
            return text
        }.joined()
    }

    @Test func fiveJEnterShowsTheSourceWithItsWholeAddress() throws {
        let store = try Self.bundled()
        let byDate = store.sourceIndices(sortedBy: .date)
        let first = store.sources[byDate[0]], second = store.sources[byDate[1]]
        let tmux = Tmux()
        try tmux.start(Tmux.binary, width: 120, height: 40)
        _ = try tmux.waitFor(text: "[2 Timeline]")
        try tmux.keys("5", "j")
        _ = try tmux.waitFor(text: "Sources 2/\(store.sources.count)")
        try tmux.keys("Enter")
        var screen = try tmux.waitFor("the second source's detail, its links chosen") {
            $0.contains("[5 Sources]") && Self.detailText($0).contains("URL: " + second.url) && $0.contains("╔═ Detail")
        }
        #expect(Self.detailText(screen).contains(second.publisher))
        // its first citing record, and back
        try tmux.keys("Enter")
        _ = try tmux.waitFor("the citing record in its pane") { !$0.contains("[5 Sources]") && $0.contains("[") }
        try tmux.keys("BSpace")
        _ = try tmux.waitFor("back on the source") { $0.contains("[5 Sources]") && $0.contains("Sources 2/\(store.sources.count)") }
        // the first source by date: its address is longer than the detail is wide, and still whole
        try tmux.keys("k")
        screen = try tmux.waitFor("the first source's whole address") { Self.detailText($0).contains(first.url) }
        #expect(first.url.count > 64, "an address that has to wrap at 120 columns (\(first.url))")
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }
}
