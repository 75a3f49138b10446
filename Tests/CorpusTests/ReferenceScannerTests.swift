import Foundation
import Testing

@testable import Corpus

/// The reference-list scanners that replace ICU patterns, against the
/// patterns themselves (kept as the spec).
@Suite struct ReferenceScannerTests {
    /// Every reference, passage and line of the default corpus, and generated entry-like text.
    static let texts: [String] = {
        var out = CitationFastPathTests.samples
        out += CitationFastPathTests.samples.flatMap { $0.components(separatedBy: "\n") }
        out += generated(count: 20000, seed: 13)
        return out
    }()

    static func generated(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "Salin", "SALIN", "TIMOFEYEV", "Menon", "Wang", "P.", "R. H.", "L", "O. A.", " ", " ", "\t", ",", ", ", ".", ". ",
            "(", ")", "(2009)", "(1997a)", "(2016).", "(2010),", "(20", "09)", "2009", "a", "b", "*", "*Title*", "- ", "“",
            "”", "\"", "é", "Ü", "Ünal", "赵文文", "中华人民", "．", "。", "Китай", "\u{00A0}", "\u{2003}", "\u{0B}", "\u{85}",
            "\u{2028}", "\r", "\n", "١٢٣٤", "𝟙𝟚𝟛𝟜", "𝔸", "\u{0378}", "and", "Press", "(eds.)", "x", "'", "-",
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

    @Test func yearScannerMatchesTheRegex() {
        var decided = 0
        var matched = 0
        for text in Self.texts {
            let regex = TextPattern.firstMatch(ReferenceParser.yearAfterNamesPattern, in: text)
            switch ReferenceYearScanner.scan(text) {
            case .match(let groups):
                decided += 1
                matched += 1
                #expect(groups == regex, "\(text)")
            case .noMatch:
                decided += 1
                #expect(regex == nil, "\(text)")
            case .undecided:
                break
            }
        }
        #expect(decided > Self.texts.count / 2 && matched > 500, "decided \(decided), matched \(matched)")
    }

    @Test func entryStartMatchesTheRegex() {
        var decided = 0
        var opening = 0
        for text in Self.texts {
            let regex = TextPattern.matches(ReferenceListFinder.opensEntryPattern, text)
            guard let scanned = ReferenceEntryStart.opensEntry(text) else { continue }
            decided += 1
            if scanned { opening += 1 }
            #expect(scanned == regex, "\(text)")
        }
        #expect(decided > Self.texts.count / 2 && opening > 300, "decided \(decided), opening \(opening)")
        #expect(ReferenceEntryStart.opensEntry("Salin, P. (2016).") == true)
        #expect(ReferenceEntryStart.opensEntry("KUZNECOV S., China") == true)
        #expect(ReferenceEntryStart.opensEntry("Dittmer, L (1994)") == true)
        #expect(ReferenceEntryStart.opensEntry("Wang L. (2009)") == true)
        #expect(ReferenceEntryStart.opensEntry("*Force*") == true)
        #expect(ReferenceEntryStart.opensEntry("continued text") == false)
        #expect(ReferenceEntryStart.opensEntry("赵文文. 题名") == nil)
    }
}
