import DossierCore
import Testing

@testable import DossierUI

/// French typography wants a no-break space (U+00A0, or the narrow U+202F) before `: ; ! ?` and
/// inside « »; an ordinary space there lets a line break strand the sign. The data has its test
/// (ContentQualityTests); this one covers the explorer's own texts and what the screens show.
func frenchTypographyProblems(_ text: String) -> [String] {
    var problems: [String] = []
    for bad in [" :", " ;", " !", " ?", "« ", " »"] where text.contains(bad) {
        problems.append("ordinary space in '\(bad)'")
    }
    let scalars = Array(text.unicodeScalars)
    for (i, scalar) in scalars.enumerated() {
        let noBreak: (Int) -> Bool = { j in j >= 0 && j < scalars.count && (scalars[j] == "\u{00A0}" || scalars[j] == "\u{202F}") }
        if scalar == "«" && !noBreak(i + 1) { problems.append("no no-break space after «") }
        if scalar == "»" && !noBreak(i - 1) { problems.append("no no-break space before »") }
    }
    if text.contains("\\u{") { problems.append("an escape written out instead of its character") }
    return problems
}

@Suite struct UITextTests {
    /// Every French text of the explorer: the UIText table, the keymap's help and hints.
    static var frenchTexts: [(String, String)] {
        var texts = UIText.allCases.map { ("UIText.\($0)", $0.template.fr) }
        for binding in Keymap.bindings {
            let name = binding.keys.map(\.name).joined(separator: " ")
            texts.append(("help of \(name)", binding.help.fr))
            if let hint = binding.hint { texts.append(("hint of \(name)", hint.fr)) }
        }
        texts += KeyGroup.allCases.map { ("group \($0)", $0.title.fr) }
        // and the overlays' table: each overlay's name, its keys' labels and short hints
        for kind in OverlayKind.allCases {
            texts.append(("overlay \(kind)", kind.title.fr))
            for binding in OverlayKeymap.bindings(kind) {
                let name = "\(kind) " + binding.keys.map(\.name).joined(separator: " ")
                texts.append(("label of \(name)", binding.label.fr))
                if let short = binding.short { texts.append(("hint of \(name)", short.fr)) }
            }
        }
        return texts
    }

    @Test func everyFrenchTextKeepsItsNoBreakSpaces() {
        for (name, text) in Self.frenchTexts {
            let problems = frenchTypographyProblems(text)
            #expect(problems.isEmpty, "\(name): \(problems) in “\(text)”")
        }
    }

    @Test func theCheckCatchesWhatItLooksFor() {
        #expect(!frenchTypographyProblems("Source : x").isEmpty)
        #expect(!frenchTypographyProblems("« a »").isEmpty)
        #expect(!frenchTypographyProblems("«\\u{00A0}a\\u{00A0}»").isEmpty)
        #expect(frenchTypographyProblems("Source\u{00A0}: «\u{202F}a\u{202F}» party:ID").isEmpty)
    }

    @Test func everyEnglishTextDiffersFromTheFrenchOrIsTheSameWord() {
        // a text left in English in the French column is the usual slip; a few words are the same
        let same: Set<String> = ["Action", "zoom", "{1}: one of {2}", "{1} ({2}{3})"]
        for text in UIText.allCases where text.template.en == text.template.fr {
            #expect(same.contains(text.template.en), "UIText.\(text) is not translated")
        }
    }

    @Test func placeholdersAreFilledOnceAndArgumentsStayAsTyped() {
        #expect(UIText.resultsTitle("{2}", "3").en == "“{2}”: 3 matches — Enter opens, Esc closes")
        #expect(UIText.matchOf("1", "2").fr == "Résultat 1 sur 2")
        #expect(UIText.count(0, one: .matchOne, many: .matchMany).en == "0 matches")
        #expect(UIText.count(0, one: .matchOne, many: .matchMany).fr == "0 résultat")
    }

    /// The French title of the Ctrl-F results showed `«\u{00A0}court\u{00A0}»` as typed in the source.
    @Test func theFrenchResultsTitleQuotesTheQueryWithNoBreakSpaces() throws {
        var state = try UIFixtures.state(width: 120, height: 40, lang: .fr)
        state.press(.character("/"))
        state.type("court")
        state.press(.enter, .control("f"))
        let screen = ScreenView.render(state).text
        #expect(screen.contains("«\u{00A0}court\u{00A0}»\u{00A0}: "), "\(screen)")
        #expect(!screen.contains("\\u{"))
    }

    /// What French screens show, messages included, passes the same check (the data shown is
    /// checked by ContentQualityTests).
    @Test func frenchScreensKeepTheirNoBreakSpaces() throws {
        var state = try UIFixtures.state(width: 160, height: 60, lang: .fr)
        var screens: [String] = []
        let scripts: [[Key]] = [
            [.character("?")], [.escape, .character("t")], [.escape, .character("f")], [.escape, .character("/")],
            [.character("z"), .character("z"), .character("z"), .enter], [.character("n")], [.control("f")],
            [.character("'"), .character("q")], [.character("f")], [.escape, .escape],
            [.character("T")], [.escape, .character("-"), .character("-"), .character("-"), .character("-")],
        ]
        for keys in scripts {
            for key in keys { state.press(key) }
            screens.append(ScreenView.render(state).text)
        }
        for screen in screens {
            // only the explorer's own lines: the status bar and box titles
            for line in screen.split(separator: "\n") where line.contains("Échap") || line.contains("Aucun") || line.contains("Pas de") {
                #expect(frenchTypographyProblems(String(line)).isEmpty, "\(frenchTypographyProblems(String(line))): \(line)")
            }
        }
    }
}
