/// Byte and first-scalar tests the reference parser makes before a regex:
/// each is a necessary condition of its pattern (a literal it must match, or
/// the scalar an anchored pattern must open with), so skipping the regex when
/// one fails changes no result. Most entries lack most of the literals, and
/// each ICU call bridges the entry to UTF-16 first.
enum ReferencePrefilters {
    /// Whether the first scalar is one of `scalars` (for `^[-*•]`, `^\*`).
    static func startsWith(_ s: String, oneOf scalars: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        return scalars.unicodeScalars.contains(first)
    }

    /// Whether the first scalar is `\p{Lu}` (an uppercase letter).
    static func startsUppercase(_ s: String) -> Bool {
        s.unicodeScalars.first?.properties.generalCategory == .uppercaseLetter
    }

    /// Whether `s` may hold `\(\d{4}`: "(" then four bytes that are ASCII
    /// digits or non-ASCII (a non-ASCII `\d` is several such bytes).
    static func mayHaveParenthesisYear(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b -> Bool in
            guard b.count >= 5 else { return false }
            for i in 0..<(b.count - 4) where b[i] == 0x28 {
                if CitationPrefilters.isPossibleDigit(b[i + 1]) && CitationPrefilters.isPossibleDigit(b[i + 2])
                    && CitationPrefilters.isPossibleDigit(b[i + 3]) && CitationPrefilters.isPossibleDigit(b[i + 4])
                {
                    return true
                }
            }
            return false
        }
    }
}
