import Foundation

/// `trimmingCharacters(in: .whitespaces)` and `(in: .whitespacesAndNewlines)`
/// by scalars at either end, as Foundation trims, with ASCII decided without
/// consulting the `CharacterSet` (tab and space, plus line feed to carriage
/// return for the newline set): the finder trims every part of every
/// parenthesis and the parser every entry, and Foundation's trimming was a
/// visible share of both. Other scalars ask the same `CharacterSet`.
enum ScalarTrim {
    static func whitespace(_ s: String) -> String { trim(s, newlines: false) }

    static func whitespaceAndNewlines(_ s: String) -> String { trim(s, newlines: true) }

    private static func trim(_ s: String, newlines: Bool) -> String {
        let scalars = s.unicodeScalars
        func drop(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII { return c.value == 0x20 || c.value == 0x09 || (newlines && c.value >= 0x0A && c.value <= 0x0D) }
            return newlines ? CharacterSet.whitespacesAndNewlines.contains(c) : CharacterSet.whitespaces.contains(c)
        }
        var lo = scalars.startIndex
        var hi = scalars.endIndex
        while lo < hi && drop(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo && drop(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        if lo == scalars.startIndex && hi == scalars.endIndex { return s }
        return String(scalars[lo..<hi])
    }
}
