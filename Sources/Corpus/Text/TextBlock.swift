/// A run of non-blank lines in the raw file, classified by what it looks like.
/// Blocks are the raw material of sections and passages.
struct TextBlock: Sendable {
    enum Kind: Sendable, Equatable {
        case heading(level: Int)
        /// A horizontal rule (`---`), the page-footnote separator in these files.
        case rule
        /// A page footnote (`\* Dr. ...`, `¹ School of ...`).
        case footnote
        /// One item of a bulleted list (`- ...`), typically a reference entry.
        case listItem
        /// A running header or footer or a bare page number (`PageFurniture`):
        /// never content, skipped where it cuts a sentence.
        case pageFurniture
        case paragraph
    }

    var kind: Kind
    /// Raw scalar range `[start, end)` of the block, trailing newline excluded.
    var start: Int
    var end: Int

    /// Splits raw text into blocks at blank lines; every bullet line is a block of its own,
    /// and so is a page number or running header printed on a line of its own.
    static func blocks(in scalars: [Unicode.Scalar]) -> [TextBlock] {
        var lines: [(start: Int, end: Int)] = []
        var lineStart = 0
        for (i, s) in scalars.enumerated() where s == "\n" {
            lines.append((lineStart, i))
            lineStart = i + 1
        }
        if lineStart < scalars.count { lines.append((lineStart, scalars.count)) }

        var blocks: [TextBlock] = []
        var current: (start: Int, end: Int)?
        func flush() {
            if let c = current { blocks.append(TextBlock(kind: .paragraph, start: c.start, end: c.end)) }
            current = nil
        }
        for line in lines {
            let content = trimmedRange(scalars, line.start, line.end)
            if content.isEmpty {
                flush()
                continue
            }
            if scalars[content.lowerBound] == "-" && content.count > 1 && scalars[content.lowerBound + 1] == " " {
                flush()
                blocks.append(TextBlock(kind: .listItem, start: content.lowerBound, end: content.upperBound))
                continue
            }
            // Page furniture with no blank line around it ("… for three\n57\ndays …").
            if PageFurniture.mayBeFurniture(scalars, content), PageFurniture.shapeAlone(Array(scalars[content])) != nil {
                flush()
                blocks.append(TextBlock(kind: .pageFurniture, start: content.lowerBound, end: content.upperBound))
                continue
            }
            if let c = current { current = (c.start, content.upperBound) } else { current = (content.lowerBound, content.upperBound) }
        }
        flush()
        var classified = blocks.map { block in
            var b = block
            if b.kind == .paragraph { b.kind = classify(scalars, b.start, b.end) }
            return b
        }
        markPageFurniture(&classified, in: scalars)
        return classified
    }

    /// Marks the single lines that are page furniture: by their shape alone,
    /// by coming back with another page number, or by standing between the
    /// two halves of a sentence (see `PageFurniture`).
    static func markPageFurniture(_ blocks: inout [TextBlock], in s: [Unicode.Scalar]) {
        // The candidates: one short line, and neither a Markdown heading, a
        // rule, a footnote nor a list item. Most blocks fail the first test.
        var candidates: [Int] = []
        for (i, b) in blocks.enumerated() where b.end - b.start <= PageFurniture.maxLength {
            switch b.kind {
            case .paragraph: break
            case .heading: if s[b.start] == "#" { continue }
            default: continue
            }
            if !s[b.start..<b.end].contains("\n") { candidates.append(i) }
        }
        guard !candidates.isEmpty else { return }
        // By shape, or by coming back: only lines with a number (or a mark
        // around one) at an end are read word by word.
        var numbered: [(index: Int, line: [Unicode.Scalar])] = []
        for i in candidates where PageFurniture.mayBeFurniture(s, blocks[i].start..<blocks[i].end) {
            numbered.append((i, Array(s[blocks[i].start..<blocks[i].end])))
        }
        var repeats: [String: Int] = [:]
        for (_, line) in numbered where PageFurniture.hasPageNumberAtAnEnd(line) {
            repeats[PageFurniture.repetitionKey(line), default: 0] += 1
        }
        for (i, line) in numbered {
            if PageFurniture.shapeAlone(line) != nil
                || (PageFurniture.hasPageNumberAtAnEnd(line) && repeats[PageFurniture.repetitionKey(line), default: 0] >= 2)
            {
                blocks[i].kind = .pageFurniture
            }
        }
        // Between the halves of a sentence: judged once the others are known,
        // since a header and a page number may stand there together.
        let skipped: (Kind) -> Bool = { $0 == .rule || $0 == .footnote || $0 == .pageFurniture }
        // How often each candidate line comes back, its numbers aside: made
        // only when a line stands before a capitalised half (most files have none).
        var lineRepeats: [String: Int]?
        for i in candidates where blocks[i].kind != .pageFurniture {
            let b = blocks[i]
            guard b.end - b.start <= PageFurniture.maxLengthInsideASentence else { continue }
            if let last = lastVisible(s, b), sentenceClosing.contains(last) { continue }
            // A line starting in lowercase carries the sentence on; it does not cut it.
            if let first = firstVisible(s, b), ScalarClass.isLowercase(first) { continue }
            var before = i - 1
            while before >= 0, skipped(blocks[before].kind) { before -= 1 }
            var after = i + 1
            while after < blocks.count, skipped(blocks[after].kind) { after += 1 }
            guard before >= 0, after < blocks.count, blocks[before].kind == .paragraph, blocks[after].kind == .paragraph,
                let open = lastVisible(s, blocks[before]), !sentenceClosing.contains(open),
                // A section heading ("References") is never furniture.
                !sectionWords.contains(String(scalars: s[b.start..<b.end]).lowercased())
            else { continue }
            if !carriesASentenceOn(s, blocks[after]) {
                // The sentence may carry on with a name ("… and traditional /
                // header / Chinese medicine"): only a line shaped like a header,
                // after a long paragraph cut at a lowercase word.
                guard blocks[before].end - blocks[before].start > PageFurniture.minLengthBeforeACapitalisedHalf,
                    endsInALowercaseWord(s, blocks[before]),
                    let first = firstVisible(s, blocks[after]), ScalarClass.isUppercase(first)
                else { continue }
                if lineRepeats == nil {
                    var counts: [String: Int] = [:]
                    for j in candidates {
                        counts[PageFurniture.repetitionKey(Array(s[blocks[j].start..<blocks[j].end])), default: 0] += 1
                    }
                    lineRepeats = counts
                }
                let line = Array(s[b.start..<b.end])
                let repeated = (lineRepeats?[PageFurniture.repetitionKey(line)] ?? 0) >= 2
                guard PageFurniture.isHeaderBeforeACapitalisedHalf(line, repeated: repeated) else { continue }
            }
            blocks[i].kind = .pageFurniture
        }
    }

    /// Whether a block stops in the middle of a sentence of prose: at a comma,
    /// or at a whole word in lowercase ("… spent an estimated CNY 1.9 billion
    /// on treatment and traditional"), not at a name, a number or the tail of
    /// an address ("… Oxford University Press", "… example.org/report").
    static func endsInALowercaseWord(_ s: [Unicode.Scalar], _ b: TextBlock) -> Bool {
        guard let last = lastVisible(s, b) else { return false }
        if last == "," { return true }
        var i = b.end - 1
        while i >= b.start, s[i] == "*" || s[i] == "_" || ScalarClass.isWhitespace(s[i]) { i -= 1 }
        let wordEnd = i
        while i >= b.start, ScalarClass.isAlphabetic(s[i]) || s[i] == "-" || s[i] == "'" || s[i] == "’" { i -= 1 }
        guard i < wordEnd, i >= b.start, ScalarClass.isWhitespace(s[i]) else { return false }
        return s[(i + 1)...wordEnd].allSatisfy { !ScalarClass.isAlphabetic($0) || ScalarClass.isLowercase($0) }
    }

    /// Marks after which a paragraph's sentence is finished.
    static let sentenceClosing: Set<Unicode.Scalar> = [".", "!", "?", ":", ";", "\"", "”", "’", ")", ">", "]"]

    /// The last scalar of a block that is not emphasis or whitespace.
    static func lastVisible(_ s: [Unicode.Scalar], _ b: TextBlock) -> Unicode.Scalar? {
        var i = b.end - 1
        while i >= b.start, s[i] == "*" || s[i] == "_" || ScalarClass.isWhitespace(s[i]) { i -= 1 }
        return i >= b.start ? s[i] : nil
    }

    /// The first scalar of a block that is not emphasis or whitespace.
    /// Whether a paragraph opens with the lowercase words of a sentence
    /// begun before it: "be delivered by rail", but not a family name
    /// whose particle is written in lower case ("van Loon, H. (2011)",
    /// "de Souza"), which opens an entry of its own.
    static func carriesASentenceOn(_ s: [Unicode.Scalar], _ b: TextBlock) -> Bool {
        guard let first = firstVisible(s, b), ScalarClass.isLowercase(first) else { return false }
        var i = b.start
        while i < b.end, s[i] == "*" || s[i] == "_" || ScalarClass.isWhitespace(s[i]) { i += 1 }
        var word = ""
        while i < b.end, ScalarClass.isAlphabetic(s[i]) { word.unicodeScalars.append(s[i]); i += 1 }
        guard Lexicon.nameParticles.contains(word.lowercased()), i < b.end, s[i] == " " || s[i] == "-" || s[i] == "'"
        else { return true }
        let nameStart = i + 1
        return !(nameStart < b.end && ScalarClass.isUppercase(s[nameStart]))
    }

    static func firstVisible(_ s: [Unicode.Scalar], _ b: TextBlock) -> Unicode.Scalar? {
        var i = b.start
        while i < b.end, s[i] == "*" || s[i] == "_" || ScalarClass.isWhitespace(s[i]) { i += 1 }
        return i < b.end ? s[i] : nil
    }

    private static func trimmedRange(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Range<Int> {
        var a = start
        var b = end
        while a < b && ScalarClass.isWhitespace(s[a]) { a += 1 }
        while b > a && ScalarClass.isWhitespace(s[b - 1]) { b -= 1 }
        return a..<b
    }

    private static let sectionWords: Set<String> = [
        "abstract", "introduction", "conclusion", "conclusions", "references", "bibliography",
        "acknowledgements", "acknowledgments", "notes", "literature",
    ]

    static func classify(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Kind {
        // Long blocks are only ever paragraphs or footnotes: decide without building a String.
        if end - start > 200, s[start] != "#", s[start] != "\\", s[start] != "*", s[start] != "-", s[start] != "_",
            !isSuperscriptDigit(s[start])
        {
            return .paragraph
        }
        return classifyASCII(s, start, end) ?? classifyText(s, start, end)
    }

    /// `classifyText` for a block of ASCII without carriage returns, where
    /// every scalar is one `Character`: the same tests made on the scalars,
    /// with no String, lowercased copy or grapheme count per block (most
    /// blocks of a corpus are short paragraphs that pass every test). Nil
    /// for any other block.
    static func classifyASCII(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Kind? {
        var newline = false
        for i in start..<end {
            let v = s[i].value
            if v >= 0x80 || v == 0x0D { return nil }
            if v == 0x0A { newline = true }
        }
        let count = end - start
        if count >= 3, s[start..<end].allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" }) { return .rule }
        if s[start] == "#" { return .heading(level: s[start..<end].prefix(while: { $0 == "#" }).count) }
        if count >= 2, (s[start] == "\\" && s[start + 1] == "*") || (s[start] == "*" && s[start + 1] == " ") {
            return .footnote
        }
        if newline || count > 150 { return .paragraph }
        var a = start
        var b = end
        while a < b, s[a] == " " || s[a] == "*" || s[a] == ":" { a += 1 }
        while b > a, s[b - 1] == " " || s[b - 1] == "*" || s[b - 1] == ":" { b -= 1 }
        // A numbered heading starts with a digit; the longest section word has 16 letters.
        if a < b, ScalarClass.isNumeric(s[a]), let level = numberedHeadingLevel(String(scalars: s[a..<b])) {
            return .heading(level: level)
        }
        if b - a <= 16, sectionWords.contains(String(scalars: s[a..<b]).lowercased()) { return .heading(level: 1) }
        var letters = 0
        for c in s[a..<b] {
            let v = c.value
            if v >= 0x30 && v <= 0x39 { return .paragraph }  // a digit
            if v >= 0x61 && v <= 0x7A { return .paragraph }  // a lowercase letter
            if v >= 0x41 && v <= 0x5A { letters += 1 }
        }
        return letters >= 4 && b - a <= 80 ? .heading(level: 1) : .paragraph
    }

    /// The classification of any block, by its text: the definition the
    /// ASCII path above follows.
    static func classifyText(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Kind {
        var text = String(scalars: s[start..<end])
        if text.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" }) && text.count >= 3 { return .rule }
        if text.hasPrefix("#") {
            let level = text.prefix(while: { $0 == "#" }).count
            return .heading(level: level)
        }
        if text.hasPrefix("\\*") || text.hasPrefix("* ") || (text.first.map { superscriptDigits.contains($0) } ?? false) {
            return .footnote
        }
        if s[start..<end].contains("\n") || text.count > 150 { return .paragraph }
        // Trimmed of " *:" scalar by scalar, as Foundation's trimming did, without its CharacterSet.
        var a = start
        var b = end
        while a < b, s[a] == " " || s[a] == "*" || s[a] == ":" { a += 1 }
        while b > a, s[b - 1] == " " || s[b - 1] == "*" || s[b - 1] == ":" { b -= 1 }
        text = String(scalars: s[a..<b])
        // "2.1. Economic Sphere", "1. INTRODUCTION"
        if let level = numberedHeadingLevel(text) { return .heading(level: level) }
        if sectionWords.contains(text.lowercased()) { return .heading(level: 1) }
        // "REFERENCES", "ASIAN INSTITUTE OF RESEARCH": short, all caps, no digits.
        let letters = text.unicodeScalars.filter { ScalarClass.isAlphabetic($0) }
        if letters.count >= 4 && text.count <= 80 && !text.contains(where: \.isNumber)
            && letters.allSatisfy({ ScalarClass.isUppercase($0) })
        {
            return .heading(level: 1)
        }
        return .paragraph
    }

    static let superscriptDigits: Set<Character> = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰"]

    /// `¹` … `⁰` by scalar value: hashing a `Character` per scalar costs a normalisation.
    static func isSuperscriptDigit(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xB9, 0xB2, 0xB3, 0x2070, 0x2074...0x2079: return true
        default: return false
        }
    }

    /// The depth of a numbered heading such as `2.1. Energy Sphere`, or nil.
    private static func numberedHeadingLevel(_ text: String) -> Int? {
        var depth = 0
        var rest = Substring(text)
        while let digit = rest.first, digit.isNumber {
            let number = rest.prefix(while: \.isNumber)
            rest = rest.dropFirst(number.count)
            guard rest.first == "." else { return nil }
            rest = rest.dropFirst()
            depth += 1
        }
        guard depth > 0, rest.first == " " else { return nil }
        let title = rest.drop(while: { $0 == " " })
        guard let first = title.first, first.isUppercase else { return nil }
        // A heading is a title, not a sentence: at most one full stop, at its end.
        let stops = title.filter { $0 == "." }.count
        if stops > 1 || (stops == 1 && title.last != ".") { return nil }
        // A numbered note or entry ends in a full stop after its locator or
        // date ("2. A. Iwashita, *A Journey* (Sapporo, 2004), 3–5.",
        // "8. Mancall, *Russia and China*, 150."); a heading does not.
        if stops == 1, let lastWord = title.dropLast().split(separator: " ").last, lastWord.contains(where: \.isNumber) {
            return nil
        }
        return depth
    }
}

import Foundation
