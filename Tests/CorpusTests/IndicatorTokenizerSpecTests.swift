import Testing

@testable import Corpus

/// The tokenizer's one-pass scalars and token bounds, the packed number-word
/// table and the deferred wide cue texts against the code they replaced
/// (kept here as the spec), on every sentence of the default corpus and on
/// generated strings (see `IndicatorFastPathTests.sentences`).
@Suite struct IndicatorTokenizerSpecTests {
    /// Token bounds and kinds as `SentenceTokens.tokenize` found them before it
    /// tracked "digits only" while scanning.
    static func specTokens(_ s: [Unicode.Scalar]) -> [(start: Int, end: Int, digitsOnly: Bool)] {
        typealias T = SentenceTokens
        var out: [(Int, Int, Bool)] = []
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            if T.isWhitespace(c) {
                i += 1
                continue
            }
            guard T.isAlnum(c) else {
                out.append((i, i + 1, false))
                i += 1
                continue
            }
            var j = i + 1
            while j < n {
                let d = s[j]
                if T.isAlnum(d) {
                    j += 1
                    continue
                }
                let next = j + 1 < n ? s[j + 1] : " "
                if (d == "-" || d == "'" || d == "’") && T.isAlnum(next) {
                    j += 1
                    continue
                }
                if d == "." && T.isDigit(s[j - 1]) && T.isDigit(next) {
                    j += 1
                    continue
                }
                let threeDigits = (1...3).allSatisfy { j + $0 < n && T.isDigit(s[j + $0]) }
                if d == "," && T.isDigit(s[j - 1]) && threeDigits && (j + 4 >= n || !T.isDigit(s[j + 4])) {
                    j += 1
                    continue
                }
                break
            }
            out.append((i, j, s[i..<j].allSatisfy { T.isDigit($0) || $0 == "." || $0 == "," }))
            i = j
        }
        return out
    }

    static var sentences: [String] {
        IndicatorFastPathTests.sentences + [
            "", "1,000,0000 and 1,00 and 10,000.5", "12-b 3'4 5’6 7.8.9 .5 5.", "ab1 1ab 2,345,678", "é1 1é",
        ]
    }

    @Test func tokensAreTheSpecsTokens() {
        for s in Self.sentences {
            let t = SentenceTokens(s)
            #expect(t.scalars == Array(s.unicodeScalars), "\(s)")
            let spec = Self.specTokens(Array(s.unicodeScalars))
            #expect(t.tokens.count == spec.count, "\(s)")
            for (token, want) in zip(t.tokens, spec) {
                #expect(token.start == want.start && token.end == want.end, "\(s)")
                #expect(token.text == String(String.UnicodeScalarView(s.unicodeScalars.dropFirst(want.start).prefix(want.end - want.start))), "\(s)")
                // A digits-only token is a number exactly when it reads as a Double.
                let reads = want.digitsOnly && Double(token.text.filter { $0 != "," }) != nil
                #expect((token.kind == .number) == reads, "\(s)")
            }
        }
    }

    @Test func numberWordsReadAsTheDictionaries() {
        /// `NumberWords.value` before the packed table: the first-letter gate, the dictionaries, the split.
        func spec(_ word: String) -> Double? {
            guard let first = word.first, "zotfsen".contains(first) else { return nil }
            if let v = NumberWords.small[word] ?? NumberWords.tens[word] { return v }
            let parts = word.split(separator: "-").map(String.init)
            if parts.count == 2, let t = NumberWords.tens[parts[0]], let u = NumberWords.small[parts[1]], u < 10 {
                return t + u
            }
            return nil
        }
        var words = Array(NumberWords.small.keys) + Array(NumberWords.tens.keys)
        words += words.map { $0 + "s" } + words.map { String($0.dropLast()) } + words.map { $0.uppercased() }
        words += ["thirty-two", "ninety-nine", "twenty-ten", "seventeen", "seventeem", "seventeenth", "", "t", "té",
            "thirty--two", "-thirty-two", "thirty-two-", "e-commerce", "thirty-\u{301}two", "thirty\u{301}-two",
            "twenty-one-two", "forty-", "fifty-nine", "fifty-ten", "twenty-zero", "ninety-nine-"]
        for s in Self.sentences { words += SentenceTokens(s).tokens.map(\.lower) }
        for w in words { #expect(NumberWords.value(w) == spec(w), "\(w)") }
    }

    /// Classifying with the wide text deferred names the measure that the
    /// text made up front did, figure by figure, carrying what was made.
    @Test func deferredWideTextClassifiesAsMadeOne() {
        let titles = ["Trade", "Joint EXERCISE", "Ünïcode", ""]
        var checked = 0
        for (n, s) in Self.sentences.enumerated() {
            let t = SentenceTokens(s)
            let qs = FigureScanner.scan(t)
            guard !qs.isEmpty else { continue }
            let previous = Self.sentences[(n + 7) % Self.sentences.count]
            let title = titles[n % titles.count]
            let lower = t.lowered.whole
            let sentence = CueText(lower)
            var wider = FigureWiderCues.deferred(sentence: sentence, previous: previous, title: title)
            let made = CueText(lower + " | " + (previous + " | " + title).lowercased())
            for (k, q) in qs.enumerated() {
                let before = t.text(k > 0 ? qs[k - 1].end : 0, q.start).lowercased()
                let after = t.text(q.end, k + 1 < qs.count ? qs[k + 1].start : t.scalars.count).lowercased()
                let fc = FigureContext(before: before, after: after, sentence: sentence, wider: wider)
                var wide = FigureWideTexts(wider: wider)
                let got = MeasureClassifier.classify(q, fc, &wide)
                wider = wide.wider
                let spec = FigureContext(before: before, after: after, sentence: sentence, wider: .made(made))
                #expect(got?.id == MeasureClassifier.rules.first { $0.matches(q, spec) }?.id, "\(s)")
                checked += 1
            }
            var probe = wider
            #expect(probe.anywhere().text == made.text && probe.anywhere().plain == made.plain, "\(s)")
        }
        #expect(checked > 100)
    }
}

/// The reporter's byte search for ASCII sentences against Foundation's
/// case-insensitive search (`isASCII: false`, the spec).
@Suite struct IndicatorReporterPhraseTests {
    @Test func asciiSearchFindsTheReporterFoundationFinds() {
        var sentences = IndicatorTokenizerSpecTests.sentences
        sentences += [
            "According to the data published by the General Customs Administration of China, trade grew.",
            "ACCORDING TO Rosstat (2019), it fell.", "according to research", "according to ", "according to",
            "Accord. According  to X, y.", "accordingaccording to The Bank, z", "x according to the Ministry",
            "According to the plan", "According to It", "according\tto Z",
        ]
        var asked = 0
        for s in sentences where s.unicodeScalars.allSatisfy(\.isASCII) {
            #expect(IndicatorExtractor.reporter(in: s, isASCII: true) == IndicatorExtractor.reporter(in: s), "\(s)")
            asked += 1
        }
        #expect(asked > 100)
        #expect(IndicatorExtractor.reporter(in: "ACCORDING TO Rosstat (2019), it fell.", isASCII: true) == "Rosstat")
    }
}
