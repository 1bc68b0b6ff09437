@preconcurrency import CNcursesw
import Synchronization

/// The control strings of the terminal in use, from its terminfo entry, that the frame writer
/// puts into its bytes: nothing here is a hard-coded escape sequence. A capability the terminal
/// lacks is empty (nil for `cup`), and the writer does without it.
public struct TerminalStrings: @unchecked Sendable {
    /// `cup`, the cursor-addressing template. It points into the terminfo entry, which lives as
    /// long as the process (the screen is never deleted): `tiparm` fills it in.
    let cup: UnsafePointer<CChar>?
    /// `hpa`, the column-addressing template (a shorter move along the same row), if any.
    let hpa: UnsafePointer<CChar>?
    let sgr0: [UInt8], bold: [UInt8], dim: [UInt8], underline: [UInt8], reverse: [UInt8]
    /// `setaf` and `setab` filled in for the eight ANSI colours; empty when the terminal has none.
    let foreground: [[UInt8]], background: [[UInt8]]
    /// `op`: back to the terminal's own colours.
    let originalPair: [UInt8]
    let hideCursor: [UInt8], showCursor: [UInt8]
    /// `clear`: clears the screen and puts the cursor home.
    let clear: [UInt8]
    /// `smacs`, `rmacs` and the `acsc` map (VT100 line-drawing letter → the terminal's byte).
    let enterLineDrawing: [UInt8], exitLineDrawing: [UInt8]
    let lineDrawing: [UInt8: UInt8]
    /// `am` without `xenl`: writing the bottom-right cell scrolls the screen.
    let scrollsAtLastCell: Bool
    /// `msgr`: the cursor may move while attributes are on.
    let movesInAttributes: Bool
    /// `ncv`: the attributes (terminfo's bits) that cannot go with a colour.
    let noColourVideo: Int
    /// `ech`, the template that erases a number of characters from the cursor without moving it, if any.
    let ech: UnsafePointer<CChar>?
    /// `el`: erases from the cursor to the end of the line; empty when the terminal has none.
    let eraseToEndOfLine: [UInt8]
    /// `bce`: erasing fills with the current background colour (otherwise with the terminal's own).
    let backColourErase: Bool
    /// Colours (8 or more, with `setaf` and `setab`).
    public var hasColours: Bool { !foreground.isEmpty }

    /// The strings of the terminal ncurses (or `setupterm`) has set up last.
    static func current() -> TerminalStrings {
        let colours = dossier_tigetnum("colors")
        let setaf = dossier_tigetstr("setaf"), setab = dossier_tigetstr("setab")
        var foreground: [[UInt8]] = [], background: [[UInt8]] = []
        if colours >= 8, let setaf, let setab {
            foreground = (0..<8).map { n in TerminalStrings.lock.withLock { _ in bytes(dossier_tiparm1(setaf, Int32(n))) } }
            background = (0..<8).map { n in TerminalStrings.lock.withLock { _ in bytes(dossier_tiparm1(setab, Int32(n))) } }
        }
        var map: [UInt8: UInt8] = [:]
        let acsc = string("acsc")
        var index = 0
        while index + 1 < acsc.count {
            map[acsc[index]] = acsc[index + 1]
            index += 2
        }
        let ncv = dossier_tigetnum("ncv")
        return TerminalStrings(
            cup: dossier_tigetstr("cup"), hpa: dossier_tigetstr("hpa"),
            sgr0: string("sgr0"), bold: string("bold"), dim: string("dim"), underline: string("smul"), reverse: string("rev"),
            foreground: foreground, background: background, originalPair: string("op"),
            hideCursor: string("civis"), showCursor: string("cnorm"), clear: string("clear"),
            enterLineDrawing: string("smacs"), exitLineDrawing: string("rmacs"),
            lineDrawing: string("smacs").isEmpty ? [:] : map,
            scrollsAtLastCell: dossier_tigetflag("am") != 0 && dossier_tigetflag("xenl") == 0,
            movesInAttributes: dossier_tigetflag("msgr") != 0,
            noColourVideo: ncv > 0 ? Int(ncv) : 0,
            ech: dossier_tigetstr("ech"), eraseToEndOfLine: string("el"),
            backColourErase: dossier_tigetflag("bce") != 0)
    }

    /// The strings of a terminal type, read with `setupterm` (for tests: the explorer reads the
    /// terminal ncurses opened). Nil when the system has no entry for it.
    public static func of(terminalType name: String) -> TerminalStrings? {
        var status: Int32 = 0
        guard setupterm(name, 2, &status) == OK else { return nil }
        return current()
    }

    /// `cup` filled in for a row and a column (from 0).
    func move(row: Int, column: Int, into out: inout [UInt8]) {
        guard let cup else { return }
        TerminalStrings.lock.withLock { _ in
            guard let filled = dossier_tiparm2(cup, Int32(row), Int32(column)) else { return }
            append(filled, to: &out)
        }
    }

    /// `hpa` filled in for a column (from 0); false when the terminal has no `hpa`.
    func move(column: Int, into out: inout [UInt8]) -> Bool {
        guard let hpa else { return false }
        return TerminalStrings.lock.withLock { _ in
            guard let filled = dossier_tiparm1(hpa, Int32(column)) else { return false }
            append(filled, to: &out)
            return true
        }
    }

    /// `ech` filled in for a count; false when the terminal has no `ech`.
    func erase(characters count: Int, into out: inout [UInt8]) -> Bool {
        guard let ech else { return false }
        return TerminalStrings.lock.withLock { _ in
            guard let filled = dossier_tiparm1(ech, Int32(count)) else { return false }
            append(filled, to: &out)
            return true
        }
    }

    /// `tiparm` fills a buffer of its own.
    private static let lock = Mutex(())

    private static func string(_ name: String) -> [UInt8] { bytes(dossier_tigetstr(name)) }

    private static func bytes(_ pointer: UnsafePointer<CChar>?) -> [UInt8] {
        var out: [UInt8] = []
        if let pointer { append(pointer, to: &out) }
        return out
    }
}

/// Appends a C string, without its padding specifications (`$<5>`, `$<2*/>`): the writer sends no
/// delays, and a terminal that needs them is not one this explorer runs on.
private func append(_ pointer: UnsafePointer<CChar>, to out: inout [UInt8]) {
    var p = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
    while p.pointee != 0 {
        if p.pointee == UInt8(ascii: "$"), p[1] == UInt8(ascii: "<") {
            var q = p + 2
            while q.pointee != 0, q.pointee != UInt8(ascii: ">"),
                (q.pointee >= UInt8(ascii: "0") && q.pointee <= UInt8(ascii: "9")) || q.pointee == UInt8(ascii: ".")
                    || q.pointee == UInt8(ascii: "*") || q.pointee == UInt8(ascii: "/")
            { q += 1 }
            if q.pointee == UInt8(ascii: ">") {
                p = q + 1
                continue
            }
        }
        out.append(p.pointee)
        p += 1
    }
}
