import DossierCore
import Testing

@Suite struct DateTests {
    @Test(arguments: [("2020-07-16", DossierDate.Precision.day), ("2019-11", .month), ("2013", .year)])
    func parsesEachPrecision(text: String, precision: DossierDate.Precision) throws {
        let date = try #require(DossierDate(text))
        #expect(date.precision == precision)
        #expect(date.description == text)
    }

    @Test(arguments: ["2023-02-30", "2020-13", "20-01-01", "2020-7-16", "2020/07/16", "", "2020-07-16x", "0000"])
    func rejectsInvalidDates(text: String) {
        #expect(DossierDate(text) == nil)
    }

    @Test func acceptsLeapDay() {
        #expect(DossierDate("2024-02-29") != nil)
        #expect(DossierDate("2023-02-29") == nil)
        #expect(DossierDate("2000-02-29") != nil)
        #expect(DossierDate("1900-02-29") == nil)
    }

    @Test func ordersByFirstDayThenPrecision() throws {
        let year = try #require(DossierDate("2020"))
        let month = try #require(DossierDate("2020-01"))
        let day = try #require(DossierDate("2020-01-01"))
        let later = try #require(DossierDate("2020-07-16"))
        #expect([later, day, month, year].sorted() == [year, month, day, later])
        #expect(year.lastDay == 20_201_231)
        #expect(try #require(DossierDate("2024-02")).lastDay == 20_240_229)
    }
}

@Suite struct TextFoldTests {
    @Test func foldsCaseAccentsAndApostrophes() {
        #expect(TextFold.fold("« Conseil d’État »") == "\" conseil d'etat \"")
        #expect(TextFold.fold("CONSEIL D'ETAT") == "conseil d'etat")
        #expect(TextFold.fold("Œuvre Ça Ü ß") == "oeuvre ca u ss")
        #expect(TextFold.fold("e\u{301}te\u{301}") == "ete")  // decomposed accents
        #expect(TextFold.fold("a\u{00A0}:") == "a :")
    }
}

@Suite struct DisplayWidthTests {
    @Test func measuresByCellsNotCharacters() {
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("法") == 2)
        #expect(DisplayWidth.of("📜") == 2)
        #expect(DisplayWidth.of("Conseil d’État") == 14)
        #expect(DisplayWidth.of("«\u{00A0}x\u{00A0}»") == 5)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func truncatesWithEllipsisWithoutSplittingWideCharacters() {
        #expect(TextLayout.truncate("abcdef", to: 4) == "abc…")
        #expect(TextLayout.truncate("abc", to: 3) == "abc")
        #expect(TextLayout.truncate("法法法", to: 4) == "法…")
        #expect(DisplayWidth.of(TextLayout.truncate("法法法", to: 4)) <= 4)
        #expect(TextLayout.truncate("anything", to: 0) == "")
        #expect(DisplayWidth.of(TextLayout.pad("法x", to: 6)) == 6)
    }

    @Test func wrapsAtSpacesButNeverAtNoBreakSpaces() {
        let text = "Le juge a tranché\u{00A0}: «\u{00A0}pas d’urgence\u{00A0}»\u{00A0}; fin"
        // from the width of the longest no-break group up: narrower lines must cut inside a group
        for width in 13...30 {
            let lines = TextLayout.wrap(text, width: width)
            for line in lines {
                #expect(DisplayWidth.of(line) <= width, "line '\(line)' wider than \(width)")
                #expect(!line.hasPrefix(":") && !line.hasPrefix("»"), "line starts with punctuation at width \(width): \(line)")
            }
        }
        #expect(TextLayout.wrap("a b c", width: 3) == ["a b", "c"])
        #expect(TextLayout.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
    }

    @Test func cutsOverlongWordsBetweenGraphemes() {
        let lines = TextLayout.wrap("法法法法法", width: 3)
        #expect(lines == ["法", "法", "法", "法", "法"])
    }
}

@Suite struct SanitizerTests {
    @Test func neutralisesEscapeSequencesAndControls() {
        let hostile = "a\u{1B}]52;c;SGVsbG8=\u{07}b\u{1B}[2Jc\u{9B}d\u{202E}e\rf\u{8}g"
        let clean = Sanitizer.clean(hostile)
        #expect(
            !clean.unicodeScalars.contains {
                $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E || $0.value == 0x0D || $0.value == 0x08
            })
        #expect(clean.hasPrefix("a\u{FFFD}]52;c;SGVsbG8="))
    }

    @Test func keepsLineFeedsOnlyInMultilineText() {
        #expect(Sanitizer.clean("a\nb\tc") == "a\nb c")
        #expect(Sanitizer.clean("a\nb", multiline: false) == "a b")
        #expect(Sanitizer.clean("Conseil d’État «\u{00A0}x\u{00A0}»") == "Conseil d’État «\u{00A0}x\u{00A0}»")
    }

    @Test func languageFollowsTheLocaleVariablesInOrder() {
        #expect(Language.fromEnvironment(["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(Language.fromEnvironment(["LC_ALL": "C", "LANG": "fr_FR.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LC_MESSAGES": "fr", "LANG": "en_GB"]) == .fr)
        #expect(Language.fromEnvironment([:]) == .en)
    }
}

/// `[[id]]` links are parsed in one place, for the loader and every printer.
@Suite struct TextLinkTests {
    @Test func aTextIsCutIntoPlainPiecesAndLinks() {
        #expect(
            OverviewLinks.segments(in: "See [[a]] and [[b]][[c]]. [[open") == [
                .text("See "), .link("a"), .text(" and "), .link("b"), .link("c"), .text(". [[open"),
            ])
        #expect(OverviewLinks.ids(in: "no links") == [])
        #expect(OverviewLinks.segments(in: "") == [])
    }
}

/// `[[id|words]]`: a link that shows its own words, so a sentence keeps its grammar.
@Suite struct LabelledLinkTests {
    @Test func aLinkMayCarryTheWordsItShows() {
        #expect(
            OverviewLinks.segments(in: "the [[a|first order]] and [[b]] [[c|]]") == [
                .text("the "), .link("a", label: "first order"), .text(" and "), .link("b"), .text(" "), .link("c"),
            ])
        #expect(OverviewLinks.ids(in: "[[a|x]] [[b]]") == ["a", "b"])
    }

    @Test func plainTextShowsTheWordsOrTheTargetsName() {
        let text = "See [[a|the order]] and [[b]]."
        #expect(OverviewLinks.plain(text) { "Name of \($0)" } == "See the order and Name of b.")
        #expect(OverviewLinks.plain("no links") { _ in "x" } == "no links")
    }
}
