/// Reads numbers written in words ("nine", "thirty-two", "ninety two",
/// "two hundred") from the tokens of a sentence, with `Lexicon.numberWords`.
enum NumberWords {
    /// The value of one word ("thirty-two" → 32), or nil.
    static func value(_ word: String) -> Double? {
        // No number word ("seventy-seven" is the longest) has more than 13 bytes.
        guard word.utf8.count <= 13 else { return nil }
        if let v = Lexicon.numberWords[word] { return v }
        // A byte test: `contains("-")` walked the word's characters.
        guard word.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = word.split(separator: "-")
        guard parts.count == 2, let tens = Lexicon.numberWords[String(parts[0])], tens >= 20,
            let unit = Lexicon.numberWords[String(parts[1])], unit > 0, unit < 10
        else { return nil }
        return tens + unit
    }

    /// Reads a number written in words from token `i`: its value and the token after it.
    static func read(_ t: SentenceTokens, at i: Int) -> (value: Double, next: Int)? {
        guard let token = t[i], token.kind == .word, var value = value(token.lower) else { return nil }
        var next = i + 1
        // "ninety two"
        if value >= 20, value.truncatingRemainder(dividingBy: 10) == 0, let u = Lexicon.numberWords[t.lower(next)],
            u > 0, u < 10
        {
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
