/// Reads "Family, I. (2009). Rest" without ICU: the parser tries this first
/// on every entry that has "(" and four digit-like bytes, and the regex
/// copied the whole entry out twice (groups 1 and 5).
///
/// Spec: the groups of `ReferenceParser.yearAfterNamesPattern`,
/// `^(.*?)([\s,.]*)\((\d{4})([a-z]?)\)[.,]?\s*(.*)$`, as
/// `TextPattern.firstMatch` gives them. Without line terminators (which `.`
/// does not take; text with one is left to the regex) the lazy group 1 ends
/// where the first "(" that opens "dddd)" or "dddda)" is preceded by its run
/// of spaces, commas and stops; group 2 is that run; after the ")" an
/// optional "." or ",", then spaces, and the rest is group 5. Scalars are
/// classed as `ScalarBytes` classes them (undecided where it
/// cannot be sure). Unit tests compare it with the regex.
enum ReferenceYearScanner {
    static func scan(_ text: String) -> CitationScanOutcome {
        var text = text
        return text.withUTF8 { b -> CitationScanOutcome in
            guard !hasLineTerminator(b) else { return .undecided }
            let t = ScalarBytes(b: b)
            do {
                guard let found = try firstYear(t) else { return .noMatch }
                return .match([
                    t.string(0..<b.count), t.string(0..<found.runStart), t.string(found.runStart..<found.paren),
                    t.string(found.year), t.string(found.suffix), t.string(found.rest..<b.count),
                ])
            } catch {
                return .undecided
            }
        }
    }

    private static func firstYear(
        _ t: ScalarBytes
    ) throws(ScalarBytes.Undecided) -> (runStart: Int, paren: Int, year: Range<Int>, suffix: Range<Int>, rest: Int)? {
        let b = t.b
        for p in 0..<b.count where b[p] == 0x28 {
            var j = p + 1
            var digits = 0
            while digits < 4, try t.has(j, ScalarBytes.Kind.digit) {
                j = t.next(j)
                digits += 1
            }
            guard digits == 4 else { continue }
            let year = (p + 1)..<j
            // `([a-z]?)\)`: a letter there must be taken (")" cannot take it).
            if let c = t.byte(j), c >= 0x61 && c <= 0x7A { j += 1 }
            let suffix = year.upperBound..<j
            guard t.byte(j) == 0x29 else { continue }
            // `[.,]?\s*`
            var rest = j + 1
            if let c = t.byte(rest), c == 0x2E || c == 0x2C { rest += 1 }
            rest = try t.spacesEnd(rest)
            // `([\s,.]*)` before the bracket, as long as it goes.
            var runStart = p
            while runStart > 0 {
                let q = t.previous(runStart)
                let space = try t.kind(at: q) & ScalarBytes.Kind.space != 0
                guard b[q] == 0x2C || b[q] == 0x2E || space else { break }
                runStart = q
            }
            return (runStart, p, year, suffix, rest)
        }
        return nil
    }

    /// U+000A to U+000D, U+0085, U+2028 and U+2029.
    static func hasLineTerminator(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<b.count {
            let c = b[i]
            if c >= 0x0A && c <= 0x0D { return true }
            if c == 0xC2 && i + 1 < b.count && b[i + 1] == 0x85 { return true }
            if c == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) { return true }
        }
        return false
    }
}
