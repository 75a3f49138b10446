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
                    let raw = document.raw.scalars[passage.rawOffsets[i]]
                    #expect(raw == scalar || (scalar == " " && raw.properties.isWhitespace), "\(passage.id) at \(i)")
                }
                for sentence in passage.sentences {
                    let p = document.provenance(passage: passage, sentence: sentence)
                    #expect(document.raw.slice(p.start..<p.end) == p.quote)
                    #expect(!document.raw.occurrences(of: p.quote).isEmpty)
                }
            }
        }
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

    @Test func sentencesSurviveAbbreviations() {
        let s = SentenceSplitter.sentences(
            in: "Russia is the largest supplier (Timofeyev O. A., 2014). The U.S. does not agree. Units No. 7 and 8 are planned. Done.")
        #expect(s == [
            "Russia is the largest supplier (Timofeyev O. A., 2014).", "The U.S. does not agree.",
            "Units No. 7 and 8 are planned.", "Done.",
        ])
    }
}
