import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Only regular files inside the dossier's folder are read: a symbolic link (out of the folder
/// here) is not followed, a named pipe never blocks, and each refusal says why.
@Suite(.serialized) struct FileSafetyCLITests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let valid = URL(fileURLWithPath: CLI.fixtures).appendingPathComponent("valid")
        for name in ["dossier.yaml", "terms.yaml"] {
            try FileManager.default.copyItem(at: valid.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        // records.yaml is a link to a file outside the folder
        try FileManager.default.createSymbolicLink(
            at: dir.appendingPathComponent("records.yaml"),
            withDestinationURL: valid.appendingPathComponent("records.yaml"))
        #expect(mkfifo(dir.appendingPathComponent("pipe.yaml").path, 0o600) == 0)
        return dir
    }

    @Test func linksAreNotFollowedAndPipesDoNotBlock() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in [["validate", dir.path], ["timeline", "--data", dir.path]] {
            let result = try CLI.run(command)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("records.yaml") && result.stderr.contains("a symbolic link, not followed"), "\(result.stderr)")
            #expect(result.stderr.contains("pipe.yaml") && result.stderr.contains("a named pipe (FIFO)"), "\(result.stderr)")
        }
    }
}

/// `export --output` and `synth --out` write a temporary file beside the target and rename it:
/// a symbolic link at the target is refused (its target untouched), and nothing is left behind.
@Suite(.serialized) struct OutputFileCLITests {
    @Test func aLinkAtTheTargetIsRefusedAndNotWrittenThrough() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim.txt")
        try Data("keep me\n".utf8).write(to: victim)
        let link = dir.appendingPathComponent("export.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        let refused = try CLI.run(["export", "--format", "markdown", "--output", link.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("symbolic link"), "\(refused.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me\n")
        let linkedFolder = dir.appendingPathComponent("synth-link")
        try FileManager.default.createSymbolicLink(at: linkedFolder, withDestinationURL: dir)
        let synth = try CLI.run(["synth", "--events", "10", "--out", linkedFolder.path])
        #expect(synth.status == 1 && synth.stderr.contains("symbolic link"), "\(synth.stderr)")

        let plain = dir.appendingPathComponent("plain.md")
        let written = try CLI.run(["export", "--format", "markdown", "--output", plain.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOf: plain, encoding: .utf8).hasPrefix("#"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".dossier-") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }
}
