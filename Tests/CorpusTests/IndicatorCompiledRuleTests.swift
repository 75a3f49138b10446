import Testing

@testable import Corpus

/// The compiled rule table must classify as the rule table does.
@Suite struct IndicatorCompiledRuleTests {
    @Test func compiledRulesAnswerAsTheRules() {
        let sentences = [
            "Bilateral trade reached 84.07 billion dollars, which is 20.8% more than in 2016.",
            "China imported 52.48 million tons of oil from Russia and increased by 23.7%.",
            "Chinese direct investment in Russia was 3.4 billion dollars.",
            "Russian military sales to China were 1.2 billion dollars, 54% of the total arms export.",
            "There are 25 universities teaching the Chinese language and 12 primary schools.",
            "China received 76 Su-27 fighter aircraft and 4 Kilo submarines in the exercise.",
            "The trade partner's e-commerce share reached 40% of the online trade.",
            "Trade grew by 5 times; the Kelvin \u{212A} sign and combining e\u{301} marks stay.",
        ]
        var checked = 0
        for sentence in sentences {
            let t = SentenceTokens(sentence)
            let qs = FigureScanner.scan(t)
            let lower = sentence.lowercased()
            for (k, q) in qs.enumerated() {
                let before = t.text(k > 0 ? qs[k - 1].end : 0, q.start).lowercased()
                let after = t.text(q.end, k + 1 < qs.count ? qs[k + 1].start : t.scalars.count).lowercased()
                let c = FigureContext(before: before, after: after, sentence: lower, surrounding: "trade | exercise")
                for (rule, compiled) in zip(MeasureClassifier.rules, MeasureClassifier.compiled) {
                    #expect(rule.matches(q, c) == compiled.matches(q, c), "\(rule.id): \(sentence)")
                    checked += 1
                }
                #expect(MeasureClassifier.classify(q, c)?.id == MeasureClassifier.rules.first { $0.matches(q, c) }?.id)
            }
        }
        #expect(checked > 0)
        #expect(MeasureClassifier.compiled.count == MeasureClassifier.rules.count)
    }

    @Test func numberWordsReadAsBefore() {
        let words = ["zero", "one", "nine", "nineteen", "seventeen", "twenty", "ninety", "thirty-two", "forty-one",
            "twenty-ten", "ten-two", "the", "tonne", "o", "", "seventeens", "ninety-", "-two", "NINE"]
        let expected: [Double?] = [0, 1, 9, 19, 17, 20, 90, 32, 41, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil]
        for (w, e) in zip(words, expected) { #expect(NumberWords.value(w) == e, "\(w)") }
    }
}
