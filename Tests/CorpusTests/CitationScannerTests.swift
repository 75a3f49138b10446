import Foundation
import Testing

@testable import Corpus

/// The citation scanners that replace ICU patterns, against the patterns
/// themselves (kept as the spec), on the default corpus and on generated
/// text built from the pieces each pattern cares about.
@Suite struct CitationScannerTests {
    /// Every part of every parenthesis of the default corpus, the samples of
    /// the fast-path tests, and generated citation-like parts.
    static let parts: [String] = {
        var out: [String] = []
        for text in CitationFastPathTests.samples {
            out.append(text)
            for m in ParenthesisScanner.matches(in: text, minInner: 1) {
                out += m.inner.components(separatedBy: ";").map { ScalarTrim.whitespace($0) }
            }
        }
        out += generatedParts(count: 20000, seed: 11)
        return out
    }()

    static func generatedParts(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "Menon", "Bin", " ", " ", "  ", "\t", ",", ",", ":", "\"", "”", "“", "1997", "2003", "20", "199", "7", "12",
            "a", "b", "Z", "p.", "pp.", "p", "pp", ".", "-", "–", "—", "et al.", "and", "&", "é", "e\u{301}", "赵文文",
            "Китай", "\u{00A0}", "\u{2003}", "١٢٣٤", "٣", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}",
            "\u{1F}", "𝔸", "𝟙𝟚𝟛𝟜", ";", "(", ")", "x",
        ]
        return SeededTexts.texts(count, from: pieces, fewerThan: 12, seed: seed)
    }

    @Test func partScannerMatchesTheRegex() {
        var decided = 0
        var matched = 0
        for part in Self.parts {
            let regex = TextPattern.firstMatch(InTextCitationFinder.partPattern, in: part)
            switch CitationPartScanner.scan(part) {
            case .match(let groups):
                decided += 1
                matched += 1
                #expect(groups == regex, "\(part)")
            case .noMatch:
                decided += 1
                #expect(regex == nil, "\(part)")
            case .undecided:
                var copy = part
                let decidable = copy.withUTF8(CitationPartScanner.decidable)
                #expect(!decidable, "\(part)")
            }
        }
        // Most parts are decided, many of them matches (else the test would pass vacuously).
        #expect(decided > Self.parts.count / 3 && matched > 300, "decided \(decided), matched \(matched)")
    }

    @Test func partScannerFindsTheUsualForms() {
        #expect(CitationPartScanner.scan("Voskressenski, 2003:183") == .match(["Voskressenski, 2003:183", "Voskressenski", "2003", "", "183"]))
        #expect(CitationPartScanner.scan("Salin 2021: 60–74") == .match(["Salin 2021: 60–74", "Salin", "2021", "", "60–74"]))
        #expect(CitationPartScanner.scan("Menon, 1997b, pp. 12 - 14") == .match(["Menon, 1997b, pp. 12 - 14", "Menon", "1997", "b", "pp. 12 - 14"]))
        #expect(CitationPartScanner.scan("Menon, 1997\"101") == .match(["Menon, 1997\"101", "Menon", "1997", "", "101"]))
        #expect(CitationPartScanner.scan("2009") == .noMatch)
        #expect(CitationPartScanner.scan("Menon 1997 x") == .noMatch)
        #expect(CitationPartScanner.scan("Menon\n1997") == .undecided)
    }

    @Test func pagesMatchFoundation() {
        var locators = Self.parts.compactMap { TextPattern.firstMatch(InTextCitationFinder.partPattern, in: $0)?[4] }
        locators += ["p. 12", "pp.12-14", "pp. \t12 – 14", "p12", "pp 3", "12 - 14", "١٢", "p.\u{00A0}12", "p. 1 2"]
        #expect(locators.count > 20)
        for l in locators {
            #expect(CitationPartScanner.pages(l) == CitationPartScanner.pagesByFoundation(l), "\(l)")
        }
    }

    /// `TextPattern.substring` against `NSString.substring(with:)`, on the
    /// ranges of whole matches and groups that ICU reports.
    @Test func substringMatchesNSString() {
        let patterns = ["\\p{L}+", "\\S+", "(\\d+)(\\D)?", ".", "\\(([^()]*)\\)", "\\s+", "(.)(.)?$"]
        for text in CitationFastPathTests.samples.prefix(3000) {
            let ns = text as NSString
            for pattern in patterns {
                let re = TextPattern.regex(pattern)!
                for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                    for i in 0..<m.numberOfRanges where m.range(at: i).location != NSNotFound {
                        #expect(TextPattern.substring(text, m.range(at: i)) == ns.substring(with: m.range(at: i)), "\(text)")
                    }
                }
            }
            #expect(TextPattern.substring(text, NSRange(location: 0, length: ns.length)) == text)
        }
    }

    // MARK: narrative citations

    static func generatedNarrative(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "Menon", "Dittmer", "Larson", "Rajan", "McDonald", "d'Artagnan", "O'Neil-Smith", "A", "Ab", " ", " ", "  ", "\t",
            "\n", " and ", "and", " & ", "&", "(", ")", "(1994)", "(2010: 63)", "(1997a", "(2003, 12-14)", "(2003:12 – 14)",
            "1994", "12", ":", ",", "-", "–", "a", "z", "Menon (1994)", "Larson and Shevchenko (2010: 63)", " (1997b)", " notes", " argues that", " points out", " noted", "notes", "says",
            "notes_", "notesé", "notes\u{301}", "notes\u{200D}", "notes\u{AD}", "notes1", "notes’", "é", "É", "Ünal", "Ωmega",
            "Путин", "Китай", "赵文文", "\u{00A0}", "\u{2003}", "\u{2028}", "\u{0B}", "\u{85}", "١٢٣٤", "𝔸", "𝟙𝟚𝟛𝟜", "ǅ", "ʰ",
            "\u{E000}", "\u{0378}", "the", "States", ".",
        ]
        return SeededTexts.texts(count, from: pieces, fewerThan: 16, seed: seed)
    }

    static func described(_ matches: [(groups: [String?], range: NSRange)]) -> [String] {
        matches.map { "\($0.groups) \($0.range.location)+\($0.range.length)" }
    }

    @Test func narrativeScannerMatchesTheRegex() {
        let texts = CitationFastPathTests.samples + Self.generatedNarrative(count: 20000, seed: 5)
        var decided = 0
        var found = (year: 0, verb: 0)
        for text in texts {
            let years = TextPattern.allMatches(InTextCitationFinder.withYear, in: text)
            let verbs = TextPattern.allMatches(InTextCitationFinder.withVerb, in: text)
            for m in verbs {
                // The finder takes the names' range to be the start of the match.
                #expect((text as NSString).range(of: m.groups[1]!, options: [], range: m.range)
                    == NSRange(location: m.range.location, length: m.groups[1]!.utf16.count), "\(text)")
            }
            guard let scanned = CitationNarrativeScanner.matches(in: text) else { continue }
            decided += 1
            found.year += years.count
            found.verb += verbs.count
            #expect(Self.described(scanned.withYear) == Self.described(years), "\(text)")
            #expect(Self.described(scanned.withVerb) == Self.described(verbs), "\(text)")
        }
        #expect(decided > texts.count / 2 && found.year > 300 && found.verb > 300, "decided \(decided), found \(found)")
        // Every passage of the default corpus is decided.
        let passages = PassageBuilderTests.model.documents.flatMap { $0.passages.map(\.text) }
        #expect(passages.allSatisfy { CitationNarrativeScanner.matches(in: $0) != nil })
    }

    @Test func spaceSeparatedCountMatchesSplit() {
        for text in CitationFastPathTests.samples + Self.parts.prefix(5000) + ["", " ", "a  b ", " a", "a\tb c"] {
            let count = ASCIIText.spaceSeparatedCount(text)
            let last = ASCIIText.lastSpaceSeparatedWord(text)
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(count == text.split(separator: " ").count, "\(text)")
                #expect(last == text.split(separator: " ").last.map { $0.lowercased() } ?? "", "\(text)")
            } else {
                #expect(count == nil && last == nil, "\(text)")
            }
        }
    }
}
