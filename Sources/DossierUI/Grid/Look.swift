/// How a style looks, as data: text attributes and a foreground colour on the terminal's own
/// background. The ncurses backend paints from it (attributes only under NO_COLOR); golden
/// screens record it, so a change of look shows in a diff without a terminal.
public struct Look: Sendable, Hashable, CustomStringConvertible {
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let dim = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let reverse = Attributes(rawValue: 8)
    }

    /// The eight-colour palette's colours that styles use (8 colours are enough).
    public enum Colour: String, Sendable, Hashable, CaseIterable {
        case red, green, yellow, blue, magenta, cyan
    }

    public var attributes: Attributes
    public var colour: Colour?

    public var description: String {
        var parts: [String] = []
        if attributes.contains(.bold) { parts.append("bold") }
        if attributes.contains(.dim) { parts.append("dim") }
        if attributes.contains(.underline) { parts.append("underline") }
        if attributes.contains(.reverse) { parts.append("reverse") }
        if let colour { parts.append(colour.rawValue) }
        return parts.isEmpty ? "plain" : parts.joined(separator: ", ")
    }
}

extension Style {
    /// Selection is reverse video with or without colour; focus also shows in the border glyphs.
    public var look: Look {
        switch self {
        case .normal, .tab, .border: return Look(attributes: [], colour: nil)
        case .link: return Look(attributes: [], colour: .blue)
        case .muted, .eraNone: return Look(attributes: .dim, colour: nil)
        case .heading: return Look(attributes: .bold, colour: .cyan)
        case .title: return Look(attributes: .bold, colour: nil)
        case .accent: return Look(attributes: .bold, colour: .cyan)
        case .era0: return Look(attributes: .bold, colour: .yellow)
        case .era1: return Look(attributes: .bold, colour: .green)
        case .era2: return Look(attributes: .bold, colour: .magenta)
        case .warning: return Look(attributes: .bold, colour: .red)
        case .selection, .statusBar: return Look(attributes: .reverse, colour: nil)
        case .selectionInactive: return Look(attributes: .underline, colour: nil)
        case .focusBorder: return Look(attributes: .bold, colour: .cyan)
        case .focusTitle, .tabActive: return Look(attributes: [.bold, .reverse], colour: .cyan)
        case .header: return Look(attributes: [.bold, .reverse], colour: nil)
        case .match: return Look(attributes: [.bold, .underline], colour: .yellow)
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
