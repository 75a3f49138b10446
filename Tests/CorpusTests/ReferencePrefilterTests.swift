import Foundation
import Testing

@testable import Corpus

/// The reference parser's byte prefilters and scanners against their
/// regexes (the spec): a prefilter may pass text the regex rejects, never
/// the reverse; a scanner gives what the regex gives, or leaves it undecided.
/// Compared over the default corpus's passages, entries and titles, the
/// generated texts of `CitationFastPathTests`, and edge cases that hold the
/// words with other cases, scripts and spaces.
@Suite struct ReferencePrefilterTests {
    static let edges: [String] = [
        "Treaty of Good-Neighborliness", "the TREATY", "treaty", "Treatyx", "A Joint  Statement", "Joint Statement",
        "joint statement.", "JOINT DECLARATION", "Declaration", "declarations", "Convention", "conVENTION on",
        "Joint Sta\u{FB06}ement", "Joint \u{017F}tatement", "Trea\u{0074}y", "Décla ration", "Convention é",
        "1 July", "30 August", "30\u{00A0}August", "30\tMay", "30\u{2003}December 2000", "3 Mayday", "13  June",
        "1 july", "1July", "(1) January", "July 2000", "x 30 September,", "١٢ March",
        "Ministry of Foreign Affairs", "Office", "The Information Office of the State Council", "Government",
        "Departments", " Ministry", "ministry", "The Information", "Officer", "",
        "(2001) at .", "x at", "x at,", "x at  .", "x at\u{000B}", "x\u{00A0}at", "x at\u{2003}.", "that,", "x at www",
        "x at\n", "x\tat ,", "at", " at", "KUZNECOV S., China", "Wang L. , x", "A. ,", "x.\u{00A0},", "x.",
        "Embassy, \"One Belt\"", "Embassy, “One”", "Embassy,\u{00A0}“One”", "\"Q\", \"x\"", ", \"x\"", "a,\"",
        "a “b, \"c\"", "a, b", "a,  \"", "until 2020", "until", "Until", "x until  ", "x until\n", "x until\u{000B}",
        "China's", "x_until", "x1until", "é until", "éuntil", "x until\u{2003}", "x Until ", "x until.", "x2",
        "x until\r\n", "ü", "(until", "",
    ]

    static var samples: [String] { CitationFastPathTests.samples + edges }

    @Test func treatyPrefilterNeverRulesOutAMatch() {
        var matched = 0
        for text in Self.samples where TextPattern.matches(ReferenceParser.treatyPattern, text, options: .caseInsensitive) {
            matched += 1
            #expect(ReferencePrefilters.mayNameTreaty(text), "\(text)")
        }
        #expect(matched > 10)
        #expect(!ReferencePrefilters.mayNameTreaty("The National Security of the Russian Federation until 2020"))
    }

    @Test func entryPrefiltersNeverRuleOutAMatch() {
        var matched = [0]
        for text in Self.samples {
            if TextPattern.matches(ReferenceParser.trailingAtPattern, text) {
                matched[0] += 1
                #expect(ReferencePrefilters.mayHaveTrailingAt(text), "\(text)")
            }
        }
        #expect(matched.allSatisfy { $0 > 3 }, "\(matched)")
        #expect(!ReferencePrefilters.mayHaveTrailingAt("(2000). at www.english.people.com, 18 July."))
    }
}
