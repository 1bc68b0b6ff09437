import DossierCore

/// Turns a key into an action: a prompt being typed takes keys first, then an open overlay, then
/// a pending two-key prefix, then the keymap.
public enum KeyDispatch {
    public static func action(for key: Key, in state: AppState) -> Action? {
        if case .resize(let width, let height) = key { return .resize(width: width, height: height) }
        if case .mouse(let event) = key { return state.mouseEnabled ? event.action : nil }
        // Ctrl-C quits from anywhere, a prompt or an overlay included (the terminal usually turns
        // it into SIGINT first, which ends the explorer the same way)
        if key == .control("c") { return .quit }
        if let prompt = state.prompt {
            switch key {
            case .character(let c): return .promptInput(c)
            case .backspace, .delete: return .promptBackspace
            case .enter: return .promptSubmit
            case .tab: return prompt.kind == .command || prompt.kind == .filter ? .promptComplete : nil
            // narrowing the glossary, the arrows choose among the terms still listed
            case .down where prompt.kind == .glossary: return .overlayLink(1)
            case .up where prompt.kind == .glossary: return .overlayLink(-1)
            case .escape, .control("g"): return .cancelPrompt
            default: return nil
            }
        }
        switch state.overlay {
        case .help?:
            switch key {
            case .character("?"), .character("q"), .escape, .enter: return .closeOverlay
            case .character("j"), .down: return .scrollOverlay(1)
            case .character("k"), .up: return .scrollOverlay(-1)
            case .pageDown, .character(" "): return .scrollOverlay(max(1, state.layout.height - 5))
            case .pageUp: return .scrollOverlay(-max(1, state.layout.height - 5))
            default: return nil
            }
        case .results?:
            switch key {
            case .character("j"), .down: return .scrollOverlay(1)
            case .character("k"), .up: return .scrollOverlay(-1)
            case .pageDown: return .scrollOverlay(10)
            case .pageUp: return .scrollOverlay(-10)
            case .enter, .character("l"), .right: return .openResult
            case .escape, .character("q"), .control("f"): return .closeOverlay
            default: return nil
            }
        case .tour?:
            switch key {
            case .character("n"), .right, .character(" "), .enter: return .tourNext
            case .character("p"), .left, .backspace: return .tourPrevious
            case .escape, .character("q"), .character("T"): return .closeOverlay
            case .character("?"): return .toggleHelp
            default: return nil
            }
        case .citation?:
            switch key {
            case .escape, .character("q"), .enter, .character("y"): return .closeOverlay
            case .character("Y"): return .copyCitationMarkdown
            default: return nil
            }
        case .caseMap?:
            switch key {
            case .escape, .character("q"), .character("c"), .enter: return .closeOverlay
            case .character("j"), .down, .control("e"): return .scrollOverlay(1)
            case .character("k"), .up, .control("y"): return .scrollOverlay(-1)
            case .pageDown, .character(" "), .control("d"): return .scrollOverlay(max(1, state.layout.height - 5))
            case .pageUp, .character("b"), .control("u"): return .scrollOverlay(-max(1, state.layout.height - 5))
            case .character("g"), .home: return .scrollOverlay(-1_000_000)
            case .character("G"), .end: return .scrollOverlay(1_000_000)
            case .character("y"): return .copyCitation
            case .character("Y"): return .copyCitationMarkdown
            default: return nil
            }
        case .source?:
            switch key {
            case .escape, .character("q"), .character("h"), .left, .backspace: return .closeOverlay
            case .character("j"), .down: return .overlayLink(1)
            case .character("k"), .up: return .overlayLink(-1)
            case .control("e"): return .overlayLines(1)
            case .control("y"): return .overlayLines(-1)
            case .character(" "), .pageDown: return .overlayLines(max(1, state.layout.height - 6))
            case .character("b"), .pageUp: return .overlayLines(-max(1, state.layout.height - 6))
            case .enter, .character("l"), .right: return .followOverlayLink
            case .character("y"): return .copyCitation
            case .character("Y"): return .copyCitationMarkdown
            default: return nil
            }
        case .compare?:
            switch key {
            case .escape, .character("q"), .character("C"), .character("h"), .left, .backspace: return .closeOverlay
            case .character("j"), .down: return .overlayLink(1)
            case .character("k"), .up: return .overlayLink(-1)
            case .control("e"): return .overlayLines(1)
            case .control("y"): return .overlayLines(-1)
            case .character(" "), .pageDown, .control("d"): return .overlayLines(max(1, state.layout.height - 7))
            case .character("b"), .pageUp, .control("u"): return .overlayLines(-max(1, state.layout.height - 7))
            case .character("J"), .character("}"), .tab: return .stepDimension(1)
            case .character("K"), .character("{"), .backTab: return .stepDimension(-1)
            case .character("g"), .home: return .overlayLines(-1_000_000)
            case .character("G"), .end: return .overlayLines(1_000_000)
            case .enter, .character("l"), .right: return .followOverlayLink
            default: return nil
            }
        case .glossary(let glossary)?:
            let page = max(1, state.layout.height - 6)
            switch key {
            case .escape, .character("q"), .character("w"): return .closeOverlay
            case .character("j"), .down: return .overlayLink(1)
            case .character("k"), .up: return .overlayLink(-1)
            case .character("g"), .home: return .overlayLink(-1_000_000)
            case .character("G"), .end: return .overlayLink(1_000_000)
            case .control("e"): return .overlayLines(1)
            case .control("y"): return .overlayLines(-1)
            case .character(" "), .pageDown, .control("d"): return .overlayLines(page)
            case .character("b"), .pageUp, .control("u"): return .overlayLines(-page)
            case .enter, .character("l"), .right: return .followOverlayLink
            case .character("h"), .left, .backspace, .control("o"), .character("<"): return .glossaryBack
            case .character("/") where glossary.pages.isEmpty: return .startPrompt(.glossary)
            case .character("n"): return .nextHit
            case .character("N"): return .previousHit
            case .character("L"): return .toggleLanguage
            case .character("?"): return .toggleHelp
            default: return nil
            }
        case nil:
            break
        }
        // once a count has begun (6–9), every digit continues it, 1–5 included
        if state.count != nil, case .character(let c) = key, let n = c.wholeNumberValue, c.isASCII {
            return .digit(n)
        }
        if let prefix = state.pendingPrefix {
            // the second key of `ma`, `'a`, `]r`, `[l`; anything else cancels the prefix
            if case .character(let c) = key { return .prefixed(prefix, c) }
            return .prefixed(prefix, "\u{0}")
        }
        return Keymap.action(for: key, area: state.area, pane: state.pane)
    }
}
