import Testing

@testable import Corpus

/// In-text citations of each kind, on made-up articles: author-date forms the
/// narrative patterns do not read, MLA author-page, numeric and note markers.
@Suite struct CitationStyleTests {
    static func document(_ body: String, list: String, heading: String = "References", after: String = "") -> Document {
        let text = "# Title\n\n## Introduction\n\n\(body)\n\n## \(heading)\n\n\(list)\n\(after)"
        let raw = RawText(text)
        let (sections, passages) = PassageBuilder.build(documentID: "test-doc", raw: raw)
        let meta = DocumentMetadata(id: "test-doc", text: "t.txt", title: "T", authors: [])
        return Document(metadata: meta, raw: raw, sections: sections, passages: passages)
    }

    static func run(_ body: String, list: String, heading: String = "References", after: String = "") -> [InTextCitation] {
        CitationExtractor.extract(documents: [document(body, list: list, heading: heading, after: after)], annotations: [:]).inText
    }

    // MARK: author-date

    static let apa = """
        Northern Trade Council. (2020). *Annual review of the northern routes*. Northern Trade Council.

        Okafor, C., Lind, P., & Ruiz, M. (2018). Ports and their hinterlands. *Maritime Studies*, *12*(3), 40–61.

        Sandvik, H. (2015). *Harbour dues in the long run*. Fjord Press.

        Coastal Freight Office. (n.d.). *Tariff guide*. Coastal Freight Office.
        """

    @Test func organisationNamedBeforeItsYear() {
        let cites = Self.run("According to the Northern Trade Council (2020), exports rose by a third.", list: Self.apa)
        #expect(cites.map(\.text) == ["Northern Trade Council (2020)"])
        #expect(cites.first?.kind == .narrative)
        #expect(cites.first?.referenceIDs.count == 1)
        #expect(cites.first?.resolved == true)
    }

    @Test func narrativeWithLocatorAndEtAl() {
        let cites = Self.run(
            "Sandvik (2015, p. 7) disagrees, and Okafor et al. (2018) found the same for the smaller ports.", list: Self.apa)
        #expect(cites.map(\.text) == ["Sandvik (2015, p. 7)", "Okafor et al. (2018)"])
        #expect(cites.first?.locator == "7")
        #expect(cites.allSatisfy { $0.kind == .narrative && $0.resolved })
    }

    @Test func etAlInItsSpellings() {
        let cites = Self.run(
            "Okafor et al find the same (Okafor et al 2018, p. 41). Later work (Okafor, et al., 2018) agrees, as Okafor et al. (2018) expected.",
            list: Self.apa)
        #expect(cites.map(\.text) == ["Okafor et al find", "(Okafor et al 2018, p. 41)", "(Okafor, et al., 2018)", "Okafor et al. (2018)"])
        #expect(cites.allSatisfy { $0.resolved && $0.referenceID == cites[0].referenceID })
    }

    @Test func ibidCitesTheWorkBefore() {
        let cites = Self.run(
            "Dues fell (Sandvik, 2015, p. 3), then rose (ibid., p. 9) and fell again (Ibid.).", list: Self.apa)
        #expect(cites.map(\.text) == ["(Sandvik, 2015, p. 3)", "(ibid., p. 9)", "(Ibid.)"])
        #expect(cites.allSatisfy { $0.resolved && $0.referenceID == cites[0].referenceID })
        #expect(cites[1].locator == "9")
        #expect(Self.run("As noted (ibid.), dues fell.", list: Self.apa).first?.unresolvedReason == "ibid. with no citation before it")
    }

    @Test func noDateIsACitation() {
        let cites = Self.run("The tariffs are published each spring (Coastal Freight Office, n.d.).", list: Self.apa)
        #expect(cites.map(\.text) == ["(Coastal Freight Office, n.d.)"])
        #expect(cites.first?.year == nil)
        #expect(cites.first?.resolved == true)
    }

    @Test func aCapitalisedWordBeforeAYearIsNoAuthorUnlessListed() {
        let cites = Self.run(
            "The Baltic Sea (2017) and the Great Northern Trade (2020) drills were smaller. Sandvik 12 is a berth.", list: Self.apa)
        #expect(cites.isEmpty, "\(cites.map(\.text))")
    }

    @Test func anUnrelatedEntryIsNoSuggestion() {
        let cites = Self.run("Freight fell (Zhukovsky, 2001). It rose again (Sandvic, 2015).", list: Self.apa)
        #expect(cites.count == 2)
        #expect(cites[0].resolved == false)
        #expect(cites[0].unresolvedReason == "no reference by Zhukovsky")
        #expect(cites[1].resolved)
        #expect(cites[1].match?.hasPrefix("author spelled differently") == true)
    }

    // MARK: MLA

    static let mla = """
        Halloran, Mia. *Salt Roads: Trade across the Ice*. Kestrel UP, 2011.

        ---. “River Ledgers and the Toll Houses.” *Northern Review*, vol. 3, no. 1, 2014, pp. 10-30.

        Port Authority of Vardø. “Annual Traffic Report 2019.” *Port Authority*, 2020, port.example/traffic.

        Quist, Tomas. *Harbour Lights*. Kestrel UP, 2009.
        """

    static func mla(_ body: String) -> [InTextCitation] { run(body, list: mla, heading: "Works Cited") }

    @Test func authorPageAndShortTitles() {
        let cites = Self.mla(
            "Trade moved north in winter (Quist 12). Salt went by sledge (Halloran, *Salt Roads* 88), and the river tolls rose (Halloran, River Ledgers 14).")
        #expect(cites.map(\.text) == ["(Quist 12)", "(Halloran, *Salt Roads* 88)", "(Halloran, River Ledgers 14)"])
        #expect(cites.map(\.locator) == ["12", "88", "14"])
        let ids = cites.map(\.referenceID)
        #expect(ids.allSatisfy { $0 != nil })
        #expect(ids[1] != ids[2], "each short title picks its own work by Halloran")
        #expect(cites[1].match?.contains("short title") == true)
    }

    @Test func pageAfterASignalPhraseAndNamesNotInTheList() {
        let cites = Self.mla(
            "Quist describes the harbour as \"a ledger of tides\" (45). Others disagree (Brannock 7). The plan (Figure 3) and the berths (Table 12) (Quist 3).")
        #expect(cites.map(\.text) == ["Quist describes", "(45)", "(Brannock 7)", "(Quist 3)"])
        #expect(cites[1].authors == ["Quist"])
        #expect(cites[1].kind == .parenthetical)
        #expect(cites[1].referenceID == cites[3].referenceID)
        #expect(cites[2].resolved == false)
        #expect(cites[2].unresolvedReason?.contains("closest") == false)
    }

    @Test func titlesAndSourceLinesWithoutBrackets() {
        let cites = Self.mla(
            """
            The ferry stopped in 1998 (*Harbour Lights* 3), and the tolls were lifted ("River Ledgers" 22) (Quist 5).

            *Source:* Port Authority of Vardø, “Annual Traffic Report”; figures for 2010 from Quist 19.
            """)
        #expect(cites.map(\.text) == [
            "(*Harbour Lights* 3)", "(\"River Ledgers\" 22)", "(Quist 5)",
            "Port Authority of Vardø, “Annual Traffic Report”", "Quist 19",
        ])
        #expect(cites.allSatisfy { $0.resolved })
        #expect(cites[3].kind == .narrative && cites[4].kind == .narrative)
        #expect(cites[4].locator == "19")
    }

    @Test func etAlInAuthorPage() {
        let list = Self.mla + "\n\nVestby, Ola, et al. *Ice Roads*. Kestrel UP, 2016.\n"
        let cites = Self.run("The roads froze early (Vestby et al 31), and late (Vestby, et al. 32).", list: list, heading: "Works Cited")
        #expect(cites.map(\.text) == ["(Vestby et al 31)", "(Vestby, et al. 32)"])
        #expect(cites.map(\.authors) == [["Vestby"], ["Vestby"]])
        #expect(cites.allSatisfy { $0.resolved })
    }

    @Test func mlaFormsNeedAnMLADocument() {
        // Without an author-page citation the page-only and unbracketed forms are not read.
        let cites = Self.mla("Quist describes the harbour (45), and figures come from Quist 19.")
        #expect(cites.map(\.text) == ["Quist describes"])
    }

    // MARK: numbers and notes

    @Test func numericMarkersListEveryWork() {
        let list = """
            [1] Sandvik H. Harbour dues in the long run. Fjord Press, 2015.

            [2] Quist T. Harbour lights. Kestrel UP, 2009.

            [3] Halloran M. Salt roads. Kestrel UP, 2011.
            """
        let cites = Self.run("Both agree [1, 3], and the dues fell [2, p. 14; 3].", list: list)
        #expect(cites.map(\.text) == ["[1, 3]", "[2, p. 14; 3]"])
        #expect(cites.allSatisfy { $0.kind == .numeric })
        #expect(cites.map(\.referenceIDs.count) == [2, 2])
        #expect(cites[0].referenceID == cites[0].referenceIDs.first)
        #expect(cites[1].locator == "14")
    }

    static let numberedHarbourList = """
        1. Sandvik H. Harbour dues in the long run. Fjord Press; 2015.

        2. Quist T. Harbour lights. Kestrel UP; 2009.

        3. Halloran M. Salt roads. Kestrel UP; 2011.
        """

    @Test func runningHeaderInsideAParagraphCitesNothing() throws {
        // The paragraph is cut by a page break with a running header in it; the passage
        // joins the halves and steps over the header, and so must the numeric markers.
        let header = "Coastal Trade Review, Vol. 8 (2), 2021"
        let body = """
            Dues fell once the new tariff was set (1), and owners who had paid them for a decade moved their cargo to the

            \(header)                                        77

            smaller ports of the northern coast (3).

            The old quays were left to the fishing fleet (1).

            \(header)                                        78

            Nobody rebuilt them.
            """
        let document = Self.document(body, list: Self.numberedHarbourList)
        let joined = try #require(document.passages.first { $0.text.contains("northern coast") })
        #expect(!joined.text.contains("Coastal Trade Review"), "the header is page furniture")
        let cites = CitationExtractor.extract(documents: [document], annotations: [:]).inText
        #expect(cites.map(\.text) == ["(1)", "(3)", "(1)"])
        #expect(cites.allSatisfy { !$0.span.quote.contains("2") })
    }

    @Test func issueNumberAfterAVolumeIsNoCitation() {
        let cites = Self.run(
            "The survey appeared in Coastal Trade Review 2021;8(2):40–51, and it counted the ships (1).",
            list: Self.numberedHarbourList)
        #expect(cites.map(\.text) == ["(1)"])
    }

    @Test func noteMarksAreNotes() {
        let notes = """
            1. Mia Halloran, *Salt Roads: Trade across the Ice* (Kestrel UP, 2011), 4.

            2. Ibid., 9.
            """
        let cites = Self.run(
            "Salt moved by sledge.<sup>1</sup> It paid no toll.<sup>2</sup>", list: notes, heading: "Notes",
            after: "\n## Bibliography\n\nHalloran, Mia. *Salt Roads: Trade across the Ice*. Kestrel UP, 2011.\n")
        #expect(cites.map(\.kind) == [.note, .note])
        #expect(cites.allSatisfy { $0.resolved && $0.referenceIDs.count == 1 })
    }
}
