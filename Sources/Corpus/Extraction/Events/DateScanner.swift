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
            } else if let k = nonASCIIClass(c) {
                out.append(k)
            } else {
                return nil
            }
        }
        return out
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

    /// All matches of `body` tried at each start in turn (the regex's find loop).
    static func findAll(_ s: [UInt8], _ body: (Int) -> Match?) -> [Match] {
        var found: [Match] = []
        var p = 0
        while p < s.count {
            // A pattern here never matches the empty string, so p < n suffices.
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

    /// `prep(\d{4})\b`: groups 1 preposition, 2 year.
    static func year(_ s: [UInt8]) -> [Match] {
        findAll(s) { p in
            withPreposition(s, p) { q in
                guard let e = fourDigits(s, q), isBoundary(s, e) else { return nil }
                return [q..<e, nil, q..<e]
            }
        }
    }

    /// `prep(\d{4})\s?[-–—]\s?(\d{2,4})\b`.
    /// `\s?` before the dash: a space and a dash cannot both stand at one offset,
    /// so at most one way succeeds. `\d{2,4}\b`: fewer digits than the run
    /// leave a digit after them, never a boundary, so only the longest (at
    /// most four) can end the match. `\s?` after the dash: skipping a present
    /// space leaves a space where a digit is needed.
    static func yearRange(_ s: [UInt8]) -> [Match] {
        findAll(s) { p in
            withPreposition(s, p) { q in
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
    }

    static let rangeOpeners = bytes(["from", "between"])
    static let rangeJoiners = bytes(["to", "and", "until"])

    /// `(?i)\b(from|between)\s+(\d{4})\s+(?:to|and|until)\s+(\d{4})\b`.
    /// "from" and "between", and "to", "and" and "until", never both fit one offset.
    static func fromTo(_ s: [UInt8]) -> [Match] {
        findAll(s) { p in
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
        findAll(s) { p in
            withPreposition(s, p) { q in
                alternation(s, q, months, caseless: false) { me -> Match? in
                    guard let d = spaces(s, me), let de = dayDigits(s, d), let y = commaYear(s, de) else { return nil }
                    return [q..<y.upperBound, nil, q..<me, d..<de, y]
                }?.1
            }
        }
    }

    /// `prep(\d{1,2})\s+(Month),?\s+(\d{4})\b`: groups 2 day, 3 month, 4 year.
    static func dayMonthYear(_ s: [UInt8]) -> [Match] {
        findAll(s) { p in
            withPreposition(s, p) { q in
                guard let de = dayDigits(s, q), let m = spaces(s, de) else { return nil }
                return alternation(s, m, months, caseless: false) { me -> Match? in
                    guard let y = commaYear(s, me) else { return nil }
                    return [q..<y.upperBound, nil, q..<de, m..<me, y]
                }?.1
            }
        }
    }

    /// `prep(Month),?\s+(\d{4})\b`: groups 2 month, 3 year.
    static func monthYear(_ s: [UInt8]) -> [Match] {
        findAll(s) { p in
            withPreposition(s, p) { q in
                alternation(s, q, months, caseless: false) { me -> Match? in
                    guard let y = commaYear(s, me) else { return nil }
                    return [q..<y.upperBound, nil, q..<me, y]
                }?.1
            }
        }
    }
}
