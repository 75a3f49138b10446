import Foundation
import Testing

@testable import Corpus

/// The byte shortcuts of event extraction against the regexes and
/// Foundation calls they stand in for: `DateScanner` must give every date
/// rule's matches (spans and groups), `FigureCues` must never rule out a
/// sentence the figure regex matches, and `DanglingWord` must answer as
/// the Foundation path does. Run on every sentence of the embedded corpus
/// (and of $MODEL_DUMP_CORPUS when set) and on look-alikes.
@Suite struct DateScannerTests {
    static let tricky = [
        "In 2015, in 2016 and IN 2017 they met; within 2018, Within2019, in\t2020.",
        "12345 and 2015a and a2015 and _2015 and 2015_ and 2015-16 and 2015 - 16 and 2015 -16 and 2015- 16.",
        "2009-1212, 2009-12, 2009-123, 2009-1, 2009--10, 1999-2001x, 1999-2001.",
        "from 2001 to 2005, FROM 2001  AND 2005, between 1990 until 1999, from 20011 to 2005, from 2001 to 20055.",
        "On July 16, 2001 and July 16 2001 and July 1, 2001 and July 123, 2001 and JULY 16, 2001 and July16, 2001.",
        "on 28 June 2021, 28 June, 2021, 128 June 2021, 8 June 2021x, 8June 2021, 08  June   2021.",
        "in May 2015, May, 2015, Mayday 2015, XMay 2015, inMay 2015, in  May 2015, since March 2001.",
        "since 1992, Since 1992, of 2001, before 2020, by 2024, until 1999, during 1941, after 1945, on 2001.",
        "(Bin, 2009) (2016) (2016 ) $ 2009 2,009 2009.5 2009% Su-2009 2000 km 1000 people.",
        "May 2015 May 2015 2015 2015-16 from 2015 to 2016 in 2015-2016 between 2001 and 2002.",
        "in\r\n2001, in \n 2002, by\n2003.",
        "", "2015", "in", "in ", "in 201", "May", "May 1", "May 1,", "1 May", "2015-", "2015-1",
    ]

    /// Loaded once for all the tests of the suite.
    static let corpusSentences: [String] = (try? sentences()) ?? []

    static func sentences() throws -> [String] {
        var texts = tricky
        var directories = [CorpusLoader.defaultCorpusDirectory]
        if let extra = ProcessInfo.processInfo.environment["MODEL_DUMP_CORPUS"] {
            directories.append(URL(fileURLWithPath: extra))
        }
        for directory in directories {
            let model = try CorpusLoader.load(directory: directory)
            for document in model.documents {
                for passage in document.passages {
                    texts += passage.sentences.map(\.text)
                    texts.append(passage.text)
                }
            }
        }
        return texts
    }

    /// The regex's matches in scalar offsets.
    static func regexMatches(_ regex: NSRegularExpression, _ text: String) -> [DateScanner.Match] {
        let toScalar = DateMentionFinder.utf16ToScalarOffsets(text)
        return regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map { m in
            (0..<m.numberOfRanges).map { i in
                let r = m.range(at: i)
                return r.location == NSNotFound ? nil : toScalar[r.location]..<toScalar[r.location + r.length]
            }
        }
    }

    static let nonASCII = [
        "в 2015 году, 2015–16, 2015—2016, 2015 – 16, 2015 —16, 1999–2001x, in 2001–2003", "Май 2015 и May 2015",
        "“In 2015” they said; ‘since 1992’ – 《2016》 中国2015年 俄罗斯 2017年 and in 2018.",
        "“On July 16, 2001” and «28 June 2021» · from 2001 to 2005 … between 1990 and 1999.",
        "Ωin 2015, ин 2015, in Ω2015, 2015Ω, Ω2015, 2015–Ω, 2015–1Ω, 2015-16Ω.",
        "ÉIn 2015", "in\u{00A0}2015", "in 2015\u{0301}", "２０１５ and in 2016", "in\u{200D}2015", "ſince 1992",
        "\u{212A} 2015", "in 2015\u{FF9E}", "İn 2015", "𝐈n 2015 and 😀 2016 and 😀2017",
    ]

    /// Month dates behind prepositions in other cases, in words and after
    /// failed look-alikes: the month scanners try their body only at a
    /// month's capital and look back for the preposition.
    static let monthLookAlikes = [
        "ON May 5, 2015 and SINCE  April 3, 2017, OF June 2016, In March 2015, FROM July, 2014, BEFORE 12 June 2001",
        "Mayor May 2015, inMay 2015, onMay 5, 2015, in  Ma May 2014, in Mayday June 2013, On On May 2012, in. May 2011",
        "2015 May 2016, 120 June 2001, since 5 May, 2010, SinceMay 2009, of March2015, in June 31, 2015, in June 3 2015",
        "April, 2015 Dec 2015 December 2015 In\tJune 2014 in\nJuly 2013 August 1, 20155 September 1, 201 October",
    ]

    @Test func scannersGiveTheRegexMatches() throws {
        var compared = 0
        for text in Self.corpusSentences + Self.nonASCII + Self.monthLookAlikes {
            guard let classes = DateScanner.classes(Array(text.unicodeScalars)) else { continue }
            for (index, rule) in DateMentionFinder.rules.enumerated() {
                guard let scan = rule.scan else { continue }
                let expected = Self.regexMatches(rule.regex, text)
                let got = scan(classes)
                #expect(got == expected, "rule \(index) on \(text.debugDescription)")
                compared += 1
            }
        }
        #expect(compared > 1000)
    }

    /// The classes read from tables answer as `nonASCIIClass` for every scalar of their blocks.
    @Test func tableClassesAnswerAsTheProperties() {
        // (The dashes and the right quote have class bytes of their own.)
        for v in Array(0x4E00...0x9FFF) + Array(0x0400...0x045F) + Array(0x2010...0x2027) where ![0x2013, 0x2014, 0x2019].contains(v) {
            let c = Unicode.Scalar(UInt32(v))!
            #expect(DateScanner.classes([c]) == DateScanner.nonASCIIClass(c).map { [$0] }, "U+\(String(v, radix: 16))")
        }
        // Parentheses holding only the year, by the scalar test and the String test.
        for text in ["in (2015) and", "(  2015\t)", "( 2015 x)", "(Bin, 2015)", "(2015", "( 2015 ", "(é 2015)", "(\u{00A0}2015\u{00A0})", "(2015)",
            "(Лукин, 2015)", "(2015 – 2016)", "(中国 2015)", "(2015…)", "(—2015)", "(\u{2002}2015)", "(2015\u{301})"] {
            let s = Array(text.unicodeScalars)
            guard let start = text.unicodeScalars.firstIndex(of: "2") else { continue }
            let at = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: start)
            let core = at..<(at + 4)
            let paren = DateMentionFinder.parenthesisSpans(s).first { $0.contains(at) }!
            #expect(DateMentionFinder.parenthesesHoldOnly(core, paren, s)
                == DateMentionFinder.parenthesesHoldOnlyByStrings(core, paren, s), "\(text.debugDescription)")
        }
    }

    @Test func unusualScalarsTakeTheRegex() {
        func scanned(_ text: String) -> Bool { DateScanner.classes(Array(text.unicodeScalars)) != nil }
        #expect(scanned("in 2015 – 2016 “in” ‘2017’ в 2018 году 中国"))
        for text in ["in\u{0B}2015", "in\u{0C}2015", "in\u{00A0}2015", "é 2015", "in 2015\u{0301}", "２０１５",
            "in\u{200D}2015", "ſ", "\u{212A}", "\u{FF9E}", "İ", "\u{2028}"]
        {
            #expect(!scanned(text), "\(text.debugDescription)")
        }
        #expect(scanned("in 2015\t- 2016\r\n"))
    }

    @Test func figureCuesNeverRuleOutAFigure() throws {
        let extra = [
            "It reached 52 tons.", "the number of projects rose from nine in 2016 to 32 in 2017", "$ 40.67", "54%",
            "TIMES 3 times", "2 Per Cent", "3 dollarſ", "2 PROJECTS", "5 ſhare of 3", "Amounted To 153",
            "Fell by about 10", "2 billion", "the Kelvin \u{212A}m", "ﬁve 5 thousand",
        ]
        for text in Self.corpusSentences + extra where EventExtractor.figureRegexMatches(text) {
            #expect(FigureCues.mayBeFigure(text), "\(text.debugDescription)")
        }
        #expect(!FigureCues.mayBeFigure("In May 2015, the heads of state signed a joint statement."))
        #expect(!FigureCues.mayBeFigure("В 2015 году “they” met – again."))
    }

    @Test func danglingWordsAnswerAsFoundation() throws {
        var words: [Substring] = ["in", "In,", "(the", "...", "-", "at.", "when?", "and/or", "of-", "a", "A", "an’", "by:", "x"]
        for text in Self.corpusSentences.prefix(400) { words += text.split(separator: " ") }
        for word in words {
            let foundation = EventTitle.danglingWords.contains(word.lowercased().trimmingCharacters(in: .punctuationCharacters))
                || word.allSatisfy({ $0.isPunctuation })
            #expect(EventTitle.isDangling(word) == foundation, "\(word.debugDescription)")
        }
        for b in 0..<128 {
            let c = Character(Unicode.Scalar(UInt8(b)))
            #expect(DanglingWord.isPunctuation[b] == c.isPunctuation, "byte \(b)")
        }
    }

    @Test func asciiTextAnswersAsFoundation() {
        let sets: [CharacterSet] = [
            .whitespaces, .punctuationCharacters, CharacterSet.whitespaces.union(.punctuationCharacters),
            CharacterSet(charactersIn: " ,"), CharacterSet(charactersIn: " ,;:"),
        ]
        let extra = ["", " ", ",,", " (a) ", "...", "a\r\n", " \t x \t ", "  ,  ", "é, ", "“x”", "The the  end ,  . ."]
        let texts = Array(Self.corpusSentences.prefix(3000)) + extra
        for set in sets {
            let table = ASCIITrimming.table(set)
            for text in texts {
                #expect(ASCIITrimming.trimming(text, set, table) == text.trimmingCharacters(in: set), "\(text.debugDescription)")
            }
        }
        for text in texts {
            for (target, replacement) in EventTitle.repairs + [("   ", "_"), ("a", "bb"), (" ", "")] {
                #expect(
                    ASCIITrimming.replacing(text, target, with: replacement)
                        == text.replacingOccurrences(of: target, with: replacement), "\(text.debugDescription)")
            }
        }
    }

    /// The classifier's cue tables against the `CueText` searches they replaced.
    @Test func cueTablesAnswerAsCueText() {
        func category(_ text: String) -> EventCategory? {
            let lower = CueText(text.lowercased())
            var best: (EventCategory, Int)?
            for (category, words) in EventClassifier.cues {
                let score = words.reduce(0) { $0 + lower.count(of: $1.0) * $1.1 }
                if score > 0, score > (best?.1 ?? 0) { best = (category, score) }
            }
            return best?.0
        }
        func status(_ sentence: String, _ mention: Range<Int>) -> EventStatus {
            let clause = CueText(
                EventClassifier.withoutQuotations(EventClassifier.clause(of: sentence, around: mention)).lowercased())
            if EventClassifier.plannedCues.contains(where: clause.contains) { return .planned }
            if EventClassifier.expectedCues.contains(where: clause.contains) { return .expected }
            return .occurred
        }
        func terms(_ sentence: String) -> Set<String> {
            let lower = CueText(EventClassifier.withoutParentheses(sentence).lowercased())
            return Set(EventClassifier.keyTerms.filter { lower.contains($0.0) }.map(\.1))
        }
        let extra = ["bank bankbank invest investment", "military military exercise", "treaty treatytreaty", "É treaty"]
        for text in Self.corpusSentences + extra {
            #expect(EventClassifier.bestCategory(text) == category(text), "\(text.debugDescription)")
            #expect(EventClassifier.keyTerms(in: text) == terms(text), "\(text.debugDescription)")
            let n = text.unicodeScalars.count
            for mention in [0..<0, (n / 2)..<(n / 2), n..<n] {
                #expect(EventClassifier.status(sentence: text, mention: mention) == status(text, mention))
            }
        }
    }

    /// The byte versions of title trimming, parenthesis removal and id words against the scalar code they replaced.
    @Test func textHelpersAnswerAsBefore() {
        func trimDangling(_ text: String) -> String {
            var words = text.split(separator: " ").map(String.init)
            while let last = words.last,
                EventTitle.danglingWords.contains(last.lowercased().trimmingCharacters(in: .punctuationCharacters))
                    || last.allSatisfy({ $0.isPunctuation })
            {
                words.removeLast()
            }
            return words.joined(separator: " ").trimmingCharacters(in: EventTitle.danglingEdges)
        }
        func withoutParentheses(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var depth = 0
            for c in text.unicodeScalars {
                if c == "(" { depth += 1; continue }
                if c == ")" { depth = max(0, depth - 1); continue }
                if depth == 0 { out.append(c) }
            }
            return String(out)
        }
        func slugWords(_ text: String) -> [String] {
            text.unicodeScalars.split { !($0.properties.isAlphabetic || $0.properties.numericType != nil) || !$0.isASCII }
                .map { String(scalars: $0) }
        }
        let extra = ["", " ", "in the", "  The  end of  ", "x ,;: in", "a (b (c) d) e) f (g", "Ünïcode (x) – ok",
            "K\u{212A} ſ İ ½ ² 3", "one, and. of", "..."]
        for text in Self.corpusSentences + extra {
            #expect(EventTitle.trimDangling(text) == trimDangling(text), "\(text.debugDescription)")
            #expect(EventClassifier.withoutParentheses(text) == withoutParentheses(text), "\(text.debugDescription)")
            let lower = text.lowercased()
            #expect(EventExtractor.slugWords(lower) == slugWords(lower), "\(text.debugDescription)")
        }
    }
}
