import DossierCore
import DossierOutput
import Foundation
import Testing

/// What a terminal could execute or be confused by: C0 controls other than line feed, DEL, C1
/// controls, bidi controls. ESC is among the C0 controls, so no escape sequence can survive.
func terminalUnsafe(_ text: String, allowTab: Bool = false) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { scalar in
        if scalar == "\n" || (allowTab && scalar == "\t") { return false }
        return Sanitizer.isControl(scalar) || Sanitizer.isUnsafe(scalar)
    }
}

/// A dossier whose every text tries to drive the terminal (Fixtures/hostile): OSC 52 clipboard
/// writes, ESC[2J, CSI and OSC sequences, 8-bit C1 controls, BEL, backspace, CR, DEL, NUL and bidi
/// overrides. It loads, and nothing of it can reach a terminal as a command.
@Suite struct HostileDataTests {
    static let hostile = Fixtures.root + "/hostile"

    static func store() throws -> DossierStore { DossierStore(try DossierLoader.load(directory: hostile)) }

    @Test func theHostileDossierLoadsWithEveryControlNeutralised() throws {
        let store = try Self.store()
        let json = Printer(store: store, lang: .en, format: .json).export()
        // every string of the whole dossier, both languages, as the JSON export lists them
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        var strings: [String] = []
        func collect(_ value: Any) {
            if let text = value as? String { strings.append(text) }
            if let array = value as? [Any] { array.forEach(collect) }
            if let dictionary = value as? [String: Any] { dictionary.values.forEach(collect) }
        }
        collect(object)
        #expect(strings.count > 40)
        for text in strings { #expect(terminalUnsafe(text).isEmpty, "\(text.debugDescription)") }
        // what was there is still visible, as U+FFFD followed by the inert rest of the sequence
        #expect(store.info.title.en == "Hostile \u{FFFD}]0;PWNED-TITLE\u{FFFD} affair \u{FFFD}[2J\u{FFFD}[H")
        #expect(store.events[0].title.fr == "Ordonnance \u{FFFD}2J effacée")
        #expect(store.info.overview.en.contains("\u{FFFD}]52;c;ZXZpbA==\u{FFFD}"))
        #expect(store.info.overview.en.contains("\u{FFFD}esrever\u{FFFD} ok"), "bidi override and pop are shown, not obeyed")
    }

    /// Decision: a carriage return means a line break, never "back to the start of the line" (which
    /// could overwrite what was printed). CRLF and a lone CR become one line feed in texts, a space in
    /// one-line fields.
    @Test func carriageReturnsBecomeLineBreaks() throws {
        let store = try Self.store()
        #expect(store.events[0].summary.en == "Line one\nline two\nline three \u{FFFD}[?1049l leaves the alternate screen.")
        #expect(store.info.overview.en.contains("[[ev-ruling]].\nNext line"))
        let claimant = try #require(store.party("claimant"))
        #expect(claimant.summary.en.contains("then\nOVERWRITE"))
        #expect(claimant.summary.en.contains("\u{FFFD}DEL \u{FFFD}NUL"))
        #expect(Sanitizer.clean("a\r\nb\rc", multiline: false) == "a b c")
        #expect(Sanitizer.clean("a\r\n\r\nb") == "a\n\nb")
        #expect(Sanitizer.clean("a\u{2028}b") == "a\u{FFFD}b")
    }

    @Test(arguments: OutputFormat.allCases, [Language.en, .fr])
    func everyPrintedTextIsInert(format: OutputFormat, lang: Language) throws {
        let store = try Self.store()
        let printer = Printer(store: store, lang: lang, format: format)
        var outputs = [
            printer.overview(), printer.timeline(store.events), printer.parties(store.parties),
            printer.arguments(store.arguments), printer.accords(store.accords), printer.export(),
            printer.search("ruling"),
        ]
        for id in ["src-court", "claimant", "court", "ev-ruling", "arg-held", "test-accord"] {
            outputs.append(printer.show(try #require(store.ref(id))))
        }
        for output in outputs {
            #expect(terminalUnsafe(output).isEmpty, "\(format) \(lang): \(output.debugDescription)")
            if format == .json { _ = try JSONSerialization.jsonObject(with: Data(output.utf8)) }
        }
    }

    /// Messages quote keys and file names from the dossier and go to standard error, a terminal.
    @Test func diagnosticsAreSanitisedToo() throws {
        let text = "dossier:\n  title: {en: a, fr: b}\n\"evil\\e]52;c;ZXZpbA==\\a\\e[2J\": []\n\"dup\\e[2J\": 1\n\"dup\\e[2J\": 2\n"
        let error = try #require(throws: DossierLoadError.self) {
            try DossierLoader.load(texts: [("name\u{1B}]0;title\u{07}.yaml", text)])
        }
        #expect(!error.diagnostics.isEmpty)
        for diagnostic in error.diagnostics {
            #expect(terminalUnsafe(diagnostic.description).isEmpty, "\(diagnostic.description.debugDescription)")
            #expect(diagnostic.file == "name\u{FFFD}]0;title\u{FFFD}.yaml")
        }
    }
}
