import BundledDossier

extension Mutator {
    /// The bundled dossier as a seed: every file, byte for byte.
    public static var bundledSeed: FuzzInput {
        BundledDossier.files.map { file in
            (path: file.path, bytes: file.text.withUTF8Buffer { Array($0) })
        }
    }
}
