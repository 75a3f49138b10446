import Foundation
import Testing

@testable import Corpus

@Suite struct PassageBuilderTests {
    static let model = try! CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory)

    @Test func everyPassageMapsBackToTheRawFile() throws {
        for document in Self.model.documents {
            for passage in document.passages {
                #expect(passage.rawOffsets.count == passage.text.unicodeScalars.count + 1)
                // Every kept scalar is the raw scalar it claims to be, or a space standing for whitespace/a page break.
                for (i, scalar) in passage.text.unicodeScalars.enumerated() {
                    let raw = document.raw.scalar(at: passage.rawOffsets[i])
                    #expect(raw == scalar || (scalar == " " && raw.properties.isWhitespace), "\(passage.id) at \(i)")
                }
                // Sentences tile the passage text in order and their text is the slice they claim.
                let scalars = Array(passage.text.unicodeScalars)
                for (a, b) in zip(passage.sentences, passage.sentences.dropFirst()) { #expect(a.end <= b.start) }
                for sentence in passage.sentences {
                    #expect(String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end])) == sentence.text)
                    #expect(sentence.rawStart == passage.rawOffsets[sentence.start])
                    let p = document.provenance(passage: passage, sentence: sentence)
                    #expect(document.raw.slice(p.start..<p.end) == p.quote)
                    #expect(!document.raw.occurrences(of: p.quote).isEmpty)
                }
            }
        }
    }

    @Test func numberedNotesAreNotHeadings() {
        let text = """
            # Rivers of Trade

            ## 1. Introduction

            The river port opened in 1911.<sup>1</sup>

            2. Trade and Rivers

            The port closed in 1931.

            ## Notes

            1. Anna Petrova, *Rivers of Trade* (Omsk: Irtysh Press, 2011), 40–44.

            2. Petrova, *Rivers of Trade*, 81.

            3. *Irtysh Herald*, 4 May 1931.
            """
        let (sections, passages) = PassageBuilder.build(documentID: "written", raw: RawText(text))
        // A note ends in a full stop after its locator or date; a numbered heading does not.
        #expect(sections.map(\.title) == ["Rivers of Trade", "1. Introduction", "2. Trade and Rivers", "Notes"])
        let notes = sections.last!.passageIDs
        #expect(passages.filter { notes.contains($0.id) }.map { $0.text.prefix(3) } == ["1. ", "2. ", "3. "])
    }

    @Test func pageBreaksAreJoined() throws {
        let burk = try #require(Self.model.document(id: "burkitbayevna-2019"))
        #expect(burk.passages.contains { $0.text.contains("continuous in-depth development of relations") })
        #expect(burk.passages.contains { $0.text.contains("during his speech in Astana during his state visit") })
        let pathak = try #require(Self.model.document(id: "pathak-post-cold-war"))
        #expect(pathak.passages.contains { $0.text.contains("which have different notion of justice") })
        #expect(pathak.passages.contains { $0.text.contains("concentrated on the defence product.") })
        #expect(pathak.passages.contains { $0.text.contains("21st century in 2005") })
    }

    @Test func pageBreakAcrossARuleAndFootnoteJoinsAndKeepsTheFootnoteApart() throws {
        let pathak = try #require(Self.model.document(id: "pathak-post-cold-war"))
        // "... which have different" --- footnote --- "notion of justice ..." is one sentence.
        let joined = try #require(pathak.passages.first { $0.text.contains("which have different notion of justice") })
        #expect(!joined.text.contains("Assistant Professor"))
        let sentence = try #require(joined.sentences.first { $0.text.contains("different notion of justice") })
        let provenance = pathak.provenance(passage: joined, sentence: sentence)
        // The verbatim quote spans the page break, rule and footnote; the cleaned text does not.
        #expect(provenance.quote.contains("different\n\n---\n\n\\* Dr. Shiv Poojan"))
        #expect(provenance.text.hasSuffix("which have different notion of justice and order in international society."))
        // The footnote is a passage of its own, cleaned of its escaped mark.
        #expect(pathak.passages.contains { $0.text.hasPrefix("Dr. Shiv Poojan Prasad Pathak is an Assistant Professor") })
        // Paragraphs that end a sentence at a page break stay apart.
        let burk = try #require(Self.model.document(id: "burkitbayevna-2019"))
        #expect(burk.passages.contains { $0.text.hasPrefix("Keywords: Sino-Russian relations") })
    }

    @Test func markdownIsCleaned() throws {
        let all = Self.model.documents.flatMap(\.passages).map(\.text)
        #expect(all.contains { $0.contains("at least $20 billion") })
        #expect(all.contains { $0.contains("of the 21st century in 2005") })
        #expect(all.contains { $0.contains("The Journal of Social and Political Sciences is an Open Access") })
        #expect(all.contains { $0.hasPrefix("Key Words: Perception") })
        #expect(all.contains { $0 == "Orazalina Korlan Burkitbayevna, Asset Darimbek" })
        for text in all {
            #expect(!text.contains("\\$") && !text.contains("<sup>") && !text.contains("**") && !text.contains("\\*"))
            #expect(!text.contains("¹") && !text.contains("²") && !text.contains("  ") && !text.contains("\n"))
        }
    }

    @Test func headingsBecomeSectionsWithStableIDs() throws {
        let burk = try #require(Self.model.document(id: "burkitbayevna-2019"))
        #expect(burk.sections.map(\.title).prefix(6) == [
            "Front matter", "Abstract", "1. INTRODUCTION",
            "2. THE DEVELOPMENT OF SINO-RUSSIAN COOPERATION IS FOR THE BENEFIT OF THE PEOPLES OF THE TWO COUNTRIES",
            "2.1. Economic Sphere", "2.2. Energy Sphere",
        ])
        #expect(burk.sections.map(\.level).prefix(6) == [0, 1, 1, 1, 2, 2])
        #expect(burk.sections.last?.title == "REFERENCES")
        let pathak = try #require(Self.model.document(id: "pathak-post-cold-war"))
        let titles = pathak.sections.map(\.title)
        #expect(titles.contains("Introduction") && titles.contains("Chinese National Interests with regard to Russia"))
        #expect(pathak.sections.first { $0.title == "Background" }?.level == 3)
        // Ids are the document id and the heading's position: the same on every load.
        let again = try CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory)
        #expect(again.documents.map { $0.sections.map(\.id) } == Self.model.documents.map { $0.sections.map(\.id) })
        #expect(again.documents.map { $0.passages.map(\.id) } == Self.model.documents.map { $0.passages.map(\.id) })
        for document in Self.model.documents {
            #expect(Set(document.sections.map(\.id)).count == document.sections.count)
            let listed = document.sections.flatMap(\.passageIDs)
            #expect(listed == document.passages.map(\.id))
            for passage in document.passages {
                #expect(document.sections.first { $0.id == passage.sectionID }?.passageIDs.contains(passage.id) == true)
            }
        }
    }

    @Test func sentencesSurviveAbbreviations() {
        let s = SentenceSplitter.sentences(
            in: "Russia is the largest supplier (Timofeyev O. A., 2014). The U.S. does not agree. Units No. 7 and 8 are planned. Done.")
        #expect(s == [
            "Russia is the largest supplier (Timofeyev O. A., 2014).", "The U.S. does not agree.",
            "Units No. 7 and 8 are planned.", "Done.",
        ])
    }
}

@Suite struct OffsetMapTests {
    @Test func readsBackEveryOffsetFromFewRuns() {
        let offsets = [0, 1, 2, 4, 5, 6, 10, 11, 12, 13]
        let map = OffsetMap(offsets)
        #expect(Array(map) == offsets)
        #expect(map.runCount == 3)
        #expect(map.first == 0 && map.last == 13)
        #expect(OffsetMap([]).isEmpty)
    }

    @Test func realPassagesNeedFarFewerRunsThanCharacters() {
        let passages = PassageBuilderTests.model.documents.flatMap(\.passages)
        let characters = passages.reduce(0) { $0 + $1.rawOffsets.count }
        let runs = passages.reduce(0) { $0 + $1.rawOffsets.runCount }
        #expect(runs * 20 < characters, "\(runs) runs for \(characters) characters")
    }
}
