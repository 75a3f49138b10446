/// A sentence cut into words, numbers and punctuation, with scalar offsets, so
/// the figure scanner and the period resolver can look a few words either side
/// of a number without regular expressions.
struct SentenceTokens: Sendable {
    struct Token: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case number, word, punct }
        var text: String
        var lower: String
        var kind: Kind
        var start: Int
        var end: Int
        /// The value of a digit token ("10,000" → 10000).
        var number: Double?
    }

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// Token ranges, each a pair of parentheses with what is inside, that read
    /// as a citation or a code list ("(Li Hui, 2017)", "(Projects 877EKM, 636
    /// and 636M)"): never figures or dates. Kept as ranges: a set of every
    /// muted index cost an insertion per token and a hash per question, and
    /// the scanners ask of every token.
    let mutedRanges: [ClosedRange<Int>]

    /// Every muted token index.
    var muted: Set<Int> { Set(mutedRanges.joined()) }
    /// Whether the sentence is all ASCII: then a scalar offset is a UTF-8
    /// offset and lowercasing maps byte to byte, so the extractor can cut
    /// lowercase pieces out of the lowercased sentence instead of
    /// lowercasing each piece.
    let isASCII: Bool
    /// The sentence lowercased once, for tokens and pieces outside ASCII.
    let lowered: IndicatorLoweredScalars

    init(_ text: String) {
        // One pass: `Array(text.unicodeScalars)` counted the scalars first (a second walk).
        let scalars = Self.scalars(of: text)
        self.scalars = scalars
        // One scalar per byte only when every scalar is ASCII.
        isASCII = scalars.count == text.utf8.count
        lowered = IndicatorLoweredScalars(scalars, isASCII: isASCII)
        tokens = Self.tokenize(scalars, lowered)
        mutedRanges = Self.mutedTokens(tokens)
    }

    /// `Array(text.unicodeScalars)`. An ASCII text (most sentences), found
    /// so by one pass over its bytes, has a scalar per byte and is widened
    /// byte by byte; others are decoded. One pass either way:
    /// `Array(text.unicodeScalars)` counted the scalars first.
    private static func scalars(of text: String) -> [Unicode.Scalar] {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar]? in
            var high: UInt8 = 0
            for b in bytes { high |= b }
            guard high < 0x80 else { return nil }
            return [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
                for k in 0..<bytes.count { out[k] = Unicode.Scalar(bytes[k]) }
                count = bytes.count
            }
        }
        if let ascii = ascii ?? nil { return ascii }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { scalars.append(s) }
        return scalars
    }

    subscript(_ i: Int) -> Token? { tokens.indices.contains(i) ? tokens[i] : nil }

    /// Token `i`'s lowercase, or "" outside the sentence. Reads the one field
    /// (going through `self[i]` copied the whole token, two strings and all).
    func lower(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].lower : "" }

    /// The cleaned text of scalars `[from, to)`.
    func text(_ from: Int, _ to: Int) -> String {
        let a = max(0, min(from, scalars.count))
        let b = max(a, min(to, scalars.count))
        return String(scalars: scalars[a..<b])
    }

    /// Whether the words starting at token `i` are `phrase` (lowercased, space separated).
    ///
    /// Walks the phrase's bytes rather than splitting it: the period resolver
    /// asks this of every token for several phrases, and the splitting
    /// allocations were a tenth of the load. Phrases are ASCII, so comparing
    /// bytes answers as the `String` comparison did.
    func matches(_ phrase: String, at i: Int) -> Bool {
        // Both sides as contiguous UTF-8 (no generic `elementsEqual` over views).
        var phrase = phrase
        return phrase.withUTF8 { p -> Bool in
            var k = i
            var index = 0
            while true {
                while index < p.count && p[index] == 0x20 { index += 1 }
                if index == p.count { return true }
                let wordStart = index
                while index < p.count && p[index] != 0x20 { index += 1 }
                guard tokens.indices.contains(k) else { return false }
                var lower = tokens[k].lower
                let equal = lower.withUTF8 { w -> Bool in
                    guard w.count == index - wordStart else { return false }
                    for n in 0..<w.count where w[n] != p[wordStart + n] { return false }
                    return true
                }
                guard equal else { return false }
                k += 1
            }
        }
    }

    /// Whether token `i` is muted (a sentence has few muted ranges, most none).
    @inline(__always) func isMuted(_ i: Int) -> Bool {
        for range in mutedRanges where range.contains(i) { return true }
        return false
    }

    /// Whether the words ending just before token `i` are `phrase`.
    func matches(_ phrase: String, before i: Int) -> Bool {
        let n = Self.wordCount(phrase)
        return i - n >= 0 && matches(phrase, at: i - n)
    }

    /// Space-separated words in `phrase`.
    private static func wordCount(_ phrase: String) -> Int {
        var n = 0
        var inWord = false
        for byte in phrase.utf8 {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                n += 1
            }
        }
        return n
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// ASCII answered without the Unicode property tables, which the
    /// tokenizer consulted for every scalar of every sentence.
    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return s.properties.isAlphabetic || isDigit(s)
    }

    /// Unicode White_Space; in ASCII that is tab through carriage return, and space.
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) }
        return s.properties.isWhitespace
    }

    private static func tokenize(_ s: [Unicode.Scalar], _ lowered: IndicatorLoweredScalars) -> [Token] {
        var tokens: [Token] = []
        // About one token per five scalars in prose: reserved so the array
        // rarely grows (each growth copied every token made so far).
        tokens.reserveCapacity(s.count / 4 + 4)
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            if isWhitespace(c) {
                i += 1
                continue
            }
            guard isAlnum(c) else {
                tokens.append(make(s, lowered, i, i + 1, .punct))
                i += 1
                continue
            }
            var j = i + 1
            // Whether every scalar so far is a digit, "." or ",": tracked as
            // the token grows rather than read again after it.
            var digitsOnly = isDigit(c)
            while j < n {
                let d = s[j]
                if isAlnum(d) {
                    if digitsOnly && !isDigit(d) { digitsOnly = false }
                    j += 1
                    continue
                }
                let next = j + 1 < n ? s[j + 1] : " "
                if (d == "-" || d == "'" || d == "’") && isAlnum(next) {
                    digitsOnly = false
                    j += 1
                    continue
                }
                // "84.07", and "10,000" (a comma followed by exactly three digits).
                if d == "." && isDigit(s[j - 1]) && isDigit(next) {
                    j += 1
                    continue
                }
                // The three digits are read only after a comma that follows a digit.
                if d == "," && isDigit(s[j - 1]) && (1...3).allSatisfy({ j + $0 < n && isDigit(s[j + $0]) })
                    && (j + 4 >= n || !isDigit(s[j + 4]))
                {
                    j += 1
                    continue
                }
                break
            }
            tokens.append(make(s, lowered, i, j, digitsOnly ? .number : .word))
            i = j
        }
        return tokens
    }

    private static func make(
        _ s: [Unicode.Scalar], _ lowered: IndicatorLoweredScalars, _ a: Int, _ b: Int, _ kind: Token.Kind
    ) -> Token {
        // An ASCII sentence's scalars are its bytes: one pass, no width count.
        let text = lowered.isASCII
            ? String(unsafeUninitializedCapacity: b - a) { buffer in
                for k in a..<b { buffer[k - a] = UInt8(truncatingIfNeeded: s[k].value) }
                return b - a
            }
            : String(scalars: s[a..<b])
        // A number token holds only digits, "." and ",": dropping the commas
        // by hand is what `replacingOccurrences` did, without Foundation.
        let number = kind == .number ? Double(text.utf8.contains(0x2C) ? text.filter { $0 != "," } : text) : nil
        return Token(text: text, lower: lower(text, s, lowered, a, b), kind: number == nil && kind == .number ? .word : kind,
            start: a, end: b, number: number)
    }

    /// `text.lowercased()` for `text`, the scalars `s[a..<b]`: an ASCII token
    /// with no capital is its own lowercase (sharing its storage), an ASCII
    /// one is lowered byte by byte, and other tokens are cut from the
    /// sentence lowered once. `lowercased()` for every token was a hot leaf
    /// of the tokenizer.
    static func lower(
        _ text: String, _ s: [Unicode.Scalar], _ lowered: IndicatorLoweredScalars, _ a: Int, _ b: Int
    ) -> String {
        var hasCapital = false
        for k in a..<b {
            let v = s[k].value
            if v >= 0x80 { return lowered.string(a, b) }
            if v >= 0x41 && v <= 0x5A { hasCapital = true }
        }
        guard hasCapital else { return text }
        return String(unsafeUninitializedCapacity: b - a) { buffer in
            for k in a..<b { buffer[k - a] = ASCIICase.lower(UInt8(truncatingIfNeeded: s[k].value)) }
            return b - a
        }
    }

    private static func mutedTokens(_ tokens: [Token]) -> [ClosedRange<Int>] {
        var muted: [ClosedRange<Int>] = []
        var stack: [Int] = []
        // "(" and ")" are always one-scalar punctuation tokens: the kind test
        // spares a string comparison (and a token copy) for every word.
        for i in tokens.indices where tokens[i].kind == .punct {
            let text = tokens[i].text
            if text == "(" { stack.append(i) }
            if text == ")", let open = stack.popLast() {
                let inside = tokens[(open + 1)..<i]
                // A number token is ASCII digits, "." and ",": its UTF-8 is its
                // characters, so byte tests answer as `count` and Foundation's
                // `contains` (a CFStringFind per token) did.
                let citation = inside.contains { t in
                    t.kind == .number && t.text.utf8.count == 4 && !t.text.utf8.contains(0x2E)
                        && !t.text.utf8.contains(0x2C)
                }
                let code = inside.contains { t in
                    t.kind == .word && t.text.unicodeScalars.contains(where: isDigit)
                        && t.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
                }
                let label = ["project", "projects", "no", "nos"].contains(inside.first?.lower ?? "")
                if citation || code || label { muted.append(open...i) }
            }
        }
        return muted
    }
}

/// English number words, so "nine", "thirty-two" and "ninety two" count as figures.
enum NumberWords {
    static let small: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90,
    ]
    static let scales: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]

    /// The value of one word ("thirty-two" → 32), or nil.
    static func value(_ word: String) -> Double? {
        // Every number word, and the tens part of "thirty-two", starts with one
        // of these letters: most words are turned away before any hashing.
        // (A lowercased token equal to an ASCII key is that ASCII: no other
        // scalar is canonically equivalent to a lowercase ASCII letter.)
        switch word.utf8.first {
        case UInt8(ascii: "z"), UInt8(ascii: "o"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "s"),
            UInt8(ascii: "e"), UInt8(ascii: "n"):
            break
        default:
            return nil
        }
        let read = { (bytes: UnsafeBufferPointer<UInt8>) -> Double? in lookUp(bytes) ?? hyphenated(bytes) }
        return word.utf8.withContiguousStorageIfAvailable(read) ?? Array(word.utf8).withUnsafeBufferPointer(read)
    }

    /// "thirty-two": what `word.split(separator: "-")` into exactly a tens
    /// and a small word under ten gave, read in the bytes. The answer is a
    /// number only when the word is those two ASCII words with runs of "-"
    /// around them (split omits empty parts); then every scalar is ASCII and
    /// each is its own Character, so the Character split cut the same parts.
    /// Splitting made two arrays for every hyphenated word starting with a
    /// number word's letter ("e-commerce", "state-owned").
    private static func hyphenated(_ word: UnsafeBufferPointer<UInt8>) -> Double? {
        var parts: [Range<Int>] = []
        var k = 0
        while k < word.count {
            if word[k] == UInt8(ascii: "-") {
                k += 1
                continue
            }
            var end = k + 1
            while end < word.count && word[end] != UInt8(ascii: "-") { end += 1 }
            // Only "thirty-two" has two parts: a word without "-" is done here.
            if parts.isEmpty && k == 0 && end == word.count { return nil }
            guard parts.count < 2 else { return nil }
            parts.append(k..<end)
            k = end
        }
        guard parts.count == 2,
            let t = find(UnsafeBufferPointer(rebasing: word[parts[0]]), in: packedTens),
            let u = find(UnsafeBufferPointer(rebasing: word[parts[1]]), in: packedSmall), u < 10
        else { return nil }
        return t + u
    }

    private static let packedTens = tens.map { (word: IndicatorPackedWord($0.key), value: $0.value) }
    private static let packedSmall = small.map { (word: IndicatorPackedWord($0.key), value: $0.value) }

    private static func find(
        _ word: UnsafeBufferPointer<UInt8>, in table: [(word: IndicatorPackedWord, value: Double)]
    ) -> Double? {
        guard word.count <= IndicatorPackedWord.capacity else { return nil }
        let packed = IndicatorPackedWord(word, lowering: false)
        for entry in table where entry.word == packed { return entry.value }
        return nil
    }

    /// `small` and `tens` packed (see `IndicatorPackedWord`; no key is longer
    /// than nine bytes): a word is compared with each in integer tests. The
    /// length buckets of byte arrays this replaces retained and released
    /// each entry they compared, and the scanner asks this of most words.
    private static let packedWords: [(word: IndicatorPackedWord, value: Double)] =
        small.merging(tens, uniquingKeysWith: { a, _ in a }).map { (IndicatorPackedWord($0.key), $0.value) }

    /// `small[word] ?? tens[word]` for a word given as bytes (the keys are
    /// distinct ASCII of three to nine bytes, so equal bytes is equal keys).
    private static func lookUp(_ word: UnsafeBufferPointer<UInt8>) -> Double? {
        guard word.count >= 3 && word.count <= 9 else { return nil }
        let packed = IndicatorPackedWord(word, lowering: false)
        for entry in packedWords where entry.word == packed { return entry.value }
        return nil
    }

    /// Reads a number written in words from token `i`: its value and the token after it.
    static func read(_ t: SentenceTokens, at i: Int) -> (value: Double, next: Int)? {
        guard i >= 0 && i < t.tokens.count, t.tokens[i].kind == .word else { return nil }
        let firstLower = t.tokens[i].lower
        guard var value = value(firstLower) else { return nil }
        var next = i + 1
        // "ninety two"
        if tens[firstLower] != nil, let u = small[t.lower(next)], u < 10, u > 0 {
            value += u
            next += 1
        }
        if t.lower(next) == "hundred" {
            value *= 100
            next += 1
        }
        return (value, next)
    }
}
