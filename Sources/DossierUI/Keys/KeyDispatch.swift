import DossierCore

/// Turns a key into an action: a prompt being typed takes keys first, then an open overlay, then
/// a pending two-key prefix, then the keymap.
public enum KeyDispatch {
    /// `regions`: where the frame on screen drew what a mouse event can hit.
    public static func action(for key: Key, in state: AppState, regions: Regions = Regions()) -> Action? {
        if case .resize(let width, let height) = key { return .resize(width: width, height: height) }
        if case .mouse(let event) = key { return state.mouseEnabled ? event.action(on: regions) : nil }
        // Ctrl-C quits from anywhere, a prompt or an overlay included (the terminal usually turns
        // it into SIGINT first, which ends the explorer the same way)
        if key == .control("c") { return .quit }
        if let prompt = state.prompt {
            switch key {
            case .character(let c): return .promptInput(c)
            case .backspace, .delete: return .promptBackspace
            case .control("u"): return .promptClear
            case .control("w"): return .promptDeleteWord
            case .enter: return .promptSubmit
            case .tab: return prompt.kind == .command || prompt.kind == .filter ? .promptComplete : nil
            // narrowing the glossary, the arrows choose among the terms still listed
            case .down where prompt.kind == .glossary: return .overlayLink(1)
            case .up where prompt.kind == .glossary: return .overlayLink(-1)
            case .escape, .control("g"): return .cancelPrompt
            default: return nil
            }
        }
        // an open overlay takes every key; its own table says what each does there
        if state.overlay != nil { return OverlayKeymap.action(for: key, in: state) }
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
