import DossierCore
import Testing

/// The identifiers kept behind one reference behave as the inline fields did.
@Suite struct BoxedIdentifiersTests {
    @Test func aRecordWithoutIdentifiersHoldsOnlyAnEmptyReference() {
        #expect(MemoryLayout<LegalIdentifiers>.size == MemoryLayout<Int>.size)
        #expect(LegalIdentifiers().isEmpty)
        var cleared = LegalIdentifiers()
        cleared.cases = ["C-311/18"]
        #expect(!cleared.isEmpty)
        cleared.cases = []
        #expect(cleared.isEmpty)
        #expect(cleared == LegalIdentifiers())
        #expect(cleared.hashValue == LegalIdentifiers().hashValue)
    }

    @Test func copiesAreIndependentValues() {
        var a = LegalIdentifiers()
        a.ecli = "ECLI:EU:C:2020:559"
        a.celex = "62018CJ0311"
        let b = a
        a.ecli = nil
        #expect(b.ecli == "ECLI:EU:C:2020:559")
        #expect(a.ecli == nil)
        #expect(a.celex == "62018CJ0311" && b.celex == "62018CJ0311")
        #expect(a != b)
        var c = LegalIdentifiers()
        c.celex = "62018CJ0311"
        #expect(a == c && a.hashValue == c.hashValue, "equal by value, not by box")
        var reason = LegalIdentifiers()
        reason.unavailable = Localized("not published")
        #expect(!reason.isEmpty, "a reason alone is not empty")
        #expect(reason.labelled.isEmpty)
    }
}
