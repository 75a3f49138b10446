import Foundation
import Testing

@testable import Corpus

/// The citation extractor's scanners, byte prefilters and ASCII fast paths
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

    @Test func splitNamesMatchesComponents() {
        for text in Self.samples + ["Larson and Shevchenko", "A & B and C", " and ", "&", "x and"] {
            #expect(
                CitationPrefilters.splitNames(text)
                    == text.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " & ") }, "\(text)")
        }
    }

    @Test func prefiltersNeverRuleOutAMatch() {
        let name = "\\p{Lu}[\\p{L}'\\-]+"
        let withYear = "(\(name)(?:\\s+(?:and|&)\\s+\(name))?)\\s+\\((\\d{4})([a-z]?)(?:\\s*[:,]\\s*(\\d+(?:\\s*[-–]\\s*\\d+)?))?\\)"
        let verbs = "((?:\(name)\\s+)?(\(name)))\\s+(?:\(InTextCitationFinder.reportingVerbs.joined(separator: "|")))\\b"
        for text in Self.samples {
            if TextPattern.matches("\\d{4}", text) { #expect(CitationPrefilters.mayHaveFourDigits(text), "\(text)") }
            if TextPattern.matches(withYear, text) {
                #expect(CitationPrefilters.mayHaveSpaceParenthesisYear(text), "\(text)")
            }
            if TextPattern.matches("\\(\\d{4}", text) { #expect(ReferencePrefilters.mayHaveParenthesisYear(text), "\(text)") }
            #expect(ReferencePrefilters.startsUppercase(text) == TextPattern.matches("^\\p{Lu}", text), "\(text)")
            #expect(ReferencePrefilters.startsWith(text, oneOf: "-*•") == TextPattern.matches("^[-*•]", text), "\(text)")
            if TextPattern.matches("\\d\\.?\\s*$", text) { #expect(CitationPrefilters.mayEndWithNumber(text), "\(text)") }
            if TextPattern.matches("^[\\s,.]*[\\p{L} ]+\\.?\\s*$", text) {
                #expect(CitationPrefilters.isLettersSpacesAndStops(text), "\(text)")
            }
            if TextPattern.matches("\\((\\d+)\\)", text) { #expect(ByteSearch.hasParenthesisThenPossibleDigit(text), "\(text)") }
            if TextPattern.matches("\\s+at", text) { #expect(CitationPrefilters.mayHaveAtAfterSpace(text), "\(text)") }
            if TextPattern.matches(verbs, text) {
                #expect(CitationPrefilters.mayHaveWordAfterSpace(text, InTextCitationFinder.verbsByFirstLetter), "\(text)")
            }
        }
    }

    // MARK: the Character code the ASCII paths replace

    static func characterWords(_ s: String) -> [String] {
        let folded = s.utf8.allSatisfy({ $0 < 0x80 })
            ? s.lowercased() : s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out: [String] = []
        var current = ""
        for ch in folded {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func characterDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    static func characterSimilar(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (countA, countB) = (a.count, b.count)
        let shorter = min(countA, countB)
        guard shorter >= 4 else { return false }
        let allowed = shorter >= 7 ? 2 : 1
        guard abs(countA - countB) <= allowed else { return false }
        return characterDistance(a, b) <= allowed
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

    @Test func wordsAndTrimMatchTheCharacterCode() {
        for text in Self.samples {
            #expect(ScalarTrim.whitespace(text) == text.trimmingCharacters(in: .whitespaces), "\(text)")
            #expect(ScalarTrim.whitespaceAndNewlines(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text)")
            #expect(TextPattern.words(text) == Self.characterWords(text), "\(text)")
            for punctuation in [",.;: ", ", ", ".,;)", ".", " ", ".:# ", ",.;: \"“”'"] {
                #expect(TextPattern.trim(text, punctuation) == Self.foundationTrim(text, punctuation), "\(text)")
            }
        }
    }

    @Test func distanceAndSimilarityMatchTheCharacterCode() {
        // Non-ASCII words from across the samples (Cyrillic and Chinese names, accents) as well.
        let foreign = Self.samples.flatMap { Self.characterWords($0) }.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }
        let words = Array(Set(Self.samples.prefix(400).flatMap { Self.characterWords($0) } + Self.generated(count: 300, seed: 3)
            + foreign.prefix(300) + ["ёлка", "елка", "赵文文", "赵文", "café", "cafe\u{301}", "Ünal", "Unal", "Ångström", "\u{212B}ngström"]))
            .sorted().prefix(1000)
        let list = Array(words)
        for (i, a) in list.enumerated() {
            for b in list[i...].prefix(40) {
                let d = Self.characterDistance(a, b)
                #expect(TextPattern.editDistance(a, b) == d, "\(a) / \(b)")
                for limit in [-1, 0, 1, 2, 5] {
                    let bounded = TextPattern.editDistance(a, b, limit: limit)
                    #expect(d <= limit ? bounded == d : bounded > limit, "\(a) / \(b) limit \(limit)")
                }
                #expect(TextPattern.similar(a, b) == Self.characterSimilar(a, b), "\(a) / \(b)")
            }
        }
    }
}
