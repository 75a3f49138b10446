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
    /// (ASCII digits) or word tokens whose lowercase is one of these: a
    /// number word but "one" (which never starts a figure, and dates a span
    /// only before a year in digits), or the tens part of "thirty-two"; a
    /// scale word, for "a thousand"; "year", "date" or "present" right after
    /// "last" or "this", "to", "at"; "currently", "today", "presently" or
    /// "now" as the first token. Only two non-ASCII scalars lowercase to
    /// anything holding ASCII: U+0130 (to "i" and U+0307, never all ASCII)
    /// and the Kelvin sign (to "k", in none of these words). So such a word
    /// token is made of ASCII letters alone, and since the tokenizer starts
    /// and ends a word only next to a non-letter, it is a maximal run of
    /// ASCII letters in the bytes. Two tokens in a row have only whitespace
    /// between them, and a first token only whitespace before it: bytes
    /// that are ASCII whitespace or non-ASCII (which may be whitespace, so
    /// counting them as such only lets more sentences through).
    static func mayHoldFigureOrDate(_ text: String) -> Bool {
        // Read once per sentence: each read of a static let is a `swift_once`
        // call on Linux, and reading the masks per word made those calls a
        // quarter of the gate's time.
        let anyInitials = anyInitials
        let numberInitials = numberInitials
        let firstInitials = firstInitials
        let followerInitials = followerInitials
        let longestTrigger = longestTrigger
        let packedNumberWords = packedNumberWords
        let packedFirstWords = packedFirstWords
        let packedPhrases = packedPhrases
        var text = text
        return text.withUTF8 { bytes -> Bool in
            let n = bytes.count
            var i = 0
            // Whether an ASCII byte that is not whitespace came before (so no later word is the first token).
            var pastFirst = false
            // The last run of letters, while only whitespace (or non-ASCII) followed it.
            var previous: Range<Int>?
            while i < n {
                let b = bytes[i]
                if b >= 0x30 && b <= 0x39 { return true }
                guard isLetter(b) else {
                    if b < 0x80 && !isASCIIWhitespace(b) {
                        pastFirst = true
                        previous = nil
                    }
                    i += 1
                    continue
                }
                var j = i + 1
                while j < n && isLetter(bytes[j]) { j += 1 }
                // Most words start with a letter no trigger starts with, or are
                // longer than any trigger: two integer tests spare them the
                // packing and the table comparisons.
                let initial = initialBit(b)
                if initial & anyInitials != 0 && j - i <= longestTrigger {
                    let word = IndicatorPackedWord(UnsafeBufferPointer(rebasing: bytes[i..<j]), lowering: true)
                    if initial & numberInitials != 0 && packedNumberWords.contains(word) { return true }
                    if !pastFirst && initial & firstInitials != 0 && packedFirstWords.contains(word) { return true }
                    if let previous, initial & followerInitials != 0, previous.count <= longestTrigger {
                        let lead = IndicatorPackedWord(UnsafeBufferPointer(rebasing: bytes[previous]), lowering: true)
                        for phrase in packedPhrases where phrase.lead == lead && phrase.follower == word {
                            return true
                        }
                    }
                }
                previous = i..<j
                pastFirst = true
                i = j
            }
            return false
        }
    }

    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// `SentenceTokens.isWhitespace` for ASCII.
    @inline(__always) private static func isASCIIWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    /// Words that can make a figure anywhere (see `mayHoldFigureOrDate`); all lowercase ASCII.
    static let numberWords: [String] = [
        "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "thousand", "million", "billion", "trillion",
    ]
    /// Words that date a sentence only as its first token.
    static let firstWords = ["currently", "today", "presently", "now"]
    /// Two-word dates: "last year", "this year", "to date", "at present".
    static let phrases: [(lead: [UInt8], follower: [UInt8])] = [
        ("last", "year"), ("this", "year"), ("to", "date"), ("at", "present"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Every word the gate looks for (for the tests).
    static var triggers: [String] {
        numberWords + firstWords
            + phrases.flatMap { [String(decoding: $0.lead, as: UTF8.self), String(decoding: $0.follower, as: UTF8.self)] }
    }

    /// Bit `letter - "a"` of a letter's lowercase (any ASCII letter).
    @inline(__always) private static func initialBit(_ letter: UInt8) -> UInt32 {
        1 << UInt32((letter | 0x20) &- 0x61)
    }

    /// The first letters of the number words, the first words and the second words of the phrases.
    private static let numberInitials = initials(numberWords.map { Array($0.utf8) })
    private static let firstInitials = initials(firstWords.map { Array($0.utf8) })
    private static let followerInitials = initials(phrases.map(\.follower))
    private static let anyInitials = numberInitials | firstInitials | followerInitials

    private static func initials(_ words: [[UInt8]]) -> UInt32 {
        words.reduce(0) { $0 | initialBit($1[0]) }
    }

    /// The trigger words packed (see `IndicatorPackedWord`): a word is compared
    /// with each in three integer tests, with no array retained per entry.
    private static let packedNumberWords = numberWords.map(IndicatorPackedWord.init)
    private static let packedFirstWords = firstWords.map(IndicatorPackedWord.init)
    private static let packedPhrases = phrases.map { phrase in
        (lead: IndicatorPackedWord(String(decoding: phrase.lead, as: UTF8.self)),
         follower: IndicatorPackedWord(String(decoding: phrase.follower, as: UTF8.self)))
    }
    /// The length of the longest trigger word (well under `IndicatorPackedWord.capacity`).
    private static let longestTrigger = triggers.map(\.utf8.count).max() ?? 0

    /// `PeriodResolver.inherits(text)`, without lowercasing the whole
    /// sentence.
    ///
    /// The connectives are ASCII without a "k", so (by the lowercasing facts
    /// above) a sentence whose lowercase starts with one starts with it in
    /// its bytes, up to ASCII case: a sentence matching none by bytes (most,
    /// turned away by their first byte) does not inherit. One that matches
    /// one and has an ASCII byte or nothing after it does: its lowercase
    /// starts with the connective's bytes and then an ASCII scalar, which
    /// joins no grapheme with the connective's last character (no connective
    /// holds a carriage return), so `hasPrefix` agrees. Only a match followed
    /// by a non-ASCII byte (a combining mark may follow) asks the full test.
    static func inherits(_ text: String) -> Bool {
        var text = text
        let match = text.withUTF8 { bytes -> ConnectiveMatch in
            guard let first = bytes.first, connectiveInitials & initialBit(first) != 0, isLetter(first) else {
                return .none
            }
            var result = ConnectiveMatch.none
            for c in connectiveBytes where c.count <= bytes.count {
                var equal = true
                for k in 0..<c.count where ASCIICase.lower(bytes[k]) != c[k] {
                    equal = false
                    break
                }
                guard equal else { continue }
                if c.count == bytes.count || bytes[c.count] < 0x80 { return .certain }
                result = .possible
            }
            return result
        }
        switch match {
        case .none: return false
        case .certain: return true
        case .possible: return PeriodResolver.inherits(text)
        }
    }

    /// What the bytes tell of a connective at a sentence's start.
    private enum ConnectiveMatch { case none, possible, certain }

    /// The first letters of the connectives (all lowercase ASCII letters).
    private static let connectiveInitials = initials(connectiveBytes)

    private static let connectiveBytes: [[UInt8]] = PeriodResolver.connectives.map { Array($0.utf8) }
}
