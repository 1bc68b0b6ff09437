#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// WCAG 2 contrast of what a look puts on screen, with xterm's default 16-colour palette and a
/// theme's default foreground and background (dark: #e5e5e5 on #000000; light: #000000 on
/// #ffffff; the safe and mono themes must pass on both).
public enum Contrast {
    public struct RGB: Sendable, Hashable, CustomStringConvertible {
        public var r: UInt8, g: UInt8, b: UInt8
        public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }
        public var description: String {
            let hex = Array("0123456789abcdef")
            return "#" + [r, g, b].map { String([hex[Int($0 >> 4)], hex[Int($0 & 15)]]) }.joined()
        }
    }

    /// xterm's default colours 0–15 (XTerm-col.ad / charproc.c).
    public static let xterm: [RGB] = [
        RGB(0x00, 0x00, 0x00), RGB(0xcd, 0x00, 0x00), RGB(0x00, 0xcd, 0x00), RGB(0xcd, 0xcd, 0x00),
        RGB(0x00, 0x00, 0xee), RGB(0xcd, 0x00, 0xcd), RGB(0x00, 0xcd, 0xcd), RGB(0xe5, 0xe5, 0xe5),
        RGB(0x7f, 0x7f, 0x7f), RGB(0xff, 0x00, 0x00), RGB(0x00, 0xff, 0x00), RGB(0xff, 0xff, 0x00),
        RGB(0x5c, 0x5c, 0xff), RGB(0xff, 0x00, 0xff), RGB(0x00, 0xff, 0xff), RGB(0xff, 0xff, 0xff),
    ]

    /// A terminal's default foreground and background.
    public struct Defaults: Sendable, Hashable {
        public var foreground: RGB, background: RGB
        public static let dark = Defaults(foreground: RGB(0xe5, 0xe5, 0xe5), background: RGB(0, 0, 0))
        public static let light = Defaults(foreground: RGB(0, 0, 0), background: RGB(0xff, 0xff, 0xff))
    }

    /// The backgrounds a theme is made for.
    public static func defaults(for theme: Theme) -> [Defaults] {
        switch theme {
        case .dark: return [.dark]
        case .light: return [.light]
        case .safe, .mono: return [.dark, .light]
        }
    }

    public static func luminance(_ c: RGB) -> Double {
        func linear(_ v: UInt8) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b)
    }

    public static func ratio(_ a: RGB, _ b: RGB) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// Every foreground/background pair the look can show on a terminal with these defaults:
    /// a bold colour 0–7 may be shown bright (xterm's boldColors), so both are counted; reverse
    /// swaps the two; dim is taken as halfway to the background.
    public static func pairs(_ look: Look, on defaults: Defaults) -> [(fg: RGB, bg: RGB)] {
        var foregrounds = [look.foreground.map { xterm[$0.rawValue] } ?? defaults.foreground]
        if look.attributes.contains(.bold), let fg = look.foreground { foregrounds.append(xterm[fg.rawValue + 8]) }
        let bg = look.background.map { xterm[$0.rawValue] } ?? defaults.background
        return foregrounds.map { fg in
            var fg = fg
            if look.attributes.contains(.dim) {
                fg = RGB(UInt8((Int(fg.r) + Int(bg.r)) / 2), UInt8((Int(fg.g) + Int(bg.g)) / 2), UInt8((Int(fg.b) + Int(bg.b)) / 2))
            }
            return look.attributes.contains(.reverse) ? (bg, fg) : (fg, bg)
        }
    }

    /// The lowest ratio of a style's look in a theme, over the backgrounds the theme is for.
    public static func minimum(_ style: Style, in theme: Theme) -> Double {
        let look = style.look(in: theme)
        return defaults(for: theme).flatMap { pairs(look, on: $0) }.map { ratio($0.fg, $0.bg) }.min() ?? 1
    }
}
