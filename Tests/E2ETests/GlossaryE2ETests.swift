import Foundation
import Testing

/// The glossary in a real terminal (tmux), on the test fixture, whose terms the bundled dossier
/// may not have yet: `w` lists them, Enter opens one, its explanation shows, q closes.
@Suite(.serialized, .enabled(if: Tmux.available), .e2eTimeLimit)
struct GlossaryE2ETests {
    static let valid = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DossierCoreTests/Fixtures/valid").path

    @Test func wListsTermsAndEnterOpensOneWithItsExplanation() throws {
        let tmux = Tmux()
        try tmux.start(Tmux.binary + " --lang en --data " + Self.valid, width: 80, height: 24)
        _ = try tmux.waitFor(text: "[2 Timeline]")
        try tmux.keys("w")
        var screen = try tmux.waitFor(text: "Glossary — / narrows")
        #expect(screen.contains("interim order  A judge's quick, provisional decision."), "\(screen)")
        try tmux.keys("j", "Enter")
        screen = try tmux.waitFor(text: "The 22 March order is one; see also stay.")
        #expect(screen.contains("Glossary › interim order"))
        #expect(screen.contains("Used in"))
        try tmux.keys("q")
        screen = try tmux.waitFor("the glossary closed by q") { !$0.contains("Glossary") && $0.contains("[2 Timeline]") }
        #expect(!screen.contains("EXIT="), "q in the glossary does not quit")
        try tmux.keys("q")
        _ = try tmux.waitFor(text: "EXIT=0")
    }
}
