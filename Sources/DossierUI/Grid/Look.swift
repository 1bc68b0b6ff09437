/// How a style looks, as data: text attributes, a foreground and a background colour (nil: the
/// terminal's own). Each theme gives every style its look; the ncurses backend paints from it and
/// golden screens record it, so a change of look shows in a diff without a terminal.
public struct Look: Sendable, Hashable, CustomStringConvertible {
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let dim = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let reverse = Attributes(rawValue: 8)
    }

    /// The eight ANSI colours (0–7). Only these are used, so a terminal with 8 colours shows the
    /// same as one with 256; `Contrast` also checks the bright variant (8–15) a bold colour gets
    /// in xterm (its `boldColors` resource, on by default).
    public enum Colour: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case black, red, green, yellow, blue, magenta, cyan, white
        public var description: String {
            switch self {
            case .black: return "black"
            case .red: return "red"
            case .green: return "green"
            case .yellow: return "yellow"
            case .blue: return "blue"
            case .magenta: return "magenta"
            case .cyan: return "cyan"
            case .white: return "white"
            }
        }
    }

    public var attributes: Attributes
    public var foreground: Colour?
    public var background: Colour?

    public init(_ attributes: Attributes = [], _ foreground: Colour? = nil, on background: Colour? = nil) {
        self.attributes = attributes
        self.foreground = foreground
        self.background = background
    }

    public var hasColour: Bool { foreground != nil || background != nil }

    public var description: String {
        var parts: [String] = []
        if attributes.contains(.bold) { parts.append("bold") }
        if attributes.contains(.dim) { parts.append("dim") }
        if attributes.contains(.underline) { parts.append("underline") }
        if attributes.contains(.reverse) { parts.append("reverse") }
        switch (foreground, background) {
        case (let fg?, let bg?): parts.append("\(fg) on \(bg)")
        case (let fg?, nil): parts.append(fg.description)
        case (nil, let bg?): parts.append("default on \(bg)")
        case (nil, nil): break
        }
        return parts.isEmpty ? "plain" : parts.joined(separator: ", ")
    }
}

/// A set of looks for the explorer. `dark` and `light` pick colours for a known background;
/// `safe` (the background could not be learnt) uses colours only as explicit foreground and
/// background pairs, readable on either; `mono` (NO_COLOR, --no-color) uses attributes only.
public enum Theme: String, Sendable, Hashable, CaseIterable {
    case dark, light, safe, mono
}

/// What `--theme` (or DOSSIER_THEME) asks for; `auto` learns the background from the terminal.
public enum ThemeChoice: String, Sendable, Hashable, CaseIterable {
    case auto, dark, light, mono
}

extension Style {
    /// The look in the safe theme (what the style layer records by default).
    public var look: Look { look(in: .safe) }

    /// Selection is reverse video in every theme; focus also shows in the border glyphs; links
    /// are underlined and matches underlined (and reversed in mono), so nothing rests on colour.
    /// Bold never goes with an explicit dark foreground (xterm would brighten it to grey).
    public func look(in theme: Theme) -> Look {
        switch self {
        case .normal, .tab, .border, .muted, .eraNone: return Look()
        case .title: return Look(.bold)
        case .selection, .statusBar: return Look(.reverse)
        case .header: return Look([.bold, .reverse])
        case .selectionInactive: return Look([.bold, .underline])
        case .warning: return theme == .mono ? Look([.bold, .underline]) : Look(.bold, .white, on: .red)
        default: break
        }
        switch theme {
        case .dark:
            switch self {
            case .heading: return Look(.bold, .yellow)
            case .accent, .focusBorder: return Look(.bold, .cyan)
            case .link: return Look(.underline, .cyan)
            case .era0: return Look(.bold, .yellow)
            case .era1: return Look(.bold, .green)
            case .era2: return Look(.bold, .white, on: .blue)
            case .focusTitle, .tabActive: return Look([.bold, .reverse], .cyan)
            case .match: return Look([.bold, .underline, .reverse], .yellow)
            default: return Look()
            }
        case .light:
            switch self {
            case .heading, .accent, .focusBorder: return Look(.bold, .blue)
            case .link: return Look(.underline, .blue)
            case .era0: return Look(.bold, nil, on: .yellow)
            case .era1: return Look(.bold, nil, on: .green)
            case .era2: return Look(.bold, nil, on: .cyan)
            case .focusTitle, .tabActive: return Look([.bold, .reverse], .blue)
            case .match: return Look([.bold, .underline], nil, on: .yellow)
            default: return Look()
            }
        case .safe:
            switch self {
            case .heading, .accent, .focusBorder: return Look(.bold)
            case .link: return Look(.underline)
            case .era0: return Look([], .black, on: .yellow)
            case .era1: return Look([], .black, on: .green)
            case .era2: return Look(.bold, .white, on: .blue)
            case .focusTitle, .tabActive: return Look(.bold, .white, on: .blue)
            case .match: return Look(.underline, .black, on: .yellow)
            default: return Look()
            }
        case .mono:
            switch self {
            case .heading, .accent, .focusBorder: return Look(.bold)
            case .link: return Look(.underline)
            case .era0: return Look(.bold)
            case .era1: return Look([.bold, .underline])
            case .era2: return Look([.bold, .reverse])
            case .focusTitle, .tabActive: return Look([.bold, .reverse])
            case .match: return Look([.bold, .underline, .reverse])
            default: return Look()
            }
        }
    }

    /// The letter that stands for the style in golden screens' style layer.
    public var letter: Character {
        switch self {
        case .normal: return "."
        case .muted: return "-"
        case .heading: return "h"
        case .accent: return "a"
        case .link: return "l"
        case .selection: return "S"
        case .selectionInactive: return "s"
        case .border: return "b"
        case .focusBorder: return "B"
        case .title: return "t"
        case .focusTitle: return "T"
        case .tab: return "p"
        case .tabActive: return "P"
        case .statusBar: return "="
        case .header: return "H"
        case .era0: return "0"
        case .era1: return "1"
        case .era2: return "2"
        case .eraNone: return "n"
        case .match: return "M"
        case .warning: return "W"
        }
    }
}
