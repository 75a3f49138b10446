/// Turns raw Markdown-ish text into reading text while remembering, for every
/// kept scalar, where it stood in the raw file.
///
/// What it removes: backslash escapes (`\$` → `$`), the escaped footnote mark
/// `\*`, `<sup>`/`</sup>`/`<sub>`/`</sub>` tags, emphasis asterisks and
/// underscores around words, superscript footnote digits, list bullets, and
/// Markdown link targets (`[text](url)` keeps `text`). Whitespace runs,
/// including the line breaks inside a block, become one space.
struct TextCleaner {
    private(set) var scalars: [Unicode.Scalar] = []
    /// `offsets[i]` is the raw offset of `scalars[i]`.
    private(set) var offsets: [Int] = []

    /// Appends the cleaned form of raw `[start, end)`.
    mutating func append(_ raw: [Unicode.Scalar], from start: Int, to end: Int) {
        var i = start
        scalars.reserveCapacity(scalars.count + end - start)
        offsets.reserveCapacity(offsets.count + end - start)
        if end - start > 1 && raw[i] == "-" && raw[i + 1] == " " { i += 2 }
        while i < end {
            // A run of scalars kept as they are, copied at once: text between
            // the marks below, with single spaces (a space after a kept
            // scalar is kept, as the whitespace rule below would).
            var j = i
            while j < end {
                let c = raw[j]
                if c == " " {
                    guard j > i, raw[j - 1] != " " else { break }
                } else if !Self.isPlain(c) {
                    break
                }
                j += 1
            }
            if j > i {
                scalars.append(contentsOf: raw[i..<j])
                offsets.append(contentsOf: i..<j)
                i = j
                continue
            }
            let s = raw[i]
            if s == "\\" && i + 1 < end {
                let next = raw[i + 1]
                if next == "*" { i += 2; continue }  // footnote mark
                if next.isASCII && next.properties.generalCategory.isPunctuationOrSymbol {
                    emit(next, at: i + 1)
                    i += 2
                    continue
                }
            }
            // A note mark after a stop or comma ("all.<sup>15</sup> The") is dropped whole, as
            // superscript digits are: its number is no part of the sentence, and the stop ends it.
            if s == "<", let markEnd = Self.noteMarkEnd(raw, at: i, limit: end, after: scalars.last) {
                i = markEnd
                continue
            }
            if s == "<", let tagEnd = Self.tagLength(raw, i, end) {
                i += tagEnd
                continue
            }
            if s == "*" { i += 1; continue }
            if s == "_" && (i + 1 == end || raw[i + 1] == "_" || (i > start && raw[i - 1] == "_")) {
                i += 1
                continue
            }
            if TextBlock.isSuperscriptDigit(s) { i += 1; continue }
            if s == "]" && i + 1 < end && raw[i + 1] == "(" {
                // Drop "](url)" of a Markdown link; the "[" was dropped already.
                if let close = raw[(i + 1)..<end].firstIndex(of: ")") {
                    i = close + 1
                    continue
                }
            }
            if s == "[" && raw[(i + 1)..<end].contains("]") && Self.isLinkStart(raw, i, end) { i += 1; continue }
            if s == " " || s == "\n" || (!s.isASCII || s == "\t" || s == "\r") && s.properties.isWhitespace {
                if let last = scalars.last, last != " " { emit(" ", at: i) }
                i += 1
                continue
            }
            emit(s, at: i)
            i += 1
        }
    }

    /// Whether `s` is always kept as it is: not a mark any rule of `append`
    /// looks at (escapes, tags, emphasis, links, superscript digits) and not
    /// whitespace that rule folds (space, line feed, tab, carriage return,
    /// or non-ASCII whitespace).
    @inline(__always)
    private static func isPlain(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            switch s {
            case "\\", "<", "*", "_", "]", "[", " ", "\n", "\t", "\r": return false
            default: return true
            }
        }
        return !TextBlock.isSuperscriptDigit(s) && !s.properties.isWhitespace
    }

    /// Adds one space standing for a page break between two joined blocks.
    mutating func appendJoin(at rawOffset: Int) {
        if let last = scalars.last, last != " " { emit(" ", at: rawOffset) }
    }

    mutating func trimTrailingSpace() {
        while scalars.last == " " {
            scalars.removeLast()
            offsets.removeLast()
        }
    }

    private mutating func emit(_ s: Unicode.Scalar, at offset: Int) {
        scalars.append(s)
        offsets.append(offset)
    }

    /// Where a note mark `<sup>12</sup>`, `<sup>2,3</sup>`, `<sup>6–8</sup>` opening at raw `i`
    /// ends, when it follows `previous`, a mark that ends a sentence or clause; nil for anything
    /// else ("km<sup>2</sup>", "21<sup>st</sup>", a mark after a word).
    static func noteMarkEnd(_ raw: [Unicode.Scalar], at i: Int, limit: Int, after previous: Unicode.Scalar?) -> Int? {
        guard let previous, noteMarkFollows.contains(previous), i + 6 < limit, raw[i + 1] == "s", raw[i + 2] == "u",
            raw[i + 3] == "p", raw[i + 4] == ">"
        else { return nil }
        var j = i + 5
        while j < limit, j - i < 24, noteMarkScalars.contains(raw[j]) { j += 1 }
        guard j > i + 5, j + 6 <= limit, raw[j..<(j + 6)].elementsEqual(closeSup) else { return nil }
        return j + 6
    }

    /// What a note mark follows (the passage text so far ends in one).
    static let noteMarkFollows: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", ")", "”", "\"", "’", "'"]
    /// What a note mark holds: numbers, lists and ranges of them.
    private static let noteMarkScalars: Set<Unicode.Scalar> = Set("0123456789,–- ".unicodeScalars)
    private static let closeSup = Array("</sup>".unicodeScalars)

    private static let tags: [[Unicode.Scalar]] = ["<sup>", "</sup>", "<sub>", "</sub>"].map { Array($0.unicodeScalars) }

    private static func tagLength(_ raw: [Unicode.Scalar], _ i: Int, _ end: Int) -> Int? {
        for tag in tags where i + tag.count <= end && raw[i..<(i + tag.count)].elementsEqual(tag) {
            return tag.count
        }
        return nil
    }

    private static func isLinkStart(_ raw: [Unicode.Scalar], _ i: Int, _ end: Int) -> Bool {
        guard let close = raw[(i + 1)..<end].firstIndex(of: "]") else { return false }
        return close + 1 < end && raw[close + 1] == "("
    }
}

extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
            .modifierSymbol, .otherSymbol:
            return true
        default: return false
        }
    }
}
