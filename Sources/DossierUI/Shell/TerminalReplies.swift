/// What a terminal answers to queries (OSC 11 background colour, cursor position, device
/// attributes), parsed without a terminal so tests can feed it any bytes; and the rules that pick
/// a theme and a character set from the answers and the environment.
public enum TerminalReplies {
    // MARK: sequences

    /// How the characters after an ESC read: a terminal reply (or another control sequence no
    /// key produces) to drop whole, one still arriving, or not a sequence at all (ESC was a key).
    public enum Scan: Sendable, Equatable {
        case sequence(length: Int)
        case incomplete
        case notASequence
    }

    /// Scans `after`, the scalars that followed an ESC. CSI (`[`), OSC (`]`), DCS (`P`), APC
    /// (`_`), PM (`^`) and SOS (`X`) sequences are recognised; a CSI ends at its final byte
    /// (0x40–0x7E), the string sequences at BEL or ESC `\`.
    public static func scan(_ after: [UInt32]) -> Scan {
        guard let introducer = after.first else { return .notASequence }
        switch introducer {
        case 0x5B:  // [
            var i = 1
            while i < after.count {
                let c = after[i]
                if (0x40...0x7E).contains(c) { return .sequence(length: i + 1) }
                guard (0x20...0x3F).contains(c) else { return .sequence(length: i) }  // malformed: drop what came
                i += 1
            }
            return .incomplete
        case 0x5D, 0x50, 0x5F, 0x5E, 0x58:  // ] P _ ^ X
            var i = 1
            while i < after.count {
                if after[i] == 0x07 { return .sequence(length: i + 1) }
                if after[i] == 0x1B {
                    guard i + 1 < after.count else { return .incomplete }
                    return .sequence(length: after[i + 1] == 0x5C ? i + 2 : i + 1)
                }
                i += 1
            }
            return .incomplete
        default:
            return .notASequence
        }
    }

    // MARK: background colour

    /// The background colour in an OSC 11 answer (`ESC ] 11 ; rgb:RRRR/GGGG/BBBB` then BEL or
    /// ESC `\`; 1 to 4 hex digits a channel), found anywhere in `bytes`.
    public static func background(inOSC11 bytes: [UInt8]) -> Contrast.RGB? {
        let text = String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        guard let start = text.firstRange(of: "\u{1B}]11;") else { return nil }
        var rest = text[start.upperBound...]
        if rest.hasPrefix("rgba:") { rest = rest.dropFirst(5) } else if rest.hasPrefix("rgb:") { rest = rest.dropFirst(4) } else { return nil }
        let body = rest.prefix { $0 != "\u{07}" && $0 != "\u{1B}" }
        let channels = body.split(separator: "/", omittingEmptySubsequences: false).prefix(3)
        guard channels.count == 3 else { return nil }
        var values: [UInt8] = []
        for channel in channels {
            guard (1...4).contains(channel.count), let value = Int(channel, radix: 16) else { return nil }
            let maximum = (1 << (4 * channel.count)) - 1
            values.append(UInt8((value * 255 + maximum / 2) / maximum))
        }
        return Contrast.RGB(values[0], values[1], values[2])
    }

    /// Dark when default-coloured text (light on it) contrasts more than dark text would.
    public static func theme(forBackground rgb: Contrast.RGB) -> Theme {
        Contrast.ratio(rgb, Contrast.RGB(0, 0, 0)) < Contrast.ratio(rgb, Contrast.RGB(0xff, 0xff, 0xff)) ? .dark : .light
    }

    /// `COLORFGBG` (rxvt, Konsole, some others): "fg;bg" or "fg;xpm;bg"; the last field is the
    /// background's colour number. Nil when it says nothing usable ("default", missing).
    public static func theme(colorfgbg: String?) -> Theme? {
        guard let colorfgbg, let last = colorfgbg.split(separator: ";").last, let bg = Int(last) else { return nil }
        switch bg {
        case 0...6, 8: return .dark
        case 7, 9...15: return .light
        default: return nil
        }
    }

    /// The theme to use: mono under NO_COLOR, --no-color or a terminal without colours; the one
    /// asked for; else learnt from the terminal's answer, then COLORFGBG, else the safe one.
    public static func theme(choice: ThemeChoice, monochrome: Bool, osc11 reply: [UInt8]?, colorfgbg: String?) -> Theme {
        if monochrome { return .mono }
        switch choice {
        case .dark: return .dark
        case .light: return .light
        case .mono: return .mono
        case .auto:
            if let reply, let rgb = background(inOSC11: reply) { return theme(forBackground: rgb) }
            return theme(colorfgbg: colorfgbg) ?? .safe
        }
    }

    /// The choice from `--theme` or, without it, DOSSIER_THEME; nil for a value that is neither.
    public static func choice(option: String?, environment: [String: String]) -> ThemeChoice? {
        guard let value = option ?? environment["DOSSIER_THEME"].flatMap({ $0.isEmpty ? nil : $0 }) else { return .auto }
        return ThemeChoice(rawValue: value.lowercased())
    }

    // MARK: character set

    /// The largest number a terminal reply may carry: no screen has more rows or columns. Larger
    /// (or longer: digits typed or pasted while the answer is awaited) means it is no reply.
    public static let largestReplyNumber = 99_999

    /// The column (1-based) in a cursor position report `ESC [ row ; column R` found in `bytes`.
    /// Every number is bounded (`largestReplyNumber`): twenty digits are not a report, not a trap.
    public static func cursorColumn(in bytes: [UInt8]) -> Int? {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x1B && bytes[i + 1] == 0x5B {
                var j = i + 2, fields: [Int] = [0], ok = true
                while j < bytes.count, bytes[j] != 0x52, fields.count <= 2 {
                    let b = bytes[j]
                    if b == 0x3B {
                        fields.append(0)
                    } else if (0x30...0x39).contains(b), let value = boundedDigit(fields[fields.count - 1], b) {
                        fields[fields.count - 1] = value
                    } else {
                        ok = false; break
                    }
                    j += 1
                }
                if ok, j < bytes.count, fields.count == 2 { return fields[1] }
            }
            i += 1
        }
        return nil
    }

    /// `number` with the decimal digit `byte` appended, or nil past `largestReplyNumber`.
    static func boundedDigit(_ number: Int, _ byte: UInt8) -> Int? {
        let value = number * 10 + Int(byte - 0x30)
        return value <= largestReplyNumber ? value : nil
    }

    /// Whether the locale in effect (LC_ALL, else LC_CTYPE, else LANG) names UTF-8; nil when
    /// none is set. A UTF-8 locale that is not installed (fr_FR.UTF-8 on a bare server) still
    /// says the terminal is UTF-8.
    public static func localeNamesUTF8(_ environment: [String: String]) -> Bool? {
        guard let value = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return nil }
        let lowered = value.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }

    /// Whether the locale settings say anything: LC_ALL, LC_CTYPE or LANG set and not empty.
    public static func localeIsSet(_ environment: [String: String]) -> Bool {
        ["LC_ALL", "LC_CTYPE", "LANG"].contains { !(environment[$0] ?? "").isEmpty }
    }
}
