import BundledDossier
import Foundation
import Testing

@testable import DossierCore

/// The fast reader must build exactly libyaml's tree (marks included) whenever it does not give
/// up, and must give up whenever libyaml reports an error.
@Suite struct FastYAMLReaderTests {
    enum Reading: Equatable {
        case unsupported
        case parsed(String)
    }

    /// A printable form of a tree, marks included, so two trees compare as text.
    static func dump(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        switch node {
        case .scalar(let text, let mark):
            return "\(mark.line):\(mark.column)=\(text.debugDescription)"
        case .sequence(let items, let mark):
            return "\(mark.line):\(mark.column)[" + items.map(dump).joined(separator: ", ") + "]"
        case .mapping(let pairs, let mark):
            return "\(mark.line):\(mark.column){"
                + pairs.map { "\($0.keyMark.line):\($0.keyMark.column)\($0.key.debugDescription): \(dump($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    static func fast(_ bytes: [UInt8]) -> Reading {
        bytes.withUnsafeBufferPointer { buffer in
            switch FastYAMLReader.parse(buffer, limits: .standard) {
            case .parsed(let root): return .parsed(dump(root))
            case .unsupported: return .unsupported
            }
        }
    }

    static func reference(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(YAMLError) { return dump(try YAMLParser.parseWithLibYAML(buffer)) } catch { return nil }
        }
    }

    /// Fails unless the fast reader gave up or agrees with libyaml; returns whether it read the text.
    @discardableResult
    static func agree(_ bytes: [UInt8], _ comment: Comment) -> Bool {
        let fast = fast(bytes)
        guard case .parsed(let tree) = fast else { return false }
        let expected = reference(bytes)
        #expect(expected != nil, "libyaml refuses what the fast reader read: \(comment)")
        #expect(tree == expected, "trees differ: \(comment)")
        return true
    }

    static func bundledFiles() -> [(name: String, bytes: [UInt8])] {
        BundledDossier.files.map { file in (file.path, file.text.withUTF8Buffer { Array($0) }) }
    }

    static func fixtureFiles() throws -> [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = []
        let manager = FileManager.default
        for folder in try manager.subpathsOfDirectory(atPath: Fixtures.root) where folder.hasSuffix(".yaml") {
            files.append((folder, Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.root + "/" + folder)))))
        }
        return files
    }

    @Test func readsTheBundledDossierLikeLibYAML() {
        for file in Self.bundledFiles() {
            #expect(Self.agree(file.bytes, "\(file.name)"), "the fast reader gave up on \(file.name)")
        }
    }

    @Test func readsTheSyntheticDossierLikeLibYAML() {
        for file in SyntheticDossier.generate(events: 300, seed: 7) {
            #expect(Self.agree(Array(file.text.utf8), "\(file.name)"), "the fast reader gave up on \(file.name)")
        }
    }

    @Test func agreesOnEveryFixture() throws {
        let files = try Self.fixtureFiles()
        #expect(files.count > 15)
        var read = 0
        for file in files where Self.agree(file.bytes, "\(file.name)") { read += 1 }
        // the valid fixture and most broken ones (whose faults are in the records, not the YAML)
        #expect(read >= 10)
    }

    /// Every construct of the subset, each read the same way by both readers.
    @Test(
        arguments: [
            "a: b\n",
            "a: b",
            "  a: b\n  c: d\n",
            "a: b # comment\nc: 'it''s'\n",
            "# only\n\na:   spaced value   \n",
            "list:\n  - one\n  - two\n",
            "list:\n- one\n- two\nnext: x\n",
            "- a\n- b\n",
            "- id: x\n  title:\n    en: \"E\"\n    fr: \"F\"\n- id: y\n",
            "- {id: ev-1, date: 2020-01, t: {en: \"a: b\", fr: \"c\"}, p: [x, y], q: []}\n",
            "m: {}\n",
            "s: [a b, 'c d', \"e\"]\n",
            "u: https://example.org/a#b\n",
            "q: \"caf\\u00e9 \\\" \\\\ \\/ \\n \\t \\x41 \\U0001F600 \\N \\_ \\L \\P \\0 \\e\"\n",
            "q: \"Conseil d’État « santé » — 2024\"\n",
            "k: €uro ünïcode\n",
            "t: |\n  line one\n  line two\n",
            "t: |-\n  line one\n\n  line three\n\nnext: 1\n",
            "t: |+\n  kept\n\n\nnext: 1\n",
            "- |\n  block in a list\n- x\n",
            "a:\n  b:\n    c: [1, 2]\n  d: e\n",
            "a: b#not a comment\n",
            "title: {en: \"A\", fr: \"B\"} # trailing\n",
            "a: b\n# comment\n  # indented comment\nc: d\n",
            "\u{FEFF}a: b\n",
        ] as [String])
    func subset(_ text: String) {
        #expect(Self.agree(Array(text.utf8), "\(text.debugDescription)"), "the fast reader gave up on \(text.debugDescription)")
    }

    /// Outside the subset: the fast reader must give up (libyaml reads or refuses it).
    @Test(
        arguments: [
            "a:\tb\n", "a: b\r\n", "a: &x b\nc: *x\n", "a: !tag b\n", "a: multi\n  line\n", "a:\n", "a: >\n  folded\n",
            "a: |2\n  x\n", "a: [1,\n  2]\n", "a: \"two\n  lines\"\n", "---\na: b\n", "a: b\n---\nc: d\n", "%YAML 1.1\n---\na: b\n",
            "? a\n: b\n", "\"quoted key\": v\n", "a: b: c\n", "a: b\n- c\n", "a: [x, ]\n", "a: {b}\n", "a: 'open\n", "a: \"\\q\"\n",
            "a: \"\\uD800\"\n", "plain\n", "[a, b]\n", "a: |\n  x", "a: b\n  c: d\n", "- - a\n", "a: b\u{85}c\n", "a: \u{7F}\n",
            "a: x #c\n  more\n", "a: \"x\"y\n", "a: [a:b]\n", "a: [x #c]\n", "- a\n  - b\n",
            "é: x\n", "x: -5\n",
        ] as [String])
    func outside(_ text: String) {
        #expect(Self.fast(Array(text.utf8)) == .unsupported, "\(text.debugDescription)")
    }

    /// libyaml's error, as `line:column: message`, or nil if it reads the text.
    static func libYAMLError(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(YAMLError) { _ = try YAMLParser.parseWithLibYAML(buffer); return nil } catch {
                return "\(error.mark.line):\(error.mark.column): \(error.message)"
            }
        }
    }

    /// The error the loader's path (fast reader first, then libyaml) gives, or nil.
    static func parseError(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(YAMLError) { _ = try YAMLParser.parse(buffer); return nil } catch {
                return "\(error.mark.line):\(error.mark.column): \(error.message)"
            }
        }
    }

    /// libyaml refuses a key longer than 1,024 characters (its simple-key limit); the fast reader
    /// leaves such a key to libyaml, so the message is libyaml's, as if the fast reader did not
    /// exist. A key of exactly 1,024 characters is still the fast reader's.
    /// (`KEY` in each text stands for the key; the last one is of two-byte characters: libyaml
    /// counts characters, not bytes.)
    @Test(arguments: [
        ("id: x\nKEY: v\n", "k"),
        ("dossier:\n  KEY: v\n", "k"),
        ("events:\n  - KEY: v\n", "k"),
        ("t: {en: a, KEY: v}\n", "k"),
        ("t: {KEY: v}\n", "é"),
    ])
    func keysOverLibYAMLsLimitAreLeftToLibYAML(template: String, character: String) {
        func text(_ length: Int) -> [UInt8] {
            Array(template.replacingOccurrences(of: "KEY", with: String(repeating: character, count: length)).utf8)
        }
        let long = text(1_025)
        #expect(Self.fast(long) == .unsupported, "\(template.debugDescription): a 1,025-character key is left to libyaml")
        let expected = Self.libYAMLError(long)
        #expect(expected != nil, "\(template.debugDescription): libyaml refuses a 1,025-character key")
        #expect(Self.parseError(long) == expected, "\(template.debugDescription): the message is libyaml's")

        #expect(
            Self.agree(text(1_024), "\(template.debugDescription), 1,024 characters"),
            "\(template.debugDescription): the fast reader reads a 1,024-character key")
    }

    /// Through the loader, the 1,025-character key is reported with libyaml's message at its place.
    @Test func theLoaderReportsLibYAMLsMessageForALongKey() throws {
        let text = "dossier:\n  \(String(repeating: "k", count: 1_025)): v\n"
        let expected = try #require(Self.libYAMLError(Array(text.utf8)))
        do {
            _ = try DossierLoader.load(texts: [(path: "dossier.yaml", text: text)])
            Issue.record("a 1,025-character key loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["dossier.yaml:\(expected)"])
        }
    }

    @Test func givesUpOnInvalidUTF8() {
        for bytes: [UInt8] in [
            [0x61, 0x3A, 0x20, 0xFF, 0x0A], [0x61, 0x3A, 0x20, 0xC3, 0x0A], [0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80, 0x0A],
            [0x61, 0x3A, 0x20, 0xC0, 0xAF, 0x0A], [0x61, 0x3A, 0x20, 0xC2, 0x9B, 0x0A], [0x61, 0x3A, 0x20, 0x1B, 0x0A],
        ] {
            #expect(Self.fast(bytes) == .unsupported, "\(bytes)")
        }
    }

    /// Random edits of real files, weighted to the characters YAML gives meaning to: wherever the
    /// fast reader does not give up, libyaml must read the same tree.
    @Test func agreesOnMutatedFiles() {
        var random = SplitMix64(seed: 2024)
        let specials: [[UInt8]] = [":", " ", "\n", "-", "#", "\"", "'", "|", "[", "]", "{", "}", ",", "  ", "\\", "|-", "- ", ": ", "é", "\t"].map {
            Array($0.utf8)
        }
        let sources = Self.bundledFiles().map(\.bytes) + SyntheticDossier.generate(events: 40, seed: 3).map { Array($0.text.utf8) }
        var read = 0, total = 0
        for round in 0..<600 {
            var bytes = sources[round % sources.count]
            for _ in 0..<Int.random(in: 1...3, using: &random) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                let insert = specials.randomElement(using: &random)!
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.insert(contentsOf: insert, at: at)
                case 1: bytes.replaceSubrange(at..<min(bytes.count, at + insert.count), with: insert)
                default: bytes.remove(at: at)
                }
            }
            total += 1
            if Self.agree(bytes, "mutation \(round)") { read += 1 }
        }
        // many edits leave the text inside the subset: the comparison is not vacuous
        #expect(read > total / 5, "only \(read) of \(total) mutated files were read by the fast reader")
    }
}
