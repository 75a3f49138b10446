import Testing

@testable import Corpus

@Suite struct SentenceSplitterTests {
    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        #expect(SentenceSplitter.sentences(in: "The U.S. does not agree. Neither does the U.K. government.") == [
            "The U.S. does not agree.", "Neither does the U.K. government.",
        ])
        #expect(SentenceSplitter.sentences(in: "Dr. Pathak wrote it. See pp. 60-75 and Vol. 2 for more.") == [
            "Dr. Pathak wrote it.", "See pp. 60-75 and Vol. 2 for more.",
        ])
        #expect(SentenceSplitter.sentences(in: "Donaldson, R. H. and Noguee, J. L. (1998). The Foreign Policy of Russia.") == [
            "Donaldson, R. H. and Noguee, J. L. (1998).", "The Foreign Policy of Russia.",
        ])
        #expect(SentenceSplitter.sentences(in: "Salin, P. (2016). How Russians Perceive China.") == [
            "Salin, P. (2016).", "How Russians Perceive China.",
        ])
    }

    @Test func numberAbbreviationsOnlyBeforeANumber() {
        // "No. 7" is a number; "no." before a capitalised word ends a sentence.
        #expect(SentenceSplitter.sentences(in: "Units No. 7 and 8 are planned. The answer was no. Then they left.") == [
            "Units No. 7 and 8 are planned.", "The answer was no.", "Then they left.",
        ])
    }

    @Test func parenthesesAndQuotes() {
        // A citation's initials inside parentheses never split.
        #expect(SentenceSplitter.sentences(in: "Russia is the largest supplier (Timofeyev O. A., 2014). This testifies.") == [
            "Russia is the largest supplier (Timofeyev O. A., 2014).", "This testifies.",
        ])
        // A year in parentheses carried on by a comma belongs to the sentence before.
        #expect(SentenceSplitter.sentences(in: "Darimbek, Asset. (2019), Sino-Russian Cooperation. In: Journal.") == [
            "Darimbek, Asset. (2019), Sino-Russian Cooperation.", "In: Journal.",
        ])
        // A closing quote stays with its sentence.
        #expect(SentenceSplitter.sentences(in: "They call it \"feeding the tiger.\" It is not.") == [
            "They call it \"feeding the tiger.\"", "It is not.",
        ])
        // A missing space after a citation still ends the sentence.
        #expect(SentenceSplitter.sentences(in: "imports (SIPPRI, 2009:304-08).The programme grew.") == [
            "imports (SIPPRI, 2009:304-08).", "The programme grew.",
        ])
        // Lowercase after a full stop is not a new sentence; decimals are not stops.
        #expect(SentenceSplitter.sentences(in: "trade, culture, etc. of the two countries reached 84.07 billion.") == [
            "trade, culture, etc. of the two countries reached 84.07 billion."
        ])
    }
}
