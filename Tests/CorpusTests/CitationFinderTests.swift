import Testing

@testable import Corpus

/// The in-text citation finder on made-up passages, for forms the two
/// articles do not happen to use.
@Suite struct CitationFinderTests {
    static func document(_ body: String, references: String) -> Document {
        let text = "# Title\n\n## Introduction\n\n\(body)\n\n## References\n\n\(references)\n"
        let raw = RawText(text)
        let (sections, passages) = PassageBuilder.build(documentID: "test-doc", raw: raw)
        let meta = DocumentMetadata(id: "test-doc", text: "t.txt", title: "T", authors: [])
        return Document(metadata: meta, raw: raw, sections: sections, passages: passages)
    }

    static let list = """
        - Dittmer, L (1994) "China and Russia: New Beginnings", *Asian Survey*, 34(1), 1-20.
        - Menon, R. (1997a). "One", *Survival*, 39(1), 1-20.
        - Menon, R. (1997b). "Two", *Survival*, 39(2), 101-25.
        - Example Agency, Date of access: 12.01.2018. <http://example.org/>
        """

    static func run(_ body: String) -> [InTextCitation] {
        let doc = document(body, references: list)
        return CitationExtractor.extract(documents: [doc], annotations: [:]).inText
    }

    @Test func narrativeWithYearAndReportingVerb() {
        let cites = Self.run("Dittmer (1994) argues that the two are close. Later Lowell Dittmer observes a change.")
        // A signal phrase is the name and its verb.
        #expect(cites.map(\.text) == ["Dittmer (1994)", "Lowell Dittmer observes"])
        #expect(cites.allSatisfy { $0.kind == .narrative && $0.referenceID == "test-dittmer-1994" })
    }

    @Test func severalInOneParenthesis() {
        let cites = Self.run("Both agree (Dittmer, 1994: 5; Menon, 1997b).")
        #expect(cites.map(\.text) == ["Dittmer, 1994: 5", "Menon, 1997b"])
        #expect(cites.map(\.referenceID) == ["test-dittmer-1994", "test-menon-1997b"])
        #expect(cites.first?.locator == "5")
    }

    @Test func suffixChosenByPagesOrReportedAsAmbiguous() {
        let cites = Self.run("First (Menon, 1997: 110). Second (Menon, 1997).")
        #expect(cites[0].referenceID == "test-menon-1997b")
        #expect(cites[1].referenceID == nil)
        #expect(cites[1].unresolvedReason?.hasPrefix("ambiguous") == true)
    }

    @Test func webSourceCitedByItsAccessYear() {
        let cites = Self.run("Trade grew (Example Agency, 2018).")
        #expect(cites.first?.referenceID == "test-example-agency-nd")
        #expect(cites.first?.match?.contains("year of access") == true)
    }

    @Test func aSentenceOpenerIsNoGivenName() {
        let cites = Self.run("As Dittmer argues, the two are close.")
        #expect(cites.map(\.text) == ["Dittmer argues"])
        #expect(cites.first?.authors == ["Dittmer"])
    }

    @Test func namesThatAreNotInTheListAreNotNarrativeCitations() {
        let cites = Self.run("Exercises in South China (2016) and (USSR) and (Brazil, Russia, India and China) and (2009-1212).")
        #expect(cites.isEmpty, "\(cites.map(\.text))")
    }

    @Test func authorYearPartKeepsItsPagesWithoutPrefixOrSpaces() {
        let c = InTextCitationFinder.parenthetical(" Orlova, 2011b, pp. 12 - 14 ", titles: [])
        #expect(c?.authors == ["Orlova"] && c?.year == 2011 && c?.yearSuffix == "b" && c?.locator == "12-14")
        #expect(InTextCitationFinder.parenthetical("Orlova and Barret 2011: 7", titles: [])?.authors == ["Orlova", "Barret"])
        // A month and a year is a date; a number first is no author.
        #expect(InTextCitationFinder.parenthetical("March 2011", titles: []) == nil)
        #expect(InTextCitationFinder.parenthetical("2009-1212", titles: []) == nil)
    }
}
