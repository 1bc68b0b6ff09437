import DossierCore
import DossierUI
import Testing

@testable import DossierTerminal

/// 100,000 random keys, with resizes from 1×1 to 300×100 interleaved, through the reducer and the
/// renderer on the bundled dossier. Keys are built the way the terminal backend decodes them
/// (`Terminal.key(character:)` on random code points, invalid ones included), plus escape
/// sequences (arrow keys and mouse reports typed as separate bytes), control keys, function keys,
/// unknown keys, and mouse clicks and wheel steps anywhere (off the screen too). After every step
/// the state's invariants are checked; every `renderEvery`th step, and after every resize, the
/// screen is rendered and checked cell by cell.
@Suite struct KeyStormTests {
    static let steps = 100_000
    static let renderEvery = 64

    @Test func aHundredThousandRandomKeysKeepEveryInvariant() throws {
        let store = try HardeningFixtures.bundled()
        var rng = SplitMix64(seed: 0x5EED_D055_1E2)
        var state = AppState(store: store, lang: .en, width: 80, height: 24, mouse: true)
        var regions = Regions()
        _ = store.searchIndex
        state.reduce(.searchIndexReady)
        var width = 80, height = 24
        var queue: [Key] = []
        var renders = 0, resizes = 0, quits = 0
        var failures = 0
        for step in 0..<Self.steps {
            let key = queue.isEmpty ? Self.randomKey(&rng, queue: &queue) : queue.removeFirst()
            if case .resize(let w, let h) = key { width = w; height = h; resizes += 1 }
            // `q` would end a real session: counted, then ignored
            quits += state.handle(key, regions: regions).filter { if case .quit = $0 { return true } else { return false } }.count
            var problems = Self.stateProblems(state)
            if step % Self.renderEvery == 0 || { if case .resize = key { return true } else { return false } }() {
                // clicks in between hit these regions, stale by up to `renderEvery` keys
                let frame = ScreenView.frame(state)
                regions = frame.regions
                problems += gridProblems(frame.grid, width: width, height: height)
                renders += 1
            }
            if !problems.isEmpty {
                failures += 1
                Issue.record("step \(step), key \(key), \(width)×\(height): \(problems.prefix(5))")
                if failures > 5 { break }
            }
        }
        print("key storm: \(Self.steps) keys, \(resizes) resizes, \(renders) screens rendered and checked, \(quits) quit keys ignored, \(failures) failures")
        #expect(failures == 0)
    }

    static func stateProblems(_ state: AppState) -> [String] {
        var problems: [String] = []
        let visible = state.layout.listRows
        for (index, list) in state.lists.enumerated() {
            let selected = state.selection[index], top = state.scroll[index]
            if list.count == 0 {
                if selected != 0 { problems.append("pane \(index): selection \(selected) in an empty list") }
                continue
            }
            guard (0..<list.count).contains(selected) else {
                problems.append("pane \(index): selection \(selected) outside 0..<\(list.count)")
                continue
            }
            let row = list.itemRows[selected]
            if top < 0 || row < top || row >= top + visible {
                problems.append("pane \(index): selected row \(row) not within rows \(top)..<\(top + visible)")
            }
        }
        if state.area == .detail {
            let links = state.links.count
            if links == 0 || !(0..<links).contains(state.linkIndex) { problems.append("link \(state.linkIndex) of \(links)") }
        }
        if state.detailScroll < 0 { problems.append("detail scroll \(state.detailScroll)") }
        return problems
    }

    static func randomKey(_ rng: inout SplitMix64, queue: inout [Key]) -> Key {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<1:
            return .resize(width: Int.random(in: 1...300, using: &rng), height: Int.random(in: 1...100, using: &rng))
        case 1..<30:  // the keys that do things
            let keys: [Key] = [
                .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .tab, .backTab,
                .backspace, .escape, .delete, .character("j"), .character("k"), .character("h"),
                .character("l"), .character("J"), .character("K"), .character("?"), .character("t"),
                .character("L"), .character("1"), .character("2"), .character("3"), .character("4"),
                .character(" "), .character("g"), .character("G"), .character("-"), .character("q"),
                .control("o"), .control("i"), .control("l"), .control("c"), .control("d"), .control("u"),
            ]
            return keys.randomElement(using: &rng)!
        case 30..<55:  // printable ASCII
            return Terminal.key(character: UInt32.random(in: 0x20...0x7E, using: &rng))
        case 55..<70:  // any code point, surrogates, beyond Unicode and controls included
            let value: UInt32
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: value = UInt32.random(in: 0...0x20, using: &rng)
            case 1: value = UInt32.random(in: 0x7F...0x9F, using: &rng)
            case 2: value = UInt32.random(in: 0xD7F0...0xE010, using: &rng)
            default: value = UInt32.random(in: 0...0x11_0010, using: &rng)
            }
            return Terminal.key(character: value)
        case 70..<76:  // an escape sequence arriving byte by byte: arrow, mouse report, bracketed paste, OSC
            let sequences = ["[A", "[1;5C", "[M !!", "[<0;12;5M", "[200~pasted\u{1B}[201~", "]52;c;ZXZpbA==\u{7}", "O", "[", "[99;999H"]
            queue = sequences.randomElement(using: &rng)!.unicodeScalars.map { Terminal.key(character: $0.value) }
            if Bool.random(using: &rng) {  // mouse reports carry raw bytes ≥ 0x80 (invalid UTF-8 once decoded)
                queue.append(Terminal.key(character: UInt32.random(in: 0x80...0xFF, using: &rng)))
            }
            return .escape
        case 76..<82:
            return .function(Int.random(in: 1...63, using: &rng))
        case 82..<84:
            return .unknown
        case 84..<86:  // clicks and wheel steps anywhere, off the screen included
            let kind = [MouseEvent.Kind.click, .wheelUp, .wheelDown].randomElement(using: &rng)!
            return .mouse(MouseEvent(kind: kind, row: Int.random(in: -3...110, using: &rng), column: Int.random(in: -3...310, using: &rng)))
        case 86..<92:  // control keys
            return Terminal.key(character: UInt32.random(in: 1...31, using: &rng))
        default:  // digits and dates, for the goto prompt
            return .character(Array("0123456789-").randomElement(using: &rng)!)
        }
    }
}
