/// A string's UTF-8, read a scalar at a time and classed as a regular
/// expression sees it (`\p{Lu}`, `\p{L}`, `\s`, `\d`), for the reference
/// scanners that stand in for one of the parser's patterns. Where a scalar
/// cannot be classed for sure (one Swift's tables leave unassigned, or one
/// of the two on which ICU's own definitions of `\s` differ, U+000B and
/// U+0085) reading throws `Undecided` and the caller asks the regex.
struct ScalarBytes {
    let b: UnsafeBufferPointer<UInt8>

    enum Kind {
        static let upper: UInt8 = 1
        static let letter: UInt8 = 2
        /// "'" and "-", which a name may hold besides letters.
        static let nameMark: UInt8 = 4
        static let space: UInt8 = 8
        static let digit: UInt8 = 16
    }

    struct Undecided: Error {}

    @inline(__always) func byte(_ i: Int) -> UInt8? { i < b.count ? b[i] : nil }

    @inline(__always) func next(_ i: Int) -> Int { i + Self.scalarWidth(b[i]) }

    func previous(_ i: Int) -> Int {
        var j = i - 1
        while j > 0 && b[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    /// Bytes of the UTF-8 scalar that opens with `lead` (Swift strings hold valid UTF-8).
    @inline(__always) static func scalarWidth(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    func kind(at i: Int) throws(Undecided) -> UInt8 {
        let lead = b[i]
        if lead < 0x80 {
            if lead == 0x0B { throw Undecided() }
            return Self.asciiKind(lead)
        }
        let width = Self.scalarWidth(lead)
        var v = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for k in 1..<width { v = v << 6 | (UInt32(b[i + k]) & 0x3F) }
        guard let scalar = Unicode.Scalar(v), let k = Self.kind(of: scalar) else { throw Undecided() }
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

    func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }

    /// The classes of an ASCII scalar other than U+000B.
    @inline(__always) static func asciiKind(_ c: UInt8) -> UInt8 {
        if c >= 0x61 && c <= 0x7A { return Kind.letter }
        if c >= 0x41 && c <= 0x5A { return Kind.upper | Kind.letter }
        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D { return Kind.space }
        if c >= 0x30 && c <= 0x39 { return Kind.digit }
        return c == 0x27 || c == 0x2D ? Kind.nameMark : 0
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
        case .decimalNumber: k |= Kind.digit
        default: break
        }
        if p.isWhitespace { k |= Kind.space }
        return k
    }
}

/// What a scanner that stands in for one regex found.
enum CitationScanOutcome: Equatable {
    /// The groups, as `TextPattern.firstMatch` returns them.
    case match([String?])
    case noMatch
    /// A scalar the scanner does not class: ask the regex.
    case undecided

    /// The groups, asking the regex `pattern` when undecided.
    func groups(orRegex pattern: String, in text: String) -> [String?]? {
        switch self {
        case .match(let groups): return groups
        case .noMatch: return nil
        case .undecided: return TextPattern.firstMatch(pattern, in: text)
        }
    }
}
