/// Whether a sentence may hold a date or a figure, asked before it is cut
/// into pieces (most sentences hold neither), in one pass over its bytes:
/// - a date needs a digit, a capitalised month or weekday ("in May", "on
///   Tuesday"), or a word of `DateReader.triggerWords` ("the same year",
///   "the seventeenth century", "the sixties");
/// - a figure needs a digit or a word that can start or scale a figure in
///   `FigureScanner`: a number word ("nine", "thirty-two"), a scale word ("a
///   thousand students") or the noun of a fraction ("half of", "two-thirds of").
///
/// The words come from the `Lexicon` and `DateReader`, so a word added there
/// is seen here. An answer may be a false "yes", never a false "no".
struct SentenceGate: Sendable {
    private(set) var mayHoldDate = false
    private(set) var mayHoldFigure = false

    init(_ sentence: String) {
        var sentence = sentence
        var mayHoldDate = false
        var mayHoldFigure = false
        sentence.withUTF8 { bytes in
            var wordStart: Int?
            for i in 0...bytes.count {
                let byte = i < bytes.count ? bytes[i] : UInt8(ascii: " ")
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    mayHoldDate = true
                    mayHoldFigure = true
                    return
                }
                if Self.isASCIILetter(byte) {
                    if wordStart == nil { wordStart = i }
                    continue
                }
                if let start = wordStart, i - start <= Self.longestWord,
                    let roles = Self.roles(of: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                {
                    let capital = bytes[start] >= UInt8(ascii: "A") && bytes[start] <= UInt8(ascii: "Z")
                    if roles.contains(.figure) { mayHoldFigure = true }
                    if roles.contains(.date) || (capital && roles.contains(.capitalisedDate)) { mayHoldDate = true }
                    if mayHoldDate && mayHoldFigure { return }
                }
                wordStart = nil
            }
        }
        self.mayHoldDate = mayHoldDate
        self.mayHoldFigure = mayHoldFigure
    }

    /// What a word may start: a figure, a date, or a date when capitalised (a month or weekday).
    struct Roles: OptionSet, Sendable {
        let rawValue: UInt8
        static let figure = Roles(rawValue: 1)
        static let date = Roles(rawValue: 2)
        static let capitalisedDate = Roles(rawValue: 4)
    }

    /// Every word the gate looks for, lowercase, with what it may start.
    static let words: [String: Roles] = {
        var words: [String: Roles] = [:]
        let figureWords = Set(Lexicon.numberWords.keys).union(Lexicon.scales.keys)
            .union(Lexicon.fractions.keys.compactMap { asciiWords($0).last })
        for w in figureWords { words[w, default: []].insert(.figure) }
        for w in DateReader.triggerWords { words[w, default: []].insert(.date) }
        for w in Array(Lexicon.months.keys) + Array(Lexicon.weekdays.keys) { words[w, default: []].insert(.capitalisedDate) }
        return words
    }()
    private static let longestWord = words.keys.map(\.utf8.count).max() ?? 0

    /// Which (length, first letter) pairs some word in `words` has: most
    /// words of a sentence are ruled out here without building and hashing a string.
    private static let wordShapes: [Bool] = {
        var shapes = [Bool](repeating: false, count: (longestWord + 1) * 32)
        for w in words.keys { if let first = w.utf8.first { shapes[shape(w.utf8.count, first)] = true } }
        return shapes
    }()
    private static func shape(_ length: Int, _ first: UInt8) -> Int { length * 32 + Int(first & 0x1F) }
    private static func mayBeWord(length: Int, first: UInt8) -> Bool { wordShapes[shape(length, first)] }

    /// `words` by shape: the few words of one length and first letter, with
    /// their bytes, compared with a run of letters folded to lowercase in
    /// place (no string is built and hashed for a word of the sentence).
    private static let wordsByShape: [[(bytes: [UInt8], roles: Roles)]] = {
        var buckets = [[(bytes: [UInt8], roles: Roles)]](repeating: [], count: (longestWord + 1) * 32)
        for (w, roles) in words { if let first = w.utf8.first { buckets[shape(w.utf8.count, first)].append((Array(w.utf8), roles)) } }
        return buckets
    }()

    /// What the run of ASCII letters `letters` (at most `longestWord` long) may start: `words[lowercase(letters)]`.
    private static func roles(of letters: UnsafeBufferPointer<UInt8>) -> Roles? {
        guard let first = letters.first, mayBeWord(length: letters.count, first: first) else { return nil }
        for candidate in wordsByShape[shape(letters.count, first)] {
            var k = 0
            while k < letters.count && letters[k] | 0x20 == candidate.bytes[k] { k += 1 }
            if k == letters.count { return candidate.roles }
        }
        return nil
    }

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
