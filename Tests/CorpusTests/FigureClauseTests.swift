import Foundation
import Testing

@testable import Corpus

/// The clause test that a date dates a figure, on clauses written for it.
@Suite struct FigureClauseTests {
    /// Words are trimmed of edge marks on their scalars; the answer is Foundation's.
    @Test func trimsAWordsEdgeMarksAsFoundationDoes() {
        for word in [
            "“12,400”,", "‘about’", "*3.5*", "engines.", "(ferries)", "“", "", "naïve’;", "e\u{301}", "’\u{301}x",
            "Zürich!?", "—12—",
        ] {
            #expect(
                FigureClause.trimmingEdgePunctuation(Substring(word))
                    == word.trimmingCharacters(in: FigureClause.edgePunctuation), "\(word)")
        }
    }

    @Test func aHedgedCountInQuotesStatesAFigure() {
        #expect(FigureClause.statesAFigure("the port handled “some 12,400” containers,"))
        #expect(!FigureClause.statesAFigure("the port opened a new berth."))
    }

    /// A hedged number before a unit of time (`Lexicon.timeSpans`) is how long, not a figure.
    @Test func aHedgedTimeSpanIsNoFigure() {
        #expect(!FigureClause.statesAFigure("the envoys spoke for some 40 minutes,"))
        #expect(!FigureClause.statesAFigure("the ferry ran for about 30 years,"))
        #expect(FigureClause.statesAFigure("the ferry carried about 30 lorries,"))
    }
}
