import DossierCore
import Foundation

/// Paths of the test fixtures, found from this source file so no resource bundle is needed.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let valid = root + "/valid"
    static func broken(_ name: String) -> String { root + "/broken/" + name }

    static func validStore() throws -> DossierStore {
        DossierStore(try DossierLoader.load(directory: valid))
    }
}
