/// Finds a document's reference list: the passages under a section headed
/// References, Bibliography, Literature, Works Cited (or the Russian/Chinese
/// equivalents). Entries are bullets or paragraphs (the passage builder
/// already makes each its own passage); a passage that runs several entries
/// together on consecutive lines is split at lines that each open like an
/// entry ("Family, I. (2009)", "TIMOFEYEV O. A.", "*Title*", "赵文文.").
enum ReferenceListFinder {
    /// One entry: its passage, its raw span (whole lines, bullet excluded) and its cleaned text.
    struct Entry: Sendable, Hashable {
        var passage: Passage
        var raw: Range<Int>
        var text: String
    }

    static var headings: Set<String> { Lexicon.referenceHeadings }

    static func isReferenceHeading(_ title: String) -> Bool { headings.contains(headingKey(title)) }

    /// A notes heading ("Notes", "Endnotes"): the list when there is no other.
    static func isNotesHeading(_ title: String) -> Bool { Lexicon.noteHeadings.contains(headingKey(title)) }

    /// The heading lowercased, without numbering and Markdown marks: "5. REFERENCES",
    /// "## References" and "1.2 Literature" open with digits, "#", "." and spaces.
    static func headingKey(_ title: String) -> String {
        let key = title.lowercased().unicodeScalars.drop { c in
            c == "#" || c == "." || c.properties.generalCategory == .decimalNumber || ScalarClass.isWhitespace(c)
        }
        return TextPattern.trim(String(Substring(key)), ".:# ")
    }

    /// The section ids that hold references.
    static func referenceSectionIDs(in document: Document) -> Set<String> {
        let lists = Set(document.sections.filter { isReferenceHeading($0.title) }.map(\.id))
        return lists.isEmpty ? Set(document.sections.filter { isNotesHeading($0.title) }.map(\.id)) : lists
    }

    /// Reference entries, in document order.
    static func entries(in document: Document, referenceSections: Set<String>? = nil) -> [Entry] {
        let ids = referenceSections ?? referenceSectionIDs(in: document)
        var out: [Entry] = []
        // By index: only the passages of the list are copied out.
        for i in document.passages.indices where ids.contains(document.passages[i].sectionID) {
            let passage = document.passages[i]
            guard !passage.text.isEmpty else { continue }
            let whole = lineSpan(passage.rawStart..<passage.rawEnd, in: document.raw)
            let groups = entryParagraphs(passage, whole, in: document.raw)
            for group in groups {
                let lines = group.flatMap { $0 }
                // A hard-wrapped entry continues on the next line: split one paragraph only where a line
                // ends like an entry (".", ")", ">") and the next one opens like an entry.
                // A single line is never split, so its text is not read (most
                // entries are one line, and `opensEntry` may run a regex).
                if group.count == 1 && lines.count > 1 && separatesEntries(lines.map { document.raw.slice($0) }) {
                    out += lines.map { Entry(passage: passage, raw: $0, text: cleaned(passage, $0)) }
                } else if lines.count > 1, let starts = numberedEntryStarts(lines.map { document.raw.slice($0) }) {
                    // A numbered list whose entries wrap onto lines of their own, or one cut by a page
                    // break: each entry runs from its number to the line before the next number.
                    for (n, start) in starts.enumerated() {
                        let last = n + 1 < starts.count ? starts[n + 1] - 1 : lines.count - 1
                        let span = lines[start].lowerBound..<lines[last].upperBound
                        out.append(Entry(passage: passage, raw: span, text: cleaned(passage, span)))
                    }
                } else if groups.count == 1 {
                    out.append(Entry(passage: passage, raw: whole, text: passage.text))
                } else {
                    let span = lines.first!.lowerBound..<lines.last!.upperBound
                    out.append(Entry(passage: passage, raw: span, text: cleaned(passage, span)))
                }
            }
        }
        return out
    }

    /// The passage's paragraphs (runs of lines between blank lines), grouped
    /// into entries. The passage builder joins a paragraph that ends without
    /// closing punctuation to the next one, as a page break cuts a sentence;
    /// in a reference list an entry ends in a URL, a page range or a year as
    /// often as in a full stop, so a paragraph that opens like a new entry
    /// (see `ReferenceEntryShape`) starts one. Paragraphs the builder left out
    /// of the passage (a page number, a footnote between pages) are skipped.
    static func entryParagraphs(_ passage: Passage, _ whole: Range<Int>, in raw: RawText) -> [[[Range<Int>]]] {
        let lines = splitLines(whole, in: raw, keepBlank: true)
        var paragraphs: [[Range<Int>]] = [[]]
        for line in lines {
            if line.isEmpty {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line)
            }
        }
        paragraphs.removeAll { $0.isEmpty }
        guard paragraphs.count > 1 else { return paragraphs.map { [$0] } }
        var groups: [[[Range<Int>]]] = []
        var lastNumber: Int?  // the number of the last numbered line of the current group
        for paragraph in paragraphs {
            let span = paragraph.first!.lowerBound..<paragraph.last!.upperBound
            let text = cleaned(passage, span)
            guard !text.isEmpty else { continue }
            let numbers = lastNumber == nil && ReferenceEntryShape.number(text) == nil
                ? [] : paragraph.map { ReferenceEntryShape.number(raw.slice($0)) }
            // A numbered list cut by a page break: a paragraph with no number of its own whose
            // later line carries the list's next number starts with the tail of the current entry
            // ("… of the\n\n[header]\n\nGazette. 2018.\n10. …").
            let tail = lastNumber.map { n in numbers.count > 1 && numbers[0] == nil && numbers.dropFirst().contains(n + 1) } ?? false
            if groups.isEmpty || (ReferenceEntryShape.opensNewEntry(text) && !tail) {
                groups.append([paragraph])
                lastNumber = nil
            } else {
                groups[groups.count - 1].append(paragraph)
            }
            if let n = numbers.last(where: { $0 != nil }) ?? nil { lastNumber = n }
        }
        return groups
    }

    /// Whether each line opens like an entry and each but the last ends like one.
    /// A numbered list ("1. …", "[2] …") is split at every number, whatever its lines end with.
    static func separatesEntries(_ texts: [String]) -> Bool {
        if texts.allSatisfy({ ReferenceEntryShape.number($0) != nil }) { return true }
        return texts.allSatisfy(opensEntry) && texts.dropLast().allSatisfy { $0.last.map { ".)>".contains($0) } ?? false }
    }

    /// The lines that open the entries of a numbered list: the first line and
    /// at least one other carry numbers counting up by one ("1.", "2." …, or
    /// "[1]", "[2]" …); the lines between them carry their entries on. Nil when
    /// the lines are not such a list.
    static func numberedEntryStarts(_ texts: [String]) -> [Int]? {
        var starts: [Int] = []
        var expected: Int?
        for (i, text) in texts.enumerated() {
            guard let n = ReferenceEntryShape.number(text) else {
                if i == 0 { return nil }
                continue
            }
            // A number out of sequence is a wrapped line that starts with a number, not an entry.
            if let e = expected, n != e { continue }
            starts.append(i)
            expected = n + 1
        }
        return starts.count >= 2 ? starts : nil
    }

    /// The entry's raw quote without the lines its passage steps over (a running
    /// header or page number where a page break cuts the entry), for the parser:
    /// the quote itself stays verbatim. Most entries are one line and skip nothing.
    static func quoteToParse(_ entry: Entry, quote: String, in raw: RawText) -> String {
        guard quote.contains("\n") else { return quote }
        let (starts, bases) = entry.passage.rawOffsets.runs
        let count = entry.passage.rawOffsets.count
        func fromPassage(_ line: Range<Int>) -> Bool {
            starts.indices.contains { r in
                let from = Int(bases[r])
                let to = from + (r + 1 < starts.count ? Int(starts[r + 1]) : count) - Int(starts[r])
                return from < line.upperBound && line.lowerBound < to
            }
        }
        let lines = splitLines(entry.raw, in: raw)
        let kept = lines.filter(fromPassage)
        guard kept.count < lines.count, !kept.isEmpty else { return quote }
        return kept.map { raw.slice($0) }.joined(separator: " ")
    }

    /// A span widened to whole lines, so a leading "*" of an italic title or a
    /// trailing ")" of a link stays in the entry; the bullet and blanks do not.
    static func lineSpan(_ span: Range<Int>, in raw: RawText) -> Range<Int> {
        var start = span.lowerBound
        while start > 0 && raw.scalar(at: start - 1) != "\n" { start -= 1 }
        var end = span.upperBound
        while end < raw.count && raw.scalar(at: end) != "\n" { end += 1 }
        return trimmed(start..<end, in: raw)
    }

    private static func trimmed(_ span: Range<Int>, in raw: RawText) -> Range<Int> {
        trimmed(span) { raw.scalar(at: $0) }
    }

    /// `span` without blanks at either end or a bullet at the start; `scalar(i)` is the raw scalar at offset `i`.
    private static func trimmed(_ span: Range<Int>, _ scalar: (Int) -> Unicode.Scalar) -> Range<Int> {
        var start = span.lowerBound, end = span.upperBound
        while end > start && scalar(end - 1).properties.isWhitespace { end -= 1 }
        while start < end && scalar(start).properties.isWhitespace { start += 1 }
        if end - start >= 2 && ["-", "*", "•"].contains(scalar(start)) && scalar(start + 1) == " " {
            start += 2
        }
        return start..<end
    }

    /// The span's lines, trimmed. The span is decoded once: `RawText.scalar(at:)`
    /// finds each scalar from a checkpoint, and asking it for every scalar of
    /// the list was most of finding the entries.
    private static func splitLines(_ span: Range<Int>, in raw: RawText, keepBlank: Bool = false) -> [Range<Int>] {
        let scalars = Array(raw.slice(span).unicodeScalars)
        let base = span.lowerBound
        let scalar = { (i: Int) -> Unicode.Scalar in scalars[i - base] }
        var lines: [Range<Int>] = []
        var start = span.lowerBound
        for i in span where scalars[i - base] == "\n" {
            lines.append(trimmed(start..<i, scalar))
            start = i + 1
        }
        lines.append(trimmed(start..<span.upperBound, scalar))
        return keepBlank ? lines : lines.filter { !$0.isEmpty }
    }

    /// "Family, I.", "FAMILY I.", "*Title", "赵文文.", "Family I. (".
    static let opensEntryPattern =
        "^(?:\\p{Lu}[\\p{L}'\\-]+,\\s|\\p{Lu}{2,}\\s+\\p{Lu}\\.|\\*\\S|\\p{Han}{2,4}[.．]|\\p{Lu}[\\p{L}'\\-]+\\s+\\p{Lu}\\.\\s*\\()"

    static func opensEntry(_ line: String) -> Bool {
        TextPattern.matches(opensEntryPattern, line)
    }

    /// The cleaned passage text of the scalars that come from `raw`.
    private static func cleaned(_ passage: Passage, _ raw: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for (i, scalar) in passage.text.unicodeScalars.enumerated() where raw.contains(passage.rawOffsets[i]) {
            view.append(scalar)
        }
        return TextPattern.trimSpaces(String(view))
    }
}
