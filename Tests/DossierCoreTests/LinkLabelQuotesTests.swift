import Testing

@testable import DossierCore

/// A source's link label is built with its quotes in place when that is sure to give what
/// replacing the first "« " and " »" of the plain form gives, and falls back to the replacement
/// otherwise: either way the label is the replacement's.
@Suite struct LinkLabelQuotesTests {
    private func source(publisher: String, title: String) -> Source {
        var source = Source()
        source.id = "s"
        source.publisher = publisher
        source.title = title
        source.date = DossierDate(year: 2020, month: 7, day: 16)!
        source.url = "https://example.org/a"
        return source
    }

    private func replaced(_ s: Source, _ lang: Language) -> String {
        "\(s.publisher), « \(s.title) », \(s.date) — \(s.url)".replacingGuillemetSpaces(for: lang)
    }

    @Test func everyBundledSourceReadsAsTheReplacementGivesIt() throws {
        let store = DossierStore(try BundledLoader.load())
        #expect(!store.sources.isEmpty)
        var built = 0
        for (index, source) in store.sources.enumerated() {
            for lang in Language.allCases {
                #expect(store.linkLabel(.source(index), lang) == replaced(source, lang), "\(source.id) \(lang)")
                if DossierStore.quotedTitle(source, lang) != nil { built += 1 }
            }
        }
        // the quick way is the usual one, not a path no source takes
        #expect(built > store.sources.count)
    }

    @Test(arguments: [
        ("CNIL", "Délibération n° 2020-044"),
        ("Le « Monde »", "Cloud"),  // a guillemet in the publisher: replaced there
        ("CNIL", "Le « cloud » souverain"),  // guillemets in the title
        ("CNIL", "Titre »"),
        ("CNIL", ""),  // no title
        ("CNIL", "title "),  // a space before the closing one
        ("CNIL", "\u{301}accent"),  // a combining mark joins the space before it
        ("CNIL", "\u{200D}joiner"),
        ("CNIL", "number \u{600}"),  // a prepended mark joins the space after it
        ("CNIL", "法律"),
        ("Conseil d’État", "Ordonnance du 22 mars 2024 ✓"),
    ])
    func awkwardTitlesReadAsTheReplacementGivesThem(publisher: String, title: String) throws {
        var dossier = try BundledLoader.load()
        dossier.sources[0].publisher = publisher
        dossier.sources[0].title = title
        let s = dossier.sources[0]
        let store = DossierStore(dossier)
        let ref = try #require(store.ref(s.id))
        for lang in Language.allCases {
            #expect(store.linkLabel(ref, lang) == replaced(s, lang), "\(title) \(lang)")
        }
    }

    @Test func theQuickWayStepsAsideForGuillemetsAndJoiningMarks() {
        #expect(DossierStore.quotedTitle(source(publisher: "CNIL", title: "Délibération"), .fr) != nil)
        #expect(DossierStore.quotedTitle(source(publisher: "Le « Monde »", title: "Cloud"), .fr) == nil)
        #expect(DossierStore.quotedTitle(source(publisher: "CNIL", title: "Le « cloud »"), .en) == nil)
        #expect(DossierStore.quotedTitle(source(publisher: "CNIL", title: "\u{301}accent"), .en) == nil)
        #expect(DossierStore.quotedTitle(source(publisher: "CNIL", title: ""), .en) == nil)
    }
}
