import Testing

@testable import Corpus

/// The one tokenizer, on sentences written for these tests.
@Suite struct TokenizerTests {
    func texts(_ s: String) -> [String] { SentenceTokens(s).tokens.map(\.text) }

    @Test func lettersAfterANumberAreTheirOwnToken() {
        #expect(texts("Sales hit $12.5bn on the 3rd day.") == ["Sales", "hit", "$", "12.5", "bn", "on", "the", "3", "rd", "day", "."])
    }

    @Test func commasGroupThousandsOrMarkDecimals() {
        let t = SentenceTokens("Output was 12,400 units, or 2,5 mln tonnes, 1,234,567 in all.")
        #expect(t.tokens.compactMap(\.number) == [12400, 2.5, 1_234_567])
    }

    @Test func hyphensKeepCodesAndRangesWhole() {
        #expect(texts("The Tu-160 and law 44-FZ cover 10-15% of cases.") == [
            "The", "Tu-160", "and", "law", "44-FZ", "cover", "10-15", "%", "of", "cases", ".",
        ])
    }

    @Test func offsetsAreUnicodeScalars() {
        let t = SentenceTokens("Об этом: 7 км.")
        #expect(t.tokens.map(\.start) == [0, 3, 7, 9, 11, 13])
        #expect(t.tokens[3].number == 7 && t.tokens[4].lower == "км")
    }

    @Test func citationsAndCodeListsAreMuted() {
        let t = SentenceTokens("Imports rose [3, p. 9] and (Ivanov, 2011) said so (models 5A and 7B).")
        let muted = t.tokens.indices.filter(t.isMuted).map { t.tokens[$0].text }
        #expect(muted == ["[", "3", ",", "p", ".", "9", "]", "(", "Ivanov", ",", "2011", ")", "(", "models", "5", "A", "and", "7", "B", ")"])
    }

    @Test func pageLocatorsAreMuted() {
        for s in ["Tea was dear (Orlova 212).", "Tea was dear (\"Kiakhta Trade\" 9-11).", "Tea was dear (88)."] {
            let t = SentenceTokens(s)
            #expect(t.mutedRanges.count == 1, "\(s)")
        }
        #expect(SentenceTokens("Tea cost more (up 40%) and (Rbs 12).").mutedRanges.isEmpty)
    }

    @Test func aScaleGluedToANumberDoesNotMuteItsParenthesis() {
        let t = SentenceTokens("The line costs KZT 90bn (about $190mn).")
        #expect(t.mutedRanges.isEmpty)
    }

    @Test func phraseTableMatchesTheLongestPhraseEitherWay() {
        let table = PhraseTable([("per cent", 1), ("cent", 2), ("more than", 3), ("than", 4)])
        let t = SentenceTokens("more than 40 per cent")
        #expect(table.match(t, at: 3)?.value == 1 && table.match(t, at: 3)?.end == 5)
        #expect(table.match(t, at: 4)?.value == 2)
        #expect(table.match(t, endingBefore: 2)?.value == 3 && table.match(t, endingBefore: 2)?.start == 0)
        #expect(table.match(t, at: 2) == nil)
    }

    @Test func phrasesMatchWholeTokensAtAndBeforeAPlace() {
        let t = SentenceTokens("Exports rose by 12 percent, Кремль said.")
        #expect(t.matches("rose by", at: 1))
        #expect(t.matches("rose by", before: 3))
        #expect(!t.matches("rose by", before: 2))
        #expect(!t.matches("rose b", at: 1))  // a word is a whole token, not its prefix
        #expect(t.matches("кремль said", at: 6))  // lowercase words of any script
        #expect(!t.matches("said . more", at: 7))  // a phrase longer than what is left
        #expect(!t.matches("exports", before: 0))
        #expect(SentenceTokens.wordCount("rose  by") == 2 && SentenceTokens.wordCount("") == 0)
    }
}
