import DossierCore
import Testing

@Suite struct LoaderTests {
    @Test func loadsTheValidFixture() throws {
        let dossier = try DossierLoader.load(directory: Fixtures.valid)
        #expect(dossier.events.count == 4)
        #expect(dossier.parties.count == 3)
        #expect(dossier.arguments.count == 2)
        #expect(dossier.accords.count == 1)
        #expect(dossier.sources.count == 2)
        #expect(dossier.info.focus == "ev-ruling")
        let wide = try #require(dossier.parties.first { $0.id == "wide" })
        #expect(wide.name.en == "Tribunal 法院 📜" && wide.name.fr == wide.name.en)
        #expect(wide.certainty == .reported)
        // block scalars lose their trailing line feed
        #expect(dossier.info.overview.en == "A claimant went to court; see [[ev-ruling]].")
    }

    /// One broken dossier per kind of problem; each must be reported at its file and line.
    @Test(arguments: [
        ("malformed-yaml", "records.yaml", 13, "did not find expected"),
        ("unknown-field", "records.yaml", 15, "unknown field 'sumary'"),
        ("missing-field", "records.yaml", 18, "missing field 'title'"),
        ("duplicate-id", "records.yaml", 18, "duplicate id 'party-one'"),
        ("dangling-reference", "records.yaml", 24, "refers to party 'nobody', which does not exist"),
        ("wrong-kind-reference", "records.yaml", 24, "must name a party, but 'src-one' is a source"),
        ("invalid-date", "records.yaml", 19, "'2023-02-30' is not a date"),
        ("missing-language", "records.yaml", 22, "missing its French text (fr)"),
        ("no-source", "records.yaml", 25, "'sources' is empty"),
        ("missing-note", "records.yaml", 25, "needs a 'note'"),
        ("bad-value", "records.yaml", 20, "'rumour' is not one of"),
        ("alias", "records.yaml", 13, "anchors (&name) are not allowed"),
        ("invalid-utf8", "records.yaml", 15, "invalid leading UTF-8 octet"),
        ("no-dossier-record", "no-dossier-record", 0, "no 'dossier:' record"),
        ("dangling-overview-link", "dossier.yaml", 4, "refers to record 'ev-two'"),
    ])
    func reportsEachProblemWithFileAndLine(fixture: String, file: String, line: Int, message: String) throws {
        let error = try #require(throws: DossierLoadError.self) {
            try DossierLoader.load(directory: Fixtures.broken(fixture))
        }
        let match = error.diagnostics.first { $0.message.contains(message) }
        let diagnostic = try #require(match, "no diagnostic containing '\(message)' in \(error.diagnostics)")
        #expect(diagnostic.file.hasSuffix(file))
        #expect(diagnostic.line == line)
        #expect(diagnostic.description.hasPrefix(diagnostic.file + (line > 0 ? ":\(line):" : ":")))
    }

    @Test func reportsEveryProblemNotJustTheFirst() throws {
        let text = """
            dossier:
              title: {en: "T", fr: "T"}
              focus: nowhere
              as_of: 2026-12-01
              overview: {en: "x", fr: "x"}
            events:
              - id: BadID
                date: 2020-13
              - id: ok-one
                date: 2020
                kind: ruling
                track: courts
                title: {en: "x"}
                summary: {en: "x", fr: "x"}
                sources: [missing]
            """
        let error = try #require(throws: DossierLoadError.self) {
            try DossierLoader.load(texts: [("all.yaml", text)])
        }
        let messages = error.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("all.yaml:3:3") && $0.contains("'nowhere'") })
        #expect(messages.contains { $0.contains("all.yaml:7:") && $0.contains("not a valid id") })
        #expect(messages.contains { $0.contains("all.yaml:13:") && $0.contains("French") })
        #expect(messages.contains { $0.contains("all.yaml:15:") && $0.contains("source 'missing'") })
        #expect(error.diagnostics == error.diagnostics.sorted())
    }

    @Test func refusesMissingFoldersAndFilesThatAreNotMappings() throws {
        let missing = try #require(throws: DossierLoadError.self) { try DossierLoader.load(directory: "/nonexistent/dossier") }
        #expect(missing.diagnostics.first?.message == "no such folder")
        let list = try #require(throws: DossierLoadError.self) { try DossierLoader.load(texts: [("a.yaml", "- 1\n- 2\n")]) }
        #expect(list.diagnostics.contains { $0.message.contains("must be a mapping of collections") })
    }

    @Test func refusesAliasBombsAndDeepNesting() throws {
        let laughs = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
        let bomb = try #require(throws: DossierLoadError.self) { try DossierLoader.load(texts: [("bomb.yaml", laughs)]) }
        #expect(bomb.diagnostics.count == 1)
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let nested = try #require(throws: DossierLoadError.self) { try DossierLoader.load(texts: [("deep.yaml", "a: " + deep)]) }
        #expect(nested.diagnostics.first?.message.contains("nesting deeper") == true)
    }

    @Test func sanitisesControlCharactersInData() throws {
        var text = try String(contentsOfFile: Fixtures.valid + "/records.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "A company that sued.", with: "A company\\e[2J\\e]52;c;SGk=\\a that sued.")
        text = text.replacingOccurrences(of: "summary: {en: \"A company", with: "summary: {en: \"A company")
        let overview = try String(contentsOfFile: Fixtures.valid + "/dossier.yaml", encoding: .utf8)
        let terms = try String(contentsOfFile: Fixtures.valid + "/terms.yaml", encoding: .utf8)
        let dossier = try DossierLoader.load(texts: [("dossier.yaml", overview), ("records.yaml", text), ("terms.yaml", terms)])
        let summary = try #require(dossier.parties.first { $0.id == "claimant" }).summary.en
        #expect(!summary.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(summary.contains("\u{FFFD}[2J"))
    }
}
