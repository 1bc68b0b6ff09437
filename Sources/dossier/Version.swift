import BundledDossier
import CBuildStamp

/// What `dossier --version` prints: the release, how current the bundled dossier is, and the
/// commit the binary was built from (stamped by scripts/package.sh; "unknown" in a plain build).
enum DossierVersion {
    /// The release. Change it together with a CHANGELOG.md entry; scripts/package.sh reads it
    /// back from `dossier --version` to name the package.
    static let number = "0.1.0"

    static var commit: String {
        guard let stamped = dossier_build_commit() else { return "unknown" }
        return String(cString: stamped)
    }

    static var line: String {
        "\(number) (bundled dossier as of \(BundledDossier.asOf), commit \(commit))"
    }
}
