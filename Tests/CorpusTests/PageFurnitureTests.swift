import Foundation
import Testing

@testable import Corpus

/// Running headers, footers and page numbers are recognised by their shape
/// wherever they fall, and a sentence they cut is whole again. Every text here
/// was written for these tests.
@Suite struct PageFurnitureTests {
    static func shape(_ line: String) -> PageFurniture.Shape? {
        PageFurniture.shapeAlone(Array(line.unicodeScalars))
    }

    @Test func barePageNumbers() {
        for line in ["17", "— 17 —", "- 4 -", "[212]", "Page 4", "page 4 of 20", "p. 9", "12 of 30"] {
            #expect(Self.shape(line) == .pageNumber, "\(line)")
        }
    }

    @Test func headersWithASeparatedPageNumber() {
        for line in [
            "214 · Review of Steppe Economics · Vol. 3, No. 2",
            "Okafor and Brandt. Grain and Gas on the Steppe | 57",
            "THE AMUR WEEKLY – Monday 3 June 2024 – 6",
        ] {
            #expect(Self.shape(line) == .separatedPageNumber, "\(line)")
        }
    }

    @Test func runningHeadersInCapitalsBesideAPageNumber() {
        for line in ["318 KOVALENKO AND ZHU", "STEPPE TRADE QUARTERLY 41", "96 REVIEW OF STEPPE ECONOMICS 3 (2022)"] {
            #expect(Self.shape(line) == .pageNumberBesideCapitals, "\(line)")
        }
    }

    @Test func linesThatAreContentAreNot() {
        for line in [
            "2019", "Table 4", "1 Introduction", "The ports handled 45 ships in 2021.", "| 2019 | 31.5 | 0.70 |",
            "Received 3 March 2022", "Research Report No. 4/2021 · May 2021", "Exports rose by 12 - 15",
            "## 3 Results", "2 LITERATURE REVIEW", "NATO 75", "45 Chinese firms", "12 Kovalenko and Zhu",
        ] {
            #expect(Self.shape(line) == nil, "\(line)")
        }
    }

    /// One document written from `text`, loaded without annotations.
    static func load(_ text: String) throws -> Document {
        let corpus = try TempCorpus(copyingDefault: false)
        try corpus.write(text, to: "furniture.txt")
        try corpus.write(
            #"{"id": "furniture-test", "text": "furniture.txt", "title": "Grain Corridors of the Steppe", "authors": []}"#,
            to: "furniture.json")
        let model = try CorpusLoader.load(directory: corpus.url, options: .init(applyAnnotations: false))
        return try #require(model.documents.first)
    }

    @Test func aRunningHeaderInsideASentenceIsSkippedAndTheSentenceRejoined() throws {
        let text = """
            The convoy of grain trucks waited at the border post for three

            Okafor · Grain Corridors of the Steppe · 57

            days before the customs office reopened in May 2021.

            """
        let document = try Self.load(text)
        #expect(document.passages.map(\.text) == [
            "The convoy of grain trucks waited at the border post for three days before the customs office reopened in May 2021."
        ])
        // The quote stays verbatim: it spans the header, which the reading text leaves out.
        let passage = document.passages[0]
        let provenance = document.provenance(passage: passage, sentence: passage.sentences[0])
        #expect(provenance.quote.contains("three\n\nOkafor · Grain Corridors of the Steppe · 57\n\ndays"))
    }

    @Test func aHeaderWithoutSeparatorsOrNumbersIsFurnitureWhenItCutsASentence() throws {
        let text = """
            The branch line to the grain terminal was

            88 Review of Steppe Economics. 2022. Vol. 3, No. 2

            extended to the river port in 2019, and the second track was

            EURASIAN FREIGHT QUARTERLY

            finished two years later.

            """
        let document = try Self.load(text)
        #expect(document.passages.map(\.text) == [
            "The branch line to the grain terminal was extended to the river port in 2019, and the second track was finished two years later."
        ])
        #expect(!document.sections.contains { $0.title.contains("QUARTERLY") })
    }

    @Test func repeatedFootersAndBarePageNumbersBetweenParagraphsAreNotPassages() throws {
        let text = """
            The first ferry crossed the lake in 2016.

            Okafor 12

            A second ferry followed in 2018.

            Okafor 13

            Freight on both reached 40,000 tonnes in 2020.

            14

            The port was closed for repairs in 2022.

            """
        let document = try Self.load(text)
        #expect(document.passages.map(\.text) == [
            "The first ferry crossed the lake in 2016.", "A second ferry followed in 2018.",
            "Freight on both reached 40,000 tonnes in 2020.", "The port was closed for repairs in 2022.",
        ])
    }

    @Test func furnitureOnALineOfItsOwnInsideAParagraphIsTakenOut() throws {
        let text = """
            The convoy of grain trucks waited at the border post for three
            57
            days, and the ferry to the eastern shore ran only
            Okafor · Grain Corridors of the Steppe · 58
            twice a week in 2021.

            """
        let document = try Self.load(text)
        #expect(document.passages.map(\.text) == [
            "The convoy of grain trucks waited at the border post for three days, and the ferry to the eastern shore ran only twice a week in 2021."
        ])
    }

    @Test func aRunningHeaderBeforeAHalfOpeningWithANameIsSkipped() throws {
        // The sentence carries on with a capitalised name, so only the header's
        // shape (a page number at its end) tells it from a heading.
        let text = """
            The tankers crossed the frozen river at dawn and unloaded their diesel at the depots on the northern shore, where the fuel was handed to the

            Steppe Transport Review. 2021;9(4)                                        212

            Kazakh rail company for the winter of 2021.

            """
        #expect(Self.furnitureLines(text) == ["Steppe Transport Review. 2021;9(4)                                        212"])
        let document = try Self.load(text)
        #expect(document.passages.map(\.text) == [
            "The tankers crossed the frozen river at dawn and unloaded their diesel at the depots on the northern shore, where the fuel was handed to the Kazakh rail company for the winter of 2021."
        ])
    }

    @Test func aRepeatedLineBeforeAHalfOpeningWithANameIsSkipped() throws {
        let text = """
            The ferry company bought four icebreaking tugs and leased two more from a yard on the eastern shore of the lake, which had built them for the

            Okafor and Brandt: Grain Corridors

            Caspian trade a decade earlier.

            The tugs kept the channel open until the spring, and the company's grain barges made eleven crossings in a season that had once allowed

            Okafor and Brandt: Grain Corridors

            Russian and Kazakh shippers only three.

            """
        let document = try Self.load(text)
        #expect(document.passages.map(\.text) == [
            "The ferry company bought four icebreaking tugs and leased two more from a yard on the eastern shore of the lake, which had built them for the Caspian trade a decade earlier.",
            "The tugs kept the channel open until the spring, and the company's grain barges made eleven crossings in a season that had once allowed Russian and Kazakh shippers only three.",
        ])
    }

    @Test func aLineWithoutAHeaderShapeBeforeACapitalisedParagraphStaysContent() throws {
        // Cut at a lowercase word, but the line neither repeats nor has a page number: a heading.
        let text = """
            The committee drafted rules for the river ports and sent them to the ministry, which returned them within a month with comments on the

            Customs at the river ports

            The new rules came into force in 2022.

            """
        #expect(Self.furnitureLines(text).isEmpty)
        let document = try Self.load(text)
        #expect(document.passages.contains { $0.text.contains("Customs at the river ports") })
    }

    /// The lines of `text` that `TextBlock.blocks` marks as page furniture.
    static func furnitureLines(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return TextBlock.blocks(in: scalars).filter { $0.kind == .pageFurniture }.map {
            String(String.UnicodeScalarView(scalars[$0.start..<$0.end]))
        }
    }

    @Test func anEntryEndingInANumberAfterAnEntryEndingInANameIsNotFurniture() throws {
        let text = """
            # Harbours of the Far North

            ## References

            Halvorsen, T. (2016) Ice Charts and Insurance: Shipping, Risk and the Underwriters of the Northern Sea Route. Tromsø: Arctic University Press

            Mbeki, S. Tugboats of the White Sea, vol. 2

            Nilsen, K. (2019) Pilots and port dues in Murmansk.

            """
        // The entry before it ends in a name, not in the middle of a sentence.
        #expect(Self.furnitureLines(text).isEmpty)
        let document = try Self.load(text)
        #expect(document.passages.contains { $0.text.contains("Mbeki, S. Tugboats of the White Sea, vol. 2") })
    }

    @Test func aShortLineBetweenTwoFinishedSentencesStaysContent() throws {
        let text = """
            The terminal opened in 2015.

            Lessons from the terminal

            Its capacity doubled in 2019.

            """
        let document = try Self.load(text)
        #expect(document.passages.map(\.text).contains("Lessons from the terminal"))
    }

    @Test func aShortLowercaseLineBetweenTwoHalvesIsPartOfTheSentence() throws {
        let text = """
            The ferry to the eastern shore of the lake ran

            only on Mondays and

            twice a week after the new pier opened in 2021.

            """
        let document = try Self.load(text)
        #expect(document.passages.map(\.text) == [
            "The ferry to the eastern shore of the lake ran only on Mondays and twice a week after the new pier opened in 2021."
        ])
    }

    @Test func aHeaderInsideAReferenceEntryIsSkipped() throws {
        let text = """
            # Grain Corridors of the Steppe

            Freight grew quickly (Okafor 2020; Brandt 2018).

            ## References

            Okafor, N. (2020) 'Grain and Gas on the Steppe: Wheat, Pipelines and the Politics of the Border in Central Asia', *Journal of Inland

            Okafor · Grain Corridors of the Steppe · 58

            Trade Studies*, 7(2), pp. 101–119.

            Brandt, L. (2018) *Rails East*. Leipzig: Ostverlag.

            """
        let document = try Self.load(text)
        let entries = document.passages.filter { $0.sectionID == document.sections.last?.id }.map(\.text)
        #expect(entries == [
            "Okafor, N. (2020) 'Grain and Gas on the Steppe: Wheat, Pipelines and the Politics of the Border in Central Asia', Journal of Inland Trade Studies, 7(2), pp. 101–119.",
            "Brandt, L. (2018) Rails East. Leipzig: Ostverlag.",
        ])
    }

    @Test func anEntryFollowedByANameWithALowercaseParticleIsNotFurniture() throws {
        let text = """
            # Harbours of the Far North

            ## References

            Halvorsen, T. (2016). Ice charts and insurance. https://ice.example/halvorsen

            Mbeki, S. 2012. Tugboats of the White Sea. Polar Shipping 9: 40-52

            de Vries, A. (2014). Pilots and port dues in Murmansk.

            """
        let document = try Self.load(text)
        let entries = document.passages.filter { $0.sectionID == document.sections.last?.id }.map(\.text)
        #expect(entries.contains("Mbeki, S. 2012. Tugboats of the White Sea. Polar Shipping 9: 40-52"))
        #expect(entries.count == 3)
    }
}
