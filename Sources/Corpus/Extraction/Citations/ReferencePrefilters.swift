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
}

extension ReferencePrefilters {
    /// The words of the treaty pattern `\b(?:Treaty|Joint Statement|Joint
    /// Declaration|Declaration|Convention)\b` (ignoring case), lowercased:
    /// "joint declaration" holds "declaration", so four cover all five.
    static let treatyWords: [[UInt8]] = ["treaty", "joint statement", "declaration", "convention"].map { Array($0.utf8) }

    /// Whether `s` may match the treaty pattern ignoring case: true for any
    /// text that is not ASCII (ICU folds case in full, so "ſ" or "ﬆ" may
    /// match ASCII letters), else whether one of `treatyWords` occurs with
    /// ASCII letters compared ignoring case. `finish` asks this of most
    /// titles, and the case-blind regex was its slowest pattern.
    static func mayNameTreaty(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b -> Bool in
            if b.contains(where: { $0 >= 0x80 }) { return true }
            return treatyWords.contains { word in containsIgnoringASCIICase(b, word) }
        }
    }

    /// Whether lowercase ASCII `word` occurs in `b` with each letter of `b` lowered.
    static func containsIgnoringASCIICase(_ b: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard b.count >= word.count else { return false }
        for i in 0...(b.count - word.count) {
            var k = 0
            while k < word.count && ASCIICase.lower(b[i + k]) == word[k] { k += 1 }
            if k == word.count { return true }
        }
        return false
    }
}

extension ReferencePrefilters {
    /// Whether `s` may match `\s+at\s*(?=[,.]|$)`: " at" after a byte that
    /// may end a `\s` scalar, followed (past ASCII blanks) by "," or ".", the
    /// end, or a byte that is not ASCII (a space of another script, or a
    /// line terminator `$` may stand before). Most entries' "at" is part of
    /// "at <address>", which this rules out.
    static func mayHaveTrailingAt(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b -> Bool in
            guard b.count >= 3 else { return false }
            for i in 1..<(b.count - 1) where b[i] == 0x61 && b[i + 1] == 0x74 && CitationPrefilters.isPossibleSpace(b[i - 1]) {
                var j = i + 2
                while j < b.count && (b[j] == 0x20 || (b[j] >= 0x09 && b[j] <= 0x0D)) { j += 1 }
                if j == b.count || b[j] == 0x2C || b[j] == 0x2E || b[j] >= 0x80 { return true }
            }
            return false
        }
    }
}
