import DossierCore

/// Everything that can happen to the explorer. Keys become actions through the keymap; the
/// reducer is the only place that turns actions into a new state.
public enum Action: Sendable, Hashable {
    case moveDown, moveUp, nextGroup, previousGroup, first, last, pageDown, pageUp
    case focus(Pane)
    case nextPane, previousPane
    case openDetail, closeDetail, follow
    case back, forward, home
    case startPrompt(Prompt.Kind)
    case promptInput(Character)
    case promptBackspace, promptSubmit, promptComplete, cancelPrompt
    /// In a prompt, as in a shell: Ctrl-U clears the line, Ctrl-W deletes the word before the cursor.
    case promptClear, promptDeleteWord
    case nextHit, previousHit, showResults, openResult
    case clearFilter, filterTimelineByParty
    case zoomIn, zoomOut
    /// A key that waits for a second one: `m` (set mark), `'` (go to mark), `]`/`[` (next/previous of a kind).
    case prefix(Character)
    case prefixed(Character, Character)
    case digit(Int)
    case copyCitation
    /// `Y`: the same citation as a Markdown link to its first source.
    case copyCitationMarkdown
    /// Scroll the detail by lines (Ctrl-E/Ctrl-Y) or by pages (Space/b), whichever area has the keys.
    case scrollDetail(Int)
    case scrollDetailPage(Int)
    /// A key bound to nothing here, by name: said in the status bar.
    case unbound(String)
    /// `c`: the map of the selected argument's case, or of the selected court event.
    case openCaseMap
    /// `s`: the Sources pane's next order (date → publisher → kind); `:sort` names one.
    case cycleSourceOrder
    case sortSources(SourceOrder)
    /// In the source view: choose the previous or next citing record, scroll by lines, follow.
    case overlayLink(Int)
    case overlayLines(Int)
    case followOverlayLink
    case startTour, tourNext, tourPrevious
    case toggleHelp, closeOverlay
    case scrollOverlay(Int)
    /// `w` and `:glossary`: open the glossary (or close it); in it, Back closes the term shown.
    case toggleGlossary, glossaryBack
    case toggleLanguage
    case redraw
    /// A click, and what it landed on in the frame on screen (nil: nothing that takes clicks).
    case click(Regions.Target?)
    /// A wheel step: it scrolls what is under the pointer.
    case wheel(Int, over: Regions.Target?)
    case resize(width: Int, height: Int)
    case quit
    /// From the shell: the first frame is on screen (background work may start), the search
    /// index is built.
    case started, searchIndexReady
    /// `C` (Accords pane) or `:compare`: the accords compared; in it, `J`/`K` step dimensions.
    case openComparison
    case stepDimension(Int)
}

/// The kinds of event `]x` / `[x` jump between.
public enum KindJump: Character, CaseIterable, Sendable {
    case ruling = "r"
    case law = "l"
    case filing = "f"
    case decision = "d"
    case order = "o"
    case hearing = "h"

    var kinds: [EventKind] {
        switch self {
        case .ruling: return [.ruling]
        case .law: return [.law, .regulation]
        case .filing: return [.filing]
        case .decision: return [.decision]
        case .order: return [.order]
        case .hearing: return [.hearing]
        }
    }
}
