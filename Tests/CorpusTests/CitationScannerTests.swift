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
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            var s = ""
            for _ in 0..<(next() % 12) { s += pieces[next() % pieces.count] }
            return s
        }
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
}
