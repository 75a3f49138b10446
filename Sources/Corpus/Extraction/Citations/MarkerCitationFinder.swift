/// Citations written as numbers rather than names: numeric markers "[1]",
/// "[2, 3]", "[6–8]", "[4, p. 12]" (the same in parentheses when the list is
/// numbered), and note marks "<sup>12</sup>" or "¹²" that point to a note.
/// Found in the raw text, since the passage text drops note marks.
struct MarkerCitation: Sendable, Hashable {
    var passage: Passage
    /// Raw-file scalar range of the marker.
    var raw: Range<Int>
    /// The marker as written.
    var text: String
    /// Every number it cites, ranges expanded ("[6–8]" → 6, 7, 8).
    var numbers: [Int]
    var locator: String?
    var isNote: Bool
}

enum MarkerCitationFinder {
    static let superscriptDigits: [Unicode.Scalar: Int] = [
        "⁰": 0, "¹": 1, "²": 2, "³": 3, "⁴": 4, "⁵": 5, "⁶": 6, "⁷": 7, "⁸": 8, "⁹": 9,
    ]
    /// What a superscript note mark follows: the end of a word's sentence or clause.
    /// A superscript after a letter or digit is an exponent ("km²").
    static let noteMarkFollows: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", ")", "”", "\"", "’", "'", "*"]

    static func find(in document: Document, skipping sections: Set<String>, parentheses: Bool) -> [MarkerCitation] {
        var out: [MarkerCitation] = []
        for passage in document.passages where !sections.contains(passage.sectionID) {
            let base = passage.rawStart
            let s = Array(document.raw.slice(base..<passage.rawEnd).unicodeScalars)
            let covered = coveredScalars(of: passage, count: s.count)
            var i = 0
            while i < s.count {
                // A line no scalar of the passage text comes from is one the passage
                // steps over where it joins blocks: a running header, a page number or
                // a page footnote ("Journal 12(3)" cites nothing).
                if i == 0 || s[i - 1] == "\n" {
                    var end = i
                    while end < s.count, s[end] != "\n" { end += 1 }
                    if !covered[i..<end].contains(true) {
                        i = end + 1
                        continue
                    }
                }
                let c = s[i]
                // A number in parentheses right after a digit is an issue number, "2021;8(2)", not a citation.
                if c == "[" || (parentheses && c == "(" && !(i > 0 && isDigit(s[i - 1]))), let m = bracketed(s, i) {
                    out.append(MarkerCitation(
                        passage: passage, raw: base + i..<base + m.end, text: text(s, i, m.end), numbers: m.numbers,
                        locator: m.locator, isNote: false))
                    i = m.end
                } else if c == "<", let m = sup(s, i) {
                    out.append(MarkerCitation(
                        passage: passage, raw: base + i..<base + m.end, text: text(s, i, m.end), numbers: m.numbers,
                        locator: nil, isNote: true))
                    i = m.end
                } else if superscriptDigits[c] != nil, i > 0, noteMarkFollows.contains(s[i - 1]) {
                    var j = i, n = 0
                    while j < s.count, let d = superscriptDigits[s[j]] { n = n * 10 + d; j += 1 }
                    out.append(MarkerCitation(
                        passage: passage, raw: base + i..<base + j, text: text(s, i, j), numbers: [n], locator: nil, isNote: true))
                    i = j
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// Which raw scalars of the passage's range, counted from its start, some scalar of its
    /// cleaned text comes from (read from the offset map's runs, not scalar by scalar).
    static func coveredScalars(of passage: Passage, count: Int) -> [Bool] {
        var covered = [Bool](repeating: false, count: count)
        let (starts, bases) = passage.rawOffsets.runs
        let base = passage.rawStart
        for r in starts.indices {
            let length = (r + 1 < starts.count ? Int(starts[r + 1]) : passage.rawOffsets.count) - Int(starts[r])
            let from = max(0, Int(bases[r]) - base), to = min(count, Int(bases[r]) - base + length)
            if from < to { for k in from..<to { covered[k] = true } }
        }
        return covered
    }

    private static func text(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
        String(String.UnicodeScalarView(s[a..<b]))
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    /// Numbers and ranges joined by commas from `i`; nil when none.
    private static func numberList(_ s: [Unicode.Scalar], _ start: Int) -> (numbers: [Int], end: Int)? {
        var i = start
        var numbers: [Int] = []
        func skipSpaces() { while i < s.count, s[i] == " " { i += 1 } }
        func number() -> Int? {
            var n = 0, k = 0
            while i < s.count, isDigit(s[i]), k < 3 { n = n * 10 + Int(s[i].value - 48); i += 1; k += 1 }
            return k > 0 && !(i < s.count && isDigit(s[i])) ? n : nil
        }
        while true {
            skipSpaces()
            let before = i
            guard let a = number() else { i = before; break }
            skipSpaces()
            if i < s.count, "-–—".unicodeScalars.contains(s[i]) {
                let dash = i
                i += 1
                skipSpaces()
                if let b = number(), b >= a, b - a < 50 { numbers += Array(a...b) } else { i = dash; numbers.append(a) }
            } else {
                numbers.append(a)
            }
            skipSpaces()
            guard i < s.count, s[i] == ",", i + 1 < s.count else { break }
            let comma = i
            i += 1
            skipSpaces()
            guard i < s.count, isDigit(s[i]) else { i = comma; break }
        }
        return numbers.isEmpty ? nil : (numbers, i)
    }

    /// "[2, 3]", "[6–8]", "[4, p. 12]", "(3, pp. 88–90)", and groups joined by
    /// ";" as GOST writes them, "[4, p. 116; 5]": every number, and the
    /// locator of the first group that has one.
    static func bracketed(_ s: [Unicode.Scalar], _ open: Int) -> (numbers: [Int], locator: String?, end: Int)? {
        let close: Unicode.Scalar = s[open] == "[" ? "]" : ")"
        var numbers: [Int] = []
        var locator: String?
        var i = open + 1
        while true {
            // A link's text "[12](…)" or an array index is no citation; neither is a bracket inside a word.
            guard let list = numberList(s, i) else { return nil }
            numbers += list.numbers
            i = list.end
            if i < s.count, s[i] == "," {
                var j = i + 1
                while j < s.count, s[j] == " " { j += 1 }
                guard j < s.count, s[j] == "p" else { return nil }
                var k = j
                while k < s.count, s[k] != close, s[k] != ";", k - j < 30 { k += 1 }
                guard k < s.count, s[k] == close || s[k] == ";" else { return nil }
                if locator == nil { locator = TextPattern.replace("^pp?\\.\\s*", in: text(s, j, k), with: "") }
                i = k
            }
            guard i < s.count, s[i] == ";" else { break }
            i += 1
        }
        guard i < s.count, s[i] == close else { return nil }
        if close == "]", i + 1 < s.count, s[i + 1] == "(" { return nil }
        return (numbers, locator, i + 1)
    }

    /// "<sup>12</sup>", "<sup>3, 4</sup>".
    static func sup(_ s: [Unicode.Scalar], _ open: Int) -> (numbers: [Int], end: Int)? {
        let tag = Array("<sup>".unicodeScalars), end = Array("</sup>".unicodeScalars)
        guard open + tag.count < s.count, Array(s[open..<open + tag.count]) == tag,
            let list = numberList(s, open + tag.count),
            list.end + end.count <= s.count, Array(s[list.end..<list.end + end.count]) == end
        else { return nil }
        return (list.numbers, list.end + end.count)
    }
}
