import ArgumentParser
import BundledDossier
import DossierCore

#if canImport(Glibc)
import Glibc
#endif

enum Environment {
    static var variables: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}

/// Where the dossier comes from: the bundled one (embedded in the binary) or a folder.
enum DossierSource {
    /// The bundled dossier comes from its compact form, validated at build time; `validate`
    /// re-reads the embedded YAML (`fromYAML`).
    static func load(data: String?, fromYAML: Bool = false) throws(DossierLoadError) -> Dossier {
        if let data { return try DossierLoader.load(directory: data) }
        if !fromYAML {
            switch BundledDossier.compact.withUTF8Buffer({ buffer in Result { () throws(CompactCodec.Corrupt) in try CompactCodec.decode(buffer) } }) {
            case .success(let dossier): return dossier
            case .failure(let corrupt):
                // The build wrote this form from the same declarations, so this is a bug: loud in
                // debug builds; a release build says so once and reads the embedded YAML instead.
                assertionFailure("the bundled dossier's \(corrupt)")
                printError("dossier: the bundled dossier's \(corrupt); reading its YAML instead")
            }
        }
        return try DossierLoader.load(files: BundledDossier.files)
    }

    static func loadOrExit(data: String?) throws -> DossierStore {
        do {
            return DossierStore(try load(data: data))
        } catch {
            report(error, location: data ?? "the bundled dossier")
            throw ExitCode(1)
        }
    }

    static func report(_ error: DossierLoadError, location: String) {
        for diagnostic in error.diagnostics { printError(diagnostic.description) }
        let count = error.diagnostics.count
        printError("dossier: \(location) is not a valid dossier: \(count) problem\(count == 1 ? "" : "s")")
    }
}

/// Writes a message on standard error, sanitised: messages echo arguments and file names.
func printError(_ text: String) {
    var line = Sanitizer.clean(text) + "\n"
    line.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
}
