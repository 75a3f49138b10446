/// Scanners giving, for most sentences, exactly the matches the ICU regexes
/// of `DateMentionFinder.rules` give: same spans, same groups, found left to
/// right, each search resuming at the previous match's end. Every regex
/// pass bridged the sentence to UTF-16 and tried the pattern at each
/// position; the date regexes were a sixth of event extraction.
/// `DateScannerTests` checks scanner against regex on every sentence of the
/// embedded and a generated corpus, and on tricky inputs.
///
/// A scanner reads one class byte per scalar (`classes`), so its offsets
/// are scalar offsets. ASCII scalars are their own byte; the pattern
/// classes are then plain: `\d` is 0-9, `\s` tab, line feed, carriage
/// return or space, `\w` (for `\b`) a letter, digit or underscore, and
/// case-insensitive matching is ASCII case folding. A non-ASCII scalar is
/// read only if it is plainly a letter (`wordScalar`: in `\w`, never
/// ignored by `\b`, folding to no ASCII letter) or plainly something else
/// (`otherScalar`), or is one of the dashes the year-range rule names;
/// any other scalar (a digit of another script, a space, a mark, a format
/// character, a letter folding to ASCII) leaves the sentence to the regex.
///
/// Each scanner follows its pattern's backtracking order; the comments give
/// the pattern and why a greedy step never needs to be undone.
enum DateScanner {
    /// A match in scalar offsets: `groups[0]` is the whole span, `groups[i]` group i (nil if it took no part).
    typealias Match = [Range<Int>?]

    /// Class bytes of non-ASCII scalars (never equal to a pattern literal).
    static let otherScalar: UInt8 = 0x80
    static let enDash: UInt8 = 0x81
    static let emDash: UInt8 = 0x82
    static let wordScalar: UInt8 = 0x83
    /// "’" (U+2019), which the decade rule names (`[’']?s`); otherwise punctuation like `otherScalar`.
    static let rightQuote: UInt8 = 0x84

    /// One class byte per scalar, or nil when some scalar is one the scanners do not read as the regex does.
    static func classes(_ scalars: [Unicode.Scalar]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count)
        for c in scalars {
            let v = c.value
            if v < 0x80 {
                guard (v >= 0x20 && v < 0x7F) || v == 0x09 || v == 0x0A || v == 0x0D else { return nil }
                out.append(UInt8(v))
            } else if v == 0x2013 {
                out.append(enDash)
            } else if v == 0x2014 {
                out.append(emDash)
            } else if v == 0x2019 {
                out.append(rightQuote)
            } else if v >= 0x4E00 && v <= 0x9FFF {
                out.append(wordScalar)
            } else if let k = simpleClass(v) ?? nonASCIIClass(c) {
                guard k != 0 else { return nil }
                out.append(k)
            } else {
                return nil
            }
        }
        return out
    }

    /// `nonASCIIClass` of basic Cyrillic (U+0400–U+045F) and the general
    /// punctuation U+2010–U+2027, 0 for nil, read once: with the CJK
    /// ideographs (all `wordScalar`, `DateScannerTests` asks each) they are
    /// nearly all the non-ASCII of the corpus, and asking each scalar's
    /// properties and case mappings was most of the time to read a
    /// non-ASCII sentence's classes.
    static let cyrillicClasses: [UInt8] = (0x0400...0x045F).map { nonASCIIClass(Unicode.Scalar($0)!) ?? 0 }
    static let punctuationClasses: [UInt8] = (0x2010...0x2027).map { nonASCIIClass(Unicode.Scalar($0)!) ?? 0 }

    /// The class of a scalar of those two blocks (0: the regex reads it); nil for others.
    @inline(__always) static func simpleClass(_ v: UInt32) -> UInt8? {
        if v >= 0x0400 && v <= 0x045F { return cyrillicClasses[Int(v - 0x0400)] }
        if v >= 0x2010 && v <= 0x2027 { return punctuationClasses[Int(v - 0x2010)] }
        return nil
    }

    /// `wordScalar` for a letter, `otherScalar` for punctuation or a symbol,
    /// nil for anything the regex might read differently.
    static func nonASCIIClass(_ c: Unicode.Scalar) -> UInt8? {
        let p = c.properties
        // Newer scalars than the regex engine knows could read differently: the basic plane only.
        guard c.value < 0x10000 else { return nil }
        if p.isWhitespace || p.isGraphemeExtend || FigureCues.mayFoldToASCII(c) { return nil }
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return p.isAlphabetic ? wordScalar : nil
        case .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
            .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return p.isAlphabetic ? nil : otherScalar
        default:
            return nil
        }
    }

    /// All matches of `body` tried at each start in turn (the regex's find
    /// loop). `starts[b]` is false for a class byte no match can begin with
    /// (see `startTable`), so `body` is not tried there: most offsets of a
    /// sentence are letters no date pattern starts with.
    static func findAll(_ s: [UInt8], _ starts: [Bool], _ body: (Int) -> Match?) -> [Match] {
        var found: [Match] = []
        var p = 0
        while p < s.count {
            // A pattern here never matches the empty string, so p < n suffices.
            if !starts[Int(s[p])] {
                p += 1
                continue
            }
            if let m = body(p), let whole = m[0] {
                found.append(m)
                p = whole.upperBound
            } else {
                p += 1
            }
        }
        return found
    }

    // MARK: Character classes

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func isWord(_ b: UInt8) -> Bool {
        if b >= 0x80 { return b == wordScalar }
        let l = b | 0x20
        return (l >= 0x61 && l <= 0x7A) || isDigit(b) || b == 0x5F
    }
    /// `[-–—]`.
    @inline(__always) static func isDash(_ b: UInt8) -> Bool { b == 0x2D || b == enDash || b == emDash }
    /// `\b` at offset i.
    static func isBoundary(_ s: [UInt8], _ i: Int) -> Bool {
        let before = i > 0 && isWord(s[i - 1])
        let after = i < s.count && isWord(s[i])
        return before != after
    }

    /// End of `word` (lowercase ASCII) at i, matched with ASCII case folded; nil if absent.
    static func word(_ s: [UInt8], _ i: Int, _ word: [UInt8]) -> Int? {
        guard i + word.count <= s.count else { return nil }
        for k in 0..<word.count where ASCIICase.lower(s[i + k]) != word[k] { return nil }
        return i + word.count
    }

    /// End of `word` at i, matched exactly (the month names are case-sensitive).
    static func exact(_ s: [UInt8], _ i: Int, _ word: [UInt8]) -> Int? {
        guard i + word.count <= s.count else { return nil }
        for k in 0..<word.count where s[i + k] != word[k] { return nil }
        return i + word.count
    }

    /// The first of `words` (an alternation, tried in order) at i that lets
    /// `rest` succeed. Returns the word's end and rest's result.
    static func alternation<T>(_ s: [UInt8], _ i: Int, _ words: [[UInt8]], caseless: Bool, _ rest: (Int) -> T?) -> (Int, T)? {
        for w in words {
            if let e = caseless ? word(s, i, w) : exact(s, i, w), let r = rest(e) { return (e, r) }
        }
        return nil
    }

    /// End of `\s+` at i (greedy; never undone, as what follows it in every
    /// pattern here is not a space), nil if no space.
    static func spaces(_ s: [UInt8], _ i: Int) -> Int? {
        var j = i
        while j < s.count && isSpace(s[j]) { j += 1 }
        return j > i ? j : nil
    }

    /// End of `\d{4}` at i.
    static func fourDigits(_ s: [UInt8], _ i: Int) -> Int? {
        guard i + 4 <= s.count else { return nil }
        for k in i..<(i + 4) where !isDigit(s[k]) { return nil }
        return i + 4
    }

    static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

    static let prepositions = bytes(["in", "on", "since", "by", "before", "until", "during", "of", "from", "after"])
    static let months = bytes(EventDate.monthNames)

    /// The class bytes a match can begin with: the first byte of each of
    /// `caseless` (either case), of each of `exact`, and the digits if `digits`.
    static func startTable(caseless: [[UInt8]] = [], exact: [[UInt8]] = [], digits: Bool = false) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for w in caseless {
            table[Int(w[0])] = true
            let b = w[0]
            if b >= 0x61 && b <= 0x7A { table[Int(b - 0x20)] = true }
        }
        for w in exact { table[Int(w[0])] = true }
        if digits { for b in 0x30...0x39 { table[b] = true } }
        return table
    }

    /// A match of `withPreposition` begins with a preposition or with what `body` begins with.
    static let yearStarts = startTable(caseless: prepositions, digits: true)

    /// `DateMentionFinder.prep` then `body`: `(?:\b((?i:in|on|...))\s+)?`
    /// is tried with the preposition first, then without. Group 1 is the preposition.
    static func withPreposition(_ s: [UInt8], _ p: Int, _ body: (Int) -> Match?) -> Match? {
        if isBoundary(s, p),
            let (end, rest) = alternation(s, p, prepositions, caseless: true, { e in spaces(s, e).flatMap(body) })
        {
            var m = rest
            m[0] = p..<(m[0]!.upperBound)
            m[1] = p..<end
            return m
        }
        guard var m = body(p) else { return nil }
        m[1] = nil
        return m
    }

    // MARK: Rules

    /// `findAll(s, yearStarts) { withPreposition(s, $0, body) }` for a
    /// `body` that begins with a digit: `findAllFromAnchors` with the digits.
    static func findAllFromDigits(_ s: [UInt8], _ body: (Int) -> Match?) -> [Match] {
        findAllFromAnchors(s, digitAnchors, body)
    }

    static let digitAnchors: [Bool] = (0..<256).map { isDigit(UInt8($0)) }
    /// The capitals the month names begin with.
    static let monthAnchors: [Bool] = (0..<256).map { !monthsByInitial[$0].isEmpty }

    /// The matches of `prep` then `body`, for a `body` that begins with a
    /// byte `anchors` holds and that can begin nowhere inside a preposition
    /// and the spaces after it (a digit, or a month name: no preposition
    /// holds one in any case). From a search start p, the first offset d
    /// where `body` matches is where the next match's body begins (one
    /// beginning later would have d inside its preposition and spaces), so
    /// the match begins at the one preposition (none ends another) that
    /// ends where the spaces before d begin, if there is one at or after
    /// p, and else at d: the earliest start, which the regex finds. The
    /// body is tried only at anchors; `findAll` tried the preposition at
    /// every letter a preposition begins with (most letters of a sentence).
    static func findAllFromAnchors(_ s: [UInt8], _ anchors: [Bool], _ body: (Int) -> Match?) -> [Match] {
        var found: [Match] = []
        var p = 0
        let n = s.count
        while p < n {
            var d = p
            var matched: Match?
            while d < n {
                if anchors[Int(s[d])], let b = body(d) {
                    matched = b
                    break
                }
                d += 1
            }
            guard let b = matched else { break }
            var m = b
            m[1] = nil
            var r = d
            while r > p && isSpace(s[r - 1]) { r -= 1 }
            if r < d {
                for w in prepositions where r - w.count >= p {
                    let start = r - w.count
                    if word(s, start, w) != nil && isBoundary(s, start) {
                        m[0] = start..<(b[0]!.upperBound)
                        m[1] = start..<r
                        break
                    }
                }
            }
            found.append(m)
            p = m[0]!.upperBound
        }
        return found
    }

    /// `prep(\d{4})\b`: groups 1 preposition, 2 year.
    static func year(_ s: [UInt8]) -> [Match] {
        findAllFromDigits(s) { q in
            guard let e = fourDigits(s, q), isBoundary(s, e) else { return nil }
            return [q..<e, nil, q..<e]
        }
    }

    /// `prep(\d{4})\s?[-–—]\s?(\d{2,4})\b`.
    /// `\s?` before the dash: a space and a dash cannot both stand at one offset,
    /// so at most one way succeeds. `\d{2,4}\b`: fewer digits than the run
    /// leave a digit after them, never a boundary, so only the longest (at
    /// most four) can end the match. `\s?` after the dash: skipping a present
    /// space leaves a space where a digit is needed.
    static func yearRange(_ s: [UInt8]) -> [Match] {
        findAllFromDigits(s) { q in
            guard let e = fourDigits(s, q) else { return nil }
            var d = e
            if d < s.count && isSpace(s[d]) && d + 1 < s.count && isDash(s[d + 1]) { d += 1 }
            guard d < s.count && isDash(s[d]) else { return nil }
            var r = d + 1
            if r < s.count && isSpace(s[r]) { r += 1 }
            var k = r
            while k < s.count && k < r + 4 && isDigit(s[k]) { k += 1 }
            guard k - r >= 2, isBoundary(s, k) else { return nil }
            return [q..<k, nil, q..<e, r..<k]
        }
    }

    static let rangeOpeners = bytes(["from", "between"])
    static let rangeJoiners = bytes(["to", "and", "until"])
    static let rangeStarts = startTable(caseless: rangeOpeners)

    /// `(?i)\b(from|between)\s+(\d{4})\s+(?:to|and|until)\s+(\d{4})\b`.
    /// "from" and "between", and "to", "and" and "until", never both fit one offset.
    static func fromTo(_ s: [UInt8]) -> [Match] {
        findAll(s, rangeStarts) { p in
            guard isBoundary(s, p) else { return nil }
            return alternation(s, p, rangeOpeners, caseless: true) { e -> Match? in
                guard let a = spaces(s, e), let ae = fourDigits(s, a), let j = spaces(s, ae) else { return nil }
                return alternation(s, j, rangeJoiners, caseless: true) { je -> Match? in
                    guard let b = spaces(s, je), let be = fourDigits(s, b), isBoundary(s, be) else { return nil }
                    return [p..<be, p..<e, a..<ae, b..<be]
                }?.1
            }?.1
        }
    }

    /// End of `\d{1,2}` at i that can be followed by something other than a
    /// digit: the longest run, if it is one or two digits long (a shorter
    /// take leaves a digit where every pattern here needs ",", a space or a
    /// boundary).
    static func dayDigits(_ s: [UInt8], _ i: Int) -> Int? {
        var k = i
        while k < s.count && k < i + 2 && isDigit(s[k]) { k += 1 }
        guard k > i, !(k < s.count && isDigit(s[k])) else { return nil }
        return k
    }

    /// `,?\s+(\d{4})\b` at i: the comma is taken if there (without it a
    /// comma stands where `\s+` needs a space). Returns the year's span.
    static func commaYear(_ s: [UInt8], _ i: Int) -> Range<Int>? {
        var j = i
        if j < s.count && s[j] == 0x2C { j += 1 }
        guard let y = spaces(s, j), let e = fourDigits(s, y), isBoundary(s, e) else { return nil }
        return y..<e
    }

    /// `prep(Month)\s+(\d{1,2}),?\s+(\d{4})\b`: groups 2 month, 3 day, 4 year.
    static func monthDayYear(_ s: [UInt8]) -> [Match] {
        findAllFromAnchors(s, monthAnchors) { q in
            alternation(s, q, monthsByInitial[Int(s[q])], caseless: false) { me -> Match? in
                guard let d = spaces(s, me), let de = dayDigits(s, d), let y = commaYear(s, de) else { return nil }
                return [q..<y.upperBound, nil, q..<me, d..<de, y]
            }?.1
        }
    }

    /// `prep(\d{1,2})\s+(Month),?\s+(\d{4})\b`: groups 2 day, 3 month, 4 year.
    static func dayMonthYear(_ s: [UInt8]) -> [Match] {
        findAllFromDigits(s) { q in
            guard let de = dayDigits(s, q), let m = spaces(s, de) else { return nil }
            return alternation(s, m, months, caseless: false) { me -> Match? in
                guard let y = commaYear(s, me) else { return nil }
                return [q..<y.upperBound, nil, q..<de, m..<me, y]
            }?.1
        }
    }

    /// `prep(Month),?\s+(\d{4})\b`: groups 2 month, 3 year.
    static func monthYear(_ s: [UInt8]) -> [Match] {
        findAllFromAnchors(s, monthAnchors) { q in
            alternation(s, q, monthsByInitial[Int(s[q])], caseless: false) { me -> Match? in
                guard let y = commaYear(s, me) else { return nil }
                return [q..<y.upperBound, nil, q..<me, y]
            }?.1
        }
    }

    // MARK: Rules the regex alone used to find

    static let decadeHedges = bytes(["early", "mid", "middle", "late"])
    static let decadeStarts = startTable(caseless: prepositions + decadeHedges + bytes(["the"]), digits: true)

    /// End of `[\s-]+` at i (greedy, never undone: a digit or a letter follows in every use), nil if none.
    static func spacesOrHyphens(_ s: [UInt8], _ i: Int) -> Int? {
        var j = i
        while j < s.count && (isSpace(s[j]) || s[j] == 0x2D) { j += 1 }
        return j > i ? j : nil
    }

    /// `(?i)prep(?:the\s+)?(?:(early|mid|middle|late)[\s-]+)?(\d{3}0)[’']?s\b`:
    /// groups 1 preposition, 2 hedge, 3 year. Each optional part, once
    /// taken, is never given back: without "the" or the hedge a digit would
    /// be needed where their letter stands, and without the apostrophe an
    /// "s" where it stands.
    static func decade(_ s: [UInt8]) -> [Match] {
        let the = Array("the".utf8)
        return findAll(s, decadeStarts) { p in
            withPreposition(s, p) { q -> Match? in
                var r = q
                if let e = word(s, q, the), let sp = spaces(s, e) { r = sp }
                func core(_ i: Int) -> Match? {
                    guard let e = fourDigits(s, i), s[e - 1] == 0x30 else { return nil }
                    var j = e
                    if j < s.count && (s[j] == 0x27 || s[j] == rightQuote) { j += 1 }
                    guard j < s.count && (s[j] | 0x20) == 0x73, isBoundary(s, j + 1) else { return nil }
                    return [q..<(j + 1), nil, nil, i..<e]
                }
                if let (end, m) = alternation(s, r, decadeHedges, caseless: true, { e in spacesOrHyphens(s, e).flatMap(core) }) {
                    var m = m
                    m[2] = r..<end
                    return m
                }
                return core(r)
            }
        }
    }

    static let endOpeners = bytes(["before", "by"])
    static let endStarts = startTable(caseless: endOpeners)

    /// `(?i)\b(before|by) the end of\s+(\d{4})\b`: groups 1 "before" or "by", 2 year.
    static func endOfYear(_ s: [UInt8]) -> [Match] {
        let middle = Array(" the end of".utf8)
        return findAll(s, endStarts) { p in
            guard isBoundary(s, p) else { return nil }
            return alternation(s, p, endOpeners, caseless: true) { e -> Match? in
                guard let m = word(s, e, middle), let y = spaces(s, m), let ye = fourDigits(s, y), isBoundary(s, ye)
                else { return nil }
                return [p..<ye, p..<e, y..<ye]
            }?.1
        }
    }

    static let centuryOpeners = bytes(["in", "during", "since", "by", "from", "until", "throughout"])
    static let centuryHedges = bytes(["early", "beginning", "first half", "middle", "mid", "second half", "late", "end"])
    static let centuryStarts = startTable(caseless: centuryOpeners)
    static let ordinalSuffixes = bytes(["st", "nd", "rd", "th"])

    /// `[xvi]` with case folded.
    @inline(__always) static func isRomanDigit(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return l == 0x78 || l == 0x76 || l == 0x69
    }

    /// `(?i)\b(in|during|since|by|from|until|throughout) the\s+(?:(early|beginning|first half|middle|mid|second half|late|end)(?:\s+of\s+the\s+|-|\s+))?([xvi]{1,6}|\d{1,2}(?:st|nd|rd|th))[\s-]+century\b`:
    /// groups 1 preposition, 2 hedge, 3 numeral. `[xvi]{1,6}` and `\d{1,2}`
    /// are taken whole: a shorter take leaves a numeral letter or digit where
    /// `[\s-]` or the suffix is needed. Without the hedge the numeral would
    /// have to begin where the hedge's letter stands, so a failed hedge is
    /// not retried without it.
    static func century(_ s: [UInt8]) -> [Match] {
        let the = Array(" the".utf8)
        let of = Array("of".utf8)
        let theWord = Array("the".utf8)
        let centuryWord = Array("century".utf8)
        return findAll(s, centuryStarts) { p in
            guard isBoundary(s, p) else { return nil }
            return alternation(s, p, centuryOpeners, caseless: true) { pe -> Match? in
                guard let t = word(s, pe, the), let r = spaces(s, t) else { return nil }
                /// The numeral at i and the rest: its span and the match's end.
                func numeral(_ i: Int) -> (Range<Int>, Int)? {
                    var k = i
                    while k < s.count && k < i + 6 && isRomanDigit(s[k]) { k += 1 }
                    var end: Int
                    if k > i {
                        end = k
                    } else if let d = dayDigits(s, i), let (e, _) = alternation(s, d, ordinalSuffixes, caseless: true, { $0 }) {
                        end = e
                    } else {
                        return nil
                    }
                    guard let c = spacesOrHyphens(s, end), let ce = word(s, c, centuryWord), isBoundary(s, ce) else { return nil }
                    return (i..<end, ce)
                }
                let hedged = alternation(s, r, centuryHedges, caseless: true) { he -> (Range<Int>, Int)? in
                    if let a = spaces(s, he), let o = word(s, a, of), let b = spaces(s, o), let th = word(s, b, theWord),
                        let c = spaces(s, th), let n = numeral(c)
                    {
                        return n
                    }
                    if he < s.count && s[he] == 0x2D, let n = numeral(he + 1) { return n }
                    if let a = spaces(s, he), let n = numeral(a) { return n }
                    return nil
                }
                if let (he, (span, end)) = hedged { return [p..<end, p..<pe, r..<he, span] }
                guard let (span, end) = numeral(r) else { return nil }
                return [p..<end, p..<pe, nil, span]
            }?.1
        }
    }

    // MARK: Cues

    /// What a rule's scanner cannot match without, read for all rules in one
    /// pass over the class bytes: the same needs as `DateCues` (a month
    /// name, a dash, "0s", "from" or "between", "the end of"). A scanner
    /// costs a pass with a test at every offset it may start at, so the
    /// rules a sentence cannot match are not scanned.
    struct Cues: OptionSet, Sendable {
        let rawValue: UInt8
        static let monthName = Cues(rawValue: 1)
        static let dash = Cues(rawValue: 2)
        static let decadeEnding = Cues(rawValue: 4)
        static let fromOrBetween = Cues(rawValue: 8)
        static let endOf = Cues(rawValue: 16)
    }

    static let from = Array("from".utf8)
    static let between = Array("between".utf8)
    static let theEndOf = Array("the end of".utf8)
    /// `monthsByInitial[b]`: the month names starting with byte b.
    static let monthsByInitial: [[[UInt8]]] = (0..<256).map { b in months.filter { Int($0[0]) == b } }

    /// What each class byte may begin, for `cues`: bits of `Cues` (a dash;
    /// `decadeEnding` for "0"; `fromOrBetween` for f and b; `endOf` for t;
    /// `monthName` for a month's capital initial). Most bytes begin nothing
    /// and cost one load; the switch and the month lists were read at each.
    static let cueStarts: [UInt8] = (0..<256).map { b in
        var kinds: Cues = []
        switch UInt8(b) {
        case 0x2D, enDash, emDash: kinds.insert(.dash)
        case 0x30: kinds.insert(.decadeEnding)
        case 0x46, 0x66, 0x42, 0x62: kinds.insert(.fromOrBetween)
        case 0x54, 0x74: kinds.insert(.endOf)
        default: break
        }
        if !monthsByInitial[b].isEmpty { kinds.insert(.monthName) }
        return kinds.rawValue
    }

    static func cues(_ s: [UInt8]) -> Cues {
        var found: Cues = []
        let n = s.count
        let table = cueStarts
        s.withUnsafeBufferPointer { s in
            /// `word(s, i, word) != nil` where byte i is known to fold to word's first.
            func has(_ word: [UInt8], at i: Int) -> Bool {
                guard i + word.count <= n else { return false }
                for k in 1..<word.count where ASCIICase.lower(s[i + k]) != word[k] { return false }
                return true
            }
            for i in 0..<n {
                let kinds = Cues(rawValue: table[Int(s[i])])
                if kinds.isEmpty { continue }
                let b = s[i]
                if kinds.contains(.dash) {
                    found.insert(.dash)
                } else if kinds.contains(.decadeEnding) {
                    var j = i + 1
                    if j < n && (s[j] == 0x27 || s[j] == rightQuote) { j += 1 }
                    if j < n && (s[j] | 0x20) == 0x73 { found.insert(.decadeEnding) }
                } else if kinds.contains(.fromOrBetween) {
                    if has((b | 0x20) == 0x66 ? from : between, at: i) { found.insert(.fromOrBetween) }
                } else if kinds.contains(.endOf) {
                    if has(theEndOf, at: i) { found.insert(.endOf) }
                }
                if kinds.contains(.monthName) && !found.contains(.monthName) {
                    for name in monthsByInitial[Int(b)] where exact(s, i, name) {
                        found.insert(.monthName)
                        break
                    }
                }
            }
        }
        return found
    }

    /// `exact(s, i, word) != nil` where byte i is known to be word's first.
    @inline(__always) static func exact(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ word: [UInt8]) -> Bool {
        guard i + word.count <= s.count else { return false }
        for k in 1..<word.count where s[i + k] != word[k] { return false }
        return true
    }
}
