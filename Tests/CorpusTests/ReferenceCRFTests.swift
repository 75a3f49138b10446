import Foundation
import Testing

@testable import Corpus

/// The reference-entry CRF: features mirrored from the training script, the
/// shipped model on entries written for these tests, names, ids and markers.
@Suite struct ReferenceCRFTests {
    struct Row: Decodable { var entry: String; var features: [[String]] }

    @Test func swiftFeaturesAreThePythonFeatures() throws {
        let rows = try JSONDecoder().decode([Row].self, from: Data(ReferenceFeatureFixture.json.utf8))
        #expect(rows.count == 6)
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

    @Test func labellingFromTokensIsLabellingFromTheFeatureStrings() throws {
        // `label(tokens:)` reads the neighbours' weights without building their strings;
        // it must choose what the feature strings (the mirror of features.py) choose.
        let crf = try #require(ReferenceCRF.shipped)
        let rows = try JSONDecoder().decode([Row].self, from: Data(ReferenceFeatureFixture.json.utf8))
        let entries = rows.map(\.entry) + [
            "Mensah, P. (2003). Ferry lines. In T. Haruki (Ed.), *Coastal Traffic* (pp. 11–30). Narvik: Nordlys.",
            "“Tide tables.” Harbour Gazette, 4 March 1999, p. 2.",
            "A",
        ]
        for entry in entries {
            let tokens = ReferenceTokenFeatures.tokenize(entry)
            #expect(crf.label(tokens: tokens) == crf.label(ReferenceTokenFeatures.features(tokens, dictionary: crf.dictionary)), "\(entry)")
        }
        #expect(crf.label(tokens: []) == [])
    }

    @Test func contextCountsSentencesAndRemembersInEditorsAndYears() {
        let tokens = ReferenceTokenFeatures.tokenize("Mensah, P. (2003). Ferry lines. In T. Haruki (Eds.), Coastal Traffic. Narvik: Nordlys.")
        let own = tokens.map { ReferenceTokenFeatures.tokenFeatures($0) }
        let context = ReferenceTokenFeatures.context(tokens, own: own, quoted: ReferenceTokenFeatures.quoted(tokens))
        func at(_ word: String) -> ReferenceTokenFeatures.Context { context[tokens.firstIndex(of: Substring(word))!] }
        // "P." is an initial, not the end of a sentence; "(2003)." and "lines." are.
        #expect(at("(2003).").sentence == 0 && at("Ferry").sentence == 1 && at("In").sentence == 2)
        #expect(at("Narvik:").sentencesLeft == 0 && at("Ferry").sentencesLeft == 2 && at("Mensah,").sentencesLeft == 3)
        #expect(!at("In").afterIn && at("T.").afterIn)
        #expect(!at("(Eds.),").afterEditors && at("Coastal").afterEditors)
        #expect(!at("(2003).").afterYear && at("Ferry").afterYear)
    }

    @Test func aBookOpenedByInInsideTheTitleIsTheContainer() {
        // What the model often does with a chapter: "Title. In Book." read as one title.
        let tokens = ["Mensah,", "P.", "Ferry", "lines.", "In", "Coastal", "Traffic.", "Narvik:", "Nordlys,", "2003."]
        let labels = ["author", "author", "title", "title", "title", "title", "title", "location", "publisher", "date"]
        let f = ReferenceFieldBuilder.fields(tokens: tokens, labels: labels)
        #expect(f.title == "Ferry lines" && f.containerTitle == "Coastal Traffic")
        #expect(f.type == "chapter")
        // "in" inside a sentence is part of the title ("Trade in Asia").
        let inside = ["Mensah,", "P.", "Trade", "in", "Asia.", "Narvik:", "Nordlys,", "2003."]
        let g = ReferenceFieldBuilder.fields(tokens: inside, labels: ["author", "author", "title", "title", "title", "location", "publisher", "date"])
        #expect(g.title == "Trade in Asia" && g.containerTitle == nil)
        // Where the model found a journal first, the title is left whole.
        let journal = ["Harbour", "Gazette.", "Ferry", "lines.", "In", "brief."]
        let h = ReferenceFieldBuilder.fields(tokens: journal, labels: ["journal", "journal", "title", "title", "title", "title"])
        #expect(h.title == "Ferry lines. In brief" && h.containerTitle == "Harbour Gazette")
    }

    @Test func aVolumeWordNamesTheVolumeEvenInRomanFigures() {
        let tokens = ["Mensah,", "P.", "1985.", "Ferry", "lines.", "In", "Coastal", "Traffic,", "vol.", "II", "(1257–1319).", "Narvik:", "Nordlys."]
        let labels = ["author", "author", "date", "title", "title", "editor", "container", "container", "volume", "volume", "volume", "location", "publisher"]
        #expect(ReferenceFieldBuilder.fields(tokens: tokens, labels: labels).volume == "II")
        let journal = ReferenceFieldBuilder.fields(tokens: ["Mensah,", "P.", "Ferry", "lines.", "Gazette", "12(3),", "4–9."],
            labels: ["author", "author", "title", "title", "journal", "volume", "pages"])
        #expect(journal.volume == "12" && journal.issue == "3")
        let numbered = ReferenceFieldBuilder.fields(tokens: ["Mensah,", "P.", "Ferry", "lines.", "Gazette,", "Vol.", "7,", "No.", "2,", "4–9."],
            labels: ["author", "author", "title", "title", "journal", "volume", "volume", "volume", "volume", "pages"])
        #expect(numbered.volume == "7" && numbered.issue == "2")
    }

    @Test func aTitleEndsBeforeItsTranslationAndTheAccessNote() {
        let title = "River Ports of the North (Речные порты Севера) Date of access: 12.03.2019"
        #expect(ReferenceParser.trimmedTitle(title, originalTitle: "Речные порты Севера") == "River Ports of the North")
        #expect(ReferenceParser.trimmedTitle("Lake Ports. Accessed 3 May 2019", originalTitle: nil) == "Lake Ports")
        #expect(ReferenceParser.trimmedTitle("Ports (Harbours) of the North", originalTitle: nil) == "Ports (Harbours) of the North")
    }

    @Test func anEmphasisedTitleEndsWhereItsEmphasisCloses() {
        let tokens = ["Harbour", "Board", "(2019)", "*Ferry", "Lines", "North*.", "Narvik:", "Nordlys."]
        let f = ReferenceFieldBuilder.fields(tokens: tokens, labels: ["author", "author", "date", "title", "title", "title", "title", "title"])
        #expect(f.title == "Ferry Lines North")
        #expect(f.publisherPlace == "Narvik" && f.publisher == "Nordlys")
        let plain = ReferenceFieldBuilder.fields(tokens: ["Mensah,", "P.", "Ferry", "lines.", "Narvik."], labels: ["author", "author", "title", "title", "title"])
        #expect(plain.title == "Ferry lines. Narvik")
    }

    @Test func whatFollowsADoubleSlashIsTheHostPublication() {
        let tokens = ["Orlova", "T.", "Ferry", "lines", "//", "Severny", "Vestnik.", "2016.", "No.", "4."]
        let f = ReferenceFieldBuilder.fields(tokens: tokens, labels: ["author", "author", "title", "title", "title", "author", "author", "date", "volume", "volume"])
        #expect(f.containerTitle == "Severny Vestnik" && f.author.map(\.family) == ["Orlova"])
        #expect(f.type == "article-journal")
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
