import BundledDossier
import DossierCore
import DossierUI
import Foundation

enum HardeningFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DossierCoreTests/Fixtures").path

    static func store(_ name: String) throws -> DossierStore {
        DossierStore(try DossierLoader.load(directory: root + "/" + name))
    }

    static func bundled() throws -> DossierStore {
        DossierStore(try DossierLoader.load(files: BundledDossier.files))
    }
}

/// What a terminal could execute or be confused by.
func hasTerminalControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0 != "\n" && (Sanitizer.isControl($0) || Sanitizer.isUnsafe($0)) }
}

/// Checks the shape of a rendered screen; returns what is wrong, if anything.
func gridProblems(_ grid: Grid, width: Int, height: Int) -> [String] {
    var problems: [String] = []
    if grid.width != max(0, width) || grid.height != max(0, height) {
        problems.append("grid is \(grid.width)×\(grid.height) for a \(width)×\(height) terminal")
    }
    for row in 0..<grid.height {
        if grid.rowWidth(row) != grid.width { problems.append("row \(row) is \(grid.rowWidth(row)) cells wide, not \(grid.width)") }
        for column in 0..<grid.width {
            let cell = grid[row, column]
            if hasTerminalControl(cell.text) { problems.append("cell \(row),\(column) holds \(cell.text.debugDescription)") }
            switch cell.width {
            case 2:
                if column + 1 >= grid.width || grid[row, column + 1].width != 0 { problems.append("wide character split at \(row),\(column)") }
            case 0:
                if column == 0 || grid[row, column - 1].width != 2 { problems.append("orphan right half at \(row),\(column)") }
            case 1:
                if DisplayWidth.of(cell.text) > 1 { problems.append("a wide character in a narrow cell at \(row),\(column)") }
            default:
                problems.append("cell width \(cell.width) at \(row),\(column)")
            }
        }
    }
    if let cursor = grid.cursor, !(0..<grid.height).contains(cursor.row) || !(0..<grid.width).contains(cursor.column) {
        problems.append("cursor at \(cursor.row),\(cursor.column) outside the grid")
    }
    return problems
}
