/// A byte test that tells, before the figure regex of
/// `EventExtractor.isFigureOnly` runs, that it cannot match: each of the
/// pattern's four alternatives needs a literal ("$", "%", a unit word such
/// as "million", a verb such as "amounted to", or "number of"), so a
/// sentence holding none of them is not a figure. Most dated sentences hold
/// none, and the regex pass was an eighth of event extraction.
///
/// The pattern is case-insensitive, so the literals are sought with ASCII
/// case folded. A non-ASCII scalar that case-folds to ASCII letters ("ſ",
/// the Kelvin sign, "ﬀ") could also match them; a sentence holding a
/// scalar that might do so answers `true` and takes the regex.
enum FigureCues {
    /// False only when the figure pattern cannot match `text`.
    static func mayBeFigure(_ text: String) -> Bool {
        var bytes = text
        return bytes.withUTF8 { s -> Bool in
            let table = needlesByInitial
            var i = 0
            let n = s.count
            var sawNonASCII = false
            while i < n {
                let b = s[i]
                if b >= 0x80 { sawNonASCII = true; i += 1; continue }
                if b == 0x24 || b == 0x25 { return true }  // "$", "%"
                let l = ASCIICase.lower(b)
                if l >= 0x61 && l <= 0x7A {
                    for needle in table[Int(l - 0x61)] where i + needle.count <= n {
                        var k = 1
                        while k < needle.count && ASCIICase.lower(s[i + k]) == needle[k] { k += 1 }
                        if k == needle.count { return true }
                    }
                }
                i += 1
            }
            return sawNonASCII && mayFoldToASCII(text)
        }
    }

    /// The literals the alternatives of the figure pattern need, lowercase.
    static let needles = [
        "percent", "per cent", "billion", "million", "thousand", "tons", "tonnes", "dollar", "dolors", "times",
        "projects", "companies", "amounted to", "reached", "exceeded", "increased by", "decreased by", "grew by",
        "rose by", "fell by", "number of", "volume of", "share of", "amount of",
    ]

    /// `needlesByInitial[c - "a"]`: the needles starting with letter c.
    private static let needlesByInitial: [[[UInt8]]] = (0..<26).map { c in
        needles.map { Array($0.utf8) }.filter { Int($0[0]) - 0x61 == c }
    }

    /// Whether some non-ASCII scalar of `text` may match an ASCII letter
    /// under case-insensitive matching: Latin letters and letterlike
    /// symbols, and any scalar whose case mappings hold ASCII letters.
    static func mayFoldToASCII(_ text: String) -> Bool {
        text.unicodeScalars.contains { !$0.isASCII && mayFoldToASCII($0) }
    }

    /// Whether non-ASCII scalar `c` may match an ASCII letter under case-insensitive matching.
    static func mayFoldToASCII(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x80...0x24F, 0x1E00...0x1EFF, 0x2100...0x214F, 0xFB00...0xFB4F, 0xFF00...0xFFEF: return true
        default: break
        }
        let p = c.properties
        return [p.lowercaseMapping, p.uppercaseMapping, p.titlecaseMapping, p.lowercaseMapping.uppercased()]
            .contains { $0.unicodeScalars.contains(where: \.isASCII) }
    }
}
