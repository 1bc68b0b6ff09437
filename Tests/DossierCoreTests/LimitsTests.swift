import DossierCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Resource bombs: each is refused with a clear message at file:line, or loads within the
/// documented limits, in bounded time (the bounds below are generous for a debug build on a slow
/// machine; the quadratic behaviours they guard against took minutes).
@Suite(.serialized) struct LimitsTests {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static let header = """
        dossier:
          title: {en: "Big", fr: "Gros"}
          focus: ev-0
          as_of: 2026-12-01
          overview: {en: "x", fr: "x"}
        events:
          - id: ev-0
            date: 2020
            kind: ruling
            track: courts
            title: {en: "x", fr: "x"}
            summary: {en: "x", fr: "x"}
            sources: [s-1]
        sources:

        """

    static func source(_ i: Int) -> String {
        "  - {id: s-\(i), publisher: P, title: T, date: 2020, url: https://e.org/\(i), language: en, kind: press}\n"
    }

    /// "Billion laughs": nine levels of aliases would expand to 10^9 items. Refused at the first
    /// anchor, before anything expands.
    @Test func billionLaughsIsRefusedAtOnce() throws {
        var text = "lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = "*lol\(level - 1)"
            text += "lol\(level): &lol\(level) [" + Array(repeating: previous, count: 10).joined(separator: ", ") + "]\n"
        }
        var diagnostics: [Diagnostic] = []
        let elapsed = Self.seconds {
            do { _ = try DossierLoader.load(texts: [("laughs.yaml", text)]) } catch { diagnostics = (error as? DossierLoadError)?.diagnostics ?? [] }
        }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.description.hasPrefix("laughs.yaml:1:7: YAML anchors (&name) are not allowed") == true, "\(diagnostics)")
        #expect(elapsed < 1)
    }

    @Test func deepNestingIsRefusedAtTheLimit() throws {
        for depth in [33, 1_000_000] {
            let flow = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
            var diagnostics: [Diagnostic] = []
            let elapsed = Self.seconds {
                do { _ = try DossierLoader.load(texts: [("deep.yaml", flow)]) } catch { diagnostics = (error as? DossierLoadError)?.diagnostics ?? [] }
            }
            #expect(diagnostics.first?.message == "nesting deeper than \(YAMLLimits.standard.maxDepth) levels")
            #expect(diagnostics.first?.line == 1)
            #expect(elapsed < 5)
        }
        // block style, one level per line: the error names the line where the limit is crossed
        var block = ""
        for level in 0..<40 { block += String(repeating: "  ", count: level) + "k\(level):\n" }
        let error = try #require(throws: DossierLoadError.self) { try DossierLoader.load(texts: [("deep.yaml", block)]) }
        #expect(error.diagnostics.first?.line == YAMLLimits.standard.maxDepth + 1, "\(error.diagnostics)")
        // 31 levels below the file's mapping still parse (and are then refused as a dossier)
        let fine = String(repeating: "[", count: 31) + String(repeating: "]", count: 31)
        let shallow = try #require(throws: DossierLoadError.self) { try DossierLoader.load(texts: [("ok.yaml", "a: " + fine)]) }
        #expect(shallow.diagnostics.contains { $0.message.contains("unknown collection 'a'") }, "\(shallow.diagnostics)")
    }

    /// A 200 MB file (sparse: no disk is used) and one just over the limit are refused from their
    /// size, before a byte is read.
    @Test func filesOverTheSizeLimitAreRefusedBeforeReading() throws {
        for size in [DossierLimits.standard.maxFileBytes + 1, 200_000_000] {
            let dir = try TemporaryDirectory()
            try dir.write("dossier.yaml", try Data(contentsOf: URL(fileURLWithPath: Fixtures.valid + "/dossier.yaml")))
            let path = dir.path + "/huge.yaml"
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            #expect(fd >= 0)
            #expect(ftruncate(fd, off_t(size)) == 0)
            close(fd)
            var diagnostics: [Diagnostic] = []
            let elapsed = Self.seconds {
                do { _ = try DossierLoader.load(directory: dir.path) } catch { diagnostics = (error as? DossierLoadError)?.diagnostics ?? [] }
            }
            let huge = try #require(diagnostics.first { $0.file.hasSuffix("huge.yaml") })
            #expect(huge.message == "file of \(size) bytes is larger than the limit of \(64 << 20) bytes")
            #expect(elapsed < 1)
        }
    }

    @Test func theTotalSizeAndFileCountAreLimited() throws {
        let dir = try TemporaryDirectory()
        for i in 0..<3 { try dir.write("f\(i).yaml", String(repeating: "# comment\n", count: 100)) }
        var limits = DossierLimits.standard
        limits.maxTotalBytes = 2_500
        let total = try #require(throws: DossierLoadError.self) { try DossierLoader.load(directory: dir.path, limits: limits) }
        #expect(total.diagnostics.contains { $0.file.hasSuffix("f2.yaml") && $0.message.contains("larger than the limit of 2500 bytes") })
        limits = .standard
        limits.maxFiles = 2
        let files = try #require(throws: DossierLoadError.self) { try DossierLoader.load(directory: dir.path, limits: limits) }
        #expect(files.diagnostics.first?.message == "more than 2 .yaml files")
    }

    /// 100,000 records in one file load in bounded time; with the record limit set there, one
    /// more is refused (the standard limit, 1,000,000, works the same way, only slower to test).
    @Test func aHundredThousandRecordsLoadAndOneMoreIsRefused() throws {
        #expect(DossierLimits.standard.maxRecords == 1_000_000)
        let limit = 100_000
        var limits = DossierLimits.standard
        limits.maxRecords = limit
        var text = Self.header
        text.reserveCapacity(limit * 100)
        for i in 1..<limit { text += Self.source(i) }  // 1 event + 99,999 sources
        var dossier: Dossier?
        let elapsed = try Self.seconds { dossier = try DossierLoader.load(texts: [("big.yaml", text)], limits: limits) }
        #expect(dossier?.sources.count == limit - 1)
        #expect(elapsed < 60, "loading \(limit) records took \(elapsed) s")
        print("loaded \(limit) records in \(elapsed) s")

        text += Self.source(limit)
        let error = try #require(throws: DossierLoadError.self) { try DossierLoader.load(texts: [("big.yaml", text)], limits: limits) }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.description == "big.yaml:\(limit + 14):5: more than \(limit) records: refusing to load more")
    }

    /// Before keys were kept in a set, checking for duplicates was quadratic: 5·10^9 comparisons here.
    @Test func aMappingWithAHundredThousandKeysIsLinear() throws {
        var text = "dossier:\n"
        for i in 0..<100_000 { text += "  k\(i): v\n" }
        text += "  k99999: again\n"
        var diagnostics: [Diagnostic] = []
        let elapsed = Self.seconds {
            do { _ = try DossierLoader.load(texts: [("keys.yaml", text)]) } catch { diagnostics = (error as? DossierLoadError)?.diagnostics ?? [] }
        }
        #expect(diagnostics.first?.description == "keys.yaml:100002:3: the key 'k99999' appears twice in the same mapping")
        #expect(elapsed < 20, "\(elapsed) s")
    }

    @Test func aListOfAHundredThousandReferencesIsLinear() throws {
        var text = Self.header + Self.source(1)
        text = text.replacingOccurrences(of: "sources: [s-1]", with: "sources: [" + (0..<100_000).map { "s-\($0)" }.joined(separator: ", ") + "]")
        var diagnostics: [Diagnostic] = []
        let elapsed = Self.seconds {
            do { _ = try DossierLoader.load(texts: [("refs.yaml", text)]) } catch { diagnostics = (error as? DossierLoadError)?.diagnostics ?? [] }
        }
        #expect(diagnostics.count == 99_999)  // every id but s-1 is dangling
        #expect(elapsed < 20, "\(elapsed) s")
    }

    @Test func textsOverOneMebibyteAreRefusedAndLongLinesAreFine() throws {
        let limit = YAMLLimits.standard.maxScalarBytes
        #expect(limit == 1 << 20)
        let dossierText = try String(contentsOfFile: Fixtures.valid + "/dossier.yaml", encoding: .utf8)
        let records = try String(contentsOfFile: Fixtures.valid + "/records.yaml", encoding: .utf8)
        let terms = ("terms.yaml", try String(contentsOfFile: Fixtures.valid + "/terms.yaml", encoding: .utf8))
        // a summary of exactly the limit, on one line, loads
        let long = String(repeating: "x", count: limit)
        let fits = records.replacingOccurrences(of: "\"A company that sued.\"", with: "\"\(long)\"")
        let dossier = try DossierLoader.load(texts: [("dossier.yaml", dossierText), ("records.yaml", fits), terms])
        #expect(dossier.parties.first { $0.id == "claimant" }?.summary.en.utf8.count == limit)
        // one byte more is refused at its line
        let tooLong = records.replacingOccurrences(of: "\"A company that sued.\"", with: "\"\(long)y\"")
        let error = try #require(throws: DossierLoadError.self) {
            try DossierLoader.load(texts: [("dossier.yaml", dossierText), ("records.yaml", tooLong), terms])
        }
        #expect(error.diagnostics.first?.description == "records.yaml:23:19: text longer than \(limit) bytes")
        // a 10 MB line of short values: no per-line limit is needed, the node limit bounds it
        let line = "a: [" + String(repeating: "xxxxxxxxx,", count: 1_000_000) + "]\n"
        var limits = DossierLimits.standard
        limits.yaml.maxNodes = 500_000
        let nodes = try #require(throws: DossierLoadError.self) { try DossierLoader.load(texts: [("line.yaml", line)], limits: limits) }
        #expect(nodes.diagnostics.first?.message == "more than 500000 values in one file")
        #expect(nodes.diagnostics.first?.line == 1)
    }
}
