import BundledDossier
import DossierCore

enum BundledLoader {
    static func load() throws -> Dossier { try DossierLoader.load(files: BundledDossier.files) }
}
