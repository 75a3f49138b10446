/// Splits cleaned text into sentences, surviving abbreviations and initials
/// ("U.S.", "O. A.", "No. 7", "pp. 60", "Dr. Pathak").
public enum SentenceSplitter {
    /// Abbreviations after which a full stop does not end a sentence (lowercased, no dot),
    /// the months' among them (`Lexicon.monthAbbreviations`).
    static let abbreviations = Lexicon.monthAbbreviations.union([
        "u.s", "u.k", "u.n", "dr", "mr", "mrs", "ms", "prof", "ed", "eds",
        "etc", "e.g", "i.e", "vs", "st", "jr", "sr", "prov", "cf", "al", "approx", "inc", "ltd", "co",
        "gen", "col", "lt",
    ])

    /// Abbreviations that only stand before a number ("No. 7", "pp. 60", "Vol. 2"): "no." before a
    /// capitalised word is the word "no" ending a sentence.
    static let numberAbbreviations: Set<String> = ["no", "nos", "pp", "p", "vol", "vols", "fig", "art", "ch"]

    /// Scalar ranges of the sentences in `text`, whitespace trimmed.
    public static func sentences(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = text.count
        var depth = 0  // parentheses: "(Timofeyev O. A., 2014)." never splits inside
        while i < n {
            let s = text[i]
            // Most scalars are none of "(", ")", ".", "!", "?" (all at or below "?"):
            // passed over after one comparison.
            if s.value > 0x3F { i += 1; continue }
            if s == "(" { depth += 1 } else if s == ")" { depth = max(0, depth - 1) }
            if depth == 0 && (s == "." || s == "!" || s == "?") {
                var end = i + 1
                while end < n, closers.contains(text[end]) { end += 1 }
                // ").The": a missing space after a closing parenthesis still ends the sentence.
                let glued = s == "." && end < n && i > 0 && text[i - 1] == ")" && startsGluedWord(text, at: end)
                if end == n || glued || (text[end] == " " && startsSentence(text, from: end + 1)) {
                    if s != "." || !isAbbreviation(text, dotAt: i) {
                        append(&result, text, start, end)
                        start = end
                        i = end
                        continue
                    }
                }
            }
            i += 1
        }
        append(&result, text, start, n)
        return result
    }

    public static func sentences(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return sentences(in: scalars).map { String(scalars: scalars[$0]) }
    }

    private static let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "'", ")", "]"]

    private static func startsSentence(_ t: [Unicode.Scalar], from i: Int) -> Bool {
        var j = i
        while j < t.count, t[j] == " " { j += 1 }
        guard j < t.count else { return true }
        let c = t[j]
        if ScalarClass.isUppercase(c) || ScalarClass.isNumeric(c) { return true }
        // "Asset. (2019), Sino-Russian ...": a parenthesis carried on by a comma is not a new sentence.
        if c == "(" { return !parenthesisContinues(t, at: j) }
        if c == "\"" || c == "“" || c == "‘" || c == "[" { return true }
        // CJK and other scripts without case start sentences too.
        return ScalarClass.isAlphabetic(c) && !ScalarClass.isLowercase(c) && !ScalarClass.isUppercase(c)
    }

    /// An uppercase letter followed by a lowercase one: the start of a capitalised word.
    private static func startsGluedWord(_ t: [Unicode.Scalar], at i: Int) -> Bool {
        i + 1 < t.count && ScalarClass.isUppercase(t[i]) && ScalarClass.isLowercase(t[i + 1])
    }

    /// Whether the parenthesis opening at `i` closes (within a short span) and is followed by `,` or `;`.
    private static func parenthesisContinues(_ t: [Unicode.Scalar], at i: Int) -> Bool {
        var k = i + 1
        while k < t.count, k - i < 40, t[k] != ")" { k += 1 }
        guard k < t.count, t[k] == ")", k + 1 < t.count else { return false }
        return t[k + 1] == "," || t[k + 1] == ";"
    }

    private static func isAbbreviation(_ t: [Unicode.Scalar], dotAt i: Int) -> Bool {
        var j = i
        while j > 0, !ScalarClass.isWhitespace(t[j - 1]), t[j - 1] != "(" { j -= 1 }
        // Quotes and brackets before the word are not part of it ("“U.S.").
        while j < i, !ScalarClass.isAlphabetic(t[j]) { j += 1 }
        if j == i { return false }
        // Every rule below needs a word of at most six letters or one with a
        // dot inside; most dots end longer words, told apart here without
        // making a String. (ASCII only: then scalars are letters one to one.)
        if i - j > 6, !t[j..<i].contains(where: { $0 == "." || !$0.isASCII }) { return false }
        let word = String(scalars: t[j..<i]).lowercased()
        if abbreviations.contains(word) { return true }
        if numberAbbreviations.contains(word), nextIsNumber(t, after: i) { return true }
        // Initials: "O." "A." — one capital letter.
        if word.count == 1, let c = t[j..<i].first, ScalarClass.isUppercase(c) { return true }
        // Dotted acronyms: "U.S", "U.S.S.R".
        if word.contains(Character(".")), word.split(separator: ".").allSatisfy({ $0.count == 1 }) { return true }
        return false
    }

    private static func nextIsNumber(_ t: [Unicode.Scalar], after i: Int) -> Bool {
        var k = i + 1
        while k < t.count, t[k] == " " { k += 1 }
        return k < t.count && ScalarClass.isNumeric(t[k])
    }

    private static func append(_ result: inout [Range<Int>], _ t: [Unicode.Scalar], _ start: Int, _ end: Int) {
        var a = start
        var b = end
        while a < b, ScalarClass.isWhitespace(t[a]) { a += 1 }
        while b > a, ScalarClass.isWhitespace(t[b - 1]) { b -= 1 }
        if a < b { result.append(a..<b) }
    }
}
