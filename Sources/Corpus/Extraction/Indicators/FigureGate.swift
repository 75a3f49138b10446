/// Whether a sentence may hold a figure, asked before it is tokenized (most
/// sentences hold none): it may when it has a digit or a word that can start
/// or scale a figure in `FigureScanner` — a number word ("nine",
/// "thirty-two"), a scale word ("a thousand students") or the noun of a
/// fraction ("half of", "two-thirds of"). The words come from the `Lexicon`,
/// so a word added there is seen here. The answer may be a false "yes",
/// never a false "no".
enum FigureGate {
    static func mayHoldFigure(_ sentence: String) -> Bool {
        var sentence = sentence
        return sentence.withUTF8 { bytes in
            var wordStart: Int?
            for i in 0...bytes.count {
                let byte = i < bytes.count ? bytes[i] : UInt8(ascii: " ")
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
                if isASCIILetter(byte) {
                    if wordStart == nil { wordStart = i }
                    continue
                }
                if let start = wordStart, i - start <= longestWord, words.contains(lowercase(bytes[start..<i])) {
                    return true
                }
                wordStart = nil
            }
            return false
        }
    }

    /// Number words, scale words and the last word of each fraction ("a half" → "half"), lowercase.
    static let words: Set<String> = Set(Lexicon.numberWords.keys).union(Lexicon.scales.keys)
        .union(Lexicon.fractions.keys.compactMap { asciiWords($0).last })
    private static let longestWord = words.map(\.utf8.count).max() ?? 0

    /// The runs of ASCII letters in `text` ("one-third" → "one", "third"), as the gate cuts a sentence.
    static func asciiWords(_ text: String) -> [String] {
        text.utf8.split { !isASCIILetter($0) }.map { lowercase($0) }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        let folded = byte | 0x20
        return folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
    }

    /// ASCII letters in lowercase, as a string (a short word needs no allocation).
    private static func lowercase<Bytes: Collection<UInt8>>(_ letters: Bytes) -> String {
        String(unsafeUninitializedCapacity: letters.count) { buffer in
            for (k, byte) in letters.enumerated() { buffer[k] = byte | 0x20 }
            return letters.count
        }
    }
}
