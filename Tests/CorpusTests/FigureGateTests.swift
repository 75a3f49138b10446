import Testing

@testable import Corpus

/// The check made before a sentence is tokenized for figures, on sentences written for it.
@Suite struct FigureGateTests {
    @Test func aSentenceWithNoDigitAndNoNumberWordHoldsNoFigure() {
        #expect(!FigureGate.mayHoldFigure("The delegation signed a memorandum on river transport."))
        // A number word inside a longer word is not one ("behalf", "often", "Tennessee").
        #expect(!FigureGate.mayHoldFigure("On behalf of the ministry, the envoy often spoke of Tennessee."))
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
            #expect(FigureGate.mayHoldFigure(s), "\(s)")
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
            #expect(!found || FigureGate.mayHoldFigure(s), "\(s)")
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
}
