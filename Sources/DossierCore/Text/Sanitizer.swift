/// Keeps data text from ever reaching a terminal as a command. Control characters (C0 except line
/// feed, DEL, C1), bidirectional overrides and isolates, and other invisible format characters that
/// can disguise text are replaced by U+FFFD so the reader sees that something was there.
public enum Sanitizer {
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F: return true      // C0 (not tab, LF), DEL, C1
        case 0x202A...0x202E, 0x2066...0x2069: return true           // bidi embeddings, overrides, isolates
        case 0x200E, 0x200F, 0x061C: return true                     // bidi marks
        case 0xFFF9...0xFFFB: return true                            // interlinear annotation controls
        default: return false
        }
    }

    /// Cleans one text. With `multiline` false, line feeds become spaces too. Tabs become a space.
    public static func clean(_ text: String, multiline: Bool = true) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isUnsafe(scalar) || scalar == "\t" || (!multiline && scalar == "\n") {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || (!multiline && scalar == "\n") {
                result.append(" ")
            } else if isUnsafe(scalar) {
                result.append(replacement)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
