import Foundation
import Testing

@testable import Corpus

/// The citation extractor's scanners and ASCII fast paths
/// against what they replace (the regex or the `Character` code, kept here
/// as the spec), on the default corpus's passages and references and on
/// generated strings that stress the edges (brackets, digits, non-ASCII,
/// "\r\n", lengths around the limits).
@Suite struct CitationFastPathTests {
    /// Texts to compare on: every passage and reference of the default corpus, plus generated ones.
    static let samples: [String] = {
        let model = PassageBuilderTests.model
        var out = model.documents.flatMap { $0.passages.map(\.text) } + model.references.map(\.raw)
        out += model.references.compactMap(\.title) + model.inTextCitations.map(\.text)
        out += generated(count: 3000, seed: 7)
        return out
    }()

    /// Pseudo-random strings from pieces that matter to the patterns.
    static func generated(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "(", ")", "(", ")", " ", "  ", ",", ";", ":", ".", "-", "–", "1994", "20", "7", "a", "Menon", "menon",
            "WANG", "é", "e\u{301}", "Ünal", "赵文文", "Китай", "\r\n", "\n", "\t", "\u{00A0}", "\u{2003}", "١٢٣٤",
            "notes", "argues", " says", "pp. 12-14", "Joint Statement", "\"", "“", "”", "*", "[", "]", "𝔸",
            "https://x.org/a", "10.1000/xyz", "and", "&", "Wishnick", "Wishnik", "statement",
            "’", "‘", "—", "…", "«", "»", "„", "\u{2010}", "\u{2212}", "ﬁ", "Ǆ", "²",
        ]
        var random = SeededTexts(seed: seed)
        return (0..<count).map { _ in
            var s = random.text(from: pieces, fewerThan: 24)
            if random.next() % 10 == 0 { s += String(repeating: "x", count: 390 + random.next() % 20) + ")" }
            return s
        }
    }

    /// The regex the scanner replaces, as `TextPattern.allMatches` reported it.
    static func regexMatches(_ text: String, _ pattern: String) -> [ParenthesisScanner.Match] {
        TextPattern.allMatches(pattern, in: text).map {
            ParenthesisScanner.Match(inner: $0.groups[1]!, location: $0.range.location, length: $0.range.length)
        }
    }

    @Test func parenthesisScannerMatchesTheRegex() {
        for text in Self.samples {
            #expect(
                ParenthesisScanner.matches(in: text, minInner: 1, maxInner: 400)
                    == Self.regexMatches(text, "\\(([^()]{1,400})\\)"), "\(text)")
            #expect(
                ParenthesisScanner.matches(in: text, minInner: 12) == Self.regexMatches(text, "\\(([^()]{12,})\\)"),
                "\(text)")
        }
    }

    static func foundationTrim(_ s: String, _ punctuation: String) -> String {
        s.trimmingCharacters(in: CharacterSet(charactersIn: punctuation).union(.whitespacesAndNewlines))
    }

    /// The table `ScalarMap` replaced: the scalar index of each UTF-16 unit, then the scalar count.
    @Test func scalarMapMatchesTheScalarTable() {
        for text in Self.samples {
            var table: [Int] = []
            for (i, scalar) in text.unicodeScalars.enumerated() {
                for _ in 0..<scalar.utf16.count { table.append(i) }
            }
            table.append(text.unicodeScalars.count)
            let map = ScalarMap(text)
            #expect((-2..<(table.count + 3)).map(map.scalar) == (-2..<(table.count + 3)).map { table[min(max(0, $0), table.count - 1)] })
        }
    }

    @Test func trimIsFoundationsTrim() {
        for text in Self.samples {
            #expect(TextPattern.trimSpaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text)")
            #expect(TextPattern.trim(text, "") == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text)")
            for punctuation in [",.;: ", ", ", ".,;)", ".", " ", ".:# ", ",.;: \"“”'"] {
                #expect(TextPattern.trim(text, punctuation) == Self.foundationTrim(text, punctuation), "\(text)")
            }
        }
    }
}
