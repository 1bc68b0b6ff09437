import DossierCore
import DossierUI
import Testing

/// Terminal replies are read from bytes anyone can type or paste: nothing in them may trap.
@Suite struct TerminalReplyTests {
    /// Twenty digits in a cursor position report overflowed an `Int` (a trap, SIGILL): a number
    /// past any screen's size is no report, and a real report after it is still found.
    @Test func hugeNumbersInACursorReportAreNoReport() {
        let digits = String(repeating: "9", count: 20)
        #expect(TerminalReplies.cursorColumn(in: Array("\u{1B}[1;\(digits)R".utf8)) == nil)
        #expect(TerminalReplies.cursorColumn(in: Array("\u{1B}[\(digits);2R".utf8)) == nil)
        #expect(TerminalReplies.cursorColumn(in: Array("\u{1B}[\(digits)\(digits)".utf8)) == nil)
        #expect(TerminalReplies.cursorColumn(in: Array("\u{1B}[1;\(digits)R\u{1B}[12;2R".utf8)) == 2)
        #expect(TerminalReplies.cursorColumn(in: Array("\u{1B}[99999;99999R".utf8)) == 99_999)
        #expect(TerminalReplies.cursorColumn(in: Array("\u{1B}[1;100000R".utf8)) == nil)
    }

    /// A fixed-seed fuzz run over every reply parser: random bytes mixed with reply fragments and
    /// long digit runs. Nothing traps, a sequence's length never passes what was given, and any
    /// cursor column found is within the bound.
    @Test func theReplyParsersSurviveRandomBytes() {
        var rng = SplitMix64(seed: 25)
        let fragments = [
            "\u{1B}[", "\u{1B}]11;rgb:", "\u{1B}[?", ";", "R", "c", "\u{7}", "\u{1B}\\", "/", "ffff",
            String(repeating: "9", count: 30),
        ].map { Array($0.utf8) }
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                if Bool.random(using: &rng) { bytes += fragments.randomElement(using: &rng)! } else { bytes.append(UInt8.random(in: 0...255, using: &rng)) }
            }
            if let column = TerminalReplies.cursorColumn(in: bytes) {
                #expect((0...TerminalReplies.largestReplyNumber).contains(column), "\(bytes)")
            }
            _ = TerminalReplies.background(inOSC11: bytes)
            let scalars = bytes.dropFirst().map { UInt32($0) }
            if case .sequence(let length) = TerminalReplies.scan(scalars) {
                #expect(length <= scalars.count, "\(scalars)")
            }
        }
    }
}
