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

    static let headings: Set<String> = [
        "references", "reference list", "list of references", "bibliography", "literature", "works cited",
        "sources", "references and notes", "список литературы", "литература", "参考文献",
    ]

    static func isReferenceHeading(_ title: String) -> Bool {
        // Drop numbering and Markdown marks: "5. REFERENCES", "## References".
        var t = title.lowercased()
        // The anchored pattern needs its first scalar to be "#", ".", `\s` or `\d`.
        if let first = t.utf8.first, first == 0x23 || first == 0x2E || CitationPrefilters.isPossibleDigit(first)
            || CitationPrefilters.isPossibleSpace(first)
        {
            t = TextPattern.replace("^[#\\s\\d.]+", in: t, with: "")
        }
        t = TextPattern.trim(t, ".:# ")
        return headings.contains(t)
    }

    /// The section ids that hold references.
    static func referenceSectionIDs(in document: Document) -> Set<String> {
        Set(document.sections.filter { isReferenceHeading($0.title) }.map(\.id))
    }

    /// Reference entries, in document order.
    static func entries(in document: Document) -> [Entry] {
        let ids = referenceSectionIDs(in: document)
        var out: [Entry] = []
        for passage in document.passages where ids.contains(passage.sectionID) && !passage.text.isEmpty {
            let whole = lineSpan(passage.rawStart..<passage.rawEnd, in: document.raw)
            let lines = splitLines(whole, in: document.raw)
            // A hard-wrapped entry continues on the next line: split only where a line
            // ends like an entry (".", ")", ">") and the next one opens like an entry.
            let texts = lines.map { document.raw.slice($0) }
            let separate = texts.allSatisfy(opensEntry)
                && texts.dropLast().allSatisfy { $0.last.map { ".)>".contains($0) } ?? false }
            if lines.count > 1 && separate {
                out += lines.map { Entry(passage: passage, raw: $0, text: cleaned(passage, $0)) }
            } else {
                out.append(Entry(passage: passage, raw: whole, text: passage.text))
            }
        }
        return out
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
        var start = span.lowerBound, end = span.upperBound
        while end > start && raw.scalar(at: end - 1).properties.isWhitespace { end -= 1 }
        while start < end && raw.scalar(at: start).properties.isWhitespace { start += 1 }
        if end - start >= 2 && ["-", "*", "•"].contains(raw.scalar(at: start)) && raw.scalar(at: start + 1) == " " {
            start += 2
        }
        return start..<end
    }

    private static func splitLines(_ span: Range<Int>, in raw: RawText) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = span.lowerBound
        for i in span where raw.scalar(at: i) == "\n" {
            lines.append(trimmed(start..<i, in: raw))
            start = i + 1
        }
        lines.append(trimmed(start..<span.upperBound, in: raw))
        return lines.filter { !$0.isEmpty }
    }

    static func opensEntry(_ line: String) -> Bool {
        TextPattern.matches("^(?:\\p{Lu}[\\p{L}'\\-]+,\\s|\\p{Lu}{2,}\\s+\\p{Lu}\\.|\\*\\S|\\p{Han}{2,4}[.．]|\\p{Lu}[\\p{L}'\\-]+\\s+\\p{Lu}\\.\\s*\\()", line)
    }

    /// The cleaned passage text of the scalars that come from `raw`.
    private static func cleaned(_ passage: Passage, _ raw: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for (i, scalar) in passage.text.unicodeScalars.enumerated() where raw.contains(passage.rawOffsets[i]) {
            view.append(scalar)
        }
        return ScalarTrim.whitespace(String(view))
    }
}
