import DossierCore
import DossierOutput
import DossierUI

/// One fuzz input: the files of a dossier, as raw bytes.
public typealias FuzzInput = [(path: String, bytes: [UInt8])]

/// Mutates dossiers at the byte, line and YAML-token level. Whole dossiers are mutated one file at
/// a time, so most inputs still resolve across files and reach the store, the views and printers.
public struct Mutator {
    public let seeds: [FuzzInput]
    /// Every line of every seed, for splicing.
    private let lines: [[UInt8]]

    /// Bytes and snippets that matter to YAML, UTF-8, the sanitiser and the terminal.
    static let tokens: [[UInt8]] =
        [
            "&a ", "*a", "!!str ", "!tag ", "---\n", "...\n", "? ", "- ", ": ", "{", "}", "[", "]", ",", "|", ">", "|-\n",
            "\"", "'", "#", "\t", "\\", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "\"\\e[2J\\e]52;c;SGk=\\a\"", "\"\\u202E\\x9b\\0\\r\"",
            "id: ", "date: ", "2020-02-30", "0000", "9999-12-31", "[[", "]]", "[[ev-", "sources: []", "en: ", "fr: ",
            "certainty: disputed", "note: ", "\u{FEFF}", "\r\n", "\r", "\u{0085}", "\u{2028}", "法院", "e\u{301}", "📜", "\u{200D}",
            "\u{10FFFF}", "\u{FFFD}", "                                        ",
        ].map { Array($0.utf8) } + [
            [0x00], [0x1B], [0x7F], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xC2, 0x9B],
        ]

    public init(seeds: [FuzzInput]) {
        self.seeds = seeds
        lines = seeds.flatMap { $0.flatMap { file in file.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init) } }
    }

    /// A seed with one to eight mutations (mostly one or two) applied to one or two of its files.
    public func next<R: RandomNumberGenerator>(using rng: inout R) -> FuzzInput {
        // the first seed (the bundled dossier: the richest) half of the time
        var input = Bool.random(using: &rng) ? seeds[0] : seeds.randomElement(using: &rng)!
        // sometimes a single file on its own, sometimes the whole dossier
        if Int.random(in: 0..<8, using: &rng) == 0, let one = input.randomElement(using: &rng) { input = [one] }
        for _ in 0..<(Int.random(in: 0..<4, using: &rng) == 0 ? 2 : 1) {
            let f = Int.random(in: 0..<input.count, using: &rng)
            var bytes = input[f].bytes
            // mostly one or two mutations, so many inputs still load and reach the views and printers
            for _ in 0..<[1, 1, 1, 1, 2, 2, 3, 4, 8].randomElement(using: &rng)! { mutate(&bytes, using: &rng) }
            input[f].bytes = bytes
        }
        return input
    }

    func mutate<R: RandomNumberGenerator>(_ bytes: inout [UInt8], using rng: inout R) {
        func position() -> Int { bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng) }
        func range(max length: Int) -> Range<Int> {
            guard !bytes.isEmpty else { return 0..<0 }
            let start = Int.random(in: 0..<bytes.count, using: &rng)
            return start..<min(bytes.count, start + Int.random(in: 1...length, using: &rng))
        }
        switch Int.random(in: 0..<12, using: &rng) {
        case 0:  // flip a bit
            guard !bytes.isEmpty else { return }
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            bytes[i] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
        case 1:  // a random byte
            bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position())
        case 2:  // a token
            bytes.insert(contentsOf: Mutator.tokens.randomElement(using: &rng)!, at: position())
        case 3:  // replace a byte with a token
            let r = range(max: 1)
            bytes.replaceSubrange(r, with: Mutator.tokens.randomElement(using: &rng)!)
        case 4:  // delete a run
            bytes.removeSubrange(range(max: 64))
        case 5:  // duplicate a run
            let r = range(max: 256)
            bytes.insert(contentsOf: bytes[r], at: position())
        case 6, 7:  // line operations
            var split = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            guard !split.isEmpty else { return }
            let i = Int.random(in: 0..<split.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: split.remove(at: i)
            case 1: split.insert(split[i], at: i)
            case 2: split.swapAt(i, Int.random(in: 0..<split.count, using: &rng))
            case 3: split.insert(lines.randomElement(using: &rng) ?? [], at: i)
            case 4: split[i] = [UInt8](repeating: 0x20, count: Int.random(in: 0...12, using: &rng)) + split[i].drop { $0 == 0x20 }
            default: split[i] = lines.randomElement(using: &rng) ?? []
            }
            bytes = Array(split.joined(separator: [0x0A]))
        case 8:  // a run of one byte: deep nesting, long lines
            let byte = [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "x"), UInt8(ascii: " "), UInt8(ascii: "-"), 0x0A].randomElement(using: &rng)!
            bytes.insert(contentsOf: [UInt8](repeating: byte, count: Int.random(in: 1...200, using: &rng)), at: position())
        case 9:  // an interesting byte in place
            guard !bytes.isEmpty else { return }
            bytes[Int.random(in: 0..<bytes.count, using: &rng)] = [0x00, 0x0A, 0x0D, 0x1B, 0x22, 0x27, 0x3A, 0x80, 0xC3, 0xE2, 0xFF].randomElement(using: &rng)!
        case 10:  // truncate
            bytes.removeSubrange(position()...)
        default:  // swap two runs of a line's worth
            let a = range(max: 40), b = range(max: 40)
            guard a.upperBound <= b.lowerBound else { return }
            let first = Array(bytes[a]), second = Array(bytes[b])
            bytes.replaceSubrange(b, with: first)
            bytes.replaceSubrange(a, with: second)
        }
    }
}

/// A failed check other than a crash: output that a terminal could execute, a malformed grid.
public struct FuzzFailure: Error, CustomStringConvertible {
    public var description: String
}

/// What one fuzz input goes through: the loader and validator; when it loads, the store, the
/// explorer's views at a few sizes with a few keys, and every printer. Crashes (traps) are the
/// main finding; the checks after rendering catch a control character reaching a cell or a
/// printed text, and rows of the wrong width.
public enum FuzzTarget {
    public struct Outcome { public var loaded: Bool }

    @discardableResult
    public static func run<R: RandomNumberGenerator>(_ input: FuzzInput, using rng: inout R) throws(FuzzFailure) -> Outcome {
        // the fast YAML reader must agree with libyaml wherever it reads a file at all
        for file in input {
            if let problem = file.bytes.withUnsafeBufferPointer({ YAMLParser.crossCheck($0) }) {
                throw FuzzFailure(description: "\(file.path): \(problem)")
            }
        }
        let dossier: Dossier
        do {
            dossier = try DossierLoader.load(bytes: input)
        } catch {
            for diagnostic in error.diagnostics where hasControl(diagnostic.description) {
                throw FuzzFailure(description: "a diagnostic carries a control character: \(diagnostic.description.debugDescription)")
            }
            return Outcome(loaded: false)
        }
        let store = DossierStore(dossier)
        var state = AppState(store: store, lang: Bool.random(using: &rng) ? .en : .fr, width: 80, height: 24)
        let keys: [Key] = [
            .down, .up, .enter, .tab, .pageDown, .end, .home, .character("2"), .character("1"), .character("3"),
            .character("4"), .character("?"), .escape, .backspace, .character("J"), .character("K"), .character("L"),
        ]
        for _ in 0..<8 {
            state.handle(keys.randomElement(using: &rng)!)
        }
        state.handle(.resize(width: Int.random(in: 1...200, using: &rng), height: Int.random(in: 1...60, using: &rng)))
        try check(ScreenView.render(state))
        // one format per input: the export goes through every record and every printer helper
        let printer = Printer(store: store, lang: state.lang, format: OutputFormat.allCases.randomElement(using: &rng)!)
        var outputs = [printer.export()]
        if let ref = state.selectedRef { outputs.append(printer.show(ref)) }
        for output in outputs where hasControl(output) {
            throw FuzzFailure(description: "\(printer.format) output carries a control character")
        }
        return Outcome(loaded: true)
    }

    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && (Sanitizer.isControl($0) || Sanitizer.isUnsafe($0)) }
    }

    static func check(_ grid: Grid) throws(FuzzFailure) {
        for row in 0..<grid.height {
            guard grid.rowWidth(row) == grid.width else {
                throw FuzzFailure(description: "row \(row) is \(grid.rowWidth(row)) cells wide in a \(grid.width)-cell grid")
            }
            for column in 0..<grid.width where hasControl(grid[row, column].text) {
                throw FuzzFailure(description: "cell \(row),\(column) holds a control character")
            }
        }
    }
}
