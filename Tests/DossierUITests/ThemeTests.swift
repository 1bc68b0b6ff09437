import DossierCore
import DossierUI
import Testing

@Suite struct ContrastTests {
    @Test func wcagRatiosOfKnownPairs() {
        let black = Contrast.RGB(0, 0, 0), white = Contrast.RGB(255, 255, 255)
        #expect(abs(Contrast.ratio(black, white) - 21) < 0.001)
        #expect(abs(Contrast.ratio(white, white) - 1) < 0.001)
        // xterm's blue on black, the unreadable link of the issue
        #expect(Contrast.ratio(Contrast.xterm[4], black) < 2.5)
        // xterm's yellow on white, the invisible match
        #expect(Contrast.ratio(Contrast.xterm[3], white) < 2)
    }

    /// Every style (selected styles included: a selected cell is painted in the selection's
    /// look) in every theme, on the backgrounds the theme is for, bold colours also bright.
    @Test(arguments: Theme.allCases)
    func everyStyleReachesFourAndAHalf(theme: Theme) {
        for style in Style.allCases {
            let ratio = Contrast.minimum(style, in: theme)
            #expect(ratio >= 4.5, "\(style) in \(theme): \(style.look(in: theme)) has \(ratio):1")
        }
    }

    @Test func boldColoursAreAlsoCheckedBright() {
        // bold black on cyan reads well, but xterm shows bold black as grey (#7f7f7f)
        let look = Look(.bold, .black, on: .cyan)
        let pairs = Contrast.pairs(look, on: .dark)
        #expect(pairs.count == 2)
        #expect(pairs.map { Contrast.ratio($0.fg, $0.bg) }.min()! < 4.5)
    }

    @Test func monoUsesNoColourAndKeepsRolesApart() {
        for style in Style.allCases { #expect(!style.look(in: .mono).hasColour) }
        let distinct: [Style] = [.normal, .selection, .selectionInactive, .link, .match, .heading]
        #expect(Set(distinct.map { $0.look(in: .mono) }).count == distinct.count)
        // focus: the focused title and border differ from the plain ones
        #expect(Style.focusTitle.look(in: .mono) != Style.title.look(in: .mono))
        #expect(Style.focusBorder.look(in: .mono) != Style.border.look(in: .mono))
        // era marks differ from each other and from text
        let eras: [Style] = [.era0, .era1, .era2, .normal]
        #expect(Set(eras.map { $0.look(in: .mono) }).count == eras.count)
    }

    @Test(arguments: [Theme.dark, .light, .safe])
    func linksMatchesAndSelectionNeverRestOnColourAlone(theme: Theme) {
        #expect(Style.link.look(in: theme).attributes.contains(.underline))
        #expect(Style.match.look(in: theme).attributes.contains(.underline))
        #expect(Style.selection.look(in: theme).attributes.contains(.reverse))
        #expect(!Style.link.look(in: theme).attributes.contains(.dim))
    }
}

@Suite struct ThemeChoiceTests {
    let xtermBlack = Array("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\\u{1B}[?64;1;2c".utf8)
    let xtermWhite = Array("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}\u{1B}[?1;2c".utf8)

    @Test func backgroundFromOSC11() {
        #expect(TerminalReplies.background(inOSC11: xtermBlack) == Contrast.RGB(0, 0, 0))
        #expect(TerminalReplies.background(inOSC11: xtermWhite) == Contrast.RGB(255, 255, 255))
        #expect(TerminalReplies.background(inOSC11: Array("\u{1B}]11;rgb:fd/f6/e3\u{07}".utf8)) == Contrast.RGB(0xfd, 0xf6, 0xe3))
        #expect(TerminalReplies.background(inOSC11: Array("\u{1B}]11;rgb:2/2/2\u{07}".utf8)) == Contrast.RGB(0x22, 0x22, 0x22))
        #expect(TerminalReplies.background(inOSC11: Array("\u{1B}[?1;2c".utf8)) == nil, "device attributes only: no OSC 11 support")
        #expect(TerminalReplies.background(inOSC11: Array("\u{1B}]11;rgb:zz/00/00\u{07}".utf8)) == nil)
        #expect(TerminalReplies.background(inOSC11: Array("\u{1B}]11;rgb:00/00\u{07}".utf8)) == nil)
    }

    @Test func themeFromTheAnswerThenColorfgbgThenSafe() {
        #expect(TerminalReplies.theme(choice: .auto, monochrome: false, osc11: xtermBlack, colorfgbg: "0;15") == .dark)
        #expect(TerminalReplies.theme(choice: .auto, monochrome: false, osc11: xtermWhite, colorfgbg: nil) == .light)
        // solarized light, a dark grey
        #expect(TerminalReplies.theme(forBackground: Contrast.RGB(0xfd, 0xf6, 0xe3)) == .light)
        #expect(TerminalReplies.theme(forBackground: Contrast.RGB(0x30, 0x30, 0x30)) == .dark)
        #expect(TerminalReplies.theme(choice: .auto, monochrome: false, osc11: nil, colorfgbg: "15;0") == .dark)
        #expect(TerminalReplies.theme(choice: .auto, monochrome: false, osc11: Array("\u{1B}[?1;2c".utf8), colorfgbg: "0;default;15") == .light)
        #expect(TerminalReplies.theme(choice: .auto, monochrome: false, osc11: nil, colorfgbg: "default;default") == .safe)
        #expect(TerminalReplies.theme(choice: .auto, monochrome: false, osc11: nil, colorfgbg: nil) == .safe)
    }

    @Test func askedForAndMonochromeWin() {
        #expect(TerminalReplies.theme(choice: .light, monochrome: false, osc11: xtermBlack, colorfgbg: "15;0") == .light)
        #expect(TerminalReplies.theme(choice: .dark, monochrome: true, osc11: xtermBlack, colorfgbg: nil) == .mono)
        #expect(TerminalReplies.theme(choice: .mono, monochrome: false, osc11: nil, colorfgbg: nil) == .mono)
    }

    @Test func optionThenEnvironment() {
        #expect(TerminalReplies.choice(option: nil, environment: [:]) == .auto)
        #expect(TerminalReplies.choice(option: nil, environment: ["DOSSIER_THEME": "Light"]) == .light)
        #expect(TerminalReplies.choice(option: "dark", environment: ["DOSSIER_THEME": "light"]) == .dark)
        #expect(TerminalReplies.choice(option: nil, environment: ["DOSSIER_THEME": "pink"]) == nil)
        #expect(TerminalReplies.choice(option: nil, environment: ["DOSSIER_THEME": ""]) == .auto)
    }
}

@Suite struct TerminalReplyTests {
    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func repliesAreWholeSequences() {
        // what follows the ESC of a cursor report, an OSC 11 answer, device attributes
        #expect(TerminalReplies.scan(scalars("[24;80R")) == .sequence(length: 7))
        #expect(TerminalReplies.scan(scalars("[?64;1;2;6;22c")) == .sequence(length: 14))
        #expect(TerminalReplies.scan(scalars("]11;rgb:0000/0000/0000\u{1B}\\")) == .sequence(length: 24))
        #expect(TerminalReplies.scan(scalars("]11;rgb:ffff/ffff/ffff\u{07}")) == .sequence(length: 23))
        #expect(TerminalReplies.scan(scalars("P>|XTerm(390)\u{1B}\\")) == .sequence(length: 15))
        #expect(TerminalReplies.scan(scalars("[24;8")) == .incomplete)
        #expect(TerminalReplies.scan(scalars("]11;rgb:00")) == .incomplete)
        // the Escape key alone, Alt-j, Alt-9
        #expect(TerminalReplies.scan([]) == .notASequence)
        #expect(TerminalReplies.scan(scalars("j")) == .notASequence)
        #expect(TerminalReplies.scan(scalars("9")) == .notASequence)
    }

    /// Split a stream the way the terminal backend does (each ESC, then what follows): no
    /// character of a reply is left over to become a key, and keys between replies stay keys.
    @Test func noDigitOfAReplyBecomesAKey() {
        let stream = scalars("\u{1B}[56;87R" + "k" + "\u{1B}]11;rgb:0000/0000/0000\u{1B}\\" + "\u{1B}[?1;2c" + "j" + "\u{1B}[9999;9999R")
        var keys: [UInt32] = []
        var i = 0
        while i < stream.count {
            if stream[i] == 0x1B, case .sequence(let length) = TerminalReplies.scan(Array(stream[(i + 1)...])) {
                i += 1 + length
            } else {
                keys.append(stream[i])
                i += 1
            }
        }
        #expect(keys == scalars("kj"))
    }

    @Test func cursorColumnOfAReport() {
        #expect(TerminalReplies.cursorColumn(in: Array("\u{1B}[12;2R".utf8)) == 2)
        #expect(TerminalReplies.cursorColumn(in: Array("junk\u{1B}[1;3R\u{1B}[?1;2c".utf8)) == 3)
        #expect(TerminalReplies.cursorColumn(in: Array("\u{1B}[?1;2c".utf8)) == nil)
    }

    @Test func aLocaleNamingUTF8IsUTF8EvenWhenNotInstalled() {
        #expect(TerminalReplies.localeNamesUTF8(["LANG": "fr_FR.UTF-8"]) == true)
        #expect(TerminalReplies.localeNamesUTF8(["LC_ALL": "C", "LANG": "fr_FR.UTF-8"]) == false, "LC_ALL wins")
        #expect(TerminalReplies.localeNamesUTF8(["LC_ALL": "", "LC_CTYPE": "en_US.utf8"]) == true)
        #expect(TerminalReplies.localeNamesUTF8(["LANG": "de_DE.ISO-8859-1"]) == false)
        #expect(TerminalReplies.localeNamesUTF8([:]) == nil)
    }

    @Test func localeIsSetOnlyWhenAVariableSaysSomething() {
        #expect(!TerminalReplies.localeIsSet([:]))
        #expect(!TerminalReplies.localeIsSet(["LANG": ""]))
        #expect(TerminalReplies.localeIsSet(["LC_ALL": "C"]))
        #expect(TerminalReplies.localeIsSet(["LANG": "fr_FR.UTF-8"]))
    }
}

@Suite struct ASCIIFallbackTests {
    @Test func everyScreenIsASCIIAndKeepsItsWidth() throws {
        for (lang, keys) in [
            (Language.en, [Key.character("2")]), (.fr, [.character("2"), .enter]), (.fr, [.character("?")]),
            (.en, [.character("1"), .end]), (.fr, [.character("4")]),
        ] {
            var state = try UIFixtures.state(width: 100, height: 30, lang: lang)
            for key in keys { state.press(key) }
            let grid = ScreenView.render(state)
            for r in 0..<grid.height {
                var width = 0
                for c in 0..<grid.width {
                    switch ASCIIFallback.glyph(grid[r, c]) {
                    case .text(let text):
                        #expect(text.utf8.allSatisfy { $0 < 0x80 }, "row \(r): \(grid[r, c].text)")
                        width += text.utf8.count
                    case .line: width += 1
                    }
                }
                #expect(width == grid.width, "row \(r) keeps its width")
            }
        }
    }

    @Test func standIns() {
        func shown(_ text: String, width: UInt8 = 1) -> ASCIIFallback.Glyph { ASCIIFallback.glyph(Cell(text: text, style: .normal, width: width)) }
        #expect(shown("é") == .text("e"))
        #expect(shown("É") == .text("E"))
        #expect(shown("ç") == .text("c"))
        #expect(shown("→") == .text(">"))
        #expect(shown("…") == .text("."))
        #expect(shown("█") == .text("#"))
        #expect(shown("法", width: 2) == .text("??"))
        #expect(shown("─") == .line(.horizontal))
        #expect(shown("║") == .line(.vertical))
        #expect(shown("╔") == .line(.upperLeft))
        #expect(shown("\u{2603}") == .text("?"))
        // « n° 492369 » reads "no 492369", not "n? 492369" (issue 29)
        #expect(ASCIIFallback.text(Self.row("n° 492369")) == "no 492369")
    }

    static func row(_ text: String) -> Grid {
        var grid = Grid(width: 12, height: 1)
        grid.put(text, row: 0, column: 0)
        return grid
    }
}

@Suite struct FrenchKeyNamesTests {
    @Test func statusBarAndHelpSayTheKeysInFrench() throws {
        #expect(KeyNames.localized("Enter", .fr) == "Entrée")
        #expect(KeyNames.localized("Backspace", .fr) == "Retour arrière")
        #expect(KeyNames.localized("Esc", .en) == "Esc")
        #expect(KeyNames.localized("j/k", .fr) == "j/k")
        for keys in [[Key.character("2")], [.character("2"), .enter], [.character("3")]] {
            var state = try UIFixtures.state(width: 200, height: 30, lang: .fr)
            for key in keys { state.press(key) }
            let status = ScreenView.render(state).text.split(separator: "\n").last.map(String.init) ?? ""
            #expect(!status.contains("Enter") && !status.contains("Backspace"), "\(status)")
        }
        var state = try UIFixtures.state(width: 120, height: 40, lang: .fr)
        state.press(.character("?"))
        let help = ScreenView.render(state).text
        #expect(help.contains("Entrée"))
        #expect(!help.contains("Enter "))
    }
}

@Suite struct ThemedGoldenTests {
    /// The timeline with a search's matches and the detail's links, the selected link in reverse.
    func detailWithMatches(width: Int, height: Int) throws -> Grid {
        var state = try UIFixtures.state(width: width, height: height)
        state.press(.character("/"))
        state.type("court")
        state.press(.enter, .enter)
        return ScreenView.render(state)
    }

    @Test(arguments: Theme.allCases)
    func detailAt80x24(theme: Theme) throws {
        try expectThemedGolden(try detailWithMatches(width: 80, height: 24), "theme-\(theme.rawValue)-80x24-en", theme: theme)
    }

    @Test(arguments: Theme.allCases)
    func searchResultsAt160x50(theme: Theme) throws {
        var state = try UIFixtures.state(width: 160, height: 50)
        state.press(.character("/"))
        state.type("court")
        state.press(.enter, .control("f"))
        try expectThemedGolden(ScreenView.render(state), "theme-\(theme.rawValue)-160x50-en", theme: theme)
    }
}

@Suite struct ContrastTableTests {
    /// docs/KEYS.md states each theme's lowest ratio, and its lowest apart from warnings (white
    /// on red), rounded down to a tenth: the table there must be the one these looks give.
    @Test func lowestRatiosAreThoseDocumented() throws {
        func lowest(_ theme: Theme, _ styles: [Style]) -> String {
            let tenths = Int(styles.map { Contrast.minimum($0, in: theme) }.min()! * 10)
            return "\(tenths / 10).\(tenths % 10):1"
        }
        let rows = Theme.allCases.map { theme in
            "| \(theme.rawValue) | \(lowest(theme, Style.allCases)) | \(lowest(theme, Style.allCases.filter { $0 != .warning })) |"
        }
        let table = (["| theme | lowest ratio | lowest apart from warnings |", "|---|---|---|"] + rows).joined(separator: "\n")
        let keys = try UIFixtures.projectText("docs/KEYS.md")
        #expect(keys.contains(table + "\n"), "docs/KEYS.md's contrast table should read:\n\(table)")
    }
}
