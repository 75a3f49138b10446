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

    @Test func aNoteMarkAfterTheStopEndsTheSentence() throws {
        // "…in 1911.<sup>7, 8</sup> Barges …": the mark is dropped from the text, so "1911.7" is no
        // decimal and the stop ends the sentence; the sentence's quote keeps the whole mark.
        let raw = RawText("# Canals\n\nThe company opened the canal in 1911.<sup>7, 8</sup> Barges carried 2.5 million tonnes in 1913,<sup>9</sup> the year it paid off.<sup>10–12</sup>\n\nA ship of 2 km<sup>2</sup> is no mark.\n")
        let (_, passages) = PassageBuilder.build(documentID: "canals", raw: raw)
        #expect(passages.count == 2)
        let sentences = try #require(passages.first?.sentences)
        #expect(sentences.map(\.text) == [
            "The company opened the canal in 1911.", "Barges carried 2.5 million tonnes in 1913, the year it paid off.",
        ])
        #expect(sentences.map { raw.slice($0.rawStart..<$0.rawEnd) } == [
            "The company opened the canal in 1911.<sup>7, 8</sup>",
            "Barges carried 2.5 million tonnes in 1913,<sup>9</sup> the year it paid off.<sup>10–12</sup>",
        ])
        // A superscript after a letter is an exponent, kept.
        #expect(passages.last?.text == "A ship of 2 km2 is no mark.")
    }
}
