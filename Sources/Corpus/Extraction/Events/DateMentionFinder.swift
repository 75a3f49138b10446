import Foundation

/// A date as a sentence states it, with the words that state it.
struct DateMention: Sendable, Hashable {
    /// Scalar offsets into the sentence's cleaned text, including a leading
    /// preposition ("In May 2015", "since 1992", "before the end of 2020").
    var range: Range<Int>
    var date: EventDate
    /// Set when the year names a thing rather than dates the sentence's
    /// action: "the friendship treaty of 2001", "the joint statement 2005".
    /// The happening is then the thing itself, told again.
    var namedThing: String?
}

/// Finds the dates a sentence gives to happenings, and only those.
///
/// Rules (no per-document code):
/// - Day ("July 16, 2001", "28 June 2021"), month ("May 2015"), year,
///   year range ("2020-21"), decade ("the early 1950s"), century ("in the
///   middle of the XVII century"), deadline ("before the end of 2020").
/// - A year inside parentheses is a citation ("(Bin, 2009)", "(Joint
///   Statement, 2005)") unless the parentheses hold nothing but that year:
///   "the South China (2016)" dates a happening.
/// - A range whose end is not a later year ("2009-1212", a typo in a plan's
///   name) dates nothing; page ranges and figures ("$ 40.67", "10,000",
///   "54%") are not years.
/// - A century counts only after "in/during/since/by the": "the Maritime
///   Silk Road of the XXI century" names a project, and "Entering the
///   Twenty-first century" (spelled out) is an epoch, not a happening's date.
/// - Relative dates ("last year", "this year") are left out: the articles
///   were written a year before they were published, so resolving them
///   against the publication year would date them wrongly.
enum DateMentionFinder {
    static func mentions(in text: String) -> [DateMention] {
        scan(text)?.mentions ?? []
    }

    /// A sentence's date mentions with the scalars and class bytes read to
    /// find them, which the rest of event extraction reads again.
    struct Scan {
        var mentions: [DateMention]
        var scalars: [Unicode.Scalar]
        /// `DateScanner.classes(scalars)`.
        var classes: [UInt8]?
    }

    /// The mentions of `text`; nil when it holds none.
    static func scan(_ text: String) -> Scan? {
        // Every rule needs four digits in a row (a year) except the century
        // rule, which needs the word. Most sentences have neither, and
        // skipping their regex passes halves the time to extract events.
        let cues = DateCues.yearAndCentury(text)
        let hasYear = cues.hasYear
        // No letter folds to c, e, n, t, u or r but its ASCII self, so the
        // byte test rules out the (slow) Foundation search for most sentences;
        // in ASCII text it is the search's answer.
        let hasCentury = cues.hasCentury
            && (cues.isASCII || text.range(of: "centur", options: .caseInsensitive) != nil)
        guard hasYear || hasCentury else { return nil }
        let (scalars, classes) = scalarsAndClasses(text, isASCII: cues.isASCII)
        let parens = parenthesisSpans(scalars)
        var claimed: [Range<Int>] = []
        var found: [DateMention] = []

        // Most sentences take the scanners (same matches, see
        // `DateScanner`), which give scalar offsets; the NSString and the
        // UTF-16 to scalar map are made only when a regex runs.
        let ascii = cues.isASCII
        var toScalarMap: [Int] = []
        func toScalar(_ u: Int) -> Int {
            if ascii { return u }
            if toScalarMap.isEmpty { toScalarMap = utf16ToScalarOffsets(text) }
            return toScalarMap[u]
        }
        // A scanner finds nothing where its rule's cue is missing, so the cue
        // is read only before a regex pass; the month rules share one answer.
        var monthCue: Bool?
        func mayMatch(_ rule: Rule) -> Bool {
            guard rule.cueIsMonthName else { return rule.mayMatch(text) }
            if let known = monthCue { return known }
            let answer = DateCues.hasMonthName(text)
            monthCue = answer
            return answer
        }

        let scanCues = classes.map(DateScanner.cues) ?? []
        for rule in rules where rule.needsCentury ? hasCentury : hasYear {
            // Scalar spans of the whole match and of each group.
            var matches: [DateScanner.Match]
            if let classes, let scan = rule.scan {
                guard scanCues.isSuperset(of: rule.scanCue) else { continue }
                matches = scan(classes)
            } else {
                guard mayMatch(rule) else { continue }
                let ns = text as NSString
                matches = []
                for m in rule.regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                    matches.append((0..<m.numberOfRanges).map { i in
                        let r = m.range(at: i)
                        return r.location == NSNotFound ? nil : toScalar(r.location)..<toScalar(r.location + r.length)
                    })
                }
            }
            for match in matches {
                // ICU spans lie on scalar boundaries: the scalars are the group's text.
                func group(_ i: Int) -> String? {
                    guard i < match.count, let r = match[i] else { return nil }
                    return String(scalars: scalars[r])
                }
                let whole = match[0]!
                if claimed.contains(where: { $0.overlaps(whole) }) { continue }
                claimed.append(whole)
                let core = match[rule.coreGroup]!
                guard var date = rule.parse(group) else { continue }
                // Inside parentheses: a citation, unless the parentheses hold only this date.
                if let paren = parens.first(where: { $0.contains(core.lowerBound) }) {
                    guard parenthesesHoldOnly(core, paren, scalars) else { continue }
                }
                if rule.checksYearContext, !isYearInContext(scalars, core) { continue }
                let preposition = group(1)?.lowercased()
                if preposition == "since" { date = EventDate(start: date.start, end: date.end, precision: date.precision, qualifier: .since) }
                let named = rule.mayName && (preposition == nil || preposition == "of")
                    ? namedThing(before: whole.lowerBound, in: scalars) : nil
                found.append(DateMention(range: whole, date: date, namedThing: named))
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        // "carried out in 2005 ... 'Peace Mission 2005'": one date told twice in a sentence is one mention.
        var result: [DateMention] = []
        for m in found {
            if let i = result.firstIndex(where: { $0.date.start == m.date.start && $0.date.end == m.date.end }) {
                if result[i].namedThing != nil && m.namedThing == nil { result[i] = m }
                continue
            }
            result.append(m)
        }
        return result.isEmpty ? nil : Scan(mentions: result, scalars: scalars, classes: classes)
    }

    /// `Array(text.unicodeScalars)` and `DateScanner.classes` of them. An
    /// ASCII sentence's scalars and class bytes are its bytes, read in one
    /// pass (the scalar view was walked twice to count and copy it, and the
    /// copy once more for the classes).
    static func scalarsAndClasses(_ text: String, isASCII: Bool) -> ([Unicode.Scalar], [UInt8]?) {
        guard isASCII else {
            let scalars = Array(text.unicodeScalars)
            return (scalars, DateScanner.classes(scalars))
        }
        var text = text
        return text.withUTF8 { s in
            var plain = true
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: s.count) { out, made in
                for i in 0..<s.count {
                    let v = s[i]
                    // `DateScanner.classes` takes printable ASCII, tab, line feed and carriage return.
                    if !((v >= 0x20 && v < 0x7F) || v == 0x09 || v == 0x0A || v == 0x0D) { plain = false }
                    out[i] = Unicode.Scalar(v)
                }
                made = s.count
            }
            return (scalars, plain ? Array(s) : nil)
        }
    }

    // MARK: - Rules, most specific first (a match claims its words from later rules)

    struct Rule: Sendable {
        let regex: NSRegularExpression
        /// Group holding the date itself, without the preposition.
        let coreGroup: Int
        let checksYearContext: Bool
        let mayName: Bool
        /// Reads the date from the match's groups (`group(i)` is group i's text, nil if it took no part).
        let parse: @Sendable ((Int) -> String?) -> EventDate?
        /// The century rule is the one that needs no year digits.
        var needsCentury = false
        /// False when the pattern cannot match the sentence (see `DateCues`).
        var mayMatch: @Sendable (String) -> Bool = { _ in true }
        /// The regex's matches, found on `DateScanner.classes` (see `DateScanner`); nil: regex only.
        var scan: (@Sendable ([UInt8]) -> [DateScanner.Match])? = nil
        /// `mayMatch` is `DateCues.hasMonthName`, asked once for all the month rules.
        var cueIsMonthName = false
        /// What `scan` cannot match without (`mayMatch`, read on the class bytes).
        var scanCue: DateScanner.Cues = []
    }

    /// `CharacterSet.whitespaces`' ASCII members, for `ASCIITrimming.trimming`.
    static let whitespaceTable = ASCIITrimming.table(.whitespaces)
    static let punctuationTable = ASCIITrimming.table(.punctuationCharacters)

    static let month = "(January|February|March|April|May|June|July|August|September|October|November|December)"
    static let prep = "(?:\\b((?i:in|on|since|by|before|until|during|of|from|after))\\s+)?"

    /// Compiled once; `NSRegularExpression` is immutable after init and documented thread-safe.
    static let rules: [Rule] = [
        Rule(
            regex: re("(?i)\\b(in|during|since|by|from|until|throughout) the\\s+(?:(early|beginning|first half|middle|mid|second half|late|end)(?:\\s+of\\s+the\\s+|-|\\s+))?([xvi]{1,6}|\\d{1,2}(?:st|nd|rd|th))[\\s-]+century\\b"),
            coreGroup: 3, checksYearContext: false, mayName: false,
            parse: { g in
                guard let c = g(3).flatMap(centuryNumber), (1...21).contains(c),
                    let s = PartialDate(year: (c - 1) * 100 + 1), let e = PartialDate(year: c * 100)
                else { return nil }
                let q: EventDate.Qualifier? = switch g(2)?.lowercased() {
                case "early", "beginning", "first half": .early
                case "middle", "mid": .mid
                case "late", "end", "second half": .late
                default: nil
                }
                return EventDate(start: s, end: e, precision: .century, qualifier: q)
            }, needsCentury: true, scan: DateScanner.century),
        Rule(
            regex: re("(?i)\\b(before|by) the end of\\s+(\\d{4})\\b"), coreGroup: 2, checksYearContext: true, mayName: false,
            parse: { g in
                g(2).flatMap { Int($0) }.flatMap { PartialDate(year: $0) }.map { EventDate(start: $0, qualifier: .by) }
            },
            mayMatch: { ASCIICase.contains($0, "the end of") }, scan: DateScanner.endOfYear, scanCue: .endOf),
        Rule(
            regex: re(prep + "\(month)\\s+(\\d{1,2}),?\\s+(\\d{4})\\b"), coreGroup: 4, checksYearContext: false, mayName: false,
            parse: { g in day(g(4), g(2), g(3)) }, mayMatch: DateCues.hasMonthName, scan: DateScanner.monthDayYear, cueIsMonthName: true, scanCue: .monthName),
        Rule(
            regex: re(prep + "(\\d{1,2})\\s+\(month),?\\s+(\\d{4})\\b"), coreGroup: 4, checksYearContext: false, mayName: false,
            parse: { g in day(g(4), g(3), g(2)) }, mayMatch: DateCues.hasMonthName, scan: DateScanner.dayMonthYear, cueIsMonthName: true, scanCue: .monthName),
        Rule(
            regex: re(prep + "\(month),?\\s+(\\d{4})\\b"), coreGroup: 3, checksYearContext: false, mayName: false,
            parse: { g in
                guard let y = g(3).flatMap({ Int($0) }), let mo = g(2).flatMap(monthNumber),
                    let d = PartialDate(year: y, month: mo)
                else { return nil }
                return EventDate(start: d)
            }, mayMatch: DateCues.hasMonthName, scan: DateScanner.monthYear, cueIsMonthName: true, scanCue: .monthName),
        Rule(
            regex: re("(?i)" + prep + "(?:the\\s+)?(?:(early|mid|middle|late)[\\s-]+)?(\\d{3}0)[’']?s\\b"), coreGroup: 3,
            checksYearContext: false, mayName: false,
            parse: { g in
                guard let y = g(3).flatMap({ Int($0) }), (1000...2090).contains(y) else { return nil }
                let q: EventDate.Qualifier? = switch g(2)?.lowercased() {
                case "early": .early
                case "mid", "middle": .mid
                case "late": .late
                default: nil
                }
                // "early 1950s" is 1950-1953, "late" 1957-1959: the hedge narrows the span a little.
                let (a, b) = switch q {
                case .early: (0, 3)
                case .mid: (3, 6)
                case .late: (6, 9)
                default: (0, 9)
                }
                guard let s = PartialDate(year: y + a), let e = PartialDate(year: y + b) else { return nil }
                return EventDate(start: s, end: e, precision: .decade, qualifier: q, display: EventDate.display(
                    start: PartialDate(year: y)!, end: nil, precision: .decade, qualifier: q))
            }, mayMatch: DateCues.hasDecadeEnding, scan: DateScanner.decade, scanCue: .decadeEnding),
        Rule(
            regex: re("(?i)\\b(from|between)\\s+(\\d{4})\\s+(?:to|and|until)\\s+(\\d{4})\\b"), coreGroup: 2,
            checksYearContext: true, mayName: false,
            parse: { g in range(g(2), g(3)) },
            mayMatch: { ASCIICase.contains($0, "from") || ASCIICase.contains($0, "between") }, scan: DateScanner.fromTo, scanCue: .fromOrBetween),
        Rule(
            regex: re(prep + "(\\d{4})\\s?[-–—]\\s?(\\d{2,4})\\b"), coreGroup: 2, checksYearContext: true, mayName: true,
            parse: { g in range(g(2), g(3)) }, mayMatch: DateCues.hasDash, scan: DateScanner.yearRange, scanCue: .dash),
        Rule(
            regex: re(prep + "(\\d{4})\\b"), coreGroup: 2, checksYearContext: true, mayName: true,
            parse: { g in
                guard let y = g(2).flatMap({ Int($0) }), (1000...2099).contains(y) else { return nil }
                return PartialDate(year: y).map { EventDate(start: $0) }
            }, scan: DateScanner.year),
    ]

    /// Whether `text` holds four ASCII digits in a row.
    static func hasFourDigitRun(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
                if run == 4 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    static func re(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern)
    }

    static func monthNumber(_ name: String) -> Int? {
        EventDate.monthNames.firstIndex(of: name).map { $0 + 1 }
    }

    static func day(_ year: String?, _ month: String?, _ day: String?) -> EventDate? {
        guard let y = year.flatMap({ Int($0) }), let mo = month.flatMap(monthNumber), let d = day.flatMap({ Int($0) }),
            let date = PartialDate(year: y, month: mo, day: d)
        else { return nil }
        return EventDate(start: date)
    }

    /// "2020-21" → 2020...2021; nil for "2009-1212" (not a later year) or a span of more than 30 years.
    static func range(_ first: String?, _ second: String?) -> EventDate? {
        guard let a = first.flatMap({ Int($0) }), var b = second.flatMap({ Int($0) }), (1000...2099).contains(a) else {
            return nil
        }
        if second?.count == 2 { b += a / 100 * 100 }
        guard second?.count != 3, b > a, b - a <= 30, let s = PartialDate(year: a), let e = PartialDate(year: b) else {
            return nil
        }
        return EventDate(start: s, end: e, precision: .year)
    }

    static func centuryNumber(_ token: String) -> Int? {
        let digits = token.prefix { $0.isNumber }
        if !digits.isEmpty { return Int(digits) }
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10]
        var total = 0
        let chars = Array(token.lowercased())
        for (i, c) in chars.enumerated() {
            guard let v = values[c] else { return nil }
            if i + 1 < chars.count, let next = values[chars[i + 1]], next > v { total -= v } else { total += v }
        }
        return total
    }

    /// A four-digit number is a year only where a year can stand: not part of
    /// an amount ("$ 2009", "2,009", "2009.5", "2009%"), a code ("Su-2009")
    /// or a quantity ("2000 km", "1000 people").
    static func isYearInContext(_ s: [Unicode.Scalar], _ core: Range<Int>) -> Bool {
        if core.lowerBound > 0 {
            let before = s[core.lowerBound - 1]
            if isAmountMark(before) || isNumeric(before) { return false }
        }
        if core.upperBound < s.count {
            let after = s[core.upperBound]
            if after == "%" { return false }
            if (after == "." || after == ",") && core.upperBound + 1 < s.count && isNumeric(s[core.upperBound + 1]) {
                return false
            }
        }
        if let quantity = isQuantityASCII(s, after: core.upperBound) { return !quantity }
        return !isQuantity(rest: String(scalars: s[core.upperBound...]).lowercased())
    }

    /// "$.,-/#:№": a year after one of these is part of an amount or a code.
    @inline(__always) static func isAmountMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x24, 0x2E, 0x2C, 0x2D, 0x2F, 0x23, 0x3A, 0x2116: return true
        default: return false
        }
    }

    /// `numericType != nil`, which among ASCII scalars only the digits have.
    @inline(__always) static func isNumeric(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? c.value >= 0x30 && c.value <= 0x39 : c.properties.numericType != nil
    }

    static let units = [" km", " people", " personnel", " tons", " tonnes", " dollars", " billion", " million", " thousand", " troops", " ships", " units", " companies", " projects", " students"]
    static let unitBytes = units.map { Array($0.utf8) }
    /// The scalars `isQuantityASCII` reads: the longest unit and two more.
    static let unitWindow = units.map(\.utf8.count).max()! + 2

    /// Whether the lowercased text after the year starts with a unit (then a
    /// space or a full stop) or is one: a quantity, not a date. The spec of `isQuantityASCII`.
    static func isQuantity(rest: String) -> Bool {
        units.contains { rest.hasPrefix($0 + " ") || rest.hasPrefix($0 + ".") || rest == $0 }
    }

    /// `isQuantity(rest:)` of the scalars from `offset`, read on the scalars
    /// when the next `unitWindow` of them are ASCII: a unit and the scalar
    /// after it are then whole characters, so the Character comparisons of
    /// `hasPrefix` and `==` are byte comparisons (and lowercasing ASCII is
    /// folding A-Z). Nil for other text. The rest of the sentence was copied
    /// and lowercased for every year.
    static func isQuantityASCII(_ s: [Unicode.Scalar], after offset: Int) -> Bool? {
        let end = min(s.count, offset + unitWindow)
        for i in offset..<end where !s[i].isASCII { return nil }
        let remaining = s.count - offset
        func lowered(_ i: Int) -> UInt8 { ASCIICase.lower(UInt8(s[offset + i].value)) }
        for unit in unitBytes {
            let k = unit.count
            guard remaining >= k else { continue }
            var j = 0
            while j < k && lowered(j) == unit[j] { j += 1 }
            guard j == k else { continue }
            if remaining == k { return true }
            let next = lowered(k)
            if next == 0x20 || next == 0x2E { return true }
        }
        return false
    }

    static let thingNouns: Set<String> = [
        "treaty", "statement", "statements", "declaration", "agreement", "communique", "mission", "plan", "programme",
        "program", "summit", "visit", "exercise", "roadmap", "forum", "concept", "strategy", "charter", "protocol",
    ]
    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "its", "their", "his", "her", "issuing", "of"]

    /// "the friendship treaty of 2001" → "friendship treaty"; nil unless the
    /// word before the year (or before "of") is a thing that can be dated.
    static func namedThing(before offset: Int, in s: [Unicode.Scalar]) -> String? {
        let start = namedThingHeadStart(before: offset, in: s)
        if start > 0 || s[..<offset].allSatisfy(\.isASCII), !endsWithThingNoun(s, start..<offset) { return nil }
        return namedThing(head: String(scalars: s[start..<offset]))
    }

    /// `thingNouns` as bytes, by length.
    static let thingNounBytes: Set<[UInt8]> = Set(thingNouns.map { Array($0.utf8) })

    /// For ASCII `s[range]`: whether its last word (the one before it, when
    /// the last is "of") is a thing noun once lowercased and trimmed of
    /// punctuation, the test `namedThing(head:)` starts with. Most years
    /// follow no such noun, and the words need not be made.
    static func endsWithThingNoun(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        func lastWord(before end: Int) -> Range<Int> {
            var e = end
            while e > range.lowerBound && s[e - 1] == " " { e -= 1 }
            var b = e
            while b > range.lowerBound && s[b - 1] != " " { b -= 1 }
            return b..<e
        }
        func lowered(_ r: Range<Int>) -> [UInt8] { r.map { ASCIICase.lower(UInt8(s[$0].value)) } }
        var word = lastWord(before: range.upperBound)
        if lowered(word) == [0x6F, 0x66] { word = lastWord(before: word.lowerBound) }
        var lo = word.lowerBound
        var hi = word.upperBound
        while lo < hi && DanglingWord.isPunctuation[Int(s[lo].value)] { lo += 1 }
        while hi > lo && DanglingWord.isPunctuation[Int(s[hi - 1].value)] { hi -= 1 }
        return thingNounBytes.contains(lowered(lo..<hi))
    }

    /// Where the text `namedThing` reads before `offset` may start: the
    /// rule reads at most the last four words (two words, the noun, "of"),
    /// so when those words and the spaces around them are ASCII the text
    /// before them is left out (an ASCII space there is a separator of its
    /// own, so splitting the shorter text gives the same last words). Else 0.
    /// The whole text before the year was copied and split for every year.
    static func namedThingHeadStart(before offset: Int, in s: [Unicode.Scalar]) -> Int {
        var i = offset
        for _ in 0..<4 {
            while i > 0 && s[i - 1] == " " { i -= 1 }
            while i > 0 && s[i - 1] != " " {
                guard s[i - 1].isASCII else { return 0 }
                i -= 1
            }
        }
        // i is 0 or follows a space, itself after an ASCII scalar (not one
        // that could join the space into its character); the words from i on are whole.
        if i >= 2 && !s[i - 2].isASCII { return 0 }
        return i
    }

    /// `namedThing` of the text before the year.
    static func namedThing(head: String) -> String? {
        var words = head.split(whereSeparator: { $0 == " " }).map(String.init)
        if words.last?.lowercased() == "of" { words.removeLast() }
        guard let noun = words.last, thingNouns.contains(ASCIITrimming.trimming(noun.lowercased(), .punctuationCharacters, punctuationTable))
        else { return nil }
        var phrase: [String] = [noun]
        for w in words.dropLast().reversed().prefix(2) {
            let bare = ASCIITrimming.trimming(w, .punctuationCharacters, punctuationTable)
            if bare.isEmpty || determiners.contains(bare.lowercased()) || w.last == "," { break }
            phrase.insert(bare, at: 0)
        }
        return ASCIITrimming.trimming(phrase.joined(separator: " "), .punctuationCharacters, punctuationTable)
    }

    /// Whether the parentheses `paren` hold nothing but the scalars of
    /// `core` and whitespace. When both are ASCII (or the parentheses also
    /// hold an `EventSimpleScalar`, which answers no) the trim is the table's and
    /// String equality is scalar equality, so no String is made (a year in
    /// a citation, most of those in parentheses, made three); else the
    /// String test, which is the spec.
    static func parenthesesHoldOnly(_ core: Range<Int>, _ paren: Range<Int>, _ s: [Unicode.Scalar]) -> Bool {
        let inner = (paren.lowerBound + 1)..<(paren.upperBound - 1)
        guard s[core].allSatisfy(\.isASCII) else { return parenthesesHoldOnlyByStrings(core, paren, s) }
        var simple = false
        for c in s[inner] where !c.isASCII {
            guard EventSimpleScalar.isSimple(c) else { return parenthesesHoldOnlyByStrings(core, paren, s) }
            simple = true
        }
        // A simple scalar is no whitespace and has no decomposition: it
        // outlives the trim and keeps the text unequal to the ASCII core
        // ("(Лукин, 2015)").
        if simple { return false }
        let table = whitespaceTable
        var lo = inner.lowerBound
        var hi = inner.upperBound
        while lo < hi && table[Int(s[lo].value)] { lo += 1 }
        while hi > lo && table[Int(s[hi - 1].value)] { hi -= 1 }
        return s[lo..<hi].elementsEqual(s[core])
    }

    /// `parenthesesHoldOnly` by Strings and Foundation's trim, as it was written first.
    static func parenthesesHoldOnlyByStrings(_ core: Range<Int>, _ paren: Range<Int>, _ s: [Unicode.Scalar]) -> Bool {
        let inner = String(scalars: s[(paren.lowerBound + 1)..<(paren.upperBound - 1)])
        let coreText = String(scalars: s[core])
        return ASCIITrimming.trimming(inner, .whitespaces, whitespaceTable) == coreText
    }

    /// Balanced `( ... )` spans, end exclusive, so a year can be told to sit in a citation.
    static func parenthesisSpans(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var stack: [Int] = []
        for (i, c) in s.enumerated() {
            if c == "(" { stack.append(i) } else if c == ")", let open = stack.popLast() { spans.append(open..<(i + 1)) }
        }
        // An unclosed "(" (a citation cut by a page break) runs to the end of the sentence.
        for open in stack { spans.append(open..<s.count) }
        return spans
    }

    /// `map[u]` is the scalar offset of UTF-16 offset `u`; one extra entry at the end.
    static func utf16ToScalarOffsets(_ text: String) -> [Int] {
        var map: [Int] = []
        map.reserveCapacity(text.utf16.count + 1)
        for (i, scalar) in text.unicodeScalars.enumerated() {
            for _ in 0..<scalar.utf16.count { map.append(i) }
        }
        map.append(text.unicodeScalars.count)
        return map
    }
}
