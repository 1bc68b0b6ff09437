import Testing

@testable import DossierCore

/// Byte-level shortcuts of the loader, each checked against the plain way of doing the same thing.
@Suite struct FastPathTests {
    /// How dates were read before the byte-wise reader: split at dashes, then count and convert.
    static func referenceDate(_ text: String) -> DossierDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let year = Int(parts[0])
        else { return nil }
        return DossierDate(year: year, month: parts.count > 1 ? Int(parts[1]) : nil, day: parts.count > 2 ? Int(parts[2]) : nil)
    }

    @Test func datesAreReadAsSplittingThemWould() {
        var texts = [
            "2020", "2020-07", "2020-07-16", "2024-02-29", "2023-02-29", "0000", "9999-12-31", "2020-00", "2020-13",
            "2020-01-00", "2020-01-32", "202", "20200", "2020-7", "2020-07-1", "2020--07", "2020-07-", "-2020",
            "2020/07/16", "２０２０", "2020-0a", "", "2020-07-16-01", "12345678901", "2020-07-16 ",
        ]
        var random = SplitMix64(seed: 3)
        let alphabet = Array("0123456789-- a".utf8)
        for _ in 0..<20_000 {
            let length = Int(random.next() % 12)
            texts.append(String(decoding: (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }, as: UTF8.self))
        }
        for text in texts {
            #expect(DossierDate(text) == Self.referenceDate(text), "\(text)")
        }
    }

    /// `harmless` may skip eight bytes only when none of them is one `Sanitizer` looks at.
    @Test func harmlessWordsHoldNoByteTheSanitizerLooksAt() {
        func looked(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F || [0xC2, 0xD8, 0xE1, 0xE2, 0xEF, 0xF3].contains(byte) }
        var random = SplitMix64(seed: 11)
        let interesting: [UInt8] = [
            0x00, 0x0A, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xC3, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF, 0xF0, 0xF3, 0xFF,
        ]
        for round in 0..<200_000 {
            var word: UInt64 = 0
            for k in 0..<8 {
                let byte = round % 2 == 0 ? interesting[Int(random.next() % UInt64(interesting.count))] : UInt8(truncatingIfNeeded: random.next())
                word |= UInt64(byte) << (8 * UInt64(k))
            }
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
            #expect(PrintableASCII.harmless(word) == !bytes.contains(where: looked), "\(bytes)")
        }
        // French typography is skipped a word at a time: « é » are C2 AB / C3 A9 / C2 BB, so only
        // the words holding C2 are looked at byte by byte
        #expect(PrintableASCII.harmless(UInt64(littleEndianBytes: Array("état élu".utf8))))
    }

    @Test func cleaningStillFindsWhatItLooksFor() {
        for unsafe in ["\u{1B}", "\u{7F}", "\u{85}", "\u{200E}", "\u{202E}", "\u{2066}", "\u{2028}", "\u{061C}", "\u{FFF9}"] {
            for offset in 0..<9 {
                let text = String(repeating: "é", count: offset) + unsafe + "Conseil d’État « x »"
                #expect(Sanitizer.clean(text) != text, "\(offset) \(unsafe.unicodeScalars.first!.value)")
            }
        }
        let typographic = "Le Conseil d’État « rejette » la requête\u{00A0}: fin — 2024."
        #expect(Sanitizer.clean(typographic) == typographic)
    }
}

extension UInt64 {
    init(littleEndianBytes bytes: [UInt8]) {
        self = 0
        for (k, byte) in bytes.prefix(8).enumerated() { self |= UInt64(byte) << (8 * UInt64(k)) }
    }
}

extension FastPathTests {
    /// The byte pre-check never hides a link that cutting the text into segments finds.
    @Test func thePreCheckForLinksAgreesWithTheSegments() {
        let texts = [
            "", "[", "[[", "a[[b]]", "[[ev-1]]", "x [ [y]] [[z|mots]] fin", "[x][y]", "é[[ev-1|É]]", "fin [", "[[",
            "[\u{301}[ev]]", "]] [[", "ab[", "[a[[b]]",
        ]
        for text in texts {
            let found = OverviewLinks.segments(in: text).contains { if case .link = $0 { return true } else { return false } }
            if found { #expect(OverviewLinks.mayHoldLinks(text), "\(text)") }
            #expect(
                OverviewLinks.ids(in: text) == OverviewLinks.segments(in: text).compactMap { if case .link(let id, _) = $0 { return id } else { return nil } },
                "\(text)")
        }
        #expect(!OverviewLinks.mayHoldLinks("Le Conseil d’État [note] rejette."))
    }
}
