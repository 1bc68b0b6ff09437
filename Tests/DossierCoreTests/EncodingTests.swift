import DossierCore
import DossierOutput
import Foundation
import Testing

/// Byte-level oddities a dossier file may have: each is accepted (BOM, CRLF, non-NFC text) or refused
/// with file:line (invalid UTF-8, NUL and other raw control bytes, UTF-16).
@Suite struct EncodingTests {
    static func validFiles() throws -> [(path: String, bytes: [UInt8])] {
        try ["dossier.yaml", "records.yaml", "terms.yaml"].map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.valid + "/" + name))))
        }
    }

    static func export(_ dossier: Dossier) -> String {
        Printer(store: DossierStore(dossier), lang: .en, format: .json).export()
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let files = try Self.validFiles().map { ($0.path, [0xEF, 0xBB, 0xBF] + $0.bytes) }
        let withBOM = try DossierLoader.load(bytes: files)
        #expect(Self.export(withBOM) == Self.export(try DossierLoader.load(bytes: try Self.validFiles())))
    }

    @Test func crlfAndCRLineEndsLoadToTheSameDossier() throws {
        let plain = Self.export(try DossierLoader.load(bytes: try Self.validFiles()))
        for ending: [UInt8] in [[0x0D, 0x0A], [0x0D]] {
            let files = try Self.validFiles().map { file in
                (file.path, file.bytes.flatMap { $0 == 0x0A ? ending : [$0] })
            }
            #expect(Self.export(try DossierLoader.load(bytes: files)) == plain, "line end \(ending)")
        }
        // and through the folder reader, with errors still on the right line
        let dir = try TemporaryDirectory()
        let text = try String(contentsOfFile: Fixtures.broken("unknown-field") + "/records.yaml", encoding: .utf8)
        try dir.write(
            "dossier.yaml",
            Data(
                try String(contentsOfFile: Fixtures.broken("unknown-field") + "/dossier.yaml", encoding: .utf8)
                    .replacingOccurrences(of: "\n", with: "\r\n").utf8))
        try dir.write("records.yaml", Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let error = try #require(throws: DossierLoadError.self) { try DossierLoader.load(directory: dir.path) }
        #expect(error.diagnostics.contains { $0.line == 15 && $0.message.contains("unknown field 'sumary'") })
    }

    @Test func aNULByteIsAClearErrorWithItsLine() throws {
        var files = try Self.validFiles()
        var bytes = files[1].bytes
        let line5 = bytes.indices.filter { bytes[$0] == 0x0A }[3] + 1
        bytes.insert(0x00, at: line5 + 4)
        files[1].bytes = bytes
        let error = try #require(throws: DossierLoadError.self) { try DossierLoader.load(bytes: files) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.file == "records.yaml")
        #expect(diagnostic.line == 5)
        #expect(diagnostic.message.contains("control characters are not allowed"), "\(diagnostic)")
    }

    @Test func rawControlBytesAreRefusedWithTheirLine() throws {
        for byte: UInt8 in [0x1B, 0x07, 0x08, 0x7F] {
            let text = Array("dossier:\n  title: {en: \"a".utf8) + [byte] + Array("\", fr: b}\n".utf8)
            let error = try #require(throws: DossierLoadError.self) { try DossierLoader.load(bytes: [("x.yaml", text)]) }
            #expect(error.diagnostics.first?.line == 2, "byte \(byte): \(error.diagnostics)")
        }
    }

    @Test func invalidUTF8IsAnErrorWithItsLine() throws {
        for bad: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            let text = Array("dossier:\n  title:\n    en: \"a".utf8) + bad + Array("\"\n".utf8)
            let error = try #require(throws: DossierLoadError.self) { try DossierLoader.load(bytes: [("x.yaml", text)]) }
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.line == 3, "\(bad): \(diagnostic)")
            #expect(diagnostic.description.hasPrefix("x.yaml:3:"))
        }
        // cut inside a character at the very end of the file
        let cut: [UInt8] = Array(Array("a: b\nc: \u{E9}".utf8).dropLast())
        let error = try #require(throws: DossierLoadError.self) { try DossierLoader.load(bytes: [("x.yaml", cut)]) }
        #expect(error.diagnostics.first?.line == 2)
    }

    @Test func utf16IsRefusedClearly() throws {
        let text = "dossier: {}\n"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let error = try #require(throws: DossierLoadError.self) { try DossierLoader.load(bytes: [("x.yaml", utf16)]) }
        #expect(error.diagnostics.first?.line == 1, "\(error.diagnostics)")
    }

    /// Decision: text is kept as written, not normalised. Swift compares strings by canonical
    /// equivalence, display width is measured per grapheme (a base and its combining accent take
    /// one cell) and search folding drops combining accents, so NFD text behaves like NFC text.
    /// Ids are ASCII, so references are unaffected.
    @Test func decomposedTextIsAcceptedAndBehavesLikeComposed() throws {
        let composed = try String(contentsOfFile: Fixtures.valid + "/records.yaml", encoding: .utf8)
        let decomposed = composed.replacingOccurrences(of: "Conseil d’État", with: "Conseil d’E\u{301}tat")
            .replacingOccurrences(of: "Le juge rejette la demande", with: "Le juge rejette la demande\u{301}")
        #expect(decomposed.utf8.count > composed.utf8.count)
        let dossierText = try String(contentsOfFile: Fixtures.valid + "/dossier.yaml", encoding: .utf8)
        let terms = try String(contentsOfFile: Fixtures.valid + "/terms.yaml", encoding: .utf8)
        let store = DossierStore(try DossierLoader.load(texts: [("dossier.yaml", dossierText), ("records.yaml", decomposed), ("terms.yaml", terms)]))
        let court = try #require(store.party("court"))
        #expect(court.name.fr == "Conseil d’État")  // canonical equivalence
        #expect(court.name.fr.unicodeScalars.contains("\u{301}"))  // stored as written
        #expect(DisplayWidth.of(court.name.fr) == DisplayWidth.of("Conseil d’État"))
        #expect(store.searchIndex.search("conseil d'etat").contains { store.id(of: $0.ref) == "court" })
    }
}

/// A fresh temporary folder, removed when the value goes away.
final class TemporaryDirectory {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func write(_ name: String, _ data: Data) throws {
        try data.write(to: URL(fileURLWithPath: path + "/" + name))
    }
    func write(_ name: String, _ text: String) throws { try write(name, Data(text.utf8)) }
}
