/// Byte-level tests that let the extractor skip the tokenizer, the period
/// resolver and the figure scanner for the many sentences that can hold
/// neither a figure nor a date: tokenizing and resolving every sentence was
/// most of the indicator extractor's time, and most sentences have nothing.
///
/// Both tests are conservative: a `true` from `mayHoldFigureOrDate` only means
/// "run the full path", and `inherits` asks `PeriodResolver.inherits` whenever
/// its byte test cannot rule a connective out, so every answer is the one the
/// full path gives.
enum SentenceGate {
    /// False only when `PeriodResolver.mentions` and `FigureScanner.scan` both
    /// find nothing in `text`, whatever the document year.
    ///
    /// Why that holds: every mention and every figure needs a number token
    /// (ASCII digits) or a word token whose lowercase is one of `triggers`
    /// (number words but "one", which never starts a figure and dates a span
    /// only before a year in digits; scale words, for "a thousand"; the
    /// first part of "thirty-two"; "year", "date", "present" of "last year",
    /// "this year", "to date", "at present"; "currently", "today",
    /// "presently", "now"). Only two non-ASCII scalars lowercase to anything
    /// holding ASCII: U+0130 (to "i" and U+0307, never all ASCII) and the
    /// Kelvin sign (to "k", in no trigger). So such a word token is made of
    /// ASCII letters alone, and since the tokenizer starts and ends a word
    /// only next to a non-letter, it is a maximal run of ASCII letters in the
    /// bytes, which this scan tests against `triggers` case-insensitively.
    static func mayHoldFigureOrDate(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                if b >= 0x30 && b <= 0x39 { return true }
                guard isLetter(b) else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < n && isLetter(bytes[j]) { j += 1 }
                if isTrigger(UnsafeBufferPointer(rebasing: bytes[i..<j])) { return true }
                i = j
            }
            return false
        }
    }

    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// See `mayHoldFigureOrDate`; all lowercase ASCII.
    static let triggers: [String] = [
        "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "thousand", "million", "billion", "trillion",
        "year", "date", "present", "currently", "today", "presently", "now",
    ]

    /// `triggers` as bytes, bucketed by length, so a word is compared only
    /// with the few triggers of its length.
    private static let byLength: [[[UInt8]]] = {
        var buckets = [[[UInt8]]](repeating: [], count: 10)
        for word in triggers { buckets[word.utf8.count].append(Array(word.utf8)) }
        return buckets
    }()

    private static func isTrigger(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count < byLength.count else { return false }
        for candidate in byLength[word.count] {
            var k = 0
            while k < word.count && ASCIICase.lower(word[k]) == candidate[k] { k += 1 }
            if k == word.count { return true }
        }
        return false
    }

    /// `PeriodResolver.inherits(text)`, without lowercasing the whole
    /// sentence when no connective can open it.
    ///
    /// The connectives are ASCII without a "k", so (by the lowercasing facts
    /// above) a sentence whose lowercase starts with one starts with it in
    /// its bytes, up to ASCII case; only those ask the full test.
    static func inherits(_ text: String) -> Bool {
        var text = text
        let candidate = text.withUTF8 { bytes -> Bool in
            connectiveBytes.contains { c in
                c.count <= bytes.count && c.indices.allSatisfy { ASCIICase.lower(bytes[$0]) == c[$0] }
            }
        }
        return candidate && PeriodResolver.inherits(text)
    }

    private static let connectiveBytes: [[UInt8]] = PeriodResolver.connectives.map { Array($0.utf8) }
}
