import DossierCore
import Testing

/// One unbroken word of 1 MiB (within the documented limits) froze the explorer, `tour` and the
/// exports for 30–40 s: every line cut from it copied and measured the whole rest again.
@Suite struct LongWordTests {
    @Test func aOneMebibyteWordWrapsInLinearTime() {
        let word = String(repeating: "é", count: 1 << 20)
        let start = ContinuousClock.now
        let lines = TextLayout.wrap("start " + word + " end", width: 80)
        let elapsed = ContinuousClock.now - start
        // linear work is well under a second even in a debug build on a loaded machine; the old
        // quadratic cut took minutes here
        print("wrapping a 1 MiB word: \(elapsed)")
        #expect(elapsed < .seconds(10), "\(elapsed)")
        // "start", then 13,107 full lines, then the last 16 characters with " end"
        #expect(lines.count == 1 + (1 << 20) / 80 + 1)
        #expect(lines.first == "start" && lines.last == String(repeating: "é", count: 16) + " end")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.utf8.count == 160 })
    }

    @Test func wideCharactersAndOnesWiderThanTheLineStillWrap() {
        #expect(TextLayout.wrap("漢字漢字漢字", width: 4) == ["漢字", "漢字", "漢字"])
        #expect(TextLayout.wrap("漢字漢", width: 1) == [""])
        #expect(TextLayout.wrap("ab 漢字漢字x y", width: 5) == ["ab", "漢字", "漢字x", "y"])
    }
}
