import Foundation
import Testing

@testable import Corpus

/// `TextBlock.classifyASCII` decides headings, rules, footnotes and
/// paragraphs on the scalars for ASCII blocks; `classifyText` is the
/// definition it must follow. Compared on every block of the embedded
/// corpus and on generated blocks made of the pieces each rule looks at.
@Suite struct TextBlockClassifyTests {
    static let pieces = [
        "#", "## ", "-", "*", "_", "\\*", "* ", ":", " ", "\n", "\r", "1", "2.", "1. ", "2.1. ", "A", "B", "Z",
        "a", "q", "INTRODUCTION", "Introduction", "references", "ACKNOWLEDGEMENTS", "Notes", "Literature Review",
        "ASIAN INSTITUTE OF RESEARCH", "Economic Sphere", ".", "U.S.", "é", "Ё", "中", "¹", "\t", "(", ")",
    ]

    static let corpusBlocks: [[Unicode.Scalar]] = {
        var blocks: [[Unicode.Scalar]] = []
        let directory = CorpusLoader.defaultCorpusDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".txt") {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else {
                continue
            }
            let scalars = Array(text.unicodeScalars)
            blocks += TextBlock.blocks(in: scalars).map { Array(scalars[$0.start..<$0.end]) }
        }
        return blocks
    }()

    static let blocks: [[Unicode.Scalar]] = {
        var blocks = [
            "---", "***", "-*_", "--", "#", "### Title", "\\* Dr. Pathak", "* footnote", "*bold*", "1. INTRODUCTION",
            "2.1. Economic Sphere", "2.1 Economic Sphere", "3. Two. Stops.", "REFERENCES", "References:", "Abstract",
            "**ACKNOWLEDGEMENTS**", "ASIA 2019", "ABC", "ABCD", "AB CD", "WTO AND SCO", "Line one\nline two",
            String(repeating: "A", count: 81), String(repeating: "A", count: 80), String(repeating: "x", count: 151),
            "CRLF\r\nTITLE", "literature", "LITERATURE REVIEW OF THE FIELD",
        ].map { Array($0.unicodeScalars) }
        blocks += SeededTexts.texts(3000, from: pieces, fewerThan: 12, seed: 23)
            .map { Array($0.unicodeScalars) }
            .filter { !$0.isEmpty }
        return blocks + corpusBlocks
    }()

    @Test func embeddedCorpusBlocksAreCompared() {
        #expect(Self.corpusBlocks.count > 150)
    }

    @Test func asciiPathAgreesWithTheTextDefinition() {
        var decided = 0
        for block in Self.blocks {
            guard let fast = TextBlock.classifyASCII(block, 0, block.count) else {
                // Only blocks with a non-ASCII scalar or a carriage return are left to the text path.
                #expect(block.contains { !$0.isASCII || $0 == "\r" }, "\(String(String.UnicodeScalarView(block)))")
                continue
            }
            decided += 1
            #expect(
                fast == TextBlock.classifyText(block, 0, block.count),
                "\(String(String.UnicodeScalarView(block)).debugDescription)")
        }
        #expect(decided > 1000)
    }

    @Test func asciiPathFindsEachKind() {
        let kinds = ["---", "## Title", "* note", "1. INTRODUCTION", "REFERENCES", "Plain words here."].map {
            TextBlock.classifyASCII(Array($0.unicodeScalars), 0, $0.unicodeScalars.count)
        }
        #expect(kinds == [.rule, .heading(level: 2), .footnote, .heading(level: 1), .heading(level: 1), .paragraph])
    }
}
