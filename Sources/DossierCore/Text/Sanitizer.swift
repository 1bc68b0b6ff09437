/// Keeps data text from ever reaching a terminal as a command. Control characters (C0 except line
/// feed, DEL, C1), bidirectional overrides and isolates, and other invisible format characters that
/// can disguise text are replaced by U+FFFD so the reader sees that something was there.
public enum Sanitizer {
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F: return true  // C0 (not tab, LF), DEL, C1
        case 0x202A...0x202E, 0x2066...0x2069: return true  // bidi embeddings, overrides, isolates
        case 0x200E, 0x200F, 0x061C: return true  // bidi marks
        case 0x2028, 0x2029: return true  // line and paragraph separators (no agreed width)
        case 0xFFF9...0xFFFB: return true  // interlinear annotation controls
        // invisible characters that hide or smuggle text: zero-width space, word joiner and
        // invisible operators, the Mongolian vowel separator, zero-width no-break space (BOM),
        // tag characters (ZWJ and ZWNJ stay: emoji sequences and Persian or Indic spelling need them)
        case 0x200B, 0x2060...0x2064, 0x180E, 0xFEFF: return true
        case 0xE0000...0xE007F: return true
        default: return false
        }
    }

    /// A fast scan of the UTF-8 bytes: false when the text certainly holds nothing to clean.
    /// Typographic text is full of multi-byte characters (’ « » — and no-break spaces), so the
    /// scan decodes only the byte sequences of the unsafe characters themselves.
    static func mayNeedCleaning(_ text: String, multiline: Bool) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            let count = bytes.count
            var i = 0
            while i < count {
                // most text is printable ASCII: eight bytes at a time
                if i + 8 <= count, PrintableASCII.harmless(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let byte = bytes[i]
                switch byte {
                case 0x0A: if !multiline { return true }
                case 0x00...0x1F, 0x7F: return true
                case 0xC2: if i + 1 < count, bytes[i + 1] <= 0x9F { return true }  // C1 controls
                case 0xD8: if i + 1 < count, bytes[i + 1] == 0x9C { return true }  // U+061C
                case 0xE2:  // U+200B, 200E/F, 2028–9, 202A–E, 2060–4, 2066–9
                    if i + 2 < count {
                        let b1 = bytes[i + 1], b2 = bytes[i + 2]
                        if b1 == 0x80 && (b2 == 0x8B || b2 == 0x8E || b2 == 0x8F || (0xA8...0xAE).contains(b2)) { return true }
                        if b1 == 0x81 && ((0xA0...0xA4).contains(b2) || (0xA6...0xA9).contains(b2)) { return true }
                    }
                case 0xE1: if i + 2 < count, bytes[i + 1] == 0xA0, bytes[i + 2] == 0x8E { return true }  // U+180E
                case 0xEF:  // U+FFF9–B, U+FEFF
                    if i + 2 < count, bytes[i + 1] == 0xBF, (0xB9...0xBB).contains(bytes[i + 2]) { return true }
                    if i + 2 < count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return true }
                case 0xF3: if i + 1 < count, bytes[i + 1] == 0xA0 { return true }  // U+E0000–E0FFF (tags among them)
                default: break
                }
                i += 1
            }
            return false
        }
    }

    /// Cleans one text. With `multiline` false, line feeds become spaces too. Tabs become a space.
    ///
    /// A carriage return means a line break, as it does in YAML itself (which already turns the
    /// CR and CRLF line ends of a file into line feeds): CRLF or a lone CR written as `\r` in a
    /// quoted text becomes one line feed (a space in one-line fields), never a bare CR that would
    /// send the cursor back over the start of the line.
    public static func clean(_ text: String, multiline: Bool = true) -> String {
        guard mayNeedCleaning(text, multiline: multiline) else { return text }
        var result = String.UnicodeScalarView()
        var changed = false
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR {
                changed = true  // the LF of a CRLF: the CR already made the break
            } else if scalar == "\r" {
                result.append(multiline ? "\n" : " ")
                changed = true
            } else if scalar == "\t" || (!multiline && scalar == "\n") {
                result.append(" ")
                changed = true
            } else if isUnsafe(scalar) {
                result.append(replacement)
                changed = true
            } else {
                result.append(scalar)
            }
        }
        return changed ? String(result) : text
    }
}

extension Sanitizer {
    /// C0 and C1 controls and DEL: never a printable key or cell.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

/// Eight bytes at once: are they all printable ASCII (0x20–0x7E)?
enum PrintableASCII {
    @inline(__always)
    static func word(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        let below = (word &- ones &* 0x20) & ~word & high  // a byte under 0x20
        let flipped = word ^ (ones &* 0x7F)
        let del = (flipped &- ones) & ~flipped & high  // a byte equal to 0x7F
        return (word & high) | below | del == 0
    }

    /// Whether eight bytes of valid UTF-8 hold nothing `Sanitizer` looks for: no control byte, no
    /// DEL, and none of the lead bytes of the unsafe characters (C2 for C1 controls, D8, E1, E2, EF, F3).
    /// Accented letters (C3 …) and continuation bytes pass, so French text is skipped a word at a
    /// time too; a lead byte in the word before is looked at with the bytes after it.
    @inline(__always)
    static func harmless(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func has(_ byte: UInt64) -> UInt64 {
            let flipped = word ^ (ones &* byte)
            return (flipped &- ones) & ~flipped & high
        }
        let below = (word &- ones &* 0x20) & ~word & high
        return below | has(0x7F) | has(0xC2) | has(0xD8) | has(0xE1) | has(0xE2) | has(0xEF) | has(0xF3) == 0
    }
}
