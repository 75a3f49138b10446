import Foundation
import Testing

@testable import Corpus

/// The second round of event-extraction shortcuts against the code they
/// stand in for: the scanners of the decade, century and deadline rules,
/// the figure scan, the one-pass year and century cue, the ASCII paths of
/// year context, named things, titles, status, cues, actors and ids. Run on
/// every sentence (and passage) of the embedded corpus, of
/// $MODEL_DUMP_CORPUS when set, and on look-alikes.
@Suite struct EventFastPathTests {
    static let tricky = [
        "in the 1990s, the early 1950s, in the late 1980’s, mid-1970s, the middle 1960s, IN THE LATE 1990S, 1990S.",
        "the 1995s, the 19900s, 1990sx, 1990's, 1990’ s, the  late  1980s, late- 1980s, late--1980s, the1990s, in the mid 1990s",
        "since the early-2000s and during the 1930s and of the 2010s; in 10000s and 0990s.",
        "in the XVII century, in the middle of the XVII century, during the 21st century, since the 19th-century, by the end XX century",
        "in the late xx century, in the beginning of the XXI century, from the first half of the 20th century, in the second half XIX century",
        "in the xviiii century, in the xvii  century, in the 123rd century, in the 1st century, in the mid-XX century, in the middle-of the XX century",
        "throughout the XX centuryx, until the xvi centuries, in the  middle  of  the  xv century, in the midxx century, inthe XX century",
        "before the end of 2020, by the end of  2021, By The End Of 2022, before the end of 20234, before the end of2020, by the end 2020.",
        "it amounted to 52 tons, reached about $ 5, exceeded some more words here 10, grew by \n 5, rose by twelve chars 5",
        "the number of projects rose from nine in 2016 to 32 in 2017; the share of 1.5 and 2,5 and 1234; the amount of\n5",
        "12 percent, 3 per cent, 5,000.5 billion, 2 TIMES, 2 timesx, 3 dollars, 4 Companies, $5, $ , 7 %, 8\t%, 9 tonnes",
        "Volume of exports: 12345 and 7; Numberof 3; number ofx 3; the number of 1.23",
        "It was 2015 km away, 2015 people, 2015 People., 2015 tons. 2015 units 2015 students, 1999 million",
        "2015 km, in 2016 troops", "in 2016 ships", "2017 personnel", "2018 Companies.", "2019 kmx",
        "The friendship treaty of 2001 was renewed; the joint statement 2005, the 2002 Plan, a plan of 2003, "
            + "their strategy of 2004, Issuing the Concept of 2005, visit, summit of 2006, the 'roadmap' of 2007.",
        "China and Russia, Sino-Russian ties, the USSR, U.S. and US-China, use of USA, Xi Jinping's visit, "
            + "Putin2019 and 2019Putin, ChinaRussia, People's Republic of China, PLA Air Force, Russian Air Force.",
        "Again, in 2015 the heads of state signed a treaty, which was renewed, and in addition the sides met: it was planned to hold it.",
        "However, in May 2015 (Bin, 2009) the sides “will be” meeting 'will be' they said, and it is expected that in 2016 they will.",
    ]

    static let nonASCII = [
        "éChina and Chinaé, Россия China, 中国China, China中国, Ωin 2015, in the 1990’s, in the 1990‘s, ١٩٩٠s",
        "in the XX century — and “in the 1990s” — ſince the XIX century, the \u{212A}V century, in the XX\u{00A0}century",
        "It amounted to 5 ₽, $\u{00A0}5, ５ tons, 5\u{00A0}tons, the number of ٣, the number of 5\u{2028}",
        "In 2015 the sides signed a treaty – the first – and in 2016 they met; “it will be held” in 2017.",
        "In 2015 Ünïcode (x) – ok, the treaty of 2001 was renewed; in 2016 İstanbul hosted a summit.",
    ]

    static var texts: [String] { DateScannerTests.corpusSentences + tricky + nonASCII }

    static func dated(_ text: String) -> DateMentionFinder.Scan? { DateMentionFinder.scan(text) }

    @Test func newScannersGiveTheRegexMatches() {
        var compared = 0
        for text in Self.tricky + Self.nonASCII + DateScannerTests.corpusSentences.prefix(3000) {
            guard let classes = DateScanner.classes(Array(text.unicodeScalars)) else { continue }
            for (index, rule) in DateMentionFinder.rules.enumerated() where [0, 1, 5].contains(index) {
                let expected = DateScannerTests.regexMatches(rule.regex, text)
                #expect(rule.scan?(classes) == expected, "rule \(index) on \(text.debugDescription)")
                compared += 1
            }
        }
        #expect(compared > 100)
        // The tricky lines do reach the scanners and find dates.
        #expect(DateMentionFinder.rules[0].scan?(DateScanner.classes(Array(Self.tricky[3].unicodeScalars))!).count == 5)
        #expect(DateMentionFinder.rules[5].scan?(DateScanner.classes(Array(Self.tricky[0].unicodeScalars))!).count ?? 0 >= 6)
    }

    @Test func yearAndCenturyCueAnswersAsTheSeparateTests() {
        for text in Self.texts + ["centur", "CENTUR", "Centu", "123", "1234", "x1234", "é1234", "cen\u{301}tury"] {
            let cue = DateCues.yearAndCentury(text)
            #expect(cue.hasYear == DateMentionFinder.hasFourDigitRun(text), "\(text.debugDescription)")
            #expect(cue.hasCentury == ASCIICase.contains(text, "centur"), "\(text.debugDescription)")
            #expect(cue.isASCII == text.utf8.allSatisfy { $0 < 0x80 }, "\(text.debugDescription)")
            if cue.isASCII {
                #expect(cue.hasCentury == (text.range(of: "centur", options: .caseInsensitive) != nil))
            }
        }
    }

    @Test func figureScanAnswersAsTheRegex() {
        var scanned = 0
        var figures = 0
        for text in Self.texts {
            guard let classes = DateScanner.classes(Array(text.unicodeScalars)) else { continue }
            let regex = EventExtractor.figureRegexMatches(text)
            #expect(EventFigureScan.matches(classes) == regex, "\(text.debugDescription)")
            scanned += 1
            if regex { figures += 1 }
        }
        for text in ["$5", "5%", "5 times", "5 timesx", "reached 5", "reached  abcdefghijkl5", "reached abcdefghijklm5",
            "number of 5", "number of 5555", "number of x.5", "Number Of x 12", "the number of,5", "fell by\n\n\n7", "x", ""]
        {
            let classes = DateScanner.classes(Array(text.unicodeScalars))!
            #expect(EventFigureScan.matches(classes) == EventExtractor.figureRegexMatches(text), "\(text.debugDescription)")
        }
        #expect(scanned > 100 && figures > 10)
    }

    @Test func yearContextAnswersAsBefore() {
        func spec(_ s: [Unicode.Scalar], _ core: Range<Int>) -> Bool {
            if core.lowerBound > 0 {
                let before = s[core.lowerBound - 1]
                if "$.,-/#:№".unicodeScalars.contains(before) || before.properties.numericType != nil { return false }
            }
            if core.upperBound < s.count {
                let after = s[core.upperBound]
                if after == "%" { return false }
                if (after == "." || after == ",") && core.upperBound + 1 < s.count
                    && s[core.upperBound + 1].properties.numericType != nil
                {
                    return false
                }
            }
            let rest = String(scalars: s[core.upperBound...]).lowercased()
            return !DateMentionFinder.isQuantity(rest: rest)
        }
        let extra = ["2015 \u{212A}m away", "2015 km\u{301} away", "2015 KM", "2015 km", "2015 tons.", "2015 tons,", "2015 tonsx",
            "2015 people\r\n", "2015 Personnel ", "2015 ships\u{301}", "2015 ٣", "2015 kmé", "№2015", "٣2015", "2015.٣"]
        var compared = 0
        for text in Self.texts + extra {
            let s = Array(text.unicodeScalars)
            guard s.count >= 4 else { continue }
            for i in 0...(s.count - 4) where (i..<(i + 4)).allSatisfy({ s[$0].value >= 0x30 && s[$0].value <= 0x39 }) {
                #expect(DateMentionFinder.isYearInContext(s, i..<(i + 4)) == spec(s, i..<(i + 4)), "\(text.debugDescription) at \(i)")
                compared += 1
            }
        }
        #expect(compared > 500)
        for v in 0..<0x80 {
            let c = Unicode.Scalar(UInt8(v))
            #expect(DateMentionFinder.isNumeric(c) == (c.properties.numericType != nil))
            #expect(DateMentionFinder.isAmountMark(c) == "$.,-/#:№".unicodeScalars.contains(c))
        }
        for c in ["№", "٣", "½", "é", "–"].map({ $0.unicodeScalars.first! }) {
            #expect(DateMentionFinder.isNumeric(c) == (c.properties.numericType != nil))
            #expect(DateMentionFinder.isAmountMark(c) == "$.,-/#:№".unicodeScalars.contains(c))
        }
    }

    @Test func namedThingsAnswerAsBefore() {
        let extra = ["a b c the friendship treaty of ", "Ünï the friendship treaty of ", "x\u{0600} friendship treaty of ",
            "é, joint statement ", "the  Plan   of ", "treaty", "of", " of ", "treaty of", "Ω a b treaty "]
        var compared = 0
        // Sentences only (not whole passages): every offset copies the text before it.
        for text in Self.texts.filter({ $0.unicodeScalars.count < 1500 }) + extra {
            let s = Array(text.unicodeScalars)
            for offset in 0...s.count where offset == s.count || s[offset] == " " || s[offset].properties.numericType != nil {
                let spec = DateMentionFinder.namedThing(head: String(scalars: s[..<offset]))
                #expect(DateMentionFinder.namedThing(before: offset, in: s) == spec, "\(text.debugDescription) at \(offset)")
                compared += 1
            }
        }
        #expect(compared > 1000)
    }

    /// Mention spans to try on a sentence: its own mentions, and a few others.
    static func spans(_ text: String) -> [Range<Int>] {
        let n = text.unicodeScalars.count
        var spans = dated(text)?.mentions.map(\.range) ?? []
        spans += [0..<0, 0..<min(n, 4), (n / 3)..<(n / 2), n..<n]
        return spans
    }

    @Test func clauseRangesAnswerAsBefore() {
        func spec(_ sentence: String, _ mention: Range<Int>) -> Range<Int> {
            let s = Array(sentence.unicodeScalars)
            let breaks = [", and ", "; ", ", while ", ", but ", ", whereas "].map { Array($0.unicodeScalars) }
            var lo = 0
            var hi = s.count
            for b in breaks {
                var i = 0
                while i + b.count <= s.count {
                    if s[i..<(i + b.count)].elementsEqual(b) {
                        if i + b.count <= mention.lowerBound { lo = max(lo, i + b.count) }
                        if i >= mention.upperBound { hi = min(hi, i) }
                    }
                    i += 1
                }
            }
            return lo..<max(lo, hi)
        }
        for text in Self.texts + ["a, and b; c, while d, but e, whereas f", ", and , and ;; , but"] {
            let s = Array(text.unicodeScalars)
            for span in Self.spans(text) {
                #expect(EventClassifier.clauseRange(scalars: s, around: span) == spec(text, span), "\(text.debugDescription)")
            }
        }
    }

    @Test func titlesAndStatusAnswerAsTheStringPath() {
        var fast = 0
        for text in Self.texts {
            let s = Array(text.unicodeScalars)
            var mentions = Self.dated(text)?.mentions ?? []
            for span in Self.spans(text) { mentions.append(DateMention(range: span, date: EventDate(start: PartialDate(year: 2000)!))) }
            for mention in mentions {
                let clause = EventClassifier.clauseRange(scalars: s, around: mention.range)
                let spec = EventTitle.stringTitle(scalars: s, clause: clause, mention: mention)
                if let title = EventTitleScalars.title(scalars: s, clause: clause, mention: mention.range) {
                    #expect(title == spec, "\(text.debugDescription) \(mention.range)")
                    fast += 1
                }
                #expect(EventTitle.title(sentence: text, mention: mention) == EventTitle.title(scalars: s, clause: clause, mention: mention))
                if let status = EventClassifier.status(scalars: s, clause: clause) {
                    #expect(status == EventClassifier.status(sentence: text, mention: mention.range), "\(text.debugDescription)")
                }
            }
        }
        #expect(fast > 1000)
        // Long titles are shortened on both paths.
        let long = "In 2015 " + Array(repeating: "the sides agreed on cooperation", count: 5).joined(separator: " and ")
        let s = Array(long.unicodeScalars)
        let mention = DateMention(range: 0..<7, date: EventDate(start: PartialDate(year: 2015)!))
        #expect(EventTitleScalars.title(scalars: s, clause: 0..<s.count, mention: 0..<7)?.hasSuffix("…") == true)
        #expect(EventTitleScalars.title(scalars: s, clause: 0..<s.count, mention: 0..<7)
            == EventTitle.stringTitle(scalars: s, clause: 0..<s.count, mention: mention))
    }

    @Test func cueScanAnswersAsTheClassifier() {
        var fast = 0
        for text in Self.texts + ["bank bankbank invest investment", "military military exercise", "treaty treatytreaty",
            "TREATY Joint Statement", "É treaty", "a", ""]
        {
            let plain = EventClassifier.withoutParentheses(text)
            guard let scan = EventCueScan.categoryAndTerms(plain) else { continue }
            #expect(scan.category == EventClassifier.bestCategory(plain), "\(text.debugDescription)")
            #expect(scan.terms == EventClassifier.keyTerms(inUnparenthesised: plain), "\(text.debugDescription)")
            fast += 1
        }
        #expect(fast > 500)
    }

    @Test func actorsAnswerAsTheScalarSearch() {
        for text in Self.texts {
            for t in [text, EventClassifier.withoutParentheses(text)] {
                #expect(ActorGazetteer.actors(in: t) == ActorGazetteer.actorsByScalars(in: t), "\(t.debugDescription)")
            }
        }
        #expect(ActorGazetteer.actors(in: Self.tricky.first { $0.hasPrefix("China and Russia") }!).contains("Xi Jinping"))
        #expect(!ActorGazetteer.actors(in: "éChina Chinaé").contains("China"))
        #expect(ActorGazetteer.actors(in: "–China—").contains("China"))
    }

    @Test func idsAnswerAsBefore() {
        var titles = ["", "The Treaty of 2001", "Ünïcode title – with dashes", "K\u{212A} İ title", "A very long title with many many words in it",
            "Treaty – signed in the…", "Россия and China signed a summit…", "中国China summit–visit", "Ёж ёж and the ѐ…"]
        for text in Self.texts.prefix(4000) {
            titles.append(text)
            titles.append(String(text.prefix(60)))
        }
        for (k, title) in titles.enumerated() {
            let date = EventDate(start: PartialDate(year: 1900 + k % 200)!)
            let document = k % 2 == 0 ? "doc-\(k)" : "документ"
            #expect(EventExtractor.makeID(date: date, title: title, document: document, offset: k)
                == EventExtractor.makeIDByStrings(date: date, title: title, document: document, offset: k), "\(title.debugDescription)")
            var hasher = ContentHasher()
            hasher.add("\(document):\(k)")
            #expect(EventIDHash.lowHex6("\(document):\(k)") == String(hasher.hex.suffix(6)))
        }
        // Offsets of other lengths and signs, and titles of stop words only.
        for (offset, title) in [(-7, "The treaty"), (0, "the of a"), (1_000_000_007, "A B C D E F"), (10, "x" + String(repeating: "y", count: 40))] {
            let date = EventDate(start: PartialDate(year: 2001)!)
            #expect(EventExtractor.makeID(date: date, title: title, document: "d", offset: offset)
                == EventExtractor.makeIDByStrings(date: date, title: title, document: "d", offset: offset), "\(offset) \(title)")
        }
    }

    /// A scanner finds nothing in a sentence that lacks its rule's cue.
    @Test func scanCuesAreNeededByTheScanners() {
        var cued = 0
        for text in Self.texts {
            guard let classes = DateScanner.classes(Array(text.unicodeScalars)) else { continue }
            let cues = DateScanner.cues(classes)
            for rule in DateMentionFinder.rules where !rule.scanCue.isEmpty {
                if let scan = rule.scan, !scan(classes).isEmpty {
                    #expect(cues.isSuperset(of: rule.scanCue), "\(text.debugDescription)")
                    cued += 1
                }
            }
        }
        #expect(cued > 50)
    }

    /// The merge by date groups against the pair loop over tellings it replaced.
    @Test func mergeByDateGroupsJoinsAsThePairLoop() throws {
        func spec(_ candidates: [EventCandidate]) -> [TimelineEvent] {
            var parent = Array(candidates.indices)
            func find(_ i: Int) -> Int {
                var i = i
                while parent[i] != i { i = parent[i] }
                return i
            }
            func union(_ a: Int, _ b: Int) {
                let (ra, rb) = (find(a), find(b))
                if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            }
            var numbers: [String: Int] = [:]
            let tellings = candidates.map { c in
                let d = c.event.evidence[0].provenance.document
                let n = numbers[d] ?? numbers.count
                numbers[d] = n
                return EventMerger.Telling(c, document: n)
            }
            for i in tellings.indices {
                for j in tellings.indices where j > i && tellings[i].kind == tellings[j].kind
                    && !tellings[i].keyTerms.isDisjoint(with: tellings[j].keyTerms) && tellings[i].span.mayJoin(tellings[j].span)
                {
                    union(i, j)
                }
            }
            var groups: [Int: [Int]] = [:]
            for i in candidates.indices { groups[find(i), default: []].append(i) }
            return groups.values.map { EventMerger.combine($0.map { candidates[$0] }) }
        }
        let model = try CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory)
        var candidates: [EventCandidate] = []
        for (d, document) in model.documents.enumerated() {
            candidates += EventExtractor.candidates(in: document, order: d, citations: [])
        }
        // Same dates from one sentence, twice, and from two: the cases the groups treat apart.
        var extra: [EventCandidate] = []
        for c in candidates.prefix(40) {
            var twin = c
            twin.event.id += "-twin"
            extra.append(twin)
            var other = c
            other.event.id += "-other"
            other.event.evidence[0].provenance.start += 1
            extra.append(other)
            var wider = c
            wider.event.id += "-wider"
            wider.event.date = EventDate(start: PartialDate(year: c.event.date.start.year)!)
            extra.append(wider)
        }
        for set in [candidates, candidates + extra, Array((candidates + extra).reversed())] {
            func key(_ events: [TimelineEvent]) -> [String] {
                events.map { "\($0.id)|\($0.evidence.map(\.provenance.start))|\($0.actors)" }.sorted()
            }
            #expect(key(EventMerger.merge(set)) == key(spec(set)))
        }
        #expect(candidates.count > 30)
    }

    /// What the byte and scalar paths assume of `EventSimpleScalar`s, asked of every one.
    @Test func simpleScalarsAreWhatThePathsAssume() {
        let ranges: [ClosedRange<UInt32>] = [0x2010...0x2027, 0x0400...0x045F, 0x4E00...0x9FFF]
        for range in ranges {
            for v in range {
                let c = Unicode.Scalar(v)!
                #expect(EventSimpleScalar.isSimple(c))
                let lower = String(c).lowercased()
                #expect(lower.unicodeScalars.allSatisfy { !$0.isASCII && EventSimpleScalar.isSimple($0) }, "\(v)")
                #expect(CueText.isPlain(String(c)) && CueText.isPlain(lower), "\(v)")
                let character = Character(c)
                #expect(String(character).unicodeScalars.count == 1)
                let punctuation = EventTitleScalars.isSimplePunctuation(v)
                #expect(CharacterSet.punctuationCharacters.contains(c) == punctuation, "\(v)")
                #expect(character.isPunctuation == punctuation, "\(v)")
                #expect(!CharacterSet.whitespacesAndNewlines.contains(c), "\(v)")
                #expect(String(character).uppercased() == String(Unicode.Scalar(EventTitleScalars.uppercased(v))!), "\(v)")
                // One character whatever follows, as the title's counts assume.
                #expect(("x" + String(c) + "a").count == 3 && (String(c) + String(c)).count == 2, "\(v)")
            }
        }
        for v in 0..<0x80 where v != 0x0D {
            let c = Unicode.Scalar(UInt8(v))
            #expect(String(Character(c)).uppercased() == String(Unicode.Scalar(EventTitleScalars.uppercased(UInt32(v)))!))
        }
        #expect(!EventSimpleScalar.isSimple("é") && !EventSimpleScalar.isSimple("\u{0483}") && !EventSimpleScalar.isSimple("\u{200D}"))
    }
}
