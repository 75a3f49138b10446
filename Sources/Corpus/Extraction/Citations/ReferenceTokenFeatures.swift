/// The features the reference-entry CRF reads for each token: the mirror of
/// `scripts/crf/features.py`, rule for rule (a test compares both on a
/// fixture the script writes). Tokens are runs of non-whitespace; every rule
/// works on Unicode scalars and their general category.
enum ReferenceTokenFeatures {
    static func tokenize(_ s: String) -> [Substring] {
        s.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
    }

    static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default: return false
        }
    }

    static func lower(_ s: some Sequence<Unicode.Scalar>) -> String {
        var out = ""
        for c in s { out += c.properties.lowercaseMapping }
        return out
    }

    /// The token's core, lowercased: the word a rule compares ("Ph.D.," → "ph.d", "(Report)." → "report").
    static func word<S: StringProtocol>(_ token: S) -> String { lower(core(Array(token.unicodeScalars))) }

    /// The years a four-digit number may be (the "year" feature, and the rules after the model).
    static let years = 1500...2039

    /// The token without the punctuation around it ("(2011)." → "2011").
    static func core(_ tok: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var i = 0, j = tok.count
        while i < j && !isAlnum(tok[i]) { i += 1 }
        while j > i && !isAlnum(tok[j - 1]) { j -= 1 }
        return tok[i..<j]
    }

    static func shapeChar(_ c: Unicode.Scalar) -> Unicode.Scalar {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return "A"
        case .lowercaseLetter: return "a"
        case .modifierLetter, .otherLetter: return "h"
        case .decimalNumber: return "0"
        default: return c
        }
    }

    static func shape(_ tok: [Unicode.Scalar]) -> String {
        var out: [Unicode.Scalar] = []
        for c in tok {
            let s = shapeChar(c)
            if out.last != s { out.append(s) }
        }
        return String(String.UnicodeScalarView(out.prefix(8)))
    }

    /// `dictionary` maps a lowercased core to the fields the training set mostly labels it with.
    static func tokenFeatures(_ token: Substring, dictionary: [String: [String]] = [:]) -> [String] {
        let tok = Array(token.unicodeScalars)
        let c = core(tok)
        let lc = lower(c)
        let lcs = Array(lc.unicodeScalars)
        var f = ["w=" + (lc.isEmpty ? "<p>" : lc), "s=" + shape(tok)]
        if let fields = dictionary[lc] { f += fields.map { "D=" + $0 } }
        if !lcs.isEmpty {
            f.append("p2=" + String(String.UnicodeScalarView(lcs.prefix(2))))
            f.append("x3=" + String(String.UnicodeScalarView(lcs.suffix(3))))
        }
        if let last = tok.last, !isAlnum(last) { f.append("e=" + String(last)) }
        if let first = tok.first, !isAlnum(first) { f.append("b=" + String(first)) }
        if !c.isEmpty && c.allSatisfy({ $0 >= "0" && $0 <= "9" }) {
            let n = c.count < 6 ? Int(String(String.UnicodeScalarView(c))) ?? 0 : 0
            if c.count == 4 && years.contains(n) { f.append("year") }
            f.append("d\(min(c.count, 5))")
        }
        if lc.contains("http") || lc.contains("www") { f.append("link") }
        if token.contains("10.") && token.contains("/") { f.append("doiish") }
        if isRange(c) { f.append("range") }
        return f
    }

    /// `[0-9]+[-–—][0-9]+`, the whole core.
    static func isRange(_ c: ArraySlice<Unicode.Scalar>) -> Bool {
        let digit = { (s: Unicode.Scalar) in s >= "0" && s <= "9" }
        let lead = c.prefix(while: digit)
        guard !lead.isEmpty, let dash = c.dropFirst(lead.count).first, "-–—".unicodeScalars.contains(dash) else { return false }
        let tail = c.dropFirst(lead.count + 1)
        return !tail.isEmpty && tail.allSatisfy(digit)
    }

    static let openingQuotes: Set<Unicode.Scalar> = ["“", "«", "„", "\"", "*"]
    static let closingQuotes: Set<Unicode.Scalar> = ["”", "»", "\"", "*"]

    /// Whether each token is inside quotes (or Markdown emphasis): from a token that opens
    /// with a quote to the next token that closes one after its first character.
    static func quoted(_ tokens: [Substring]) -> [Bool] {
        var out: [Bool] = []
        var inside = false
        for t in tokens {
            let scalars = t.unicodeScalars
            if !inside, let first = scalars.first, openingQuotes.contains(first) {
                out.append(true)
                inside = !scalars.dropFirst().contains(where: closingQuotes.contains)
                continue
            }
            out.append(inside)
            if inside && scalars.contains(where: closingQuotes.contains) { inside = false }
        }
        return out
    }

    /// Whether a token closes a sentence of the entry: "Title." or "(2011)." but not an initial "A.".
    static func endsSentence(_ token: Substring) -> Bool {
        guard let last = token.unicodeScalars.last, last == "." || last == "?" || last == "!" else { return false }
        return core(Array(token.unicodeScalars)).count >= 3 || last != "." || token.hasSuffix(").")
    }

    /// Words that name editors ("eds.", "Hrsg.", "под ред."): a container follows them.
    static let editorWords: Set<String> = ["ed", "eds", "edd", "hrsg", "hg", "dir", "coord", "red", "ред", "под"]

    /// What came before each token in the entry (see `context`).
    struct Context: Equatable {
        /// Sentences ended before the token (capped at 5) and left after it (capped at 3).
        var sentence = 0, sentencesLeft = 0
        var afterIn = false, afterEditors = false, afterYear = false, afterQuote = false

        /// As features: "seg=", "rseg=", "aIn", "aEd", "aY", "aQ".
        var names: [String] {
            var f = ["seg=\(sentence)", "rseg=\(sentencesLeft)"]
            if afterIn { f.append("aIn") }
            if afterEditors { f.append("aEd") }
            if afterYear { f.append("aY") }
            if afterQuote { f.append("aQ") }
            return f
        }
    }

    /// What came before each token in the entry: how many sentences ended ("seg=",
    /// capped at 5), whether an "In" / "In:" opened a container ("aIn"), whether a year
    /// was printed ("aY"), whether an editor word ("eds.", "Hrsg.") was ("aEd"), whether a
    /// quoted or emphasised run closed ("aQ"); and how many sentences are left ("rseg=", capped at 3).
    static func context(_ tokens: [Substring], own: [[String]], quoted q: [Bool]) -> [Context] {
        var out: [Context] = []
        out.reserveCapacity(tokens.count)
        let ends = tokens.map(endsSentence)
        let total = ends.dropLast().filter { $0 }.count
        var c = Context()
        var seg = 0
        for (i, t) in tokens.enumerated() {
            c.sentence = min(seg, 5)
            c.sentencesLeft = min(total - seg, 3)
            var here = c
            here.afterQuote = c.afterQuote && !q[i]
            out.append(here)
            if ends[i] { seg += 1 }
            let lc = word(t)
            if i > 0, lc == "in" || lc == "в", let first = t.unicodeScalars.first, shapeChar(first) == "A" || t.hasSuffix(":") {
                c.afterIn = true
            }
            if own[i].contains("year") { c.afterYear = true }
            if editorWords.contains(lc) { c.afterEditors = true }
            if q[i] && (i + 1 == tokens.count || !q[i + 1]) { c.afterQuote = true }
        }
        return out
    }

    /// One feature list per token: its own, its neighbours' words and ends, its place.
    static func features(_ tokens: [Substring], dictionary: [String: [String]] = [:]) -> [[String]] {
        let n = tokens.count
        let own = tokens.map { tokenFeatures($0, dictionary: dictionary) }
        let q = quoted(tokens)
        let ctx = context(tokens, own: own, quoted: q)
        var out: [[String]] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            var f = ["bias", "pos=\(10 * i / n)"] + own[i]
            if i < 3 { f.append("i=\(i)") }
            if q[i] { f.append("inq") }
            f += ctx[i].names
            for (d, name) in [(-1, "L"), (1, "R"), (-2, "LL"), (2, "RR")] {
                let j = i + d
                if j >= 0 && j < n {
                    for g in own[j] where g.hasPrefix("w=") || g.hasPrefix("e=") || (abs(d) == 1 && (g.hasPrefix("s=") || g.hasPrefix("D="))) || g == "year" {
                        f.append(name + g)
                    }
                } else {
                    f.append(name + "<edge>")
                }
            }
            out.append(f)
        }
        return out
    }
}
