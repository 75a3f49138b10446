/// A sentence cut into words, numbers and punctuation, each with its
/// Unicode-scalar offsets in the sentence, so rules can look a few words
/// either side of a number without regular expressions.
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

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// Token ranges, each a pair of parentheses with what is inside, that read
    /// as a citation or a code list ("(Li Hui, 2017)", "(Projects 877EKM, 636
    /// and 636M)"): never figures or dates.
    let mutedRanges: [ClosedRange<Int>]

    init(_ text: String) {
        // Each scalar with its index in `text`, so a token's text is a slice of
        // the sentence rather than a string built scalar by scalar.
        let view = text.unicodeScalars
        var scalars: [Unicode.Scalar] = []
        var indices: [String.Index] = []
        scalars.reserveCapacity(text.utf8.count)
        indices.reserveCapacity(text.utf8.count + 1)
        var at = view.startIndex
        while at != view.endIndex {
            indices.append(at)
            scalars.append(view[at])
            view.formIndex(after: &at)
        }
        indices.append(view.endIndex)
        self.scalars = scalars
        tokens = Self.tokenize(scalars) { a, b in String(view[indices[a]..<indices[b]]) }
        mutedRanges = Self.mutedTokens(tokens)
    }

    subscript(_ i: Int) -> Token? { tokens.indices.contains(i) ? tokens[i] : nil }

    /// Token `i`'s lowercase, or "" outside the sentence.
    func lower(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].lower : "" }

    /// The text of scalars `[from, to)`.
    func text(_ from: Int, _ to: Int) -> String {
        let a = max(0, min(from, scalars.count))
        let b = max(a, min(to, scalars.count))
        return String(String.UnicodeScalarView(scalars[a..<b]))
    }

    /// Whether tokens `i` and `i + 1` touch (no space between them).
    func touching(_ i: Int) -> Bool {
        i >= 0 && i + 1 < tokens.count && tokens[i].end == tokens[i + 1].start
    }

    /// Whether the words starting at token `i` are `phrase` (lowercase, space separated).
    func matches(_ phrase: String, at i: Int) -> Bool {
        let words = phrase.split(separator: " ")
        guard i >= 0, i + words.count <= tokens.count else { return false }
        return words.indices.allSatisfy { tokens[i + $0].lower == words[$0] }
    }

    /// Whether the words ending just before token `i` are `phrase`.
    func matches(_ phrase: String, before i: Int) -> Bool {
        matches(phrase, at: i - phrase.split(separator: " ").count)
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

    /// `slice(a, b)` is the text of scalars `a..<b`.
    private static func tokenize(_ s: [Unicode.Scalar], slice: (Int, Int) -> String) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        let n = s.count
        func at(_ k: Int) -> Unicode.Scalar { k < n ? s[k] : " " }
        while i < n {
            let c = s[i]
            if isWhitespace(c) {
                i += 1
                continue
            }
            guard isAlnum(c) else {
                tokens.append(make(s, i, i + 1, .punct, slice))
                i += 1
                continue
            }
            var j = i + 1
            var digitsOnly = isDigit(c)
            while j < n {
                let d = s[j]
                if isDigit(d) {
                    j += 1
                    continue
                }
                if isAlnum(d) {
                    // Letters right after a number are their own token ("240.1bn", "14th").
                    if digitsOnly { break }
                    j += 1
                    continue
                }
                if (d == "-" || d == "'" || d == "’") && isAlnum(at(j + 1)) {
                    digitsOnly = false
                    j += 1
                    continue
                }
                if d == "." && isDigit(s[j - 1]) && isDigit(at(j + 1)) {
                    j += 1
                    continue
                }
                // "10,000" (a comma before exactly three digits) and, in a number, "1,5".
                if d == "," && isDigit(s[j - 1]) && isDigit(at(j + 1)) {
                    var k = j + 1
                    while k < n && isDigit(s[k]) { k += 1 }
                    let group = k - j - 1
                    if group == 3 || (digitsOnly && group <= 2 && !isDigit(at(k)) && at(k) != ",") {
                        j += 1
                        continue
                    }
                }
                break
            }
            tokens.append(make(s, i, j, digitsOnly ? .number : .word, slice))
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
