/// Whether the figure pattern of `EventExtractor.isFigureOnly` matches a
/// sentence, read on the sentence's `DateScanner.classes` (which date
/// finding made already) instead of an ICU pass: the regex was still run on
/// every dated sentence that `FigureCues` let through, a tenth of event
/// extraction. Only whether some alternative matches somewhere is asked.
/// The class bytes read as the regex does (see `DateScanner`): `\d` is 0-9,
/// `\s` tab, line feed, carriage return or space, `\b` the class bytes'
/// word test, case folding ASCII; `.` stops at a line feed or carriage
/// return (the other line terminators leave a sentence to the regex).
/// `DateScannerTests` checks this against the regex on every sentence.
enum EventFigureScan {
    static let units = DateScanner.bytes([
        "percent", "per cent", "billion", "million", "thousand", "tons", "tonnes", "dollar", "dolors", "times",
        "projects", "companies",
    ])
    static let verbs = DateScanner.bytes([
        "amounted to", "reached", "exceeded", "increased by", "decreased by", "grew by", "rose by", "fell by",
    ])
    static let amounts = DateScanner.bytes(["number", "volume", "share", "amount"])
    static let of = Array(" of".utf8)
    /// `verbsByInitial[b]`, `amountsByInitial[b]`: the words whose first letter is byte b in either case.
    static let verbsByInitial = byInitial(verbs)
    static let amountsByInitial = byInitial(amounts)

    /// `startsWord[a << 7 | b]`: whether a verb or an amount word starts
    /// with ASCII bytes a, b in either case. The test made at every letter,
    /// so the word lists are fetched only where one may start (fetching them
    /// at each letter retained and released them).
    static let startsWord: [Bool] = {
        var table = [Bool](repeating: false, count: 1 << 14)
        for word in verbs + amounts {
            for a in [word[0], word[0] & ~0x20] {
                for b in [word[1], word[1] & ~0x20] { table[Int(a) << 7 | Int(b)] = true }
            }
        }
        return table
    }()

    static func byInitial(_ words: [[UInt8]]) -> [[[UInt8]]] {
        (0..<256).map { b in words.filter { $0[0] == ASCIICase.lower(UInt8(b)) } }
    }

    /// `(?i)(\$\s*\d)|(\d[\d,.]*\s*(%|percent|per cent|billion|million|thousand|tons|tonnes|dollars?|dolors|times\b|projects|companies))|((amounted to|reached|exceeded|increased by|decreased by|grew by|rose by|fell by)\s+\D{0,12}\d)|(\b(number|volume|share|amount) of\b.*?(?<![\d.,])\d{1,3}(?![\d]))`
    /// matches somewhere in the sentence of class bytes `s`.
    static func matches(_ s: [UInt8]) -> Bool {
        let n = s.count
        let starts = startsWord
        var i = 0
        while i < n {
            let b = s[i]
            if b == 0x24, currencyAmount(s, i) { return true }
            if DateScanner.isDigit(b) {
                // `[\d,.]*` is taken whole (a unit cannot begin with a digit,
                // "," or "."), so every digit of the run ends it at the same place.
                var e = i + 1
                while e < n && (DateScanner.isDigit(s[e]) || s[e] == 0x2C || s[e] == 0x2E) { e += 1 }
                if unit(s, e) { return true }
                i = e
                continue
            }
            if b < 0x80, i + 1 < n, s[i + 1] < 0x80, starts[Int(b) << 7 | Int(s[i + 1])],
                verbThenNumber(s, i, verbsByInitial[Int(b)]) || amountOfNumber(s, i, amountsByInitial[Int(b)])
            {
                return true
            }
            i += 1
        }
        return false
    }

    /// `\$\s*\d` at the "$" at i.
    static func currencyAmount(_ s: [UInt8], _ i: Int) -> Bool {
        var j = i + 1
        while j < s.count && DateScanner.isSpace(s[j]) { j += 1 }
        return j < s.count && DateScanner.isDigit(s[j])
    }

    /// `\s*(%|percent|...|times\b|projects|companies)` at i.
    static func unit(_ s: [UInt8], _ i: Int) -> Bool {
        var j = i
        while j < s.count && DateScanner.isSpace(s[j]) { j += 1 }
        guard j < s.count else { return false }
        if s[j] == 0x25 { return true }
        for (k, u) in units.enumerated() {
            guard let e = DateScanner.word(s, j, u) else { continue }
            // "times" is the one unit that must end a word; "dollars?" needs only "dollar".
            if k == 9 && !DateScanner.isBoundary(s, e) { continue }
            return true
        }
        return false
    }

    /// `(amounted to|...|fell by)\s+\D{0,12}\d` at i: `\s+` gives its spaces
    /// to `\D` only by taking fewer, so the widest reach takes them all, and
    /// the first digit after them must come within twelve scalars.
    static func verbThenNumber(_ s: [UInt8], _ i: Int, _ candidates: [[UInt8]]) -> Bool {
        for v in candidates {
            guard let e = DateScanner.word(s, i, v), let w = DateScanner.spaces(s, e) else { continue }
            var j = w
            while j < s.count && j <= w + 12 {
                if DateScanner.isDigit(s[j]) { return true }
                j += 1
            }
        }
        return false
    }

    /// `\b(number|volume|share|amount) of\b.*?(?<![\d.,])\d{1,3}(?![\d])` at
    /// i: on the same line after "of", a run of one to three digits not
    /// after a digit, "." or ",".
    static func amountOfNumber(_ s: [UInt8], _ i: Int, _ candidates: [[UInt8]]) -> Bool {
        guard !candidates.isEmpty, DateScanner.isBoundary(s, i) else { return false }
        for a in candidates {
            guard let e = DateScanner.word(s, i, a), let o = DateScanner.word(s, e, of), DateScanner.isBoundary(s, o)
            else { continue }
            // `\b` after "of" puts a non-word scalar at o, so a digit run starts after it.
            var j = o
            while j < s.count && s[j] != 0x0A && s[j] != 0x0D {
                if DateScanner.isDigit(s[j]) {
                    var k = j
                    while k < s.count && DateScanner.isDigit(s[k]) { k += 1 }
                    let before = s[j - 1]
                    if k - j <= 3 && before != 0x2E && before != 0x2C { return true }
                    j = k
                    continue
                }
                j += 1
            }
            return false
        }
        return false
    }
}
