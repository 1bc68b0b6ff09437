import Foundation
import Testing

/// Issue 14 in a real terminal: pane keys that are never counts, `q` in an overlay, and a detail
/// scrolled with keys and with the wheel.
@Suite(.serialized, .enabled(if: Tmux.available), .e2eTimeLimit)
struct ReadingE2ETests {
    /// The detail box's top border (the one that carries "Detail").
    static func detailTop(_ screen: String) -> String {
        screen.split(separator: "\n").first { $0.contains("Detail") && ($0.contains("┌") || $0.contains("╔")) }.map(String.init) ?? ""
    }

    @Test func paneKeysAreNotCountsAndQClosesOverlaysFirst() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary, width: 80, height: 24)
        _ = try tmux.waitFor(text: "[2 Timeline]")
        try tmux.keys("4", "j")
        var screen = try tmux.waitFor(text: "Accords 2/")
        #expect(screen.contains("[4 Accords]"), "4 then j stays in Accords and moves one row")
        try tmux.keys("?")
        _ = try tmux.waitFor(text: "Help — ? or Esc closes")
        try tmux.keys("q")
        screen = try tmux.waitFor("help closed by q") { !$0.contains("Help — ? or Esc closes") && $0.contains("[4 Accords]") }
        #expect(!screen.contains("EXIT="), "q in an overlay does not quit")
        try tmux.keys("x")
        _ = try tmux.waitFor(text: "x: no action · ? for help")
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }

    @Test func theDetailScrollsWithKeysFromTheList() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary, width: 80, height: 24)
        let first = try tmux.waitFor(text: "[2 Timeline]")
        #expect(!Self.detailTop(first).contains("↑"))
        let status = try #require(first.split(separator: "\n").last { $0.contains(" Timeline ") }.map(String.init))
        let position = String(status.split(separator: "│")[0]).trimmingCharacters(in: .whitespaces)  // "Timeline 58/87"
        try tmux.keys("C-e")
        _ = try tmux.waitFor("↑ on the detail after Ctrl-E") { Self.detailTop($0).contains("↑") }
        try tmux.keys("C-y")
        _ = try tmux.waitFor("back at the top after Ctrl-Y") { !Self.detailTop($0).contains("↑") && $0.contains("Detail") }
        for _ in 0..<6 { try tmux.keys("Space") }
        let screen = try tmux.waitFor("the detail paged to its sources") { $0.contains("Sources") && Self.detailTop($0).contains("↑") }
        #expect(screen.contains(position), "the list stays where it was (\(position))")
        try tmux.keys("b")
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }

    @Test func theWheelScrollsWhatIsUnderThePointer() throws {
        func wheelDown(column: Int, row: Int) -> String {
            "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + 65))) + String(UnicodeScalar(UInt8(33 + column))) + String(UnicodeScalar(UInt8(33 + row)))
        }
        let tmux = Tmux()
        try tmux.start(Tmux.binary + " --mouse", width: 80, height: 24)
        var screen = try tmux.waitFor(text: "[2 Timeline]")
        let position = try #require(screen.split(separator: "\n").last { $0.contains(" Timeline ") }.map(String.init))
        // the detail is below the list at 80 columns: row 20 is inside it
        try tmux.literal(wheelDown(column: 10, row: 20))
        screen = try tmux.waitFor("↑ on the detail after the wheel") { Self.detailTop($0).contains("↑") }
        let before = String(position.split(separator: "│")[0]).trimmingCharacters(in: .whitespaces)
        #expect(screen.contains(before), "the list did not move (\(before))")
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }

    @Test func theCaseMapAndTheSourceView() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary, width: 160, height: 50)
        _ = try tmux.waitFor(text: "[2 Timeline]")
        // the focal order: its case map, side by side at 160 columns
        try tmux.keys("c")
        // the title is drawn before the rest of the frame reaches the pane: wait for the last line
        var screen = try tmux.waitFor("case map drawn") { $0.contains("Case — 2024-03-22") && $0.contains("Jean-Yves Ollier (judge)") }
        #expect(screen.contains("Claim 1") && screen.contains("│ Defence") && screen.contains("│ Court"))
        try tmux.keys("q")
        _ = try tmux.waitFor("case map closed") { !$0.contains("Case — 2024-03-22") }
        // the order's last link is a source: its view, with the whole address
        try tmux.keys("Enter", "End", "Enter")
        // the view is there, with the whole address (waitFor fails the test on its timeout)
        screen = try tmux.waitFor("source view drawn") { $0.contains("Source — j/k cited by") && $0.contains("URL: https://") }
        try tmux.keys("Escape")
        _ = try tmux.waitFor("source view closed") { !$0.contains("Source — j/k cited by") }
        try tmux.keys("Escape", "q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }
}
