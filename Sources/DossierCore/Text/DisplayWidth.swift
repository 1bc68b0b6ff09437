/// Terminal display width, measured the way glibc's `wcwidth` (and so ncurses and tmux) measures it,
/// but in pure Swift so it works in any locale and in tests: combining marks and format characters
/// take no cell, East Asian wide and fullwidth characters and most emoji take two, the rest one.
/// Never `String.count`: « é » is one cell, « 法 » two, a combining accent none.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF { return 0 }
        if v >= 0xFE00 && v <= 0xFE0F { return 0 }  // variation selectors
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v >= 0x1160 && v <= 0x11FF { return 0 }  // Hangul medial vowels, final consonants
        return isWide(v) ? 2 : 1
    }

    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // ASCII, the usual case, byte by byte: a control takes no cell, the rest one each
        var ascii = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return ofScalars(text) }
            if byte >= 0x20 && byte != 0x7F { ascii += 1 }
        }
        return ascii
    }

    private static func ofScalars<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
            0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
            0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
            0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
            0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F260...0x1F265,
            0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
            0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E,
            0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
            0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC,
            0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
            0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
            0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// Width-aware layout of text: truncation, padding and word wrap.
public enum TextLayout {
    /// Cuts `text` to at most `width` cells, ending with `…` when something was cut.
    /// Never splits a grapheme; a wide character that would straddle the edge is dropped.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let budget = max(0, width - ellipsisWidth)
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// Pads (or truncates) `text` to exactly `width` cells.
    public static func pad(_ text: String, to width: Int) -> String {
        let fitted = truncate(text, to: width)
        let w = DisplayWidth.of(fitted)
        return w < width ? fitted + String(repeating: " ", count: width - w) : fitted
    }

    /// Word-wraps `text` to lines of at most `width` cells. Lines break only at ordinary spaces
    /// (U+0020) and at line feeds, so French no-break spaces (before « : ; ! ? » and inside
    /// guillemets) keep their words together. A word wider than a line is cut between graphemes.
    /// With `breakingWords` false a word longer than the line (a URL) stays whole on its own line.
    public static func wrap(_ text: String, width: Int, breakingWords: Bool = true) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for piece in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var wordWidth = DisplayWidth.of(piece)
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line.append(" ")
                    line.append(contentsOf: piece)
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                // cut from the front of the word without copying or measuring the rest again:
                // linear in the word's length (a 1 MiB word once took 40 s)
                var rest = piece
                var cut = false
                while breakingWords && wordWidth > width && !rest.isEmpty {
                    var head = ""
                    var headWidth = 0
                    while let first = rest.first, headWidth + DisplayWidth.of(first) <= width {
                        head.append(first)
                        headWidth += DisplayWidth.of(first)
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty {  // a character wider than the whole line: skip it
                        wordWidth -= rest.first.map { DisplayWidth.of($0) } ?? 0
                        rest = rest.dropFirst()
                    } else {
                        lines.append(head)
                        wordWidth -= headWidth
                    }
                    cut = true
                }
                line = String(rest)
                lineWidth = cut ? DisplayWidth.of(rest) : wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
