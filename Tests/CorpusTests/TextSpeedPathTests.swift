import Foundation
import Testing

@testable import Corpus

/// The byte and table paths that stand in for Foundation calls and list
/// scans in event titles, clause judgement and the figure test (speed18c):
/// each must give the answer of what it replaced, on sentences written for
/// it and on seeded texts with the marks, spaces and non-ASCII scalars where
/// a byte path could go wrong.
@Suite struct TextSpeedPathTests {
    static let pieces = [
        "The", "the", " ", "  ", ",", ".", " ,", " .", "The the ", "signed", "(", ")", "[", "]", ";", ":", "—", "–",
        "é", "e\u{301}", "\u{301}", "K", "\u{212A}", "中", "😀", "\u{A0}", "\t", "\"", "'", "-", "2014", "Moscow",
    ]
    static let texts = SeededTexts.texts(3000, from: pieces, fewerThan: 14, seed: 0x5EED_18C)

    @Test func replacingAgreesWithFoundation() {
        #expect(
            CueText.replacingOccurrences(in: "In  May , the the talks ended .", of: "  ", with: " ")
                == "In May , the the talks ended .")
        #expect(CueText.replacingOccurrences(in: "The the treaty was signed .", of: " .", with: ".") == "The the treaty was signed.")
        for text in Self.texts {
            for (target, replacement) in EventTitle.repairs {
                #expect(
                    CueText.replacingOccurrences(in: text, of: target, with: replacement)
                        == text.replacingOccurrences(of: target, with: replacement), "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func edgeTrimAgreesWithFoundation() {
        #expect(EdgeTrim.punctuation.trim("“treaty,”") == "treaty")
        #expect(EventTitle.danglingEdges.trim(" signed the treaty, ;") == "signed the treaty")
        let sets: [CharacterSet] = [
            .punctuationCharacters, .whitespaces, CharacterSet.whitespaces.union(.punctuationCharacters),
            CharacterSet(charactersIn: " ,;:"),
        ]
        for set in sets {
            let trim = EdgeTrim(set)
            for text in Self.texts {
                #expect(trim.trim(text) == text.trimmingCharacters(in: set), "\(Array(text.unicodeScalars))")
                let inner = text.dropFirst()
                #expect(trim.trim(inner) == inner.trimmingCharacters(in: set), "\(Array(text.unicodeScalars))")
            }
        }
    }

    /// What `withoutParentheses` was, scalar by scalar.
    static func withoutParenthesesByScalars(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var depth = 0
        for c in text.unicodeScalars {
            if c == "(" || c == "[" { depth += 1; continue }
            if c == ")" || c == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(c) }
        }
        return String(out)
    }

    @Test func parenthesesAreDroppedAsBefore() {
        #expect(
            EventClassifier.withoutParentheses("The pipeline (Lo, 2017) opened [4, p. 12] in Blagoveshchensk.")
                == "The pipeline  opened  in Blagoveshchensk.")
        #expect(EventClassifier.withoutParentheses("Talks (in Харбин (late)) ended.") == "Talks  ended.")
        for text in Self.texts {
            #expect(EventClassifier.withoutParentheses(text) == Self.withoutParenthesesByScalars(text))
        }
    }

    @Test func dashesAreTheFiveMarks() {
        for dash in ["-", "–", "—", "‐", "‑"] { #expect(SentencePieces.isDash(dash)) }
        for other in ["−", "--", "a", "", "‒", "―", "\u{2012}", "é", "中"] { #expect(!SentencePieces.isDash(other)) }
    }

    /// What `isProse` was: the clause cut at spaces into Characters.
    static func isProseByWords(_ s: [Unicode.Scalar], _ clause: Range<Int>) -> Bool {
        String(String.UnicodeScalarView(s[clause])).split(separator: " ")
            .contains { $0.first?.isLowercase == true && $0.count > 1 }
    }

    @Test func proseIsReadAsBefore() {
        let written: [(String, Bool)] = [
            ("Putin visited Beijing in May 2015", true), ("KOMMERSANT, 3 JUNE 2005", false), ("Moscow, 3 June 2005", false),
            ("a 2005 b", false), ("e\u{301}tait signed", true),
        ]
        for (text, prose) in written {
            let s = Array(text.unicodeScalars)
            #expect(ClauseJudgement.isProse(s, s.indices) == prose, "\(text)")
        }
        for text in Self.texts + ["a\r\nb", "\r\n x", "b\r\n"] {
            let s = Array(text.unicodeScalars)
            #expect(ClauseJudgement.isProse(s, s.indices) == Self.isProseByWords(s, s.indices), "\(s)")
            if s.count > 2 {
                let inner = 1..<(s.count - 1)
                #expect(ClauseJudgement.isProse(s, inner) == Self.isProseByWords(s, inner), "\(s)")
            }
        }
    }

    static let figurePieces = [
        " ", "trade", " reached ", " rose by ", " $", "US$", "5", "2,500", "2014", " per cent", "%", " m³", " tons",
        " rubles", " RMB ", " bn", " billion", " amounted to ", " the number of ", "y/y", ",", ".", " more than ",
    ]

    @Test func figurePhraseTablesAnswerAsTheLists() {
        #expect(FigureClause.reportsAFigure("In 2016 trade reached US$ 69.5 billion."))
        #expect(FigureClause.reportsAFigure("Exports rose by 12 per cent in 2017."))
        #expect(!FigureClause.reportsAFigure("In 2016 the two leaders met twice in Moscow."))
        for text in SeededTexts.texts(2000, from: Self.figurePieces, fewerThan: 12, seed: 18) {
            let t = SentenceTokens(text)
            for i in -1...t.tokens.count {
                #expect(
                    FigureClause.measureFollows(t, after: i)
                        == (Lexicon.scales[t.lower(i + 1)] != nil
                            || FigureClause.measurePhrases.contains { t.matches($0, at: i + 1) }), "\(text) \(i)")
                #expect(
                    FigureClause.currencyBefore(t, i) == FigureClause.currencyLeads.contains { t.matches($0, before: i) },
                    "\(text) \(i)")
            }
            for i in 0..<t.tokens.count {
                let byList = (max(0, i - FigureClause.verbReach)...i).contains { k in
                    FigureClause.figureVerbs.contains { t.matches($0, before: k) }
                }
                #expect(FigureClause.figureVerbEnds(t, before: i) == byList, "\(text) \(i)")
            }
        }
    }

    @Test func sharedTokensAreTheSentencesOwn() {
        let dates = DocumentDates()
        let text = "On 3 May 2015 trade rose by 12 per cent, to US$ 6.8 billion (Lo, 2017)."
        let shared = dates.tokens(passage: 0, sentence: 0, text: text)
        #expect(shared.tokens == SentenceTokens(text).tokens)
        #expect(dates.tokens(passage: 0, sentence: 0, text: text).tokens == shared.tokens)
        #expect(shared.mutedRanges == SentenceTokens(text).mutedRanges)
    }
}
