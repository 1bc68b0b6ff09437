import DossierCore
import Testing

@testable import DossierUI

/// The cell grid keeps a wide character's two halves together whatever is written over them.
@Suite struct GridTests {
    /// A wide character written over another in the same place replaces it whole (it used to
    /// leave a space and a right half with no left half, which the frame writer found).
    @Test func aWideCharacterOverAnotherReplacesItWhole() {
        var grid = Grid(width: 6, height: 1)
        grid.put("世", row: 0, column: 2)
        grid.put("界", row: 0, column: 2)
        #expect(grid[0, 2].text == "界" && grid[0, 2].width == 2)
        #expect(grid[0, 3].width == 0, "its right half")
        #expect(grid.text == "  界")
    }

    /// Half over: a narrow character on either half blanks the other half.
    @Test func aNarrowCharacterOnEitherHalfBlanksTheOther() {
        var left = Grid(width: 4, height: 1)
        left.put("世", row: 0, column: 0)
        left.put("a", row: 0, column: 0)
        #expect(left[0, 0].text == "a" && left[0, 1].text == " " && left[0, 1].width == 1)
        var right = Grid(width: 4, height: 1)
        right.put("世", row: 0, column: 0)
        right.put("b", row: 0, column: 1)
        #expect(right[0, 0].text == " " && right[0, 0].width == 1 && right[0, 1].text == "b")
    }

    /// A wide character written one column to the right of another leaves no orphan half.
    @Test func aWideCharacterShiftedByOneLeavesNoOrphanHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.put("世", row: 0, column: 1)
        grid.put("界", row: 0, column: 2)
        #expect(grid[0, 1].text == " " && grid[0, 1].width == 1)
        #expect(grid[0, 2].text == "界" && grid[0, 3].width == 0)
        for column in 0..<grid.width where grid[0, column].width == 0 {
            #expect(column > 0 && grid[0, column - 1].width == 2, "a right half at \(column) has its left half")
        }
    }
}
