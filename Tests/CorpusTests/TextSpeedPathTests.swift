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

    /// What `bestCategory` was: each cue counted over the text on its own.
    static func bestCategoryCueByCue(_ text: String) -> EventCategory? {
        let lower = Array(text.lowercased().utf8)
        var best: (EventCategory, Int)?
        for (category, words) in EventClassifier.cueBytes {
            let score = words.reduce(0) { $0 + EventClassifier.count(of: $1.0, in: lower) * $1.1 }
            if score > 0, score > (best?.1 ?? 0) { best = (category, score) }
        }
        return best?.0
    }

    static let categoryPieces = [
        " ", "gas", "gasgas", " pipeline", "oil", "trade", " border", " military exercise", "treaty", "visit",
        "air force", "e-commerce", "invest", "universit", "policy", "é", "Ж", ",", "GAS", "bank", "year of", "s",
    ]

    @Test func categoriesAreScoredAsCueByCue() {
        #expect(EventClassifier.bestCategory("The gas pipeline and the oil pipeline opened.") == .energy)
        #expect(EventClassifier.bestCategory("They signed a treaty on the border demarcation.") == .border)
        #expect(EventClassifier.bestCategory("Nothing here.") == nil)
        for text in SeededTexts.texts(3000, from: Self.categoryPieces, fewerThan: 12, seed: 0xCA7) {
            #expect(EventClassifier.bestCategory(text) == Self.bestCategoryCueByCue(text), "\(text)")
        }
    }

    @Test func clauseWordsAreCutAsByCharacters() {
        #expect(FigureClause.clauseWords("some 17,500, tons\nshipped") == ["some", "17,500", "tons", "shipped"])
        for text in Self.texts + ["a\r\nb c", "x\u{A0}y z", "\n\n1,5.\n"] {
            let byCharacters = text.split { $0 == " " || $0 == "\n" || $0 == "\u{A0}" }
                .map(FigureClause.trimmingEdgePunctuation)
            #expect(FigureClause.clauseWords(text) == byCharacters, "\(Array(text.unicodeScalars))")
        }
    }

    /// What the gate answered when it looked every run of ASCII letters up by its lowercase string.
    static func gateByLookup(_ text: String) -> (date: Bool, figure: Bool) {
        if text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return (true, true) }
        var date = false
        var figure = false
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            guard (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A else {
                i += 1
                continue
            }
            let start = i
            while i < bytes.count, (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A { i += 1 }
            let word = String(decoding: bytes[start..<i].map { $0 | 0x20 }, as: UTF8.self)
            guard let roles = SentenceGate.words[word] else { continue }
            let capital = bytes[start] >= 0x41 && bytes[start] <= 0x5A
            if roles.contains(.figure) { figure = true }
            if roles.contains(.date) || (capital && roles.contains(.capitalisedDate)) { date = true }
        }
        return (date, figure)
    }

    static let gatePieces = [
        " ", "May", "may", "March", "march", "the", "same", "year", "Tuesday", "nine", "thousand", "half", "Half",
        "sixties", "centuries", "SEPTEMBER", "Sept", "ninety", "-", ".", "é", "Ж", "yearly", "mayor", "7", "third",
    ]

    @Test func theGateAnswersAsByLookup() {
        #expect(SentenceGate("They met in May.").mayHoldDate)
        #expect(!SentenceGate("They may meet.").mayHoldDate)
        #expect(SentenceGate("Some nine thousand students came.").mayHoldFigure)
        for text in SeededTexts.texts(4000, from: Self.gatePieces, fewerThan: 10, seed: 0x6A7E) {
            let gate = SentenceGate(text)
            let expected = Self.gateByLookup(text)
            #expect(gate.mayHoldDate == expected.date, "\(text)")
            #expect(gate.mayHoldFigure == expected.figure, "\(text)")
        }
    }

    @Test func wordShapesNeverHideATableWord() {
        let shapes = DateReader.startWordShapes
        for word in DateReader.startWordRoles.keys { #expect(shapes.mayHold(word), "\(word)") }
        #expect(!shapes.mayHold("xylophone"))
        for text in SeededTexts.texts(2000, from: Self.gatePieces, fewerThan: 3, seed: 5) {
            let word = text.lowercased()
            if !shapes.mayHold(word) { #expect(DateReader.startWordRoles[word] == nil, "\(word)") }
        }
    }

    @Test func spaceSeparatedWordsAreTheSplitOnes() {
        #expect(CueText.spaceSeparated("  The treaty  was signed ").map(String.init) == ["The", "treaty", "was", "signed"])
        for text in Self.texts + ["a\r\n b", " \u{301}x y", "x\r\n\r\n y"] {
            #expect(CueText.spaceSeparated(text) == text.split(separator: " "), "\(Array(text.unicodeScalars))")
        }
    }

    static let reporterPieces = [
        " ", "According", "according", "ACCORDING", " to ", " To ", "to", "the", " Bank of Russia", ",", "data",
        "é", "accord", "ing", "Customs",
    ]

    @Test func aReporterIsFoundAsByFoundationsSearch() {
        #expect(IndicatorExtractor.reporter(in: "According to the Bank of Russia, trade grew.") == "Bank of Russia")
        #expect(IndicatorExtractor.reporter(in: "Trade grew, ACCORDING TO Rosstat.") == "Rosstat.")
        for text in SeededTexts.texts(2000, from: Self.reporterPieces, fewerThan: 10, seed: 0xACC) {
            let folded = IndicatorExtractor.containsFolded(text, Array("according to ".utf8))
            let byFoundation = text.range(of: "according to ", options: .caseInsensitive) != nil
            if text.utf8.allSatisfy({ $0 < 0x80 }) { #expect(folded == byFoundation, "\(text)") }
        }
    }
}
