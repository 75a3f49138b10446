import Testing

@testable import Corpus

/// Narrative citations (a name of the list, then a bracketed year or a
/// reporting verb) on sentences made up for the purpose, and the forms
/// they must not take for citations.
@Suite struct NarrativeCitationTests {
    static let list = """
        - Menon, R. (1997). "The Strategic Convergence Between Russia and China", *Survival*, 39(2), 101-125.
        - Lukin, A. (2018). *China and Russia: The New Rapprochement*. Cambridge: Polity.
        - O'Hanlon, M. (2019). *The Senkaku Paradox*. Washington: Brookings.
        - Larson, D. W. and Shevchenko, A. (2010). "Status Seekers", *International Security*, 34(4), 63-95.
        """

    static func run(_ body: String) -> [InTextCitation] {
        let doc = CitationFinderTests.document(body, references: list)
        return CitationExtractor.extract(documents: [doc], annotations: [:]).inText
    }

    /// The id of the list's entry by `family`.
    static func id(_ family: String) -> String? {
        let doc = CitationFinderTests.document("", references: list)
        return CitationExtractor.extract(documents: [doc], annotations: [:]).references.first { $0.author.first?.family == family }?.id
    }

    @Test func aNameAndItsBracketedYear() {
        let cites = Self.run("Menon (1997) notes that the two states drew closer, and O'Hanlon (2019: 12-14) agrees.")
        #expect(cites.map(\.text) == ["Menon (1997)", "O'Hanlon (2019: 12-14)"])
        #expect(cites.map(\.referenceID) == [Self.id("Menon"), Self.id("O'Hanlon")])
        #expect(cites[1].locator == "12-14")
        #expect(cites.allSatisfy { $0.kind == .narrative && $0.resolved })
    }

    @Test func twoNamesJoinedBeforeTheYear() {
        let cites = Self.run("Larson and Shevchenko (2010, 70) call it status seeking; Larson & Shevchenko (2010) repeat it.")
        #expect(cites.map(\.text) == ["Larson and Shevchenko (2010, 70)", "Larson & Shevchenko (2010)"])
        #expect(cites.map(\.authors) == [["Larson", "Shevchenko"], ["Larson", "Shevchenko"]])
        #expect(cites.allSatisfy { $0.resolved && $0.referenceID == Self.id("Larson") })
    }

    @Test func aBracketThatIsNoYearIsNoCitation() {
        // A space inside the bracket, five digits, a word in lower case or a name the list lacks.
        let cites = Self.run("Menon ( 1997) and Menon (19971) differ from menon (1997), Petrov (1997) and Menon (1997 ).")
        #expect(cites.isEmpty, "\(cites.map(\.text))")
    }

    @Test func aNameAndAReportingVerb() {
        let cites = Self.run("As Lukin argues (2018), the rapprochement is real. Rajan Menon notes that it is not an alliance.")
        #expect(cites.map(\.text) == ["Lukin argues", "Rajan Menon notes"])
        #expect(cites.map(\.authors) == [["Lukin"], ["Rajan Menon"]])
        #expect(cites.map(\.referenceID) == [Self.id("Lukin"), Self.id("Menon")])
        #expect(cites.allSatisfy { $0.resolved })
    }

    @Test func aVerbMustBeTheWholeWordInLowerCaseAfterTheName() {
        let cites = Self.run("Lukin Argues the case; Lukin, argues another; Lukin notebooks were lost; the report notes a rise.")
        #expect(cites.isEmpty, "\(cites.map(\.text))")
    }

    @Test func aTwoWordVerb() {
        let cites = Self.run("Lukin points out that trade is small.")
        #expect(cites.map(\.text) == ["Lukin points out"])
    }
}
