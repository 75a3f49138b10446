import Testing

@testable import Corpus

/// Finding the list and its entries in layouts the two articles do not use.
@Suite struct ReferenceListFinderTests {
    static func document(_ list: String, heading: String = "## References") -> Document {
        let text = "# Title\n\n## Introduction\n\nBody text (Bakshi, 2004).\n\n\(heading)\n\n\(list)\n"
        let raw = RawText(text)
        let (sections, passages) = PassageBuilder.build(documentID: "test-doc", raw: raw)
        let meta = DocumentMetadata(id: "test-doc", text: "t.txt", title: "T", authors: [])
        return Document(metadata: meta, raw: raw, sections: sections, passages: passages)
    }

    @Test func headingsInOtherForms() {
        for title in ["REFERENCES", "5. References", "Bibliography", "Works Cited", "Список литературы", "参考文献"] {
            #expect(ReferenceListFinder.isReferenceHeading(title), "\(title)")
        }
        // Numbering and Markdown marks are no part of the heading.
        for title in ["## References", "1.2 Literature", "4.\tBibliography", "#5. Works Cited", "٣. Sources"] {
            #expect(ReferenceListFinder.isReferenceHeading(title), "\(title)")
        }
        #expect(ReferenceListFinder.isNotesHeading("7. Endnotes"))
        #expect(!ReferenceListFinder.isReferenceHeading("5. Conclusion"))
        #expect(!ReferenceListFinder.isReferenceHeading("Conclusion"))
        #expect(!ReferenceListFinder.isReferenceHeading("References to the past"))
    }

    @Test func entriesOnConsecutiveLinesAreSplit() throws {
        let doc = Self.document("""
            Bakshi, J. (2004). *Russia-China Relations*, New Delhi: IDSA.
            TIMOFEYEV O. A., 2014, Russian – Chinese Relations. Bulletin of ASU, 64.
            *Force, Intervention and Sovereignty*, The Information Office.
            """)
        let refs = CitationExtractor.extract(documents: [doc], annotations: [:]).references
        #expect(refs.map(\.id) == ["test-bakshi-2004", "test-timofeyev-2014", "test-force-intervention-sovereignty-nd"])
        for ref in refs {
            #expect(doc.raw.slice(ref.source.start..<ref.source.end) == ref.raw)
            #expect(!ref.raw.contains("\n"))
        }
        #expect(refs.first?.source.text == "Bakshi, J. (2004). Russia-China Relations, New Delhi: IDSA.")
    }

    @Test func aNumberedEntryCutByAPageBreakKeepsItsTail() throws {
        // Entry 2 is cut by a running header; its tail shares a paragraph with entries 3 and 4.
        let doc = Self.document("""
            1. Sandvik H.O. Harbour Dues in the Long Run. Oslo: Fjord Press, 2015. 210 p.
            2. Quist T.A. Ice Roads and Their Tolls // Bulletin of the Society for the Study of

            Coastal Trade Review · 57

            Northern Ports. 2019. No. 2. P. 5–19.
            3. Halloran M.K. Salt Roads // Polar Economy. 2021. Vol. 4, No. 1. P. 30–44.
            4. Vestby O. Winter Shipping. Tromsø: Kestrel, 2018. 96 p.
            """)
        let refs = CitationExtractor.extract(documents: [doc], annotations: [:]).references
        #expect(refs.map(\.year) == [2015, 2019, 2021, 2018])
        #expect(refs.count == 4 && refs[1].source.text.hasSuffix("Northern Ports. 2019. No. 2. P. 5–19."))
        #expect(refs.allSatisfy { !$0.source.text.contains("Coastal Trade Review") }, "the header is page furniture")
        #expect(refs.count == 4 && refs[1].containerTitle?.contains("Coastal Trade Review") == false)
    }

    @Test func anUnnumberedEntryAfterANumberedOneIsItsOwn() throws {
        // A list that numbers some entries only: an entry without a number after an
        // open-ended numbered one is no tail of it (no next number follows it).
        let doc = Self.document("""
            7. Quist T.A., Sandvik H.O., Vestby O. Ice roads and their tolls on the northern coast in the years of the long winters. Polar Econ. 2019;4:20-31

            Halloran, M. (2011). *Salt roads*. Kestrel UP.
            """)
        let refs = CitationExtractor.extract(documents: [doc], annotations: [:]).references
        #expect(refs.count == 2)
        #expect(refs.first.map { $0.raw.hasPrefix("7.") && !$0.raw.contains("Halloran") } == true)
        #expect(refs.last?.year == 2011)
    }

    @Test func aHardWrappedEntryStaysWhole() throws {
        let doc = Self.document("""
            Kaplan, R. D. (2010). "The Geography of Chinese Power",
            *Foreign Affairs*, 89(3), 22-41.
            """)
        let refs = CitationExtractor.extract(documents: [doc], annotations: [:]).references
        #expect(refs.count == 1)
        #expect(refs.first?.containerTitle == "Foreign Affairs" && refs.first?.page == "22-41")
    }

    @Test func bodyCitationsResolveAgainstTheList() throws {
        let doc = Self.document("- Bakshi, J. (2004). *Russia-China Relations*, New Delhi: IDSA.", heading: "# Bibliography")
        let result = CitationExtractor.extract(documents: [doc], annotations: [:])
        #expect(result.inText.map(\.referenceID) == ["test-bakshi-2004"])
        #expect(result.references.first?.citedCount == 1)
    }

    @Test func entriesEndingInALinkOrPageRangeAreNotJoinedToTheNext() throws {
        let doc = Self.document("""
            Varga, P. (2019). Ports of the northern sea route. https://ports.example/varga

            Okafor, N. 2008. River trade in the far east. Maritime Review 4: 17-29

            van Loon, H. (2011). Customs posts on the steppe

            and their records, 1990-2000. Steppe Studies 2.

            [4] Li Wei, Grain markets, Harbin 2002
            """)
        let refs = CitationExtractor.extract(documents: [doc], annotations: [:]).references
        #expect(refs.count == 4)
        #expect(refs.map { $0.raw.prefix(6) } == ["Varga,", "Okafor", "van Lo", "[4] Li"])
        #expect(refs[2].raw.hasSuffix("Steppe Studies 2."))
        for ref in refs { #expect(doc.raw.slice(ref.source.start..<ref.source.end) == ref.raw) }
    }

    @Test func notesAreTheListOnlyWhenThereIsNoOther() {
        #expect(ReferenceListFinder.isNotesHeading("## Notes"))
        let notesOnly = Self.document("Ruth Brand, *Frontier Towns* (Boston: Hale, 1999), 12.", heading: "## Notes")
        #expect(CitationExtractor.extract(documents: [notesOnly], annotations: [:]).references.count == 1)
    }

    @Test func entryShapes() {
        for opening in ["Smith, J.", "“A title”", "12. Smith", "[3] Smith", "———. 2001.", "de Vries, K.", "Иванов И.", "王伟."] {
            #expect(ReferenceEntryShape.opensNewEntry(opening), "\(opening)")
        }
        for carryOn in ["and their records", "17-29.", "2001) 45", "de facto rules"] {
            #expect(!ReferenceEntryShape.opensNewEntry(carryOn), "\(carryOn)")
        }
    }
}
