import Testing

@testable import Corpus

/// The scanner and the period resolver on sentences a new article might hold.
@Suite struct IndicatorFigureScannerTests {
    func scan(_ s: String) -> [Quantity] { FigureScanner.scan(SentenceTokens(s)) }

    @Test func readsMoneyPercentMassAndWords() {
        let q = scan("Exports fell by 12.5% to $ 1,250 million, about 3.4 million tonnes, and thirty-two plants.")
        #expect(q.map(\.value) == [12.5, 1250, 3.4, 32])
        #expect(q.map(\.unit) == ["percent", "USD million", "million tonnes", "count"])
        #expect(q[0].change == .decrease && q[2].qualifier == .about)
    }

    @Test func readsOtherCurrencies() {
        let q = scan("Trade was 5 billion US dollars, 30 billion yuan, € 3 million and 700 million rubles.")
        #expect(q.map(\.unit) == ["USD billion", "CNY billion", "EUR million", "RUB million"])
        #expect(q.map(\.value) == [5, 30, 3, 700])
    }

    @Test func skipsDatesDurationsIdentifiersAndCitations() {
        let q = scan("On 16 July 2001, after three years, units No. 7 and 8 of the S-300 and BN-800 (Smith, 2009: 14) began.")
        #expect(q.isEmpty)
    }

    /// Figures and dates share one year window (`Lexicon.yearWindow`): a
    /// four-digit count past it is a count, inside it a year.
    @Test func aCountPastTheYearWindowIsAFigure() {
        #expect(scan("The campus admitted 2150 students.").map(\.value) == [2150])
        #expect(scan("The campus admitted students in 2015.").isEmpty)
    }

    /// "Mt" is a million tonnes, as "bcm" is a billion cubic metres.
    @Test func megatonnesAreMillionsOfTonnes() {
        let q = scan("The mine shipped 3.2 Mt of coal.")
        #expect(q.map(\.value) == [3.2])
        #expect(q.map(\.unit) == ["million tonnes"])
    }

    @Test func resolvesRelativeYearsOnlyWithADocumentYear() {
        let t = SentenceTokens("Last year, trade reached 5 billion dollars.")
        let q = FigureScanner.scan(t)
        let known = PeriodResolver.mentions(t, documentYear: 2020)
        #expect(PeriodResolver.resolve(q, 0, mentions: known, tokens: t, inherited: nil).period?.description == "2019")
        let unknown = PeriodResolver.mentions(t, documentYear: nil)
        #expect(PeriodResolver.resolve(q, 0, mentions: unknown, tokens: t, inherited: nil).period == nil)
    }

    @Test func readsMonthsAndFirstHalfIntervals() {
        for (s, iso) in [
            ("In the first 9 months of 2019, exports were 12 billion dollars.", "2019-01/2019-09"),
            ("In the first half of 2020, exports were 12 billion dollars.", "2020-01/2020-06"),
            ("Since 2010, exports reached 12 billion dollars.", "2010/.."),
        ] {
            let t = SentenceTokens(s)
            let q = FigureScanner.scan(t)
            let m = PeriodResolver.mentions(t, documentYear: nil)
            #expect(PeriodResolver.resolve(q, 0, mentions: m, tokens: t, inherited: nil).period?.description == iso, "\(s)")
        }
    }

    @Test func anUnknownMoneyFigureStillBecomesAnObservation() {
        let q = scan("The dam cost 4 billion dollars.")
        let rule = MeasureClassifier.classify(
            q[0], FigureContext(before: "the dam cost ", after: ".", sentence: "the dam cost 4 billion dollars.", surrounding: ""))
        #expect(rule?.id == "unclassified-money")
        let two = scan("Two countries met.")
        #expect(MeasureClassifier.classify(
            two[0], FigureContext(before: "", after: " countries met.", sentence: "two countries met.", surrounding: "")) == nil)
    }

    /// Figures under any reference list or notes heading of the Lexicon, numbered or not, and under
    /// its subsections are bibliography; the section after it at its level is read again.
    @Test func referenceAndNotesSectionsAreSkipped() {
        let titles: [(String, Int)] = [
            ("Trade", 2), ("4. Works Cited", 2), ("Archives", 3), ("Appendix", 2), ("Endnotes", 2), ("Sources", 2),
        ]
        let sections = titles.enumerated().map { i, t in
            Section(id: "s\(i)", title: t.0, level: t.1, index: i, passageIDs: [])
        }
        #expect(IndicatorExtractor.skippedSectionIDs(sections) == ["s1", "s2", "s4", "s5"])
    }
}
