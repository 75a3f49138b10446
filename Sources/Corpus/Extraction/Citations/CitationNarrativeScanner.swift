import Foundation

/// Finds narrative citations, "Dittmer (1994)" and "Rajan Menon notes",
/// without ICU. Both patterns ran over every passage of every document body
/// that has a reference list (each run bridged the passage to UTF-16), and
/// byte prefilters ahead of them scanned every passage again; together they
/// were the largest part of finding citations.
///
/// Spec: `TextPattern.allMatches` of `InTextCitationFinder.withYear` and
/// `withVerb`, with the same groups and UTF-16 ranges. One byte pass finds
/// where a match could end: a "(" with four digit-like bytes after a
/// space-like byte, or a reporting verb after one. A match is made of
/// names, spaces (and "&" before a year) up to there, so it lies in the run
/// of such scalars before that point: only that run is read scalar by
/// scalar, trying a match at each capital from its start, as ICU tries
/// every position from the left. The scalars are classed as the patterns
/// see them (`\p{Lu}`, `\p{L}`, `\s`, `\d`, and `\w` with ICU's rule for
/// `\b`, which looks past combining and format characters); where one
/// cannot be classed for sure (one Swift's tables leave unassigned, or one
/// of the two on which ICU's own definitions of `\s` differ, U+000B and
/// U+0085) the scanner gives up and the regex runs. Unit tests compare it
/// with the regex.
enum CitationNarrativeScanner {
    typealias Match = (groups: [String?], range: NSRange)

    /// Both patterns' matches, or nil when the text is left to the regex.
    static func matches(in text: String) -> (withYear: [Match], withVerb: [Match])? {
        var text = text
        return text.withUTF8 { b -> (withYear: [Match], withVerb: [Match])? in
            let t = ScalarBytes(b: b)
            let (years, verbs) = anchors(b)
            do {
                return (try yearMatches(t, years), try verbMatches(t, verbs))
            } catch {
                return nil
            }
        }
    }

    // MARK: where matches may be

    /// Where a match could end, in one pass: a "(" before four digit-like
    /// bytes, and a reporting verb, each right after a space-like byte
    /// (ASCII whitespace or the last byte of another scalar). Each position
    /// is tested by table lookups without a branch (`spaceLike` of the byte
    /// before, `anchorPairs` of the byte and the next); the few that pass
    /// are checked in full. Testing byte by byte mispredicted a branch at
    /// every space.
    private static func anchors(_ b: UnsafeBufferPointer<UInt8>) -> (years: [Int], verbs: [Int]) {
        var years: [Int] = []
        var verbs: [Int] = []
        guard b.count >= 3 else { return (years, verbs) }
        let t = ScalarBytes(b: b)
        anchorPairs.withUnsafeBufferPointer { pairs in
            spaceLike.withUnsafeBufferPointer { space in
                for i in 1..<(b.count - 1) {
                    let key = Int(b[i]) << 8 | Int(b[i + 1])
                    let pair = pairs[key >> 6] >> UInt64(key & 63)
                    guard UInt64(space[Int(b[i - 1])]) & pair & 1 != 0 else { continue }
                    if b[i] == 0x28 {
                        if i + 4 < b.count, isPossibleDigit(b[i + 1]), isPossibleDigit(b[i + 2]), isPossibleDigit(b[i + 3]),
                            isPossibleDigit(b[i + 4])
                        {
                            years.append(i)
                        }
                    } else if verbLiteralEnd(t, i) != nil {
                        verbs.append(i)
                    }
                }
            }
        }
        return (years, verbs)
    }

    /// Bit `first << 8 | second` is set when those two bytes may open an
    /// anchor: "(" and a digit-like byte, or a verb's first two letters.
    static let anchorPairs: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        func set(_ first: Int, _ second: Int) {
            let key = first << 8 | second
            bits[key >> 6] |= 1 << UInt64(key & 63)
        }
        for second in 0...255 where CitationPrefilters.isPossibleDigit(UInt8(second)) { set(0x28, second) }
        for verb in InTextCitationFinder.reportingVerbs {
            let bytes = Array(verb.utf8)
            set(Int(bytes[0]), Int(bytes[1]))
        }
        return bits
    }()

    /// 1 for a byte that may end a `\s` scalar (`isPossibleSpace`), else 0.
    static let spaceLike: [UInt8] = (0...255).map { CitationPrefilters.isPossibleSpace(UInt8($0)) ? 1 : 0 }

    private static func yearMatches(_ t: ScalarBytes, _ anchors: [Int]) throws(Undecided) -> [Match] {
        let b = t.b
        var out: [Match] = []
        var units = UnitCursor()
        var previousEnd = 0
        for i in anchors where i >= previousEnd {
            // The names, spaces and "&" (and "and") before the bracket.
            var start = i
            while start > previousEnd {
                let p = t.previous(start)
                guard try t.kind(at: p) & (Kind.letter | Kind.nameMark | Kind.space) != 0 || b[p] == 0x26 else { break }
                start = p
            }
            var s = start
            while s < i {
                if let (groups, end) = try yearMatch(t, s) {
                    out.append(t.match(s..<end, groups, &units))
                    previousEnd = end
                    break
                }
                s = t.next(s)
            }
        }
        return out
    }

    private static func verbMatches(_ t: ScalarBytes, _ anchors: [Int]) throws(Undecided) -> [Match] {
        let b = t.b
        var out: [Match] = []
        var units = UnitCursor()
        var previousEnd = 0
        var scanned = 0
        for i in anchors where i >= scanned {
            // The run of name and space scalars around the verb holds every match that may use it.
            var start = i
            while start > previousEnd {
                let p = t.previous(start)
                guard try t.kind(at: p) & (Kind.letter | Kind.nameMark | Kind.space) != 0 else { break }
                start = p
            }
            var end = i
            while end < b.count, try t.kind(at: end) & (Kind.letter | Kind.nameMark | Kind.space) != 0 { end = t.next(end) }
            var s = start
            while s < end {
                if let (groups, matchEnd) = try verbMatch(t, s) {
                    out.append(t.match(s..<matchEnd, groups, &units))
                    previousEnd = matchEnd
                    s = matchEnd
                } else {
                    s = t.next(s)
                }
            }
            scanned = end
        }
        return out
    }

    // MARK: the patterns

    /// `(N(?:\s+(?:and|&)\s+N)?)\s+\((\d{4})([a-z]?)(?:\s*[:,]\s*(\d+(?:\s*[-–]\s*\d+)?))?\)` at `s`.
    private static func yearMatch(_ t: ScalarBytes, _ s: Int) throws(Undecided) -> ([Range<Int>?], end: Int)? {
        guard let first = try t.nameEnd(s) else { return nil }
        let gap = try t.spacesEnd(first)
        guard gap > first else { return nil }
        // With the second name first (the group is greedy), then without.
        if let joiner = t.joinerEnd(gap) {
            let second = try t.spacesEnd(joiner)
            if second > joiner, let secondEnd = try t.nameEnd(second) {
                let paren = try t.spacesEnd(secondEnd)
                if paren > secondEnd, let tail = try yearTail(t, paren) {
                    return ([s..<secondEnd, tail.year, tail.suffix, tail.locator], tail.end)
                }
            }
        }
        guard let tail = try yearTail(t, gap) else { return nil }
        return ([s..<first, tail.year, tail.suffix, tail.locator], tail.end)
    }

    /// `\((\d{4})([a-z]?)(?:\s*[:,]\s*(\d+(?:\s*[-–]\s*\d+)?))?\)` at `i`.
    private static func yearTail(
        _ t: ScalarBytes, _ i: Int
    ) throws(Undecided) -> (year: Range<Int>, suffix: Range<Int>, locator: Range<Int>?, end: Int)? {
        guard t.byte(i) == 0x28 else { return nil }
        var j = i + 1
        for _ in 0..<4 {
            guard try t.has(j, Kind.digit) else { return nil }
            j = t.next(j)
        }
        let year = (i + 1)..<j
        // `[a-z]?`: a letter there must be taken (nothing after the year can take it).
        let yearEnd = j
        if let c = t.byte(j), c >= 0x61 && c <= 0x7A { j += 1 }
        let suffix = yearEnd..<j
        if t.byte(j) == 0x29 { return (year, suffix, nil, j + 1) }
        let mark = try t.spacesEnd(j)
        guard let c = t.byte(mark), c == 0x3A || c == 0x2C else { return nil }
        let start = try t.spacesEnd(mark + 1)
        let firstEnd = try t.digitsEnd(start)
        guard firstEnd > start else { return nil }
        if t.byte(firstEnd) == 0x29 { return (year, suffix, start..<firstEnd, firstEnd + 1) }
        let dash = try t.spacesEnd(firstEnd)
        let afterDash: Int
        if t.byte(dash) == 0x2D {
            afterDash = dash + 1
        } else if t.isEnDash(dash) {
            afterDash = dash + 3
        } else {
            return nil
        }
        let second = try t.spacesEnd(afterDash)
        let secondEnd = try t.digitsEnd(second)
        guard secondEnd > second, t.byte(secondEnd) == 0x29 else { return nil }
        return (year, suffix, start..<secondEnd, secondEnd + 1)
    }

    /// `((?:N\s+)?(N))\s+(?:verbs)\b` at `s`.
    private static func verbMatch(_ t: ScalarBytes, _ s: Int) throws(Undecided) -> ([Range<Int>?], end: Int)? {
        guard let first = try t.nameEnd(s) else { return nil }
        let gap = try t.spacesEnd(first)
        guard gap > first else { return nil }
        if let secondEnd = try t.nameEnd(gap) {
            let verb = try t.spacesEnd(secondEnd)
            if verb > secondEnd, let end = try verbEnd(t, verb) { return ([s..<secondEnd, gap..<secondEnd], end) }
        }
        guard let end = try verbEnd(t, gap) else { return nil }
        return ([s..<first, s..<first], end)
    }

    /// The end of the first verb at `i` (in the pattern's order) that `\b` follows.
    private static func verbEnd(_ t: ScalarBytes, _ i: Int) throws(Undecided) -> Int? {
        guard let c = t.byte(i), c >= 0x61 && c <= 0x7A else { return nil }
        for verb in InTextCitationFinder.verbsByFirstLetter[Int(c - 0x61)] where t.hasLiteral(verb, at: i) {
            if try t.isWordBoundaryAfterLetter(i + verb.count) { return i + verb.count }
        }
        return nil
    }

    /// Where the first verb spelled at `i` ends, whatever follows it. Every
    /// verb has four letters or more: its first four bytes as one number
    /// rule out most words before any verb is compared.
    private static func verbLiteralEnd(_ t: ScalarBytes, _ i: Int) -> Int? {
        let b = t.b
        guard i + 4 <= b.count else { return nil }
        let head = UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
        guard CitationPrefilters.verbPrefixes.contains(head) else { return nil }
        for verb in InTextCitationFinder.verbsByFirstLetter[Int(b[i] - 0x61)] where t.hasLiteral(verb, at: i) {
            return i + verb.count
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

    struct Undecided: Error {}

    /// The classes of an ASCII scalar other than U+000B.
    @inline(__always) static func asciiKind(_ c: UInt8) -> UInt8 {
        if c >= 0x61 && c <= 0x7A { return Kind.letter | Kind.word }
        if c >= 0x41 && c <= 0x5A { return Kind.upper | Kind.letter | Kind.word }
        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D { return Kind.space }
        if c >= 0x30 && c <= 0x39 { return Kind.digit | Kind.word }
        if c == 0x27 || c == 0x2D { return Kind.nameMark }
        return c == 0x5F ? Kind.word : 0
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

    /// The last byte of a `\s` scalar is ASCII whitespace or not ASCII.
    @inline(__always) static func isPossibleSpace(_ c: UInt8) -> Bool { CitationPrefilters.isPossibleSpace(c) }

    /// The first byte of a `\d` scalar is an ASCII digit or not ASCII.
    @inline(__always) static func isPossibleDigit(_ c: UInt8) -> Bool { CitationPrefilters.isPossibleDigit(c) }

    /// UTF-16 offsets of byte offsets, counted forward (matches come in order).
    struct UnitCursor {
        var byte = 0
        var unit = 0

        mutating func units(at offset: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
            while byte < offset {
                let lead = b[byte]
                if lead & 0xC0 != 0x80 { unit += lead >= 0xF0 ? 2 : 1 }
                byte += 1
            }
            return unit
        }
    }

    /// A passage's UTF-8, read a scalar at a time where it matters.
    struct ScalarBytes {
        let b: UnsafeBufferPointer<UInt8>

        @inline(__always) func byte(_ i: Int) -> UInt8? { i < b.count ? b[i] : nil }

        @inline(__always) func next(_ i: Int) -> Int { i + ParenthesisScanner.scalarWidth(b[i]) }

        func previous(_ i: Int) -> Int {
            var j = i - 1
            while j > 0 && b[j] & 0xC0 == 0x80 { j -= 1 }
            return j
        }

        func kind(at i: Int) throws(Undecided) -> UInt8 {
            let lead = b[i]
            if lead < 0x80 {
                if lead == 0x0B { throw Undecided() }
                return CitationNarrativeScanner.asciiKind(lead)
            }
            // Swift strings hold valid UTF-8.
            let width = ParenthesisScanner.scalarWidth(lead)
            var v = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
            for k in 1..<width { v = v << 6 | (UInt32(b[i + k]) & 0x3F) }
            guard let scalar = Unicode.Scalar(v), let k = CitationNarrativeScanner.kind(of: scalar) else { throw Undecided() }
            return k
        }

        @inline(__always) func has(_ i: Int, _ mask: UInt8) throws(Undecided) -> Bool {
            guard i < b.count else { return false }
            return try kind(at: i) & mask != 0
        }

        /// `\p{Lu}[\p{L}'\-]+` at `s`: where the name ends.
        func nameEnd(_ s: Int) throws(Undecided) -> Int? {
            guard try has(s, Kind.upper) else { return nil }
            let first = next(s)
            var i = first
            while try has(i, Kind.letter | Kind.nameMark) { i = next(i) }
            return i > first ? i : nil
        }

        func spacesEnd(_ start: Int) throws(Undecided) -> Int {
            var i = start
            while try has(i, Kind.space) { i = next(i) }
            return i
        }

        func digitsEnd(_ start: Int) throws(Undecided) -> Int {
            var i = start
            while try has(i, Kind.digit) { i = next(i) }
            return i
        }

        /// `(?:and|&)` at `i`.
        func joinerEnd(_ i: Int) -> Int? {
            if byte(i) == 0x61 && byte(i + 1) == 0x6E && byte(i + 2) == 0x64 { return i + 3 }
            return byte(i) == 0x26 ? i + 1 : nil
        }

        func isEnDash(_ i: Int) -> Bool { byte(i) == 0xE2 && byte(i + 1) == 0x80 && byte(i + 2) == 0x93 }

        func hasLiteral(_ literal: [UInt8], at i: Int) -> Bool {
            guard i + literal.count <= b.count else { return false }
            for k in 0..<literal.count where b[i + k] != literal[k] { return false }
            return true
        }

        /// ICU's `\b` at `i` when the scalar before it is an ASCII letter
        /// (a word character that is not combining): a boundary unless the
        /// scalar at `i` is a word character; none at all at a combining
        /// or format character, which belongs to the letter before it.
        func isWordBoundaryAfterLetter(_ i: Int) throws(Undecided) -> Bool {
            guard i < b.count else { return true }
            return try kind(at: i) & (Kind.word | Kind.extendOrFormat) == 0
        }

        func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }

        func match(_ whole: Range<Int>, _ groups: [Range<Int>?], _ units: inout UnitCursor) -> Match {
            let start = units.units(at: whole.lowerBound, in: b)
            let end = units.units(at: whole.upperBound, in: b)
            return ([string(whole)] + groups.map { $0.map(string) }, NSRange(location: start, length: end - start))
        }
    }
}
