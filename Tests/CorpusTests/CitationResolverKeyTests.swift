import Testing

@testable import Corpus

/// How citations and entries are compared word by word: folded words, and
/// "the same name" by a small edit distance.
@Suite struct CitationResolverKeyTests {
    @Test func labelsAreTheJoinedPrefixes() {
        for ref in PassageBuilderTests.model.references {
            let entry = ReferenceWords(ref)
            for count in 1...9 {
                #expect(entry.label(words: count).text == entry.labelWords.prefix(count).joined(separator: " "), "\(ref.id) \(count)")
            }
        }
    }

    @Test func wordsAreFoldedLettersAndDigits() {
        #expect(TextPattern.words("Ünal-Smith, 2019: “Café” …") == ["unal", "smith", "2019", "cafe"])
        // A combining accent folds away with the letter it sits on; a Cyrillic short i loses its breve.
        #expect(TextPattern.words("Cafe\u{301} Noir") == ["cafe", "noir"])
        #expect(TextPattern.words("Ёлка и Йошкар-Ола") == ["елка", "и", "иошкар", "ола"])
        // Ideographs are letters without case; Chinese punctuation ends a word.
        #expect(TextPattern.words("王磊，《中俄关系》") == ["王磊", "中俄关系"])
        #expect(TextPattern.words("  --  ").isEmpty)
    }

    @Test func similarNamesAreOneOrTwoEditsApart() {
        func similar(_ a: String, _ b: String) -> Bool { CitationWord.similar(CitationWord(a), CitationWord(b)) }
        #expect(similar("wishnik", "wishnick"))
        #expect(similar("nandkarni", "nadkarni"))
        #expect(similar("statement", "statements"))
        #expect(similar("kaczmarsky", "kaczmarski"))
        // Short words must be equal; five or six letters allow one edit, not two.
        #expect(similar("lo", "lo") && !similar("lo", "li"))
        #expect(!similar("abc", "abd"))
        #expect(similar("menon", "manon") && !similar("menon", "mason"))
        #expect(!similar("dittmer", "dixtmxr1"))
        #expect(similar("ёлочка", "елочка"))
    }

    @Test func distanceIsLevenshteinUpToTheLimit() {
        func distance(_ a: String, _ b: String, _ limit: Int? = nil) -> Int {
            CitationWord.distance(CitationWord(a), CitationWord(b), limit: limit)
        }
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("", "abc") == 3 && distance("abc", "") == 3)
        #expect(distance("flaw", "lawn") == 2)
        #expect(distance("赵文文", "赵文") == 1)
        // Above the limit any larger value may come back; at or below it, the distance itself.
        #expect(distance("kitten", "sitting", 3) == 3)
        #expect(distance("kitten", "sitting", 2) > 2)
        #expect(distance("abcdefgh", "stuvwxyz", 1) > 1)
    }
}
