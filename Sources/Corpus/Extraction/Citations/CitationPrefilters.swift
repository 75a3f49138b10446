/// Byte tests that rule out a regex match before ICU runs: each is a
/// necessary condition of its pattern (never a sufficient one), so a text
/// that fails it has no match and one that passes still goes to the regex.
/// `\d` and `\s` also take non-ASCII scalars, so any byte >= 0x80 counts as
/// possibly one of them. The narrative patterns of `InTextCitationFinder`
/// run over every passage of a body with a reference list: without their
/// two tests here a 1,000-article load spent about a second more CPU in ICU.
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
                if (1...4).allSatisfy({ isPossibleDigit(s[i + $0]) }) { return true }
            }
            return false
        }
    }

    /// Whether `text` may hold a signal phrase (`InTextCitationFinder.withVerb`):
    /// a reporting verb right after a byte that may end a whitespace scalar,
    /// and before that what may end a name.
    static func maySignalPhrase(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { s -> Bool in
            for i in 1..<max(1, s.count) where s[i] >= 0x61 && s[i] <= 0x7A && isPossibleSpace(s[i - 1]) {
                for verb in verbsByFirstLetter[Int(s[i] - 0x61)] where i + verb.count <= s.count {
                    if s[i..<(i + verb.count)].elementsEqual(verb) && mayEndName(s, before: i) { return true }
                }
            }
            return false
        }
    }

    /// The reporting verbs' UTF-8 by first letter (a-z).
    static let verbsByFirstLetter: [[[UInt8]]] = (0..<26).map { letter in
        Lexicon.citationReportingVerbs.map { Array($0.utf8) }.filter { $0[0] == 0x61 + UInt8(letter) }
    }

    /// Whether a `\p{Lu}[\p{L}'\-]+` may end just before the whitespace that
    /// precedes `i`: walking back over ASCII whitespace, the run of letters,
    /// "'" and "-" there must hold an ASCII capital that is not its last byte,
    /// or any non-ASCII byte (which may be a capital, a letter or a space).
    /// "he notes" and "the report states" fail; "Menon notes" passes.
    static func mayEndName(_ s: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        var j = i - 1
        while j >= 0 && s[j] < 0x80 && isPossibleSpace(s[j]) { j -= 1 }
        guard j >= 0 else { return false }
        var k = j
        while k >= 0 {
            let b = s[k]
            if b >= 0x80 { return true }
            let upper = b >= 0x41 && b <= 0x5A
            guard upper || (b >= 0x61 && b <= 0x7A) || b == 0x27 || b == 0x2D else { return false }
            if upper && k < j { return true }
            k -= 1
        }
        return false
    }

    /// Whether `text` ends like `\d\.?\s*$`: after trailing ASCII whitespace
    /// and one ".", a byte that may be a digit (any non-ASCII byte may be a
    /// digit or a space, so it passes).
    static func mayEndWithNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { s -> Bool in
            var i = s.count - 1
            while i >= 0 && s[i] < 0x80 && isPossibleSpace(s[i]) { i -= 1 }
            guard i >= 0 else { return false }
            if s[i] >= 0x80 { return true }
            if s[i] == 0x2E { i -= 1 }
            return i >= 0 && isPossibleDigit(s[i])
        }
    }

    /// Whether every ASCII byte of `text` is a letter, whitespace, "." or ","
    /// (the only ASCII the publisher patterns `^[\s,.]*…[\p{L} ]…\.?\s*$` take).
    static func isLettersSpacesAndStops(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { s -> Bool in
            for b in s where b < 0x80 {
                let ok = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x20 || (b >= 0x09 && b <= 0x0D)
                    || b == 0x2E || b == 0x2C
                if !ok { return false }
            }
            return true
        }
    }

    /// `s.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " & ") }`,
    /// calling Foundation only when a separator is there (else the result is `[s]`).
    static func splitNames(_ s: String) -> [String] {
        guard ByteSearch.contains(s, " and ") || ByteSearch.contains(s, " & ") else { return [s] }
        return s.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " & ") }
    }

    @inline(__always) static func isPossibleDigit(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || b >= 0x80 }

    /// ASCII whitespace (what `\s` takes below 0x80: tab to carriage return, space) or a non-ASCII byte.
    @inline(__always) static func isPossibleSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) || b >= 0x80 }
}
