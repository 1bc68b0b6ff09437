import Foundation
import Testing

/// The comparison of the accords in a real terminal: `4`, then `C`, side by side at 120 columns
/// and one dimension at a time at 80.
@Suite(.serialized, .enabled(if: Tmux.available), .e2eTimeLimit)
struct CompareE2ETests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DossierCoreTests/Fixtures/compare").path

    @Test func fourThenCShowsTheDimensionsSideBySide() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary + " --data " + Self.fixture, width: 120, height: 40)
        _ = try tmux.waitFor(text: "[2 Timeline]")
        try tmux.keys("4", "C")
        // the status bar is drawn after the box: the frame is whole once its hints are there
        let screen = try tmux.waitFor("comparison drawn") { $0.contains("The accords compared") && $0.contains("J/K dimension  j/k link  Enter follow") }
        for label in ["Legal instrument", "Adoption and", "US commitments", "Oversight", "Redress for EU"] {
            #expect(screen.contains(label), "\(label)")
        }
        let header = try #require(screen.split(separator: "\n").first { $0.contains("Accord One (2000–2015)") })
        #expect(header.contains("│ Accord Two (2016–2020)") && header.contains("│ Accord Three (2023–)"))
        // the last dimensions are further down: J brings them up, under the accords' names
        try tmux.keys("J", "J", "J", "J", "J", "J", "J", "J")
        let end = try tmux.waitFor("the last dimensions") { $0.contains("Ruling and") && $0.contains("Fake status three") }
        #expect(end.contains("Accord One (2000–2015)"), "the names stay at the top")
        try tmux.keys("q")
        _ = try tmux.waitFor("comparison closed") { !$0.contains("The accords compared") && $0.contains("[4 Accords]") }
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }

    @Test func at80ColumnsOneDimensionAtATime() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary + " --lang fr --data " + Self.fixture, width: 80, height: 24)
        _ = try tmux.waitFor(text: "[2 Chronologie]")
        try tmux.keys("4", "C")
        _ = try tmux.waitFor("first dimension") { $0.contains("Point 1 sur 9 — Instrument juridique et fondement") && $0.contains("→ Accord trois (2023–)") }
        try tmux.keys("J")
        _ = try tmux.waitFor(text: "Point 2 sur 9 — Adoption et période d’application")
        try tmux.keys("Escape", "q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }
}
