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
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("records.yaml"),
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
