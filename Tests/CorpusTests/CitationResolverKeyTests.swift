import Testing

@testable import Corpus

/// What the resolver works out once per citation or entry, against the
/// calls it replaces.
@Suite struct CitationResolverKeyTests {
    @Test func citationWordSimilarityMatchesTextPattern() {
        let samples = CitationFastPathTests.samples
        let foreign = samples.flatMap { TextPattern.words($0) }.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }
        var words = Array(Set(samples.prefix(500).flatMap { TextPattern.words($0) } + foreign.prefix(200)))
        words += ["wishnick", "wishnik", "nadkarni", "nandkarni", "menon", "menon", "a\r", "ab\rc", "statement", "statements",
                  "ёлка", "елка", "café", "cafe\u{301}", "abcd", "abce", "abcdefg", "abcdxyz", ""]
        words.sort()
        var similarPairs = 0
        for (i, a) in words.enumerated() {
            for b in words[i...].prefix(60) {
                let expected = TextPattern.similar(a, b)
                if expected { similarPairs += 1 }
                #expect(CitationWord.similar(CitationWord(a), CitationWord(b)) == expected, "\(a) / \(b)")
                #expect(CitationWord.similar(CitationWord(b), CitationWord(a)) == TextPattern.similar(b, a), "\(b) / \(a)")
                let d = TextPattern.editDistance(a, b)
                for limit in [0, 1, 2, 4] {
                    let bounded = CitationWord.distance(CitationWord(a), CitationWord(b), limit: limit)
                    #expect(d <= limit ? bounded == d : bounded > limit, "\(a) / \(b) limit \(limit)")
                }
            }
        }
        #expect(similarPairs > words.count)
    }

    @Test func labelsAreTheJoinedPrefixes() {
        for ref in PassageBuilderTests.model.references {
            let entry = ReferenceWords(ref)
            for count in 1...9 {
                #expect(entry.label(words: count).text == entry.labelWords.prefix(count).joined(separator: " "), "\(ref.id) \(count)")
            }
        }
    }
}

/// The bit-parallel edit distance against the table it replaces, on long
/// and short ASCII strings (up to the 64-byte word and past it).
@Suite struct CitationBitParallelDistanceTests {
    @Test func bitParallelDistanceMatchesTheTable() {
        var random = SeededTexts(seed: 23)
        let alphabet = Array("abcde fghij".utf8)
        for _ in 0..<4000 {
            let a = String(decoding: (0..<(random.next() % 70)).map { _ in alphabet[random.next() % 3 == 0 ? random.next() % 3 : random.next() % alphabet.count] }, as: UTF8.self)
            let b = String(decoding: (0..<(random.next() % 70)).map { _ in alphabet[random.next() % 3 == 0 ? random.next() % 3 : random.next() % alphabet.count] }, as: UTF8.self)
            #expect(TextPattern.editDistance(a, b) == CitationFastPathTests.characterDistance(a, b), "\(a) / \(b)")
        }
    }
}

/// `CitationFoldedWords` against the general path it stands in for.
@Suite struct CitationFoldedWordsTests {
    @Test func foldedWordsMatchTheCharacterCode() {
        var random = SeededTexts(seed: 29)
        let pieces = [
            "Китай", "Россия", "ЙОЖИК", "ёлка", "Ёж", "й", "赵文文", "中俄关系", "《", "》", "．", "，", "。", "（", "）", "：",
            "Ünal", "café", "Ångström", "ß", "Straße", "İstanbul", "ı", "Œuvre", "ĳ", "ŉ", "×", "÷", " ", ",", ".", "-",
            "–", "“", "”", "’", "…", "«", "»", "\u{00A0}", "2015", "年", "第", "5", "期", "\r\n", "\n", "Abc", "x",
            "e\u{301}", "Ω", "ﬁ", "\u{0483}", "ǅ", "ǆ", "ſ",
        ]
        var texts = CitationFastPathTests.samples
        for _ in 0..<8000 {
            var s = ""
            for _ in 0..<(random.next() % 10) { s += pieces[random.next() % pieces.count] }
            texts.append(s)
        }
        var decided = 0
        for text in texts {
            guard let words = CitationFoldedWords.words(text) else { continue }
            decided += 1
            #expect(words == CitationFastPathTests.characterWords(text), "\(text)")
        }
        #expect(decided > 4000, "decided \(decided)")
    }

    /// The ideographs taken as they are: each folds to itself and is a letter.
    @Test func ideographsFoldToThemselves() {
        var all = String.UnicodeScalarView()
        for v in UInt32(0x4E00)...0x9FFF { all.append(Unicode.Scalar(v)!) }
        let text = String(all)
        #expect(text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() == text)
        #expect(text.allSatisfy(\.isLetter) && text.count == all.count)
    }
}
