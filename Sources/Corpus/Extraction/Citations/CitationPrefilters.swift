/// Byte tests that rule out a regex match before ICU runs: each is a
/// necessary condition of its pattern (never a sufficient one), so a text
/// that fails it has no match and one that passes still goes to the regex.
/// `\d` and `\s` also take non-ASCII scalars, so any byte >= 0x80 counts as
/// possibly one of them.
enum CitationPrefilters {
    /// Whether `text` may hold four `\d` in a row (the year of a parenthetical citation).
    static func mayHaveFourDigits(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            var run = 0
            for b in bytes {
                if isPossibleDigit(b) {
                    run += 1
                    if run >= 4 { return true }
                } else {
                    run = 0
                }
            }
            return false
        }
    }

    /// Whether `text` may hold `\s\(\d{4}` (a narrative citation's " (1994").
    /// A non-ASCII digit or space is several bytes, all >= 0x80, so four
    /// digits are at least four bytes that are digits or >= 0x80.
    static func mayHaveSpaceParenthesisYear(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { s -> Bool in
            guard s.count >= 6 else { return false }
            for i in 1..<(s.count - 4) where s[i] == 0x28 && isPossibleSpace(s[i - 1]) {
                if isPossibleDigit(s[i + 1]) && isPossibleDigit(s[i + 2]) && isPossibleDigit(s[i + 3])
                    && isPossibleDigit(s[i + 4])
                {
                    return true
                }
            }
            return false
        }
    }

    /// Whether `text` may hold `\s(?:verb)` for one of `verbs` (ASCII words):
    /// a verb right after a byte that may end a whitespace scalar.
    /// `verbsByFirstLetter[k]` holds the verbs that open with the k-th letter a-z.
    static func mayHaveWordAfterSpace(_ text: String, _ verbsByFirstLetter: [[[UInt8]]]) -> Bool {
        var text = text
        return text.withUTF8 { s -> Bool in
            guard s.count >= 2 else { return false }
            for i in 1..<s.count where s[i] >= 0x61 && s[i] <= 0x7A && isPossibleSpace(s[i - 1]) {
                for verb in verbsByFirstLetter[Int(s[i] - 0x61)] where i + verb.count <= s.count {
                    var k = 1
                    while k < verb.count && s[i + k] == verb[k] { k += 1 }
                    if k == verb.count { return true }
                }
            }
            return false
        }
    }

    /// Whether `text` may hold `\s+at` (a space-like byte, then "at").
    static func mayHaveAtAfterSpace(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { s -> Bool in
            guard s.count >= 3 else { return false }
            for i in 1..<(s.count - 1) where s[i] == 0x61 && s[i + 1] == 0x74 && isPossibleSpace(s[i - 1]) { return true }
            return false
        }
    }

    @inline(__always) static func isPossibleDigit(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || b >= 0x80 }

    /// ASCII whitespace (what `\s` takes below 0x80: tab to carriage return, space) or a non-ASCII byte.
    @inline(__always) static func isPossibleSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) || b >= 0x80 }
}
