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
}
