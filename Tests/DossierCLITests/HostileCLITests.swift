import Foundation
import Testing

/// The real binary on the hostile dossier (Fixtures/hostile: OSC 52, ESC[2J, CSI, OSC, C1, BEL,
/// BS, CR, DEL, NUL and bidi controls in every text): nothing it prints, in any format, on standard
/// output or standard error, holds a control character other than a line feed.
@Suite(.serialized) struct HostileCLITests {
    let hostile = ["--data", CLI.fixtures + "/hostile"]

    static func controls(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            guard scalar != "\n" else { return false }
            let v = scalar.value
            return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                || v == 0x200E || v == 0x200F || v == 0x061C
        }
    }

    @Test(arguments: ["text", "markdown", "json"])
    func everyCommandPrintsInertText(format: String) throws {
        let commands: [[String]] = [
            [], ["timeline"], ["parties"], ["arguments"], ["accords"], ["export"], ["search", "ruling"],
            ["show", "ev-ruling"], ["show", "claimant"], ["show", "src-court"], ["show", "test-accord"],
        ]
        for command in commands {
            for lang in ["en", "fr"] {
                let result = try CLI.run(command + ["--format", format, "--lang", lang] + hostile)
                #expect(result.status == 0, "\(command): \(result.stderr)")
                #expect(Self.controls(result.stdout).isEmpty, "\(command) \(format) \(lang): \(result.stdout.debugDescription)")
                #expect(Self.controls(result.stderr).isEmpty)
                if format == "json" { _ = try result.json() }
            }
        }
        let export = try CLI.run(["export", "--format", format] + hostile).stdout
        #expect(export.contains("]52;c;ZXZpbA=="), "the payload is shown as text")
    }

    /// JSON keeps the data as loaded (already neutralised) and escapes anything a consumer could
    /// print raw; parsed back, it is exactly the data.
    @Test func jsonRoundTripsTheNeutralisedText() throws {
        let result = try CLI.run(["show", "ev-ruling", "--format", "json"] + hostile)
        let record = try #require(try result.json() as? [String: Any])
        let title = try #require(record["title"] as? String)
        #expect(title == "Ruling \u{FFFD}]52;c;ZXZpbA==\u{FFFD} \u{FFFD}[2J cleared")
        let summary = try #require(record["summary"] as? String)
        #expect(summary == "Line one\nline two\nline three \u{FFFD}[?1049l leaves the alternate screen.")
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\r"))
    }

    /// File names and keys from a hostile folder appear in error messages: they are neutralised too.
    @Test func errorMessagesAboutAHostileFolderAreInert() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = "evil\u{1B}]0;PWNED\u{7}\u{1B}[2J.yaml"
        try Data("\"k\\e]52;c;ZXZpbA==\\a\": 1\n\"k\\e]52;c;ZXZpbA==\\a\": 2\n".utf8).write(to: dir.appendingPathComponent(name))
        for command in [["validate", dir.path], ["timeline", "--data", dir.path], ["validate", "--format", "json", dir.path]] {
            let result = try CLI.run(command)
            #expect(result.status == 1)
            #expect(Self.controls(result.stderr).isEmpty, "\(result.stderr.debugDescription)")
            #expect(Self.controls(result.stdout).isEmpty, "\(result.stdout.debugDescription)")
            #expect((result.stderr + result.stdout).contains("appears twice"))
        }
    }
}
