import Foundation
import Testing

@testable import Corpus

/// The reference-entry CRF: features mirrored from the training script, the
/// shipped model on entries written for these tests, names, ids and markers.
@Suite struct ReferenceCRFTests {
    struct Row: Decodable { var entry: String; var features: [[String]] }

    @Test func swiftFeaturesAreThePythonFeatures() throws {
        let rows = try JSONDecoder().decode([Row].self, from: Data(ReferenceFeatureFixture.json.utf8))
        #expect(rows.count == 5)
        let dictionary = try #require(ReferenceCRF.shipped).dictionary
        for row in rows {
            let swift = ReferenceTokenFeatures.features(ReferenceTokenFeatures.tokenize(row.entry), dictionary: dictionary)
            #expect(swift == row.features, "\(row.entry)")
        }
    }

    @Test func viterbiPrefersTheTransitionsItLearned() throws {
        // Two labels; "x" alone says a, but a→b is cheap and b→b dear: a b a.
        let model = try #require(ReferenceCRF(text: "labels\ta b\nt\t0\t1\t2.0\nt\t1\t1\t-5.0\nf\tw=x\t0:1.0 1:0.5\n"))
        #expect(model.label([["w=x"], ["w=x"], ["w=x"]]) == ["a", "b", "a"])
        #expect(ReferenceCRF(text: "t\tnot a number\n") == nil)
    }

    @Test func aJournalArticleComesOutField_by_field() throws {
        let f = try #require(ReferenceFieldBuilder.fields(
            "Okonkwo, A. B., & Lindqvist, M. (2017). River ports of the Amur basin. *Journal of Inland Shipping*, 12(3), 45–67. https://doi.org/10.5555/jis.2017.03"))
        #expect(f.author.map(\.family) == ["Okonkwo", "Lindqvist"])
        #expect(f.author.first?.given == "A. B.")
        #expect(f.year == 2017)
        #expect(f.title == "River ports of the Amur basin")
        #expect(f.containerTitle == "Journal of Inland Shipping")
        #expect(f.volume == "12" && f.issue == "3" && f.page == "45-67")
        #expect(f.doi == "10.5555/jis.2017.03")
        #expect(f.type == "article-journal")
    }

    @Test func aBookHasPublisherAndPlace() throws {
        let f = try #require(ReferenceFieldBuilder.fields("Braun, Klaus. 1987. Steppe Roads. Leipzig: Verlag am Fluss."))
        #expect(f.author.first?.family == "Braun")
        #expect(f.year == 1987 && f.title == "Steppe Roads")
        #expect(f.publisher == "Verlag am Fluss" && f.publisherPlace == "Leipzig")
        #expect(f.type == "book")
    }

    @Test func anAccessDateIsNoIssueDate() throws {
        let f = try #require(ReferenceFieldBuilder.fields(
            "Harbour Board of Tromsø. Annual tonnage tables. https://tonnage.example/tables, accessed 3 May 2016."))
        #expect(f.year == nil)
    }

    @Test func aMarkdownLinkGivesTheAddressInItsParentheses() throws {
        let f = try #require(ReferenceFieldBuilder.fields(
            "Port of Sabetta. (2018). Terminal opens to tankers. Available at [www.sabetta.example](http://www.sabetta.example/news)."))
        #expect(f.url == "http://www.sabetta.example/news")
    }

    @Test func namesInEveryOrder() {
        let cases: [(String, [String])] = [
            ("Okonkwo, A. B., & Lindqvist, M.", ["Okonkwo", "Lindqvist"]),
            ("T. Haruki and P. Mensah", ["Haruki", "Mensah"]),
            ("Mensah PK, Haruki T, van der Berg JH", ["Mensah", "Haruki", "van der Berg"]),
            ("Mensah PK Haruki T", ["Mensah", "Haruki"]),
            ("Pieter van der Berg", ["van der Berg"]),
            ("ORLOVA (T.), BRAUN (K.)", ["Orlova", "Braun"]),
            ("Иванова Е. П., Петров А.", ["Иванова", "Петров"]),
            ("Haruki, Tomo, et al.", ["Haruki"]),
        ]
        for (text, families) in cases {
            #expect(ReferenceNameSplitter.names(text).map { $0.family ?? "" } == families, "\(text)")
        }
        #expect(ReferenceNameSplitter.names("Harbour Board of Tromsø and Narvik") == [.organisation("Harbour Board of Tromsø and Narvik")])
    }

    @Test func idPrefixesKeepSerialNumbers() {
        #expect(CitationExtractor.idPrefix("okonkwo-river-ports") == "okonkwo")
        #expect(CitationExtractor.idPrefix("okonkwo-2017") == "okonkwo")
        #expect(CitationExtractor.idPrefix("batch-007") == "batch-007")
        #expect(CitationExtractor.idPrefix("batch-12-extra") == "batch-12")
    }

    @Test func numericMarkersAndNoteMarks() {
        let text = """
            # T

            ## Body

            Ports grew [2, 3] and shrank [6–8], as shown [4, p. 12]. A plot of 4 km² is small.<sup>5</sup> Then.¹² See [link](http://x.example) and [9](http://y.example).

            ## References

            1. Okonkwo, A. (2017). Ports. Leipzig: Fluss.
            """
        let raw = RawText(text)
        let (sections, passages) = PassageBuilder.build(documentID: "t", raw: raw)
        let doc = Document(metadata: DocumentMetadata(id: "t", text: "t.txt", title: "T", authors: []), raw: raw, sections: sections, passages: passages)
        let found = MarkerCitationFinder.find(in: doc, skipping: ReferenceListFinder.referenceSectionIDs(in: doc), parentheses: false)
        #expect(found.map(\.text) == ["[2, 3]", "[6–8]", "[4, p. 12]", "<sup>5</sup>", "¹²"])
        #expect(found.map(\.numbers) == [[2, 3], [6, 7, 8], [4], [5], [12]])
        #expect(found[2].locator == "12")
        for m in found { #expect(raw.slice(m.raw) == m.text) }
    }

    @Test func notesResolveToTheBibliography() {
        let refs = [
            Reference(id: "t-okonkwo-2017", document: "t", type: "book", raw: "", source: .init(document: "t", passage: "p", start: 0, end: 0, quote: "", text: "")),
        ].map { r -> Reference in
            var r = r
            r.author = [.person("Okonkwo", "A.")]
            r.title = "River ports of the Amur basin"
            return r
        }
        #expect(CitationExtractor.resolveNote("3. Ada Okonkwo, River Ports (Leipzig, 2017), 4.", references: refs, previous: nil).id == "t-okonkwo-2017")
        #expect(CitationExtractor.resolveNote("4. Ibid., 7.", references: refs, previous: "t-okonkwo-2017").id == "t-okonkwo-2017")
        let none = CitationExtractor.resolveNote("5. Harbour gazette, 2 May 1911.", references: refs, previous: nil)
        #expect(none.id == nil && none.reason != nil)
    }

    static func document(_ text: String) -> Document {
        let raw = RawText(text)
        let (sections, passages) = PassageBuilder.build(documentID: "test-doc", raw: raw)
        return Document(
            metadata: DocumentMetadata(id: "test-doc", text: "t.txt", title: "T", authors: []), raw: raw, sections: sections,
            passages: passages)
    }

    @Test func aDittoDashRepeatsTheAuthorsAndANumberIsNoPartOfTheId() {
        let doc = Self.document("""
            # T

            ## Body

            River trade grew (Okonkwo, 2017) and lake trade too (Okonkwo, 2019).

            ## References

            [1] Okonkwo, A. (2017). River ports of the north. Leipzig: Fluss.

            [2] ———. (2019). Lake ports of the north. Leipzig: Fluss.
            """)
        let result = CitationExtractor.extract(documents: [doc], annotations: [:])
        #expect(result.references.map(\.id) == ["test-okonkwo-2017", "test-okonkwo-2019"])
        #expect(result.references.last?.author == result.references.first?.author)
        #expect(result.inText.map(\.referenceID) == ["test-okonkwo-2017", "test-okonkwo-2019"])
    }

    @Test func aMonthAndYearInBracketsIsNoCitation() {
        #expect(InTextCitationFinder.parenthetical("September 2020", titles: []) == nil)
        #expect(InTextCitationFinder.parenthetical("Okonkwo 2020", titles: []) != nil)
    }

    @Test func noteMarksResolveThroughNotesToTheBibliography() {
        let doc = Self.document("""
            # T

            ## Body

            The river froze early that year.<sup>1</sup> Trade stopped.<sup>2</sup> It came back.³

            ## Notes

            1. Ada Okonkwo, *River Ports of the North* (Leipzig: Fluss, 2017), 4.

            2. Ibid., 9.

            3. Harbour gazette, 2 May 1911.

            ## Bibliography

            Okonkwo, Ada. *River Ports of the North*. Leipzig: Fluss, 2017.
            """)
        let result = CitationExtractor.extract(documents: [doc], annotations: [:])
        #expect(result.references.count == 1)
        #expect(result.inText.map(\.text) == ["<sup>1</sup>", "<sup>2</sup>", "³"])
        #expect(result.inText.map(\.referenceID) == ["test-okonkwo-2017", "test-okonkwo-2017", nil])
        #expect(result.inText.last?.unresolvedReason == "the note names no entry of the bibliography")
        #expect(result.references.first?.citedCount == 2)
    }

    @Test func mlaAuthorPageCitationsNameTheList() {
        let families: Set<String> = ["okonkwo", "mensah"]
        #expect(InTextCitationFinder.authorPage("Okonkwo 45", families: families, titles: [])?.locator == "45")
        #expect(InTextCitationFinder.authorPage("Okonkwo and Mensah 12-14", families: families, titles: [])?.authors == ["Okonkwo", "Mensah"])
        #expect(InTextCitationFinder.authorPage("Okonkwo, *River Ports* 140", families: families, titles: []) != nil)
        #expect(InTextCitationFinder.authorPage("Figure 3", families: families, titles: []) == nil)
    }
}
