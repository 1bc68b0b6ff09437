import Foundation
import Testing

/// `dossier show` on a real terminal (tmux) wraps its text at the terminal's width.
@Suite(.serialized) struct ShowWidthE2ETests {
    @Test func showFollowsTheTerminalsWidth() throws {
        guard Tmux.available else { print("skipped: tmux is not installed (.ci/setup installs it)"); return }
        let tmux = Tmux()
        try tmux.start("\(Tmux.binary) show safe-harbor", width: 45, height: 250)
        let screen = try tmux.waitFor(text: "EXIT=0")
        // the summary is wrapped at a space within 45 columns, not cut mid-word by the terminal
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("The first EU–US arrangement:") })
        #expect(lines[start].count <= 45)
        let next = try #require(lines[start + 1].split(separator: " ").first)
        let sentence = "The first EU–US arrangement: the Commission found that US companies adhering"
        #expect(sentence.hasPrefix(lines[start] + " " + next), "wrapped at a space: \(lines[start]) / \(lines[start + 1])")
    }
}
