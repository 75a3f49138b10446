import Foundation

/// Finds narrative citations, "Dittmer (1994)" and "Rajan Menon notes", in
/// one pass of a passage and without ICU. Both patterns ran over every
/// passage of every document body that has a reference list (each run
/// bridged the passage to UTF-16), and byte prefilters ahead of them
/// scanned every passage again; together they were the largest part of
/// finding citations.
///
/// Spec: `TextPattern.allMatches` of `InTextCitationFinder.withYear` and
/// `withVerb`, with the same groups and UTF-16 ranges. The scanner classes
/// each scalar as those patterns see it (`\p{Lu}`, `\p{L}`, `\s`, `\d`, and
/// `\w` with ICU's rule for `\b`, which skips combining and format
/// characters); it returns nil, and the regex runs, when the text has a
/// scalar whose class it cannot be sure of: one Swift's tables leave
/// unassigned, and the two on which ICU's own definitions of `\s` differ
/// (U+000B, U+0085). Unit tests compare it with the regex.
enum CitationNarrativeScanner {
    typealias Match = (groups: [String?], range: NSRange)

    /// Both patterns' matches, or nil when the text is left to the regex.
    static func matches(in text: String) -> (withYear: [Match], withVerb: [Match])? {
        guard let t = ClassifiedText(text) else { return nil }
        return (scan(t, yearMatch), scan(t, verbMatch))
    }

    /// Leftmost matches that do not overlap, as ICU reports them: both
    /// patterns open with `\p{Lu}`, so only capitals can start one.
    private static func scan(_ t: ClassifiedText, _ matchAt: (ClassifiedText, Int) -> (Match, end: Int)?) -> [Match] {
        var out: [Match] = []
        var s = 0
        while s < t.count {
            if t.kinds[s] & Kind.upper != 0, let (m, end) = matchAt(t, s) {
                out.append(m)
                s = end
            } else {
                s += 1
            }
        }
        return out
    }

    // MARK: the patterns

    /// `(N(?:\s+(?:and|&)\s+N)?)\s+\((\d{4})([a-z]?)(?:\s*[:,]\s*(\d+(?:\s*[-–]\s*\d+)?))?\)` at `s`.
    private static func yearMatch(_ t: ClassifiedText, _ s: Int) -> (Match, end: Int)? {
        guard let first = t.nameEnd(s) else { return nil }
        let gap = t.spacesEnd(first)
        guard gap > first else { return nil }
        // With the second name first (the group is greedy), then without.
        if let joiner = t.joinerEnd(gap) {
            let second = t.spacesEnd(joiner)
            if second > joiner, let secondEnd = t.nameEnd(second) {
                let paren = t.spacesEnd(secondEnd)
                if paren > secondEnd, let tail = yearTail(t, paren) {
                    return (t.match(s..<tail.end, [s..<secondEnd, tail.year, tail.suffix, tail.locator]), tail.end)
                }
            }
        }
        guard let tail = yearTail(t, gap) else { return nil }
        return (t.match(s..<tail.end, [s..<first, tail.year, tail.suffix, tail.locator]), tail.end)
    }

    /// `\((\d{4})([a-z]?)(?:\s*[:,]\s*(\d+(?:\s*[-–]\s*\d+)?))?\)` at `i`.
    private static func yearTail(
        _ t: ClassifiedText, _ i: Int
    ) -> (year: Range<Int>, suffix: Range<Int>, locator: Range<Int>?, end: Int)? {
        guard t.value(i) == 0x28, i + 5 <= t.count else { return nil }
        for k in (i + 1)...(i + 4) where t.kinds[k] & Kind.digit == 0 { return nil }
        let year = (i + 1)..<(i + 5)
        // `[a-z]?`: a letter there must be taken (nothing after the year can take it).
        var j = i + 5
        if let c = t.value(j), c >= 0x61 && c <= 0x7A { j += 1 }
        let suffix = (i + 5)..<j
        if t.value(j) == 0x29 { return (year, suffix, nil, j + 1) }
        let mark = t.spacesEnd(j)
        guard let c = t.value(mark), c == 0x3A || c == 0x2C else { return nil }
        let start = t.spacesEnd(mark + 1)
        let firstEnd = t.digitsEnd(start)
        guard firstEnd > start else { return nil }
        if t.value(firstEnd) == 0x29 { return (year, suffix, start..<firstEnd, firstEnd + 1) }
        let dash = t.spacesEnd(firstEnd)
        guard let d = t.value(dash), d == 0x2D || d == 0x2013 else { return nil }
        let second = t.spacesEnd(dash + 1)
        let secondEnd = t.digitsEnd(second)
        guard secondEnd > second, t.value(secondEnd) == 0x29 else { return nil }
        return (year, suffix, start..<secondEnd, secondEnd + 1)
    }

    /// `((?:N\s+)?(N))\s+(?:verbs)\b` at `s`.
    private static func verbMatch(_ t: ClassifiedText, _ s: Int) -> (Match, end: Int)? {
        guard let first = t.nameEnd(s) else { return nil }
        let gap = t.spacesEnd(first)
        guard gap > first else { return nil }
        if let secondEnd = t.nameEnd(gap) {
            let verb = t.spacesEnd(secondEnd)
            if verb > secondEnd, let end = verbEnd(t, verb) {
                return (t.match(s..<end, [s..<secondEnd, gap..<secondEnd]), end)
            }
        }
        guard let end = verbEnd(t, gap) else { return nil }
        return (t.match(s..<end, [s..<first, s..<first]), end)
    }

    /// The reporting verbs as scalars, in the pattern's order.
    static let verbs: [[UInt32]] = InTextCitationFinder.reportingVerbs.map { $0.unicodeScalars.map(\.value) }

    /// The end of the first verb that is at `i` and followed by `\b`.
    private static func verbEnd(_ t: ClassifiedText, _ i: Int) -> Int? {
        guard let c = t.value(i), c >= 0x61 && c <= 0x7A else { return nil }
        for verb in verbs where verb[0] == c && i + verb.count <= t.count {
            var k = 1
            while k < verb.count && t.values[i + k] == verb[k] { k += 1 }
            if k == verb.count && t.isWordBoundaryAfterLetter(i + k) { return i + k }
        }
        return nil
    }

    // MARK: classes

    enum Kind {
        static let upper: UInt8 = 1
        static let letter: UInt8 = 2
        /// "'" and "-", which a name may hold besides letters.
        static let nameMark: UInt8 = 4
        static let space: UInt8 = 8
        static let digit: UInt8 = 16
        /// ICU's `\w`: `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d]`.
        static let word: UInt8 = 32
        /// Grapheme_Extend or a format character, which `\b` looks past.
        static let extendOrFormat: UInt8 = 64
    }

    /// The classes of the ASCII scalars; U+000B has none here (it is undecided).
    static let asciiKinds: [UInt8] = (0..<128).map { c -> UInt8 in
        switch c {
        case 0x41...0x5A: return Kind.upper | Kind.letter | Kind.word
        case 0x61...0x7A: return Kind.letter | Kind.word
        case 0x30...0x39: return Kind.digit | Kind.word
        case 0x5F: return Kind.word
        case 0x27, 0x2D: return Kind.nameMark
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20: return Kind.space
        default: return 0
        }
    }

    /// The classes of a scalar outside ASCII, or nil when it is undecided.
    static func kind(of scalar: Unicode.Scalar) -> UInt8? {
        let p = scalar.properties
        let category = p.generalCategory
        if category == .unassigned || scalar.value == 0x85 { return nil }
        var k: UInt8 = 0
        switch category {
        case .uppercaseLetter: k |= Kind.upper | Kind.letter
        case .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: k |= Kind.letter
        case .decimalNumber: k |= Kind.digit | Kind.word
        case .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: k |= Kind.word
        default: break
        }
        if p.isAlphabetic || scalar.value == 0x200C || scalar.value == 0x200D { k |= Kind.word }
        if p.isWhitespace { k |= Kind.space }
        if p.isGraphemeExtend || category == .format { k |= Kind.extendOrFormat }
        return k
    }

    /// A text as scalars: each one's value and classes, and for text that
    /// is not ASCII where each starts in UTF-8 and UTF-16.
    struct ClassifiedText {
        let text: String
        let values: [UInt32]
        let kinds: [UInt8]
        /// Nil for ASCII text, where both are the scalar index.
        let utf8Starts: [Int]?
        let utf16Starts: [Int]?
        var count: Int { values.count }

        init?(_ text: String) {
            self.text = text
            var copy = text
            let table = CitationNarrativeScanner.asciiKinds
            let decoded = copy.withUTF8 { b -> (values: [UInt32], kinds: [UInt8], utf8: [Int]?, utf16: [Int]?)? in
                var values: [UInt32] = []
                var kinds: [UInt8] = []
                values.reserveCapacity(b.count)
                kinds.reserveCapacity(b.count)
                var ascii = true
                for byte in b {
                    if byte >= 0x80 {
                        ascii = false
                        break
                    }
                    if byte == 0x0B { return nil }
                    values.append(UInt32(byte))
                    kinds.append(table[Int(byte)])
                }
                if ascii { return (values, kinds, nil, nil) }
                values.removeAll(keepingCapacity: true)
                kinds.removeAll(keepingCapacity: true)
                var utf8: [Int] = []
                var utf16: [Int] = []
                utf8.reserveCapacity(b.count + 1)
                utf16.reserveCapacity(b.count + 1)
                var i = 0
                var unit = 0
                while i < b.count {
                    let lead = b[i]
                    let width = ParenthesisScanner.scalarWidth(lead)
                    let kind: UInt8
                    let value: UInt32
                    if width == 1 {
                        if lead == 0x0B { return nil }
                        value = UInt32(lead)
                        kind = table[Int(lead)]
                    } else {
                        // Swift strings hold valid UTF-8.
                        var v = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                        for k in 1..<width { v = v << 6 | (UInt32(b[i + k]) & 0x3F) }
                        guard let scalar = Unicode.Scalar(v), let k = CitationNarrativeScanner.kind(of: scalar) else { return nil }
                        value = v
                        kind = k
                    }
                    values.append(value)
                    kinds.append(kind)
                    utf8.append(i)
                    utf16.append(unit)
                    unit += width == 4 ? 2 : 1
                    i += width
                }
                utf8.append(b.count)
                utf16.append(unit)
                return (values, kinds, utf8, utf16)
            }
            guard let decoded else { return nil }
            values = decoded.values
            kinds = decoded.kinds
            utf8Starts = decoded.utf8
            utf16Starts = decoded.utf16
        }

        func value(_ i: Int) -> UInt32? { i < values.count ? values[i] : nil }

        /// `\p{Lu}[\p{L}'\-]+` at `s`: where the name ends.
        func nameEnd(_ s: Int) -> Int? {
            guard s < count, kinds[s] & Kind.upper != 0 else { return nil }
            var i = s + 1
            while i < count && kinds[i] & (Kind.letter | Kind.nameMark) != 0 { i += 1 }
            return i > s + 1 ? i : nil
        }

        func spacesEnd(_ start: Int) -> Int {
            var i = start
            while i < count && kinds[i] & Kind.space != 0 { i += 1 }
            return i
        }

        func digitsEnd(_ start: Int) -> Int {
            var i = start
            while i < count && kinds[i] & Kind.digit != 0 { i += 1 }
            return i
        }

        /// `(?:and|&)` at `i`.
        func joinerEnd(_ i: Int) -> Int? {
            if value(i) == 0x61 && value(i + 1) == 0x6E && value(i + 2) == 0x64 { return i + 3 }
            return value(i) == 0x26 ? i + 1 : nil
        }

        /// ICU's `\b` at `i` when the scalar before it is an ASCII letter
        /// (a word character that is not combining): a boundary unless the
        /// scalar at `i` is a word character; none at all at a combining
        /// or format character, which belongs to the letter before it.
        func isWordBoundaryAfterLetter(_ i: Int) -> Bool {
            guard i < count else { return true }
            return kinds[i] & (Kind.word | Kind.extendOrFormat) == 0
        }

        func string(_ r: Range<Int>) -> String {
            let utf8 = text.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: utf8Starts?[r.lowerBound] ?? r.lowerBound)
            let upper = utf8.index(utf8.startIndex, offsetBy: utf8Starts?[r.upperBound] ?? r.upperBound)
            return String(Substring(utf8[lower..<upper]))
        }

        func match(_ whole: Range<Int>, _ groups: [Range<Int>?]) -> Match {
            let start = utf16Starts?[whole.lowerBound] ?? whole.lowerBound
            let end = utf16Starts?[whole.upperBound] ?? whole.upperBound
            return ([string(whole)] + groups.map { $0.map(string) }, NSRange(location: start, length: end - start))
        }
    }
}
