import Testing

@testable import Corpus

/// The check made before a sentence is tokenized for dates, on sentences written for it.
@Suite struct DateGateTests {
    func may(_ s: String) -> Bool { DateReader.mayHoldDate(Array(s.unicodeScalars)) }

    @Test func aWordOfTimeOrASpelledCenturyMayHoldADate() {
        #expect(may("the abbey was rebuilt late in the seventeenth century."))
        #expect(may("the abbey was rebuilt in the nineties by its monks."))
        #expect(may("the abbey was rebuilt late in the seventeenth cent. by its monks."))
    }

    @Test func aSentenceWithNoneMayNot() {
        #expect(!may("the abbey was rebuilt by its monks."))
    }
}
