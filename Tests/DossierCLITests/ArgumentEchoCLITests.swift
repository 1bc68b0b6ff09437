import Foundation
import Testing

/// Arguments come back in messages (an unknown id, a folder, a refused value): an escape
/// sequence in them (a clipboard write, a screen clear, a title) is shown as text, never sent.
@Suite(.serialized) struct ArgumentEchoCLITests {
    static let payload = "x\u{1B}]52;c;ZXZpbA==\u{7}\u{1B}[2J\u{1B}]0;PWNED\u{7}\u{9B}2J"

    @Test(arguments: [
        ["show", payload], ["timeline", "--party", payload], ["arguments", "--party", payload],
        ["browse", "--at", payload], ["case", payload], ["validate", "/tmp/" + payload],
        ["timeline", "--data", "/tmp/" + payload], ["--data", "/tmp/" + payload],
        ["timeline", "--lang", payload], ["timeline", "--format", payload], ["timeline", "--from", payload],
        ["timeline", "--kind", payload], ["no-such-command-" + payload],
    ])
    func anEscapeSequenceInAnArgumentIsNeverEchoedRaw(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0, "\(arguments)")
        #expect(!result.stderr.isEmpty, "a message says what is wrong")
        #expect(HostileCLITests.controls(result.stderr).isEmpty, "\(arguments): \(result.stderr.debugDescription)")
        #expect(HostileCLITests.controls(result.stdout).isEmpty, "\(arguments): \(result.stdout.debugDescription)")
    }
}
