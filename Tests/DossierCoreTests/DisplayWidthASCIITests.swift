import DossierCore
import Testing

/// A string's width is counted byte by byte while it is ASCII: the same as adding up its
/// scalars' widths, controls (no cell) included, and the same once a non-ASCII scalar comes.
@Suite struct DisplayWidthASCIITests {
    @Test func aStringIsAsWideAsItsScalars() {
        let pieces = ["a", " ", "~", "\u{0}", "\t", "\n", "\u{1B}", "\u{7F}", "é", "\u{301}", "法", "\u{85}", "📜", "\u{200B}"]
        var random = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int(random.next() % 16) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let scalars = text.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) }
            #expect(DisplayWidth.of(text) == scalars, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(DisplayWidth.of(text[...]) == scalars)
        }
        #expect(DisplayWidth.of("a\u{7F}b\u{1B}c") == 3)
    }
}
