import Testing

@testable import Corpus

/// The check made before a sentence is cut into pieces for dates or figures, on sentences written for it.
@Suite struct SentenceGateTests {
    func mayHoldDate(_ s: String) -> Bool { SentenceGate(s).mayHoldDate }

    @Test func aWordOfTimeACapitalisedMonthOrADigitMayHoldADate() {
        #expect(mayHoldDate("the abbey was rebuilt late in the seventeenth century."))
        #expect(mayHoldDate("the abbey was rebuilt in the nineties by its monks."))
        #expect(mayHoldDate("The abbey was rebuilt in May by its monks."))
        #expect(mayHoldDate("The abbey was rebuilt on Tuesday."))
        #expect(mayHoldDate("The abbey was rebuilt in 1712."))
    }

    @Test func aSentenceWithNoneMayNotHoldADate() {
        #expect(!mayHoldDate("the abbey was rebuilt by its monks."))
        // "may" and "march" are verbs unless capitalised.
        #expect(!mayHoldDate("the monks may march to the abbey."))
    }

    /// The gate is only a shortcut: where it says no, the reader finds nothing either.
    @Test func neverHidesADateTheReaderFinds() {
        for s in [
            "The abbey burned in the XVII century.", "The abbey was rebuilt the same year.",
            "The monks returned in the sixties.", "A fire broke out the next day.",
            "The abbey was rebuilt by its monks.", "The monks may march on.",
        ] {
            let found = !DateReader.read(SentencePieces(s), context: .init(
                dateline: PartialDate(year: 2020, month: 3, day: 4),
                previous: PartialDate(year: 2019, month: 5, day: 6).map { EventDate(start: $0) })).isEmpty
            #expect(!found || mayHoldDate(s), "\(s)")
        }
    }

    @Test func aSentenceWithNoDigitAndNoNumberWordHoldsNoFigure() {
        #expect(!SentenceGate("The delegation signed a memorandum on river transport.").mayHoldFigure)
        // A number word inside a longer word is not one ("behalf", "often", "Tennessee").
        #expect(!SentenceGate("On behalf of the ministry, the envoy often spoke of Tennessee.").mayHoldFigure)
    }

    @Test func digitsNumberWordsScalesAndFractionsMayHoldOne() {
        for s in [
            "Freight on the line rose by 7 percent.",
            "Some thirty-one barges waited at the lock.",
            "A THOUSAND volunteers cleared the riverbank.",
            "Nearly half of the grain went north by rail.",
            "Roughly two-thirds of the ferries stood idle.",
            "Revenue reached a record 3bn.",
        ] {
            #expect(SentenceGate(s).mayHoldFigure, "\(s)")
        }
    }

    /// The gate is only a shortcut: where it says no, the scanner finds nothing either.
    @Test func neverHidesAFigureTheScannerFinds() {
        for s in [
            "Nearly half of the grain went north by rail.", "The port handled a million containers.",
            "Ninety two inspectors and a dozen clerks worked there.", "A quarter of the fleet was sold.",
            "Exports grew sharply after the bridge opened.", "The third round of talks ended quietly.",
        ] {
            let found = !FigureScanner.scan(SentenceTokens(s)).isEmpty
            #expect(!found || SentenceGate(s).mayHoldFigure, "\(s)")
        }
    }

    /// A figure sentence opening with a connective takes the period of the
    /// sentence before it, even when that one holds no figure and carries
    /// the period it inherited itself.
    @Test func aPeriodIsCarriedThroughASentenceWithoutFigures() throws {
        let text = """
            # Ferries

            In 2016, the river fleet was renewed. It was a busy season for the yards. It also cost 3 billion dollars.
            """
        let raw = RawText(text)
        let (sections, passages) = PassageBuilder.build(documentID: "ferries", raw: raw)
        let document = Document(
            metadata: DocumentMetadata(id: "ferries", text: "ferries.txt", title: "Ferries", authors: []), raw: raw,
            sections: sections, passages: passages)
        let figures = IndicatorExtractor.extract(document: document, citations: [])
        let cost = try #require(figures.first { $0.value == 3 })
        #expect(cost.period?.description == "2016")
    }

    /// Words are ruled out by their length and first letter before a lookup:
    /// every word the gate looks for still opens it, in any case, between other words.
    @Test func everyGateWordOpensTheGateWhereverItStands() {
        for (word, roles) in SentenceGate.words where word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            let capitalised = word.prefix(1).uppercased() + word.dropFirst()
            let gate = SentenceGate("The envoy wrote \(capitalised) and left.")
            if roles.contains(.figure) { #expect(gate.mayHoldFigure, "\(word)") }
            if !roles.isDisjoint(with: [.date, .capitalisedDate]) { #expect(gate.mayHoldDate, "\(word)") }
        }
        // A word of the same length and first letter as a gate word, but not one, does not ("nane" beside "nine").
        #expect(!SentenceGate("The envoy wrote nane and left.").mayHoldFigure)
    }
}
