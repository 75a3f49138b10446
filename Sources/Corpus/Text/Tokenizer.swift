/// A sentence cut into its smallest pieces, each with its Unicode-scalar
/// offsets: a run of ASCII digits, a run of letters, or one mark that is not
/// white space. `SentenceTokens` joins pieces into words and numbers
/// ("10,000", "Su-27"); `DateReader` reads the pieces themselves, since a
/// date is made of them ("2014-2016" is 2014, "-", 2016; "1990s" is 1990 and "s").
/// One pass over the scalars makes them, for both.
struct SentencePieces: Sendable {
    struct Piece: Sendable {
        typealias Kind = SentenceTokens.Token.Kind
        var kind: Kind
        var range: Range<Int>
        /// The piece's text, lowercased when it is a word.
        var lower: String
        /// The value of a number piece (its first nine digits).
        var value: Int
        /// No space between this piece and the one before ("2000s": "s" is joined).
        var joined: Bool
        var isCapitalised: Bool
    }

    let scalars: [Unicode.Scalar]
    let pieces: [Piece]

    var count: Int { pieces.count }
    subscript(i: Int) -> Piece { pieces[i] }

    /// Piece `i`'s lowercase, or "" outside the text.
    func lower(_ i: Int) -> String { i >= 0 && i < pieces.count ? pieces[i].lower : "" }

    /// Whether piece `i` is the one mark `mark`.
    func isMark(_ i: Int, _ mark: Unicode.Scalar) -> Bool {
        i >= 0 && i < pieces.count && pieces[i].kind == .punct && scalars[pieces[i].range.lowerBound] == mark
    }

    /// Whether piece `i` is the word `word`, printed so.
    func isWord(_ i: Int, _ word: String) -> Bool {
        i >= 0 && i < pieces.count && pieces[i].kind == .word && scalars[pieces[i].range].elementsEqual(word.unicodeScalars)
    }

    /// How many scalars (white space) lie between piece `i` and the one before it.
    func gap(before i: Int) -> Int { i > 0 ? pieces[i].range.lowerBound - pieces[i - 1].range.upperBound : 0 }

    /// The text of scalars `[from, to)`.
    func text(_ from: Int, _ to: Int) -> String { String(scalars: scalars[from..<to]) }

    func text(_ range: Range<Int>) -> String { text(range.lowerBound, range.upperBound) }

    /// The scalars are decoded in one pass into an array sized by the UTF-8
    /// (exact for ASCII): `Array(text.unicodeScalars)` decoded the text twice,
    /// once to count the scalars and once to copy them.
    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars { scalars.append(c) }
        self.init(scalars: scalars)
    }

    init(scalars s: [Unicode.Scalar]) {
        scalars = s
        var pieces: [Piece] = []
        // About one piece in four scalars (a word and its space): one allocation for most texts.
        pieces.reserveCapacity(s.count / 4 + 1)
        var i = 0
        while i < s.count {
            let c = s[i]
            if SentenceTokens.isWhitespace(c) {
                i += 1
                continue
            }
            let joined = i > 0 && !SentenceTokens.isWhitespace(s[i - 1])
            var j = i + 1
            let kind: Piece.Kind
            var value = 0
            if c.value >= 0x30 && c.value <= 0x39 {
                while j < s.count, s[j].value >= 0x30 && s[j].value <= 0x39 { j += 1 }
                kind = .number
                for d in s[i..<min(j, i + 9)] { value = value * 10 + Int(d.value - 0x30) }
            } else if Self.isLetter(c) {
                while j < s.count, Self.isLetter(s[j]) { j += 1 }
                kind = .word
            } else {
                kind = .punct
            }
            let capital = c.isASCII ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase
            pieces.append(Piece(
                kind: kind, range: i..<j, lower: Self.lowercase(s[i..<j], word: kind == .word), value: value,
                joined: joined, isCapitalised: capital))
            i = j
        }
        self.pieces = pieces
    }

    /// Alphabetic, answered for ASCII without the Unicode property tables.
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        return c.properties.isAlphabetic
    }

    /// A piece's text, lowercased when it is a word. Most pieces are ASCII:
    /// their bytes are lowercased in place rather than through `lowercased()`.
    static func lowercase(_ run: ArraySlice<Unicode.Scalar>, word: Bool) -> String {
        guard run.allSatisfy(\.isASCII) else {
            let text = String(scalars: run)
            return word ? text.lowercased() : text
        }
        return String(unsafeUninitializedCapacity: run.count, initializingUTF8With: { buffer in
            for (k, c) in run.enumerated() {
                let b = UInt8(c.value)
                buffer[k] = word && b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            }
            return run.count
        })
    }
}

/// A sentence cut into words, numbers and punctuation, each with its
/// Unicode-scalar offsets in the sentence, so rules can look a few words
/// either side of a number without regular expressions. Tokens are made by
/// joining the sentence's `SentencePieces`, which stay readable beside them.
///
/// What makes a token:
/// - a number is a run of digits with "." between digits ("84.07"), "," before
///   exactly three digits ("10,000") or a decimal comma before one or two
///   ("1,5", read 1.5); letters right after it are a token of their own, so
///   "$240.1bn" reads "$", "240.1", "bn" and "14th" reads "14", "th";
/// - a word is a run of letters and digits starting with a letter, with "-"
///   or an apostrophe inside ("Su-27", "year-on-year", "Russia's");
///   digits joined to a word by "-" stay in it ("173-FZ", "40-50");
/// - anything else that is not white space is one punctuation token.
struct SentenceTokens: Sendable {
    struct Token: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case number, word, punct }
        var text: String
        var lower: String
        var kind: Kind
        var start: Int
        var end: Int
        /// The value of a number token ("10,000" → 10000, "1,5" → 1.5).
        var number: Double?
    }

    /// The pieces the tokens are joined from (what `DateReader` reads).
    let pieces: SentencePieces
    var scalars: [Unicode.Scalar] { pieces.scalars }
    let tokens: [Token]
    /// Token ranges, each a pair of parentheses with what is inside, that read
    /// as a citation or a code list ("(Li Hui, 2017)", "(Projects 877EKM, 636
    /// and 636M)"): never figures or dates.
    let mutedRanges: [ClosedRange<Int>]

    init(_ text: String) { self.init(text, pieces: nil) }

    /// The tokens of `text`, joined from its `pieces` when they are already cut (`DocumentDates` shares them).
    init(_ text: String, pieces given: SentencePieces?) {
        // Each scalar with its index in `text`, so a token's text is a slice of
        // the sentence rather than a string built scalar by scalar.
        let view = text.unicodeScalars
        var scalars: [Unicode.Scalar] = []
        var indices: [String.Index] = []
        if given == nil { scalars.reserveCapacity(text.utf8.count) }
        indices.reserveCapacity(text.utf8.count + 1)
        var at = view.startIndex
        while at != view.endIndex {
            indices.append(at)
            if given == nil { scalars.append(view[at]) }
            view.formIndex(after: &at)
        }
        indices.append(view.endIndex)
        pieces = given ?? SentencePieces(scalars: scalars)
        tokens = Self.tokenize(pieces) { a, b in String(view[indices[a]..<indices[b]]) }
        mutedRanges = Self.mutedTokens(tokens)
    }

    subscript(_ i: Int) -> Token? { tokens.indices.contains(i) ? tokens[i] : nil }

    /// Token `i`'s lowercase, or "" outside the sentence.
    func lower(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].lower : "" }

    /// The text of scalars `[from, to)`.
    func text(_ from: Int, _ to: Int) -> String {
        let a = max(0, min(from, scalars.count))
        let b = max(a, min(to, scalars.count))
        return String(scalars: scalars[a..<b])
    }

    /// Whether tokens `i` and `i + 1` touch (no space between them).
    func touching(_ i: Int) -> Bool {
        i >= 0 && i + 1 < tokens.count && tokens[i].end == tokens[i + 1].start
    }

    /// Whether the words starting at token `i` are `phrase` (lowercase, space separated).
    /// The phrase's words are compared in place, on UTF-8, without cutting
    /// the phrase into new strings: the figure and count rules ask this for
    /// every number against every phrase of their tables.
    func matches(_ phrase: String, at i: Int) -> Bool {
        guard i >= 0 else { return false }
        var k = i
        var rest = phrase.utf8[...]
        while let start = rest.firstIndex(where: { $0 != Self.space }) {
            let end = rest[start...].firstIndex(of: Self.space) ?? rest.endIndex
            guard k < tokens.count, tokens[k].lower.utf8.elementsEqual(rest[start..<end]) else { return false }
            k += 1
            rest = rest[end...]
        }
        return k <= tokens.count
    }

    /// Whether the words ending just before token `i` are `phrase`.
    func matches(_ phrase: String, before i: Int) -> Bool {
        matches(phrase, at: i - Self.wordCount(phrase))
    }

    private static let space = UInt8(ascii: " ")

    /// How many space-separated words `phrase` has.
    static func wordCount(_ phrase: String) -> Int {
        var count = 0
        var inWord = false
        for b in phrase.utf8 {
            if b == space { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// Whether token `i` lies inside a muted parenthesis.
    func isMuted(_ i: Int) -> Bool { mutedRanges.contains { $0.contains(i) } }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// ASCII is answered without the Unicode property tables (most scalars are ASCII).
    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isDigit(s) || ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
        return s.properties.isAlphabetic
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s == " " || ("\t"..."\r").contains(s) }
        return s.properties.isWhitespace
    }

    /// Joins pieces into tokens. `slice(a, b)` is the text of scalars `a..<b`.
    private static func tokenize(_ p: SentencePieces, slice: (Int, Int) -> String) -> [Token] {
        var tokens: [Token] = []
        let s = p.scalars
        let n = p.count
        /// Piece `k` when it touches the piece before it.
        func touching(_ k: Int) -> SentencePieces.Piece? { k < n && p[k].joined ? p[k] : nil }
        var i = 0
        while i < n {
            let first = p[i]
            guard first.kind != .punct else {
                tokens.append(make(s, first.range.lowerBound, first.range.upperBound, .punct, slice))
                i += 1
                continue
            }
            var j = i + 1
            var digitsOnly = first.kind == .number
            while let d = touching(j) {
                if d.kind == .number {
                    j += 1
                    continue
                }
                if d.kind == .word {
                    // Letters right after a number are their own token ("240.1bn", "14th").
                    if digitsOnly { break }
                    j += 1
                    continue
                }
                // A mark: it joins only between two pieces it touches.
                guard let after = touching(j + 1), after.kind != .punct else { break }
                let mark = d.lower
                if mark == "-" || mark == "'" || mark == "’" {
                    digitsOnly = false
                    j += 1
                    continue
                }
                let afterDigits = p[j - 1].kind == .number && after.kind == .number
                if mark == "." && afterDigits {
                    j += 1
                    continue
                }
                // "10,000" (a comma before exactly three digits) and, in a number, "1,5".
                if mark == "," && afterDigits {
                    let group = after.range.count
                    if group == 3 || (digitsOnly && group <= 2 && touching(j + 2)?.lower != ",") {
                        j += 1
                        continue
                    }
                }
                break
            }
            tokens.append(make(s, first.range.lowerBound, p[j - 1].range.upperBound, digitsOnly ? .number : .word, slice))
            i = j
        }
        return tokens
    }

    private static func make(
        _ s: [Unicode.Scalar], _ a: Int, _ b: Int, _ kind: Token.Kind, _ slice: (Int, Int) -> String
    ) -> Token {
        let text = slice(a, b)
        // Most tokens are ASCII without a capital: their own lowercase.
        let lowercase = s[a..<b].allSatisfy { $0.value < 0x80 && !("A"..."Z").contains($0) }
        var number: Double?
        if kind == .number {
            // The last comma group decides: three digits are thousands, fewer a decimal comma.
            let groups = text.split(separator: ",", omittingEmptySubsequences: false)
            if groups.count == 2 && groups[1].count < 3 && !groups[0].contains(".") {
                number = Double("\(groups[0]).\(groups[1])")
            } else {
                number = Double(text.filter { $0 != "," })
            }
        }
        return Token(
            text: text, lower: lowercase ? text : text.lowercased(), kind: number == nil && kind == .number ? .word : kind,
            start: a, end: b, number: number)
    }

    /// Currency symbols and codes ("(Rbs 12)" is a sum, not a page).
    private static let currencyWords = Set(Lexicon.currencies.map { $0.phrase.split(separator: " ").last.map(String.init) ?? $0.phrase })

    private static func mutedTokens(_ tokens: [Token]) -> [ClosedRange<Int>] {
        var muted: [ClosedRange<Int>] = []
        var stack: [Int] = []
        var square: Int?
        for i in tokens.indices where tokens[i].kind == .punct {
            // "[4, p. 12]", "[6–8]": a numeric citation.
            if tokens[i].text == "[" { square = i }
            if tokens[i].text == "]", let open = square {
                let inside = tokens[(open + 1)..<i]
                if inside.contains(where: { $0.kind == .number })
                    && inside.allSatisfy({ $0.kind != .word || ["p", "pp"].contains($0.lower) })
                {
                    muted.append(open...i)
                }
                square = nil
            }
            if tokens[i].text == "(" { stack.append(i) }
            if tokens[i].text == ")", let open = stack.popLast() {
                let inside = tokens[(open + 1)..<i]
                let citation = inside.contains { t in
                    t.kind == .number && t.text.count == 4 && !t.text.contains(".") && !t.text.contains(",")
                }
                // "877EKM", "5A" (a number glued to letters), "Tu-160".
                let code = inside.indices.contains { k in
                    let t = tokens[k]
                    // ("$540mn" keeps its scale: that is a figure, not a code.)
                    let glued = t.kind == .number && k + 1 < i && tokens[k + 1].kind == .word
                        && tokens[k + 1].start == t.end && Lexicon.scales[tokens[k + 1].lower] == nil
                    return glued || (t.kind == .word && t.text.unicodeScalars.contains(where: isDigit)
                        && t.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }))
                }
                let label = ["project", "projects", "no", "nos"].contains(inside.first?.lower ?? "")
                // "(Lukin 45)", "(Lo and Trenin 12-14)", "("Tourism" 67)", "(126)": a name
                // or title and then a page, or a page alone.
                let named = inside.first.map { $0.kind == .punct || $0.text.first?.isUppercase == true } == true
                let page = inside.last.map { $0.kind == .number || ($0.kind == .word && $0.text.first?.isNumber == true) } == true
                let money = inside.count >= 2 && currencyWords.contains(inside[inside.endIndex - 2].lower)
                let locator = page && !money && (named || inside.count == 1)
                if citation || code || label || locator { muted.append(open...i) }
            }
        }
        return muted
    }
}
